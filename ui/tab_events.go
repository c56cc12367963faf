package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph/webhook"
	"mps/store/eventlog"
	"mps/ui/readmodel"
	"mps/ui/table"
	"mps/ui/text"
)

// eventsPollEvery is how often the Events tab reads the log's tail.
const eventsPollEvery = time.Second

const eventsHeader = 2

// eventFields are the choices of the field filter; "" is every field.
func eventFields() []string {
	return []string{"", webhook.FieldPartnerSolutions, webhook.FieldAccountUpdate}
}

// eventTarget is what enter on an event opens.
type eventTarget struct {
	solutionID, wabaID string
	raw                []byte // the change as received, for the raw view
}

// eventsTab is a live tail of the webhook event log. It reads the log's
// tail (which another process may be writing) when the log says it has new
// rows (PostgreSQL's LISTEN/NOTIFY), or else on a timer; narrows it by
// field, and opens the solution or WABA an event names. c shows the
// reconciliation.
type eventsTab struct {
	ctx     *Shared
	since   *readmodel.StatusSince
	list    table.Model
	log     *eventlog.Log
	source  EventLog
	follow  eventsFollow
	targets map[string]eventTarget
	lastID  int64
	field   int
	seq     uint64
	polling bool
	live    bool // the first full read is done; later events are news
	absent  bool // the log file does not exist yet
	busy    int  // polls in a row that found the log locked by a writer
	fails   int  // reads in a row that failed, for the wait before the next
	load    loadState
	gauge   *readmodel.Gauge
	every   time.Duration

	reconOpen   bool
	recon       table.Model
	reconLoad   loadState
	reconSeq    uint64
	reconCancel context.CancelFunc // stops the reconciliation in flight
	reconResult readmodel.Reconciliation

	width, height int
}

func newEventsTab(c *Shared) *eventsTab {
	every := c.EventLog.PollEvery
	if every <= 0 {
		every = eventsPollEvery
	}
	t := &eventsTab{ctx: c, since: c.since, source: c.EventLog, targets: map[string]eventTarget{}, every: every}
	t.list = newTable(c, []table.Column{
		{Title: "Received", Width: 15, Priority: 1},
		{Title: "Event", MinWidth: 20, Flex: 1, Short: eventOnly},
		{Title: "Solution", Width: 16, Priority: 2},
		{Title: "WABA", Width: 16, Priority: 4},
		{Title: "Status", Width: 20, MinWidth: 10, Priority: 3},
	})
	t.list.SetOrigin(0, bodyTop+eventsHeader)
	t.recon = newTable(c, []table.Column{
		{Title: "Difference", MinWidth: 26, Flex: 2},
		{Title: "WABA", Width: 16, Priority: 1},
		{Title: "Name or solution", MinWidth: 12, Flex: 2, Priority: 2},
	})
	t.recon.SetOrigin(0, bodyTop+eventsHeader)
	t.refreshEmpty()
	return t
}

func (t *eventsTab) configured() bool { return t.source.configured() }

// Close closes the log the tab's polls opened.
func (t *eventsTab) Close() error {
	if t.log == nil {
		return nil
	}
	return t.log.Close()
}

func (t *eventsTab) ID() TabID { return TabEvents }

// Title carries the onboarding gauge once it nears the weekly limit, so the
// warning shows on every tab.
func (t *eventsTab) Title() string {
	if t.gauge != nil && t.gauge.Level != readmodel.LevelOK {
		return fmt.Sprintf("Events (%d) ⚠ %d/%d", t.list.Len(), t.gauge.Total, t.gauge.Limit)
	}
	return fmt.Sprintf("Events (%d)", t.list.Len())
}
func (t *eventsTab) Init() tea.Cmd      { return t.Refresh() }
func (t *eventsTab) Busy() bool         { return t.reconLoad.loading || (t.polling && !t.load.done) }
func (t *eventsTab) SetFilter(q string) { t.list.SetFilter(q) }
func (t *eventsTab) FilterText() string { return t.list.Filter() }
func (t *eventsTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{
		{Key: k.Field, Handler: withCmd(t.nextField)},
		{Key: k.Reconcile, Handler: withCmd(t.openReconcile)},
		{Key: described(k.Open, "open its solution or WABA"), Handler: withCmd(t.open)},
	}
	if t.reconOpen {
		back := withoutCmd(t.closeReconcile)
		own = []Binding{
			{Key: described(k.Reconcile, "back to the events"), Handler: back},
			{Key: described(k.Back, "back to the events"), Handler: back},
			{Key: described(k.Open, "show the WABA"), Handler: withCmd(t.open)},
		}
	}
	move := func(k tea.KeyPressMsg) { t.moveFocused(k) }
	return slices.Concat(own, sortBindings(k, move), moveBindings(k, move))
}

// nextField narrows the events to the next field, and reads them again.
func (t *eventsTab) nextField() tea.Cmd {
	t.field = (t.field + 1) % len(eventFields())
	return t.Refresh()
}

func (t *eventsTab) openReconcile() tea.Cmd {
	t.reconOpen = true
	return t.reconcile()
}

func (t *eventsTab) SetSize(w, h int) {
	t.width, t.height = w, h
	sizeTable(t.ctx, &t.list, w, max(h-eventsHeader, 1))
	sizeTable(t.ctx, &t.recon, w, max(h-eventsHeader, 1))
}

// Refresh reads the log again from the start (and recomputes the
// reconciliation when it is shown). Results of earlier reads are dropped by
// sequence number, and one poll at most is in flight.
func (t *eventsTab) Refresh() tea.Cmd {
	if !t.configured() {
		return nil
	}
	t.seq++
	t.lastID = 0
	t.live = false
	t.targets = map[string]eventTarget{}
	t.list.SetRows(nil)
	t.load = loadState{loading: true, done: t.load.done}
	t.refreshEmpty()
	cmds := []tea.Cmd{t.poll()}
	if t.reconOpen {
		cmds = append(cmds, t.reconcile())
	}
	return tea.Batch(cmds...)
}

// poll starts a read unless one is in flight; a read that comes back stale
// starts the next one itself.
func (t *eventsTab) poll() tea.Cmd {
	if t.polling {
		return nil
	}
	t.polling = true
	q := eventlog.Query{AfterID: t.lastID, Field: eventFields()[t.field]}
	t.follow.missed = false
	return pollEvents(t.ctx.Ctx, t.ctx, Origin{Tab: TabEvents, Seq: t.seq}, eventSource{log: t.log, open: t.source.Open, since: t.since}, q)
}

func (t *eventsTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case eventsPollMsg:
		return t.polled(msg)
	case eventsTickMsg:
		if msg.Seq != t.seq {
			return nil
		}
		return t.poll()
	case eventsFollowMsg:
		return t.followed(msg)
	case eventsFollowAgainMsg:
		return t.startFollow()
	case eventsNotifiedMsg:
		return t.notified(msg)
	case reconcileMsg:
		if msg.Seq != t.reconSeq {
			return nil
		}
		t.reconLoad = loadState{err: msg.Err, done: true}
		t.reconResult = msg.Result
		t.recon.SetRows(reconRows(msg.Result))
		t.refreshEmpty()
		return nil
	}
	t.moveFocused(msg)
	return nil
}

// busyPollsTolerated is how many polls in a row may find the log locked
// before the tab reports it.
const busyPollsTolerated = 3

func (t *eventsTab) polled(msg eventsPollMsg) tea.Cmd {
	if msg.Log != nil && t.log == nil {
		t.log = msg.Log
	}
	t.polling = false
	startFollow := t.startFollow()
	if msg.Seq != t.seq {
		return tea.Batch(startFollow, t.poll())
	}
	t.absent = msg.Absent
	if msg.Absent {
		t.live = true // whatever the log holds once it appears arrived after we looked
	}
	if eventlog.IsBusy(msg.Err) && t.busy < busyPollsTolerated {
		// The receiver is mid-write: keep what is shown and look again.
		t.busy++
		return tickEvents(msg.Origin, t.every)
	}
	t.busy = 0
	if msg.Err != nil {
		// Keep what is shown, and try again, less often the longer it fails
		// (a shared store that is down, say).
		t.fails++
		t.load = loadState{err: msg.Err, done: true}
		t.refreshEmpty()
		return tea.Batch(startFollow, tickEvents(msg.Origin, retryWait(min(t.every, eventsPollEvery), t.fails)))
	}
	t.fails = 0
	if msg.Absent {
		t.load = loadState{done: true}
		t.refreshEmpty()
		return tickEvents(msg.Origin, t.every)
	}
	t.load = loadState{done: true}
	wasLive := t.live
	t.addEvents(msg.Events)
	if len(msg.Events) < eventsPage {
		t.live = true
	}
	t.refreshEmpty()
	next := t.next(msg.Origin)
	if len(msg.Events) == eventsPage {
		next = t.poll()
	}
	if msg.Gauge != nil {
		t.gauge = msg.Gauge
	}
	cmds := newsOf(msg.Events, wasLive, t.ctx.LoadAsked)
	if t.since != nil {
		cmds = append(cmds, agesOf(msg.Events))
	}
	return tea.Batch(append(cmds, startFollow, next)...)
}

func (t *eventsTab) addEvents(events []eventlog.Event) {
	if len(events) == 0 {
		return
	}
	atEnd := t.list.Cursor() >= t.list.VisibleLen()-1
	rows := make([]table.Row, len(events))
	for i, e := range events {
		id := strconv.FormatInt(e.ID, 10)
		t.targets[id] = eventTarget{solutionID: e.SolutionID, wabaID: e.WABAID, raw: e.Raw}
		name := webhook.EventName(e.Field, e.Event)
		style := table.StyleID(0)
		if !e.Known {
			name += " (raw)"
			style = styleMuted
		}
		rows[i] = table.Row{ID: id, Cells: []string{
			e.Received.In(time.Local).Format("Jan 02 15:04:05"), name, e.SolutionID, e.WABAID, e.Status,
		}, Styles: []table.StyleID{0, style}}
		t.lastID = e.ID
	}
	t.list.AppendRows(rows)
	if atEnd {
		t.list.Bottom()
	}
}

func (t *eventsTab) open() tea.Cmd {
	var target eventTarget
	if t.reconOpen {
		r, ok := t.recon.Selected()
		if !ok {
			return nil
		}
		target.wabaID = r.ID
	} else {
		r, ok := t.list.Selected()
		if !ok {
			return nil
		}
		target = t.targets[r.ID]
	}
	switch {
	case target.solutionID != "" && !t.reconOpen:
		id := target.solutionID
		return func() tea.Msg { return OpenSolutionMsg{ID: id} }
	case target.wabaID != "":
		id := target.wabaID
		return func() tea.Msg { return ShowWABAMsg{ID: id} }
	}
	return nil
}

// SelectedID is what the selected event is about: its solution, which is
// what enter opens, else its WABA (a WABA's own events name no solution).
// In the reconciliation it is the row's WABA.
func (t *eventsTab) SelectedID() (copyTarget, bool) {
	if t.reconOpen {
		return rowTarget(t.recon, "WABA")
	}
	r, ok := t.list.Selected()
	if !ok {
		return copyTarget{}, false
	}
	switch target := t.targets[r.ID]; {
	case target.solutionID != "":
		return copyTarget{what: "solution", id: target.solutionID}, true
	case target.wabaID != "":
		return copyTarget{what: "WABA", id: target.wabaID}, true
	}
	return copyTarget{}, false
}

// closeReconcile closes the reconciliation; a read still in flight stops
// and its answer will be dropped.
func (t *eventsTab) closeReconcile() {
	t.reconOpen = false
	t.stopReconcile()
	if t.reconLoad.loading {
		t.reconSeq++
		t.reconLoad = loadState{}
	}
}

// stopReconcile cancels the reconciliation's read in flight, if any.
func (t *eventsTab) stopReconcile() {
	if t.reconCancel != nil {
		t.reconCancel()
		t.reconCancel = nil
	}
}

func (t *eventsTab) reconcile() tea.Cmd {
	t.stopReconcile()
	t.reconSeq++
	if t.log == nil {
		t.reconLoad = loadState{done: true}
		t.recon.SetRows(nil)
		t.refreshEmpty()
		return nil
	}
	t.reconLoad = loadState{loading: true}
	t.refreshEmpty()
	ctx, cancel := context.WithTimeout(t.ctx.Ctx, 2*time.Minute)
	t.reconCancel = cancel
	cmd := reconcileWABAs(ctx, t.ctx, Origin{Tab: TabEvents, Seq: t.reconSeq}, t.log)
	return func() tea.Msg {
		defer cancel()
		return cmd()
	}
}

func reconRows(r readmodel.Reconciliation) []table.Row {
	var rows []table.Row
	for _, w := range r.NotListed {
		rows = append(rows, table.Row{ID: w.WABAID, Cells: []string{"webhook seen but not listed", w.WABAID, "solution " + w.SolutionID},
			Styles: []table.StyleID{styleWarn}})
	}
	for _, w := range r.NoWebhook {
		rows = append(rows, table.Row{ID: w.ID, Cells: []string{"onboarded but no webhook seen", w.ID, w.Name},
			Styles: []table.StyleID{styleWarn}})
	}
	return rows
}

func (t *eventsTab) moveFocused(msg tea.Msg) {
	if t.reconOpen {
		t.recon, _ = t.recon.Update(msg)
		return
	}
	t.list, _ = t.list.Update(msg)
}

func (t *eventsTab) refreshEmpty() {
	empty := "No events yet. New ones appear here as they arrive."
	switch {
	case !t.configured():
		empty = "No event log for this session."
	case t.absent:
		empty = "No event log yet at " + t.source.Where + ". Start `mps webhook serve` to receive webhooks."
	case t.field > 0:
		empty = "No " + eventFields()[t.field] + " events yet. Press f for another field."
	}
	t.list.SetEmptyText(t.load.emptyText(t.ctx, "events", empty))
	noLog := "Both sides agree: every listed customer was reported by a webhook, and no other."
	if t.log == nil {
		noLog = "No event log yet: nothing to compare."
	}
	t.recon.SetEmptyText(t.reconLoad.emptyText(t.ctx, "the reconciliation", noLog))
}

func (t *eventsTab) View() string {
	st := t.ctx.Styles
	if t.reconOpen {
		r := t.reconResult
		head := fmt.Sprintf("Reconciliation · listed %d · reported by webhooks %d · in both %d", r.Listed, r.Reported, r.Matched)
		if t.reconLoad.loading || t.reconLoad.err != nil {
			head = "Reconciliation"
		}
		return headedView(t.ctx, t.width, head,
			"c or esc back to the events · enter shows the WABA · r recompute",
			t.recon.View())
	}
	field := "all fields"
	if f := eventFields()[t.field]; f != "" {
		field = f
	}
	head := fmt.Sprintf("%d events · %s · live tail", t.list.Len(), field)
	gauge, warn := t.gaugeLine()
	gaugeStyle := st.Muted
	if warn {
		gaugeStyle = st.Warning
	}
	return strings.Join([]string{
		st.Header.Render(t.ctx.Measure.Truncate(head, t.width)),
		gaugeStyle.Render(t.ctx.Measure.Truncate(gauge+" · f field · c reconcile · enter opens · J payload", t.width)),
		t.list.View(),
	}, "\n")
}

// gaugeLine is the onboarding count against the weekly limit, per solution
// when there are several.
func (t *eventsTab) gaugeLine() (string, bool) {
	if t.gauge == nil {
		return "onboarding: no data", false
	}
	g := t.gauge
	line := onboardingText(*g)
	switch g.Level {
	case readmodel.LevelNear:
		line += " (near the limit)"
	case readmodel.LevelAtLimit:
		line += " (at the limit)"
	}
	for i, c := range g.PerSolution {
		if i == 3 {
			line += ", …"
			break
		}
		line += fmt.Sprintf(", %s: %d", text.Sanitize(c.SolutionID), c.Count)
	}
	return line, g.Level != readmodel.LevelOK
}

// StatusNote is the onboarding gauge for the status bar.
func (t *eventsTab) StatusNote() string {
	if t.gauge == nil {
		return ""
	}
	return onboardingText(*t.gauge)
}

// onboardingText is "onboarded 12/200 this week", marked near the limit.
func onboardingText(g readmodel.Gauge) string {
	s := fmt.Sprintf("onboarded %d/%d this week", g.Total, g.Limit)
	if g.Level != readmodel.LevelOK {
		s = "⚠ " + s
	}
	return s
}

// eventOnly abbreviates "field/EVENT" to the event, which says what
// happened (PARTNER_ADDED, PARTNER_REMOVED), for a narrow column.
func eventOnly(cell string, _ int) string {
	if _, event, ok := strings.Cut(cell, "/"); ok {
		return event
	}
	return cell
}
