package cli

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
)

// decodeStatus decodes `mps status --json` into a generic map first, so
// that the names scripts rely on are checked as they are spelt, then into
// statusOut for the values.
func decodeStatus(t *testing.T, r result) statusOut {
	t.Helper()
	raw := decodeJSON[map[string]any](t, r.stdout)
	for _, key := range []string{"profile", "app_id", "business_id", "graph_url", "api_version", "sources",
		"api_version_note", "api_version_warning", "api_version_newer", "token", "warnings"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("status --json lacks %q:\n%s", key, r.stdout)
		}
	}
	if _, isList := raw["warnings"].([]any); !isList {
		t.Errorf("warnings is not a list: %v", raw["warnings"])
	}
	token, _ := raw["token"].(map[string]any)
	for _, key := range []string{"present", "accepted", "me", "details"} {
		if _, ok := token[key]; !ok {
			t.Errorf("status --json token lacks %q:\n%s", key, r.stdout)
		}
	}
	return decodeJSON[statusOut](t, r.stdout)
}

func TestStatusJSONWithAWorkingTokenFromMPS_TOKEN(t *testing.T) {
	h := seededHarness(t)
	h.env[store.EnvToken] = sandbox.DemoToken
	r := h.mustRun("status", "--json")
	got := decodeStatus(t, r)

	if got.Profile != store.DefaultProfile || got.AppID != sandbox.DemoAppID || got.BusinessID != sandbox.DemoBusinessID ||
		got.GraphURL != h.url || got.APIVersion != "v25.0" {
		t.Errorf("settings = %+v", got)
	}
	if got.Sources.AppID != store.EnvAppID || got.Sources.GraphURL != store.EnvGraphURL || got.Sources.APIVersion != "default" {
		t.Errorf("sources = %+v", got.Sources)
	}
	if got.APIVersionNote != "usable until 2028-07-29" || got.APIVersionWarning {
		t.Errorf("version note %q, warning %v", got.APIVersionNote, got.APIVersionWarning)
	}
	tok := got.Token
	if !tok.Present || tok.Source != store.EnvToken || tok.Masked != store.MaskToken(sandbox.DemoToken) || tok.Error != "" {
		t.Errorf("token = %+v", tok)
	}
	if tok.Accepted == nil || !*tok.Accepted || tok.Me == nil || tok.Me.ID == "" || tok.Me.Name == "" {
		t.Fatalf("token not reported as accepted by a named owner: %+v", tok)
	}
	wantDetails := &tokenDetails{Type: "SYSTEM_USER", AppID: sandbox.DemoAppID, Application: tok.Details.Application, Valid: true,
		Scopes: []string{"business_management", "whatsapp_business_management", "whatsapp_business_messaging", "public_profile"}}
	if !reflect.DeepEqual(tok.Details, wantDetails) || tok.Details.Application == "" {
		t.Errorf("details = %+v, want %+v", tok.Details, wantDetails)
	}
	if len(got.Warnings) != 0 || r.stderr != "" {
		t.Errorf("warnings %v, stderr %q", got.Warnings, r.stderr)
	}
	// The text form reports the same owner.
	if text := h.mustRun("status"); !strings.Contains(text.stdout, tok.Me.Name+" ("+tok.Me.ID+")") {
		t.Errorf("text and JSON disagree on the owner %+v:\n%s", tok.Me, text.stdout)
	}
}

func TestStatusJSONWithAWrongTokenExits4AndStillPrints(t *testing.T) {
	h := seededHarness(t)
	h.env[store.EnvToken] = "EAAExpiredOrWrongToken000000000000"
	r := h.run("status", "--json", "--api-version", "v20.0")
	wantExit(t, r, ExitAuth, "status --json with a wrong token")
	got := decodeStatus(t, r)
	tok := got.Token
	if !tok.Present || tok.Source != store.EnvToken || tok.Accepted == nil || *tok.Accepted || tok.Me != nil || tok.Details != nil {
		t.Errorf("token = %+v", tok)
	}
	if !strings.Contains(tok.Error, "190") {
		t.Errorf("token.error does not carry Graph's code: %q", tok.Error)
	}
	if !got.APIVersionWarning || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "v20.0") {
		t.Errorf("version warning %v, warnings %v", got.APIVersionWarning, got.Warnings)
	}
	if !strings.Contains(r.stderr, "mps: warning: API version v20.0") || !strings.Contains(r.stderr, "\nmps: ") {
		t.Errorf("stderr lacks the warning or the error line: %s", r.stderr)
	}
}

// A /me that refuses the token is accepted: false and exit 4; one that
// cannot be read leaves the token unchecked (accepted: null) and exits 1.
func TestStatusJSONWhenMeFails(t *testing.T) {
	for _, c := range []struct {
		fault    sandbox.FaultKind
		exit     int
		accepted string
		error    string
	}{
		{sandbox.FaultExpiredToken, ExitAuth, "false", "463"},
		{sandbox.FaultMalformedJSON, ExitError, "null", "not valid JSON"},
	} {
		h := seededHarness(t)
		h.sandbox.AddFault(sandbox.Fault{Kind: c.fault, PathContains: "/me"})
		r := h.run("status", "--json")
		wantExit(t, r, c.exit, "status --json with /me failing:", c.fault.String())
		tok := decodeStatus(t, r).Token
		accepted, _ := json.Marshal(tok.Accepted)
		if string(accepted) != c.accepted || !strings.Contains(tok.Error, c.error) || tok.Me != nil || tok.Details != nil {
			t.Errorf("%v: token = %+v, want accepted %s and an error with %q", c.fault, tok, c.accepted, c.error)
		}
		if !tok.Present || !strings.HasPrefix(tok.Source, "keyring") || tok.Masked != store.MaskToken(sandbox.DemoToken) {
			t.Errorf("%v: token present %v, source %q, masked %q", c.fault, tok.Present, tok.Source, tok.Masked)
		}
	}
}

func TestStatusJSONWithoutDebugTokenDetails(t *testing.T) {
	h := seededHarness(t)
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultMalformedJSON, PathContains: "/debug_token"})
	tok := decodeStatus(t, h.mustRun("status", "--json")).Token
	if tok.Accepted == nil || !*tok.Accepted || tok.Details != nil || tok.DetailsError == "" {
		t.Errorf("token = %+v", tok)
	}
}

func TestStatusJSONWithoutATokenExits4(t *testing.T) {
	h := loggedOut(t)
	r := h.run("status", "--json")
	wantExit(t, r, ExitAuth, "status --json without a token")
	got := decodeStatus(t, r)
	want := tokenStatus{Present: false, Error: got.Token.Error}
	if !reflect.DeepEqual(got.Token, want) || !strings.Contains(got.Token.Error, "mps login") {
		t.Errorf("token = %+v", got.Token)
	}
	if got.AppID != "" || got.Sources.AppID != "" {
		t.Errorf("settings = %+v", got)
	}
	if !strings.HasPrefix(r.stderr, "mps: ") || len(h.sandbox.Requests()) != 0 {
		t.Errorf("no error on stderr (%q), or Graph was called without a token", r.stderr)
	}
}

// The harness checks every run for the token too; this says so for the
// JSON form, with a token the sandbox accepts and one it refuses.
func TestStatusJSONNeverPrintsTheToken(t *testing.T) {
	h := seededHarness(t)
	for _, token := range []string{sandbox.DemoToken, "EAAUnknownTokenForStatusJson0123456789"} {
		h.env[store.EnvToken] = token
		r := h.run("status", "--json")
		if strings.Contains(r.stdout, token) || strings.Contains(r.stderr, token) {
			t.Fatalf("status --json printed the token:\n%s\n%s", r.stdout, r.stderr)
		}
	}
}

// harnessNow is after v27.0's release: status names it for an older
// version, and names nothing for the newest.
func TestStatusSaysWhenANewerAPIVersionExists(t *testing.T) {
	h := seededHarness(t)
	h.env[store.EnvToken] = sandbox.DemoToken
	got := decodeStatus(t, h.mustRun("status", "--json"))
	if got.APIVersionNewer == nil || *got.APIVersionNewer != "v27.0" {
		t.Errorf("api_version_newer for v25.0 = %v, want v27.0", got.APIVersionNewer)
	}
	if text := h.mustRun("status").stdout; !strings.Contains(text, "v25.0: usable until 2028-07-29; newer: v27.0, released 2026-11-04") {
		t.Errorf("status does not name v27.0:\n%s", text)
	}
	r := h.mustRun("status", "--json", "--api-version", "v27.0")
	if got := decodeStatus(t, r); got.APIVersionNewer != nil {
		t.Errorf("api_version_newer for v27.0 = %q, want null", *got.APIVersionNewer)
	}
	if !strings.Contains(r.stdout, `"api_version_newer": null`) {
		t.Errorf("api_version_newer is not null:\n%s", r.stdout)
	}
	if text := h.mustRun("status", "--api-version", "v27.0").stdout; strings.Contains(text, "newer") {
		t.Errorf("status names a newer version than v27.0:\n%s", text)
	}
}
