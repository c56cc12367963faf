package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/store/journal"
	"mps/ui/table"
	"mps/ui/text"
)

// historyLimit is how many of the newest journal entries History shows.
const historyLimit = 500

const (
	historyHeader = 1
	historyDetail = 3 // the selected entry in full, below the table
)

// historyTab is the journal: every change mps sent, newest first, with
// its outcome. A tab of its own rather than a pane of Events: the events
// are what Meta told us, the journal what we asked of Meta, and each has
// its own columns and its own enter. It reads the journal again after
// every action the dashboard sends, on r, and, on a shared journal, when
// another mps begins or finishes an action (follow).
type historyTab struct {
	ctx     *Shared
	table   table.Model
	entries map[string]journal.Entry // by row ID
	seq     uint64
	stop    context.CancelFunc
	load    loadState
	width   int
	// again says the journal changed while a read was in flight, which
	// may have begun before the change: read once more after it.
	again bool
	fails int // reads in a row that found the shared store unreachable
}

// historyRetry is the first wait before a read that found the shared
// store unreachable is tried again (then twice as long each time).
const historyRetry = time.Second

// historyRetryMsg tries the read again that found the store unreachable.
type historyRetryMsg struct{ Origin }

func newHistoryTab(c *Shared) *historyTab {
	t := &historyTab{ctx: c, entries: map[string]journal.Entry{}}
	t.table = newTable(c, []table.Column{
		{Title: "When", Width: 11},
		{Title: "Action", Width: 10},
		{Title: "Solution", MinWidth: 12, Flex: 4},
		{Title: "Outcome", Width: 14},
		{Title: "State before → after", MinWidth: 12, Flex: 2},
		{Title: "User", MinWidth: 8, Flex: 1},
	})
	t.table.SetOrigin(0, bodyTop+historyHeader)
	t.refreshEmpty()
	return t
}

func (t *historyTab) ID() TabID          { return TabHistory }
func (t *historyTab) Title() string      { return fmt.Sprintf("History (%d)", t.table.Len()) }
func (t *historyTab) Init() tea.Cmd      { return t.Refresh() }
func (t *historyTab) Busy() bool         { return t.load.loading }
func (t *historyTab) SetFilter(q string) { t.table.SetFilter(q) }
func (t *historyTab) FilterText() string { return t.table.Filter() }

func (t *historyTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{{Key: described(k.Open, "open its solution"), Handler: withCmd(t.open), Disabled: t.openRefused}}
	return append(own, moveBindings(k, func(k tea.KeyPressMsg) { t.table, _ = t.table.Update(k) })...)
}

func (t *historyTab) selected() (journal.Entry, bool) {
	r, ok := t.table.Selected()
	if !ok {
		return journal.Entry{}, false
	}
	e, ok := t.entries[r.ID]
	return e, ok
}

func (t *historyTab) openRefused() string {
	e, ok := t.selected()
	switch {
	case !ok:
		return "Select an entry first."
	case e.ObjectID == "":
		return "This entry names no solution: the create made none that mps knows of."
	}
	return ""
}

func (t *historyTab) open() tea.Cmd {
	e, _ := t.selected()
	return func() tea.Msg { return OpenSolutionMsg{ID: e.ObjectID} }
}

func (t *historyTab) SetSize(w, h int) {
	t.width = w
	sizeTable(t.ctx, &t.table, w, max(h-historyHeader-historyDetail, 1))
}

// Refresh reads the journal again; a read still in flight stops, and its
// answer, if it comes, is dropped.
func (t *historyTab) Refresh() tea.Cmd {
	if t.stop != nil {
		t.stop()
	}
	ctx, stop := context.WithCancel(t.ctx.Ctx)
	t.seq, t.stop = t.ctx.host.nextSeq(), stop
	t.load.loading, t.again = true, false
	t.refreshEmpty()
	return readJournal(ctx, t.ctx, Origin{Tab: TabHistory, Seq: t.seq}, journal.Query{Limit: historyLimit})
}

func (t *historyTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case journalMsg:
		if msg.Seq != t.seq {
			return nil
		}
		return t.read(msg)
	case historyRetryMsg:
		if msg.Seq != t.seq {
			return nil
		}
		return t.Refresh()
	case tea.MouseMsg:
		t.table, _ = t.table.Update(msg)
	}
	return nil
}

// read takes the answer to the latest read. A read that found the shared
// store unreachable keeps the rows shown and is tried again, less often
// the longer it fails.
func (t *historyTab) read(msg journalMsg) tea.Cmd {
	t.stop = nil
	t.load = loadState{err: msg.Err, done: true}
	if msg.Err == nil {
		t.show(msg.Entries)
	}
	t.refreshEmpty()
	if _, down := unreachableHost(msg.Err); down {
		t.fails++
		return tickAfter(retryWait(historyRetry, t.fails), historyRetryMsg{msg.Origin})
	}
	t.fails = 0
	if t.again {
		return t.Refresh()
	}
	return nil
}

// follow reads the journal again after another mps changed it; while a
// read is in flight, once more after it.
func (t *historyTab) follow() tea.Cmd {
	if t.load.loading {
		t.again = true
		return nil
	}
	return t.Refresh()
}

func (t *historyTab) show(list []journal.Entry) {
	t.entries = make(map[string]journal.Entry, len(list))
	rows := make([]table.Row, 0, len(list))
	for _, e := range list {
		id := strconv.FormatInt(e.ID, 10)
		t.entries[id] = e
		style := table.StyleID(0)
		if e.Outcome != journal.Done {
			style = styleWarn
		}
		rows = append(rows, table.Row{
			ID:     id,
			Cells:  []string{entryWhen(e), e.Action, entrySolution(e), entryOutcome(e), entryStates(e), e.User},
			Styles: []table.StyleID{0, 0, 0, style},
		})
	}
	t.table.SetRows(rows)
}

func (t *historyTab) refreshEmpty() {
	t.table.SetEmptyText(t.load.emptyText(t.ctx, "the journal", "No actions yet: every change mps sends is recorded here, before it goes."))
}

func (t *historyTab) View() string {
	st, m := t.ctx.Styles, t.ctx.Measure
	head := fmt.Sprintf("The journal: the newest %d actions mps sent, newest first · enter opens the solution", historyLimit)
	switch n := t.table.Len(); {
	case n == 1:
		head = "The journal: the one action mps sent · enter opens its solution"
	case n < historyLimit:
		head = fmt.Sprintf("The journal: %d actions mps sent, newest first · enter opens the solution", n)
	}
	return st.Header.Render(m.Truncate(head, t.width)) + "\n" + t.table.View() + "\n" + strings.Join(t.detail(), "\n")
}

// detail is the selected entry in full, on historyDetail lines: what the
// columns cut, the reason, and what Graph said.
func (t *historyTab) detail() []string {
	st, m := t.ctx.Styles, t.ctx.Measure
	lines := make([]string, historyDetail)
	e, ok := t.selected()
	if !ok {
		return lines
	}
	lines[0] = m.Truncate(fmt.Sprintf("%s %s · %s · %s · by %s", text.Sanitize(e.Action), entrySolution(e), entryOutcome(e), entryStates(e), orDash(e.User)), t.width)
	reason := "no reason given"
	if e.Reason != "" {
		reason = "reason: " + text.Sanitize(e.Reason)
	}
	lines[1] = st.Muted.Render(m.Truncate(reason, t.width))
	var said []string
	if e.Refusal.Message != "" {
		said = append(said, "Graph said: "+text.Sanitize(e.Refusal.Message))
	}
	if e.Note != "" {
		said = append(said, text.Sanitize(e.Note))
	}
	lines[2] = st.Muted.Render(m.Truncate(strings.Join(said, " · "), t.width))
	return lines
}

// SelectedID is the selected entry's solution, for the copy key.
func (t *historyTab) SelectedID() (copyTarget, bool) {
	e, ok := t.selected()
	if !ok || e.ObjectID == "" {
		return copyTarget{}, false
	}
	return copyTarget{what: "solution", id: e.ObjectID}, true
}
