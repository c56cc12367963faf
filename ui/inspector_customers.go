package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"mps/store/eventlog"
	"mps/ui/readmodel"
	"mps/ui/text"
)

// onboardedState is the inspector's list of the customers (WABAs) that
// webhooks say were onboarded through its solution: Graph cannot list them.
type onboardedState struct {
	loading bool
	seen    []eventlog.SeenWABA
	noLog   bool
	err     error
	// cancel stops the read in flight: the inspector closed, moved to
	// another solution or started a newer read.
	cancel context.CancelFunc
}

// readOnboarded starts the read of the solution's customers, or notes that
// there is no event log to read them from. A read still in flight stops.
func (in *inspector) readOnboarded(seq uint64) tea.Cmd {
	in.stopOnboarded()
	if in.ctx.seenWABAs == nil {
		in.onboarded = onboardedState{noLog: true}
		return nil
	}
	ctx, cancel := context.WithCancel(in.ctx.Ctx)
	in.onboarded.loading, in.onboarded.err, in.onboarded.cancel = true, nil, cancel
	return readOnboarded(ctx, in.ctx, Origin{Tab: inspectorTab, Seq: seq}, in.sol.ID)
}

// stopOnboarded cancels the customers read in flight, if any, so that
// SQLite stops reading for a view that no longer wants the answer.
func (in *inspector) stopOnboarded() {
	if in.onboarded.cancel != nil {
		in.onboarded.cancel()
		in.onboarded.cancel = nil
	}
}

// close stops the inspector's reads: it is no longer shown.
func (in *inspector) close() { in.stopOnboarded() }

// takeOnboarded keeps an answer to the latest read for this solution only.
func (in *inspector) takeOnboarded(msg onboardedMsg) {
	if msg.Seq != in.seq || msg.SolutionID != in.sol.ID {
		return
	}
	in.stopOnboarded()
	in.onboarded = onboardedState{seen: msg.Seen, noLog: msg.NoLog, err: msg.Err}
}

// customerLines lists the WABAs onboarded through the solution, newest first.
func (in *inspector) customerLines(width int) []string {
	st := in.ctx.Styles
	m := in.ctx.Measure
	on := in.onboarded
	head := "Customers onboarded through it"
	switch {
	case on.loading:
		return []string{st.Section.Render(head), st.Muted.Render("  reading the webhook event log…")}
	case on.noLog:
		return []string{st.Section.Render(head), st.Muted.Render(m.Wrap("  Known only from PARTNER_ADDED webhooks: run `mps webhook serve` to receive them.", width))}
	case on.err != nil:
		return []string{st.Section.Render(head), st.Error.Render(m.Wrap(describeError(in.ctx, "Reading the event log", on.err), width))}
	}
	name := in.wabaName
	if name == nil {
		name = func(string) (string, bool) { return "", false }
	}
	listed := func(id string) bool { _, ok := name(id); return ok }
	wabas := readmodel.Onboarded(on.seen, in.sol.ID, listed)
	out := []string{st.Section.Render(fmt.Sprintf("%s (%d)", head, len(wabas)))}
	if len(wabas) == 0 {
		return append(out, st.Muted.Render("  none reported by webhooks"))
	}
	out = append(out, st.Muted.Render(m.Truncate(fmt.Sprintf("  %-16s %-9s %s", "WABA ID", "reported", "name"), width)))
	now := in.ctx.Now()
	for _, w := range wabas {
		label, ok := name(w.WABAID)
		if !ok || label == "" {
			label = "—"
		}
		age := shortAge(max(now.Sub(w.FirstSeen), 0)) + " ago"
		out = append(out, m.Truncate(fmt.Sprintf("  %s %-9s %s", m.Fit(text.Sanitize(w.WABAID), 16), age, text.Sanitize(label)), width))
	}
	return out
}

// customerName is a WABA's name from the loaded customers.
func (a *App) customerName(wabaID string) (string, bool) {
	w, ok := a.ctx.Customers.WABA(wabaID)
	return w.Name, ok
}
