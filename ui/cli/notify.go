package cli

import (
	"strings"

	"mps/ui"
)

// envNotify turns the dashboard's terminal notifications off with "off".
const envNotify = "MPS_NOTIFY"

// alertStyle is how the dashboard tells of a new request that needs us:
// off with --no-notify or MPS_NOTIFY=off (or 0, false, no), else what the
// terminal understands.
func alertStyle(off bool, getenv func(string) string) ui.AlertStyle {
	switch strings.ToLower(strings.TrimSpace(getenv(envNotify))) {
	case "off", "0", "false", "no":
		off = true
	}
	if off {
		return ui.AlertOff
	}
	return ui.AlertStyleFor(getenv)
}
