package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"mps/store/journal"
	"mps/ui/text"
)

// inspectorActionCount is how many of its solution's last actions the
// inspector lists.
const inspectorActionCount = 5

// actionsState is the inspector's read of its solution's last actions
// from the journal.
type actionsState struct {
	loading bool
	entries []journal.Entry
	err     error
	// stop cancels the read in flight: the inspector closed, moved to
	// another solution or started a newer read.
	stop context.CancelFunc
}

// readActions starts the read of the solution's last actions; a read still
// in flight stops.
func (in *inspector) readActions(seq uint64) tea.Cmd {
	in.stopActions()
	if in.ctx.Journal == nil {
		return nil
	}
	ctx, stop := context.WithCancel(in.ctx.Ctx)
	in.actions.loading, in.actions.err, in.actions.stop = true, nil, stop
	return readJournal(ctx, in.ctx, Origin{Tab: inspectorTab, Seq: seq}, journal.Query{ObjectID: in.sol.ID, Limit: inspectorActionCount})
}

func (in *inspector) stopActions() {
	if in.actions.stop != nil {
		in.actions.stop()
		in.actions.stop = nil
	}
}

// takeActions keeps the answer to the latest read for this solution only.
func (in *inspector) takeActions(msg journalMsg) {
	if msg.Seq != in.seq || msg.ObjectID != in.sol.ID {
		return
	}
	in.stopActions()
	in.actions = actionsState{entries: msg.Entries, err: msg.Err}
}

// actionHistoryLines list the solution's last actions from the journal.
func (in *inspector) actionHistoryLines(width int) []string {
	st, m := in.ctx.Styles, in.ctx.Measure
	head := st.Section.Render("Last actions from mps")
	a := in.actions
	switch {
	case in.ctx.Journal == nil:
		return []string{head, st.Muted.Render("  no journal is configured")}
	case a.loading:
		return []string{head, st.Muted.Render("  reading the journal…")}
	case a.err != nil:
		return []string{head, st.Error.Render(m.Wrap(describeError(in.ctx, "Reading the journal", a.err), width))}
	case len(a.entries) == 0:
		return []string{head, st.Muted.Render("  none: mps has sent nothing for this solution")}
	}
	out := []string{head}
	for _, e := range a.entries {
		line := fmt.Sprintf("  %s  %-10s %s  %s", entryWhen(e), text.Sanitize(e.Action), entryStates(e), entryOutcome(e))
		if e.Reason != "" {
			line += "  “" + text.Sanitize(e.Reason) + "”"
		}
		line += "  by " + orDash(e.User)
		out = append(out, m.Truncate(line, width))
	}
	return out
}
