package cli

import (
	"context"
	"errors"

	"mps/graph"
	"mps/store"
	"mps/store/eventlog"
	"mps/ui"
)

// runDashboard starts the dashboard, the default command, on the same
// session as any command: the profile or the demo, and its client.
func runDashboard(ctx context.Context, g *globalFlags, env Env) error {
	refresh, err := store.ResolveRefresh(g.values.Refresh, env.Getenv)
	if err != nil {
		return usageErrorf("", "%v", err)
	}
	if !env.StdoutIsTerminal() || !env.StdinIsTerminal() {
		return usageErrorf("Run it in a terminal, or use a command such as `mps solutions --json` in scripts (see `mps --help`).",
			"the dashboard needs a terminal")
	}
	s, err := newSessionFor(g, env, true)
	if err != nil {
		return err
	}
	defer s.close()
	s.ctx = ctx
	cfg, err := s.dashboardConfig(ctx)
	if err != nil {
		return err
	}
	cfg.Refresh = refresh
	cfg.Alert = alertStyle(g.noNotify, env.Getenv)
	defer s.flushWarnings() // after the dashboard has given the terminal back
	return env.Dashboard(ctx, cfg)
}

// dashboardConfig is the dashboard's view of the session: its client,
// profile, partners and event log. Outside the demo, the token must be
// found before the dashboard takes the terminal.
func (s *Session) dashboardConfig(ctx context.Context) (ui.Config, error) {
	cfg := ui.Config{
		Profile:            s.settings.Profile,
		AppID:              s.settings.AppID,
		BusinessID:         s.settings.BusinessID,
		PartnerBusinessIDs: partnerIDs(s.settings),
		PartnerNames:       partnerNames(s.settings),
		APIVersion:         s.settings.APIVersion,
		ConfigID:           s.settings.ConfigID,
		Now:                s.env.Now,
	}
	if s.demo != nil {
		path, err := s.demo.eventLogReplaying(ctx)
		if err != nil {
			return cfg, err
		}
		cfg.Demo = true
		cfg.EventLog = ui.EventLogAt(path)
		cfg.LoginHint = "the demo's token never expires; restart `mps --demo`"
	} else {
		token, err := s.accessToken()
		if err != nil {
			return cfg, err
		}
		cfg.LoginHint = loginHint(token.Source)
		cfg.EventLog = s.dashboardEventLog()
	}
	client, err := s.Client()
	if err != nil {
		return cfg, err
	}
	cfg.Client = client
	if cfg.Journal, err = s.dashboardJournal(ctx); err != nil {
		return cfg, err
	}
	cfg.Doctor = s.dashboardDoctor(client, cfg.EventLog)
	cfg.Checklist = true
	return cfg, nil
}

// dashboardEventLog is the store's event log for the dashboard, opened
// by its Events tab: on PostgreSQL it follows new rows by LISTEN/NOTIFY,
// on SQLite it is polled. Without a state directory there is no event
// log, and the dashboard goes without its Events tab.
func (s *Session) dashboardEventLog() ui.EventLog {
	loc, err := s.storeLocation()
	if err != nil {
		return ui.EventLog{}
	}
	where := loc.eventLogPath()
	if loc.postgres() {
		where = loc.String()
	}
	return ui.EventLog{Where: where, Open: func(ctx context.Context) (*eventlog.Log, error) {
		return s.openEventLogEngine(ctx, false)
	}}
}

// dashboardDoctor is the doctor's view's read of the checks: the
// command's gathering, with the event log opened for each read (the
// dashboard's own stays with its Events tab) and the customers read
// without the command's progress line, which would draw over the screen.
func (s *Session) dashboardDoctor(client *graph.Client, log ui.EventLog) func(context.Context) ([]graph.SetupCheck, error) {
	d, err := s.doctor(func(ctx context.Context) (*eventlog.Log, error) {
		if log.Open == nil {
			return nil, nil
		}
		l, err := log.Open(ctx)
		if errors.Is(err, eventlog.ErrNoLog) {
			return nil, nil
		}
		return l, err
	}, func(ctx context.Context) ([]graph.WABA, error) {
		return client.ClientWABAs(ctx, s.settings.BusinessID, nil)
	})
	if err != nil {
		return func(context.Context) ([]graph.SetupCheck, error) { return nil, err }
	}
	return d.Checks
}

func partnerIDs(set store.Settings) []string {
	ids := make([]string, 0, len(set.Partners))
	for _, p := range set.Partners {
		ids = append(ids, p.BusinessID)
	}
	return ids
}

// partnerNames are the names saved for the profile's partner businesses.
func partnerNames(set store.Settings) map[string]string {
	names := map[string]string{}
	for _, p := range set.Partners {
		if p.Name != "" {
			names[p.BusinessID] = p.Name
		}
	}
	return names
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
