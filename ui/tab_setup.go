package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// setupTab is the doctor's view: the checks `mps doctor` makes (the same
// gathering, readmodel.Doctor), pass, warn or fail, each with what to do.
// It reads them when it starts and on r.
type setupTab struct {
	ctx    *Context
	checks []graph.SetupCheck
	err    error
	load   loadState
	seq    uint64
	cancel context.CancelFunc
	width  int
	height int
}

func newSetupTab(c *Context) *setupTab { return &setupTab{ctx: c} }

func (t *setupTab) ID() TabID { return TabSetup }
func (t *setupTab) Title() string {
	if n := graph.CountStatus(t.checks, graph.CheckFail); n > 0 {
		return fmt.Sprintf("Setup (%d✗)", n)
	}
	return "Setup"
}
func (t *setupTab) Init() tea.Cmd       { return t.Refresh() }
func (t *setupTab) Busy() bool          { return t.load.loading }
func (t *setupTab) SetFilter(string)    {}
func (t *setupTab) SetSize(w, h int)    { t.width, t.height = w, h }
func (t *setupTab) Bindings() []Binding { return nil }

// Refresh reads the checks again; a read still in flight stops.
func (t *setupTab) Refresh() tea.Cmd {
	ctx := restart(t.ctx.Ctx, &t.cancel)
	t.seq++
	t.load = loadState{loading: true, done: t.load.done}
	return readDoctor(ctx, t.ctx, Origin{Tab: TabSetup, Seq: t.seq})
}

func (t *setupTab) Update(msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(doctorMsg); ok && msg.Seq == t.seq {
		t.load = loadState{done: true, err: msg.Err}
		t.err = msg.Err
		if msg.Err == nil {
			t.checks = msg.Checks
		}
	}
	return nil
}

func (t *setupTab) View() string {
	st, m := t.ctx.Styles, t.ctx.Measure
	head := "The guide's requirements, as `mps doctor` checks them · r reads them again"
	switch {
	case t.load.loading && !t.load.done:
		head = "Reading the checks…"
	case t.err != nil:
		head = describeError(t.ctx, "Reading the checks", t.err)
	case t.load.done:
		head = fmt.Sprintf("%d passed, %d warnings, %d failed · r reads them again",
			graph.CountStatus(t.checks, graph.CheckPass), graph.CountStatus(t.checks, graph.CheckWarn), graph.CountStatus(t.checks, graph.CheckFail))
	}
	lines := []string{st.Header.Render(m.Truncate(head, t.width)), ""}
	for _, c := range t.checks {
		style := st.Muted
		switch c.Status {
		case graph.CheckFail:
			style = st.Danger
		case graph.CheckWarn:
			style = st.Warning
		}
		indent := strings.Repeat(" ", 8)
		wrapped := func(s string) []string { return strings.Split(m.Wrap(s, max(t.width-8, 1)), "\n") }
		detail := wrapped(text.Sanitize(c.Name) + ": " + text.Sanitize(c.Detail))
		lines = append(lines, style.Render(m.PadRight(c.Status.Mark(), 8))+detail[0])
		for _, l := range detail[1:] {
			lines = append(lines, indent+l)
		}
		if c.Fix != "" {
			for _, l := range wrapped("→ " + text.Sanitize(c.Fix)) {
				lines = append(lines, indent+l)
			}
		}
	}
	for len(lines) < t.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(min(len(lines), t.height), 1)], "\n")
}
