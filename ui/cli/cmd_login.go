package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store"
)

func newLoginCommand(a *app) *cobra.Command {
	return a.boolFlagCommand(&cobra.Command{Use: "login", Short: loginShort, Long: loginLong}, "with-token", "read the token from standard input",
		func(ctx context.Context, s *Session, _ []string, withToken bool) error {
			return s.runLogin(ctx, withToken)
		})
}

const (
	loginShort = "Check an access token with Graph, then store it in the OS keyring"
	loginLong  = "Reads the token from a hidden prompt, or from standard input with --with-token\n" +
		"(mps login --with-token < token.txt). The token is checked with GET /me (and\n" +
		"/debug_token where allowed) before anything is stored; nothing is stored if Graph\n" +
		"refuses it. The app ID and business ID (asked for on a terminal, or given with\n" +
		"--app-id and --business-id) are saved in the profile. Refused while MPS_TOKEN is set."
)

func (s *Session) runLogin(ctx context.Context, withToken bool) error {
	if s.demo != nil {
		return usageErrorf("Run `mps --demo` or `mps --demo solutions` without logging in.", "the demo needs no login")
	}
	in := loginInput()
	if err := in.refuseEnvOverride(s); err != nil {
		return err
	}
	if err := s.blankTokenEnv(); err != nil { // it would hide the stored token as a set one does
		return err
	}
	if err := in.checkCanRead(s, withToken); err != nil {
		return err
	}
	appID, businessID, err := s.loginIDs(ctx, withToken)
	if err != nil {
		return err
	}
	token, err := s.readSecret(ctx, in, withToken)
	if err != nil {
		return err
	}
	me, info, err := s.verifyToken(ctx, token, appID)
	if err != nil {
		return err
	}
	if err := s.secrets.Save(store.AccessToken, token); err != nil {
		return fmt.Errorf("nothing was stored: %w", err)
	}
	fmt.Fprintf(s.stdout, "Logged in as %s. The token (%s) is stored in the %s.\n",
		meLabel(me), store.MaskToken(token), store.Source{Profile: s.settings.Profile})
	if info != nil {
		f := newFields()
		warnings := describeToken(f, info, s.env.Now())
		f.write(s.stdout)
		s.warn(warnings)
	}
	return s.saveProfileIDs(appID, businessID)
}

// loginIDs takes the app and business IDs from the settings, asking for
// the missing ones when there is a terminal to ask on.
func (s *Session) loginIDs(ctx context.Context, withToken bool) (appID, businessID string, err error) {
	appID, businessID = s.settings.AppID, s.settings.BusinessID
	canAsk := !withToken && s.env.StdinIsTerminal()
	ask := func(current *string, label, what string) error {
		if *current != "" || !canAsk {
			return nil
		}
		answer, err := s.ask(ctx, label+" (digits; Enter to skip): ")
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if answer != "" {
			if err := requireID(what, answer); err != nil {
				return err
			}
		}
		*current = answer
		return nil
	}
	if err := ask(&appID, "Meta app ID", "app"); err != nil {
		return "", "", err
	}
	if err := ask(&businessID, "Business portfolio ID", "business"); err != nil {
		return "", "", err
	}
	return appID, businessID, nil
}

// loginInput is how login takes the token.
func loginInput() secretInput {
	return secretInput{
		kind:      store.AccessToken,
		command:   "login",
		stdinFlag: "--with-token",
		whereFrom: "Paste a token from Meta Business Suite (System users) or the Graph API Explorer.",
	}
}

// verifyToken asks Graph about the token before anything is stored. /me
// must answer; /debug_token adds type, expiry and scopes when the token may
// inspect itself.
func (s *Session) verifyToken(ctx context.Context, token, appID string) (*graph.Me, *graph.TokenInfo, error) {
	client, err := s.newClient(fixedToken(token))
	if err != nil {
		return nil, nil, err
	}
	me, err := client.Me(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("nothing was stored: Graph did not accept the token: %w", err)
	}
	info, err := client.DebugToken(ctx)
	if err != nil {
		fmt.Fprintln(s.stderr, "mps: note: no token details from /debug_token ("+oneLine(err.Error())+"); the token works for /me.")
		return me, nil, nil
	}
	if !info.IsValid {
		return nil, nil, authNeeded(errors.New("nothing was stored: Graph's /debug_token says the token is not valid. Create a new token and run `mps login` again"))
	}
	if appID != "" && info.AppID != "" && info.AppID != appID {
		fmt.Fprintf(s.stderr, "mps: warning: the token belongs to app %s, not to app %s of this profile.\n", oneLine(info.AppID), appID)
	}
	return me, info, nil
}

// saveProfileIDs records the IDs in the profile, once the token is stored.
func (s *Session) saveProfileIDs(appID, businessID string) error {
	name := s.settings.Profile
	var p store.Profile
	_, err := s.editProfile(func(edit *store.Profile) (bool, error) {
		if appID != "" {
			edit.AppID = appID
		}
		if businessID != "" {
			edit.BusinessID = businessID
		}
		p = *edit
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("the token is stored, but %w", err)
	}
	fmt.Fprintf(s.stdout, "Profile %q: app ID %s, business ID %s (saved in %s).\n", name, orNotSet(p.AppID), orNotSet(p.BusinessID), store.ConfigPath(s.env.ConfigDir))
	if p.AppID == "" || p.BusinessID == "" {
		fmt.Fprintln(s.stderr, "mps: note: commands need the app ID (solutions, actions) and the business ID (customers): add them with `mps login --app-id ... --business-id ...` or the environment.")
	}
	return nil
}
