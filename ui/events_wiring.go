package ui

import (
	"context"
	"time"

	"mps/store/eventlog"
	"mps/ui/readmodel"
)

// ProfileEvents is what the dashboard takes from the profile's event log
// (the one `mps webhook serve` writes): the Events tab, the age of
// pending requests learnt from partner_solutions webhooks, and the customers
// onboarded through each solution (PARTNER_ADDED webhooks).
type ProfileEvents struct {
	Tabs      []func(*Context) Tab                               // for Config.ExtraTabs
	FirstSeen func(solutionID string) (time.Time, bool)          // for Config.FirstSeen
	SeenWABAs func(context.Context) ([]eventlog.SeenWABA, error) // for Config.SeenWABAs
}

// EventsFor wires the profile's event log. Its fields are empty when
// no state directory can be worked out; the log itself may appear later.
func EventsFor(profile string, getenv func(string) string) ProfileEvents {
	path, err := eventlog.DefaultPath(profile, getenv)
	if err != nil {
		return ProfileEvents{}
	}
	return eventsWiring(EventsConfig{Path: path})
}

// eventsWiring adds the request-age index to cfg.
func eventsWiring(cfg EventsConfig) ProfileEvents {
	since := &readmodel.StatusSince{}
	cfg.Since = since
	return ProfileEvents{Tabs: []func(*Context) Tab{NewEventsTab(cfg)}, FirstSeen: since.Since, SeenWABAs: seenWABAsIn(cfg)}
}
