package store

import (
	"fmt"
	"strings"
	"time"
)

// EnvTimeout is the environment variable behind --timeout.
const EnvTimeout = "MPS_TIMEOUT"

// ResolveTimeout is how long one request to Graph may take: flag (the
// --timeout value) wins over MPS_TIMEOUT. It is 0 when neither is given,
// and the graph client's default applies. An error names where the bad
// value came from.
func ResolveTimeout(flag string, getenv func(string) string) (time.Duration, error) {
	value, source := strings.TrimSpace(flag), "--timeout"
	if value == "" && getenv != nil {
		value, source = strings.TrimSpace(getenv(EnvTimeout)), EnvTimeout
	}
	if value == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(value)
	switch {
	case err != nil:
		return 0, fmt.Errorf("%s: timeout %s is not a duration: give one such as 30s or 2m", source, quoteShort(value))
	case d <= 0:
		return 0, fmt.Errorf("%s: timeout %s must be more than zero: give a duration such as 30s or 2m", source, d)
	}
	return d, nil
}
