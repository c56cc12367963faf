package store

import (
	"fmt"
	"strings"
	"time"
)

// EnvRefresh is the environment variable behind --refresh.
const EnvRefresh = "MPS_REFRESH"

// The dashboard's periodic reload of the solution list.
const (
	DefaultRefresh = 5 * time.Minute
	// MinRefresh keeps the reload well inside Graph's rate limits: each
	// one reads every page of the solution list.
	MinRefresh = 30 * time.Second
)

// ResolveRefresh says how often the dashboard reloads the solution list:
// flag (the --refresh value) wins over MPS_REFRESH, which wins over
// DefaultRefresh. "0" or "off" turns the reload off (0 is returned). Only
// the dashboard resolves it, so a bad MPS_REFRESH never breaks a script's
// command. An error names where the bad value came from.
func ResolveRefresh(flag string, getenv func(string) string) (time.Duration, error) {
	value, source := strings.TrimSpace(flag), "--refresh"
	if value == "" && getenv != nil {
		value, source = strings.TrimSpace(getenv(EnvRefresh)), EnvRefresh
	}
	if value == "" {
		return DefaultRefresh, nil
	}
	every, err := parseRefresh(value)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", source, err)
	}
	return every, nil
}

func parseRefresh(value string) (time.Duration, error) {
	if strings.EqualFold(value, "off") || value == "0" {
		return 0, nil
	}
	every, err := time.ParseDuration(value)
	switch {
	case err != nil:
		return 0, fmt.Errorf("refresh interval %q is not a duration such as 5m or 90s (0 or off turns the refresh off)", value)
	case every < 0:
		return 0, fmt.Errorf("refresh interval %s is negative: give a duration such as 5m, or 0 or off to turn the refresh off", every)
	case every == 0:
		return 0, nil
	case every < MinRefresh:
		return 0, fmt.Errorf("refresh interval %s is below the minimum of %s: each refresh reads the whole solution list, and more often would eat into Graph's rate limits", every, MinRefresh)
	}
	return every, nil
}
