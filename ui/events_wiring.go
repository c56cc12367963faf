package ui

import "mps/store/eventlog"

// ProfileEventTabs is the Events tab over the profile's event log (the one
// `mps webhook serve` writes), for Config.ExtraTabs. It is empty when no
// state directory can be worked out; the log itself may appear later.
func ProfileEventTabs(profile string, getenv func(string) string) []func(*Context) Tab {
	path, err := eventlog.DefaultPath(profile, getenv)
	if err != nil {
		return nil
	}
	return []func(*Context) Tab{NewEventsTab(EventsConfig{Path: path})}
}
