package cli

import (
	"context"
	"errors"

	"mps/store"
)

// runDashboard starts the TUI, the default command.
func runDashboard(ctx context.Context, g *globalFlags, env Env) error {
	refresh, err := store.ResolveRefresh(g.values.Refresh, env.Getenv)
	if err != nil {
		return usageErrorf("", "%v", err)
	}
	if !env.StdoutIsTerminal() || !env.StdinIsTerminal() {
		return usageErrorf("Run it in a terminal, or use a command such as `mps solutions --json` in scripts (see `mps --help`).",
			"the dashboard needs a terminal")
	}
	if g.demo {
		if env.DemoTUI == nil {
			return errors.New("this build of mps has no dashboard")
		}
		variants, err := demoVariants(env.Getenv)
		if err != nil {
			return err
		}
		return env.DemoTUI(ctx, refresh, variants)
	}
	if env.TUI == nil {
		return errors.New("this build of mps has no dashboard")
	}
	s, err := newSession(g, env)
	if err != nil {
		return err
	}
	defer s.close()
	s.dashboard = true
	token, err := s.accessToken()
	if err != nil {
		return err
	}
	client, err := s.Client()
	if err != nil {
		return err
	}
	defer s.flushWarnings() // after the dashboard has given the terminal back
	return env.TUI(ctx, TUIConfig{
		Client:             client,
		Profile:            s.settings.Profile,
		AppID:              s.settings.AppID,
		BusinessID:         s.settings.BusinessID,
		PartnerBusinessIDs: partnerIDs(s.settings),
		APIVersion:         s.settings.APIVersion,
		TokenSource:        token.Source.String(),
		LoginHint:          loginHint(token.Source),
		Refresh:            refresh,
	})
}

func partnerIDs(set store.Settings) []string {
	ids := make([]string, 0, len(set.Partners))
	for _, p := range set.Partners {
		ids = append(ids, p.BusinessID)
	}
	return ids
}

func loginHint(source store.Source) string {
	if source.FromEnv() {
		return "set " + source.EnvVar + " to a new token"
	}
	if source.Profile != store.DefaultProfile {
		return "run `mps login --profile " + source.Profile + "` or set " + store.EnvToken
	}
	return "run `mps login` or set " + store.EnvToken
}
