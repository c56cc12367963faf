package cli

import "mps/graph"

// palette colours output when colour is on: stdout is a terminal and
// NO_COLOR is not set. The text never depends on colour.
type palette struct{ on bool }

const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrDim    = "\x1b[2m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
)

func colourWanted(env Env) bool {
	return env.StdoutIsTerminal() && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb"
}

func (p palette) wrap(sgr, s string) string {
	if !p.on || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

func (p palette) bold(s string) string { return p.wrap(sgrBold, s) }
func (p palette) warn(s string) string { return p.wrap(sgrYellow, s) }
func (p palette) bad(s string) string  { return p.wrap(sgrRed, s) }
func (p palette) good(s string) string { return p.wrap(sgrGreen, s) }

// state colours a display state label; padded is the label with its
// column padding, which stays outside the colour codes' width.
func (p palette) state(label, padded string) string {
	st, ok := graph.ParseState(label)
	if !ok {
		return padded
	}
	switch st {
	case graph.StateActive:
		return p.wrap(sgrGreen, padded)
	case graph.StatePending, graph.StatePendingDeactivation:
		return p.wrap(sgrYellow, padded)
	case graph.StateInactive, graph.StateDeactivated:
		return p.wrap(sgrRed, padded)
	case graph.StateDraft:
		return p.wrap(sgrDim, padded)
	}
	return padded
}
