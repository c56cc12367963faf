package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// doctorTab is the Origin tab of the doctor's reads.
const doctorTab TabID = -3

// doctorView is the doctor's view (!): the checks `mps doctor` makes (the
// same gathering, readmodel.Doctor), pass, warn or fail, each with what to
// do. A view over the tabs rather than a tab, since the tab bar is full at
// 80 columns. It reads the checks when first opened (they include every
// page of the customers, too much for every start) and on r.
type doctorView struct {
	ctx    *Shared
	checks []graph.SetupCheck
	err    error
	load   loadState
	seq    uint64
	cancel context.CancelFunc
}

func newDoctorView(c *Shared) *doctorView { return &doctorView{ctx: c} }

// openDoctor shows the checks, read the first time.
func (a *App) openDoctor() tea.Cmd {
	a.doctorOn = true
	if a.doctor.load.loading || a.doctor.load.done {
		return nil
	}
	return a.doctor.refresh()
}

// Bindings are the view's keys: r reads again, esc or ! closes.
func (d *doctorView) Bindings(a *App) []Binding {
	k := d.ctx.Keys
	closeKeys := append(k.Back.Keys(), k.Doctor.Keys()...)
	return []Binding{
		{Key: described(k.Refresh, "read the checks again"), Handler: withCmd(d.refresh)},
		{Key: key.NewBinding(key.WithKeys(closeKeys...), key.WithHelp(k.Back.Help().Key+"/"+k.Doctor.Help().Key, "close the checks")), Handler: withoutCmd(func() { a.doctorOn = false; d.stop() })},
	}
}

// refresh reads the checks again; a read still in flight stops.
func (d *doctorView) refresh() tea.Cmd {
	ctx := restart(d.ctx.Ctx, &d.cancel)
	d.seq++
	d.load = loadState{loading: true, done: d.load.done}
	return readDoctor(ctx, d.ctx, Origin{Tab: doctorTab, Seq: d.seq})
}

// stop ends the read in flight when the view closes; the next opening
// reads again if it had not finished.
func (d *doctorView) stop() {
	if d.cancel != nil && d.load.loading {
		d.cancel()
		d.load.loading = false
	}
}

func (d *doctorView) take(msg doctorMsg) {
	if msg.Seq != d.seq {
		return
	}
	d.load = loadState{done: true, err: msg.Err}
	d.err = msg.Err
	if msg.Err == nil {
		d.checks = msg.Checks
	}
}

func (d *doctorView) View(width, height int) string {
	st, m := d.ctx.Styles, d.ctx.Measure
	head := "Setup checks, as `mps doctor` makes them · r reads them again · esc closes"
	switch {
	case d.load.loading:
		head = "Reading the setup checks… · esc closes"
	case d.err != nil:
		head = describeError(d.ctx, "Reading the setup checks", d.err)
	case d.load.done:
		head = fmt.Sprintf("Setup checks: %d passed, %d warnings, %d failed · r reads them again · esc closes",
			graph.CountStatus(d.checks, graph.CheckPass), graph.CountStatus(d.checks, graph.CheckWarn), graph.CountStatus(d.checks, graph.CheckFail))
	}
	lines := []string{st.Header.Render(m.Truncate(head, width)), ""}
	indent := strings.Repeat(" ", 8)
	wrapped := func(s string) []string { return strings.Split(m.Wrap(s, max(width-8, 1)), "\n") }
	for _, c := range d.checks {
		style := st.Muted
		switch c.Status {
		case graph.CheckFail:
			style = st.Danger
		case graph.CheckWarn:
			style = st.Warning
		}
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
	return strings.Join(lines[:min(len(lines), max(height, 1))], "\n")
}
