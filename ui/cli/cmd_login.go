package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"mps/graph"
	"mps/store"
)

// maxTokenBytes bounds what --with-token reads; Meta's tokens are a few
// hundred bytes.
const maxTokenBytes = 16 << 10

func loginCommand() Command {
	return Command{
		Name:    "login",
		NArgs:   0,
		Summary: "Check an access token with Graph, then store it in the OS keyring",
		Detail: "Reads the token from a hidden prompt, or from standard input with --with-token\n" +
			"(mps login --with-token < token.txt). The token is checked with GET /me (and\n" +
			"/debug_token where allowed) before anything is stored; nothing is stored if Graph\n" +
			"refuses it. The app ID and business ID (asked for on a terminal, or given with\n" +
			"--app-id and --business-id) are saved in the profile. Refused while MPS_TOKEN is set.",
		Setup: func(fs *flag.FlagSet) Runner {
			withToken := fs.Bool("with-token", false, "read the token from standard input")
			return func(ctx context.Context, s *Session, _ []string) error {
				return s.runLogin(ctx, *withToken)
			}
		},
	}
}

func (s *Session) runLogin(ctx context.Context, withToken bool) error {
	if s.demo != nil {
		return usageErrorf("Run `mps --demo` or `mps --demo solutions` without logging in.", "the demo needs no login")
	}
	if s.secrets.EnvSet(store.AccessToken) {
		return usageErrorf("Run `unset "+store.EnvToken+"`, then `mps login` again; or keep using "+store.EnvToken+" and skip login.",
			"%s is set, and it always wins over the keyring, so a token stored now would not be used", store.EnvToken)
	}
	if !withToken && !s.env.StdinIsTerminal() {
		return usageErrorf("Pipe the token in with `mps login --with-token < token.txt`.", "standard input is not a terminal, so mps cannot ask for the token")
	}
	appID, businessID, err := s.loginIDs(ctx, withToken)
	if err != nil {
		return err
	}
	token, err := s.readToken(ctx, withToken)
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

// readToken reads the token from stdin (--with-token) or a hidden prompt.
func (s *Session) readToken(ctx context.Context, withToken bool) (string, error) {
	var raw []byte
	if withToken {
		data, err := io.ReadAll(io.LimitReader(s.env.Stdin, maxTokenBytes+1))
		if err != nil {
			return "", fmt.Errorf("cannot read the token from standard input: %w", err)
		}
		if len(data) > maxTokenBytes {
			return "", usageErrorf("Give only the access token on standard input.", "standard input holds more than %d bytes, far more than a token", maxTokenBytes)
		}
		raw = data
	} else {
		if s.env.ReadPassword == nil {
			return "", errors.New("this build of mps cannot read a hidden prompt: use --with-token")
		}
		fmt.Fprint(s.stderr, "Paste the access token (input is hidden): ")
		data, err := s.env.ReadPassword(ctx)
		fmt.Fprintln(s.stderr)
		if err != nil {
			return "", fmt.Errorf("cannot read the token: %w", err)
		}
		raw = data
	}
	token := strings.TrimSpace(string(raw))
	if token == "" {
		return "", usageErrorf("Paste a token from Meta Business Suite (System users) or the Graph API Explorer.", "no token was given")
	}
	return token, nil
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
	cfg := s.config
	p, _ := cfg.Profile(name)
	if appID != "" {
		p.AppID = appID
	}
	if businessID != "" {
		p.BusinessID = businessID
	}
	if err := cfg.SetProfile(name, p); err != nil {
		return err
	}
	if err := store.SaveConfig(s.env.ConfigDir, cfg); err != nil {
		return fmt.Errorf("the token is stored, but the profile could not be saved: %w", err)
	}
	fmt.Fprintf(s.stdout, "Profile %q: app ID %s, business ID %s (saved in %s).\n", name, orNotSet(p.AppID), orNotSet(p.BusinessID), store.ConfigPath(s.env.ConfigDir))
	if p.AppID == "" || p.BusinessID == "" {
		fmt.Fprintln(s.stderr, "mps: note: commands need the app ID (solutions, actions) and the business ID (customers): add them with `mps login --app-id ... --business-id ...` or the environment.")
	}
	return nil
}
