package cli

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store"
)

func newStatusCommand(a *app) *cobra.Command {
	return a.boolFlagCommand(&cobra.Command{Use: "status", Short: statusShort, Long: statusLong}, "json", "print one JSON object instead of a list",
		func(ctx context.Context, s *Session, _ []string, asJSON bool) error { return s.runStatus(ctx, asJSON) })
}

const (
	statusShort = "Show the profile, where the token comes from, and whether Graph accepts it"
	statusLong  = "Exits 4 when there is no usable token, 1 when the token could not be checked.\n" +
		"With --json: one JSON object, printed on failure too (the error still goes to stderr):\n" +
		"  profile, app_id, business_id, graph_url, api_version   the resolved values\n" +
		"  sources               where each came from, as in `mps profile show --json`\n" +
		"  api_version_note      how long the API version stays usable\n" +
		"  api_version_warning   true when that deserves a warning\n" +
		"  api_version_newer     the newest API version Meta has released when it is newer\n" +
		"                        than api_version, such as \"v27.0\"; null when there is none\n" +
		"  token.present         whether a token was found; token.source and\n" +
		"                        token.masked (first and last 4 characters) when it was\n" +
		"  token.accepted        true or false as Graph answered GET /me, null when not checked\n" +
		"  token.error           why there is no token, or why the check failed\n" +
		"  token.me              {id, name} of the token's owner, or null\n" +
		"  token.details         from /debug_token, or null: type, app_id, application,\n" +
		"                        expires_at (RFC 3339, null: never), expired, valid, scopes\n" +
		"  token.details_error   why /debug_token gave no details\n" +
		"  warnings              what the text form warns about on stderr\n" +
		"The token itself is never printed."
)

// statusOut is `mps status --json`; the names are documented in the
// command's Detail and scripts rely on them.
type statusOut struct {
	Profile           string         `json:"profile"`
	AppID             string         `json:"app_id"`
	BusinessID        string         `json:"business_id"`
	GraphURL          string         `json:"graph_url"`
	APIVersion        string         `json:"api_version"`
	Sources           profileSources `json:"sources"`
	APIVersionNote    string         `json:"api_version_note"`
	APIVersionWarning bool           `json:"api_version_warning"`
	APIVersionNewer   *string        `json:"api_version_newer"` // null: api_version is the newest mps knows
	Token             tokenStatus    `json:"token"`
	Warnings          []string       `json:"warnings"`
}

type tokenStatus struct {
	Present  bool   `json:"present"`
	Source   string `json:"source,omitempty"`
	Masked   string `json:"masked,omitempty"` // store.MaskToken, as the text form shows it
	Accepted *bool  `json:"accepted"`         // null: not checked
	Error    string `json:"error,omitempty"`
	Me       *meOut `json:"me"`
	// Details is null when /debug_token was not asked or did not answer.
	Details      *tokenDetails `json:"details"`
	DetailsError string        `json:"details_error,omitempty"`
}

type meOut struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type tokenDetails struct {
	Type        string   `json:"type"`
	AppID       string   `json:"app_id"`
	Application string   `json:"application"`
	ExpiresAt   *string  `json:"expires_at"` // null: never expires
	Expired     bool     `json:"expired"`
	Valid       bool     `json:"valid"`
	Scopes      []string `json:"scopes"`
}

// statusReport collects the same facts as a list for the text form and as
// statusOut for --json, so that both say the same on every path.
type statusReport struct {
	fields *plainTable
	out    statusOut
}

func (s *Session) runStatus(ctx context.Context, asJSON bool) error {
	r := s.statusSettings()
	checkErr := s.checkStatusToken(ctx, r)
	var writeErr error
	if asJSON {
		r.out.Warnings = nonNil(r.out.Warnings)
		writeErr = writeJSON(s.stdout, r.out)
	} else {
		writeErr = r.fields.write(s.stdout)
	}
	s.warn(r.out.Warnings)
	return cmp.Or(checkErr, writeErr)
}

func (s *Session) statusSettings() *statusReport {
	set := s.settings
	note, versionWarn := versionNote(set.APIVersion, s.env.Now())
	r := &statusReport{fields: newFields(), out: s.profileStatus()}
	r.out.APIVersionNote, r.out.APIVersionWarning = note, versionWarn
	f := r.fields
	f.add("Profile", withSource(set.Profile, set.Sources.Profile))
	f.add("App ID", withSource(orNotSet(set.AppID), set.Sources.AppID))
	f.add("Business ID", withSource(orNotSet(set.BusinessID), set.Sources.BusinessID))
	f.add("Graph URL", withSource(set.GraphURL, set.Sources.GraphURL))
	versionLine := set.APIVersion + ": " + note
	if newer, ok := newerVersion(set.APIVersion, s.env.Now()); ok {
		r.out.APIVersionNewer = &newer.name
		versionLine += "; newer: " + newer.name + ", released " + newer.released
	}
	f.add("API version", versionLine)
	if versionWarn {
		r.out.Warnings = append(r.out.Warnings, "API version "+set.APIVersion+" is "+note)
	}
	return r
}

// profileStatus is the resolved settings part of statusOut.
func (s *Session) profileStatus() statusOut {
	p := s.profileOut()
	return statusOut{Profile: p.Profile, AppID: p.AppID, BusinessID: p.BusinessID,
		GraphURL: p.GraphURL, APIVersion: p.APIVersion, Sources: p.Sources}
}

// checkStatusToken finds the token and asks Graph about it, recording
// every step in r. Its error is the command's: exit 4 for no usable token.
func (s *Session) checkStatusToken(ctx context.Context, r *statusReport) error {
	f, t := r.fields, &r.out.Token
	token, source, err := s.lookupToken()
	if err != nil {
		f.add("Token", "none")
		t.Error = oneLine(err.Error())
		return err
	}
	masked := store.MaskToken(token)
	f.add("Token", masked+" from "+source)
	t.Present, t.Source, t.Masked = true, source, masked
	client, err := s.newClient(fixedToken(token))
	if err != nil {
		t.Error = oneLine(err.Error())
		return err
	}
	me, err := client.Me(ctx)
	if err != nil {
		f.add("Token works", "no")
		t.Error = oneLine(err.Error())
		if exitCode(err) == ExitAuth { // refused, rather than not checked
			t.Accepted = new(false)
		}
		return err
	}
	f.add("Token works", "yes, for "+meLabel(me))
	t.Accepted = new(true)
	t.Me = &meOut{ID: oneLine(me.ID), Name: oneLine(me.Name)}
	info, err := client.DebugToken(ctx)
	if err != nil {
		f.add("Token details", "not available ("+oneLine(err.Error())+")")
		t.DetailsError = oneLine(err.Error())
		return nil
	}
	r.out.Warnings = append(r.out.Warnings, describeToken(f, info, s.env.Now())...)
	t.Details = tokenDetailsOf(info, s.env.Now())
	return nil
}

// tokenDetailsOf is what describeToken lists, as statusOut carries it.
func tokenDetailsOf(info *graph.TokenInfo, now time.Time) *tokenDetails {
	d := &tokenDetails{Type: oneLine(info.Type), AppID: oneLine(info.AppID),
		Application: oneLine(info.Application), Valid: info.IsValid, Scopes: []string{}}
	if info.ExpiresAt > 0 {
		at := time.Unix(info.ExpiresAt, 0).UTC()
		d.ExpiresAt = new(at.Format(time.RFC3339))
		d.Expired = at.Before(now)
	}
	for _, scope := range info.Scopes {
		d.Scopes = append(d.Scopes, oneLine(scope))
	}
	return d
}

func (s *Session) warn(warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(s.stderr, "mps: warning: "+oneLine(w))
	}
}

// meLabel is the token's owner as Graph names it, made safe to print.
func meLabel(me *graph.Me) string {
	if me.Name == "" {
		return oneLine(me.ID)
	}
	return oneLine(me.Name + " (" + me.ID + ")")
}

func withSource(value, source string) string {
	if source == "" {
		return value
	}
	return value + "  (from " + source + ")"
}

func orNotSet(v string) string {
	if v == "" {
		return "not set"
	}
	return v
}
