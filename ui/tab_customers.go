package ui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// customersTab lists every onboarded WABA, page by page, narrowed to one
// partner business of the profile or none. Enter on a WABA lists the
// solutions that onboarded it; enter on one of those opens it.
type customersTab struct {
	ctx    *Shared
	data   *Customers
	wabas  table.Model
	mark   viewMark // of data, as wabas draws it
	seq    uint64
	cancel context.CancelFunc
	choice int // 0 = every WABA; i>0 = PartnerBusinessIDs[i-1]

	// The solutions of the WABA chosen with enter: their IDs as Graph
	// listed them, drawn from the shared solutions.
	solsOpen bool
	solsWABA graph.WABA
	solsIDs  []string
	sols     table.Model
	solsMark uint64 // the version of the shared solutions sols draws
	solsLoad loadState
	solsSeq  uint64
	// solsCancel stops the read of the list in flight.
	solsCancel context.CancelFunc

	checks customerChecks // the onboarding checklist of the rows shown
	fixing string         // the WABA whose fix is being asked or sent

	width, height int
}

const customersHeader = 2

func newCustomersTab(c *Shared) *customersTab {
	t := &customersTab{ctx: c, data: c.Customers}
	cols := []table.Column{
		{Title: "Name", MinWidth: 16, Flex: 3},
		{Title: "WABA ID", Width: 16, Priority: 1},
	}
	if c.Checklist {
		cols = append(cols, checklistColumns()...)
	}
	t.wabas = newTable(c, append(cols,
		table.Column{Title: "Timezone", MinWidth: 8, Flex: 1, Priority: 2},
		table.Column{Title: "Template namespace", MinWidth: 12, Flex: 2, Priority: 3}))
	t.wabas.SetOrigin(0, bodyTop+customersHeader)
	t.sols = newTable(c, []table.Column{
		{Title: "Solution", MinWidth: 16, Flex: 3},
		{Title: "ID", Width: 16, Priority: 2},
		stateColumn(1),
	})
	t.sols.SetOrigin(0, bodyTop+customersHeader)
	t.refreshEmpty()
	return t
}

func (t *customersTab) ID() TabID { return TabCustomers }
func (t *customersTab) Title() string {
	if t.data.load.loading {
		return fmt.Sprintf("Customers (%d…)", t.loaded())
	}
	return fmt.Sprintf("Customers (%d)", t.loaded())
}
func (t *customersTab) Init() tea.Cmd      { return t.reloadCustomers() }
func (t *customersTab) Busy() bool         { return t.data.load.loading || t.solsLoad.loading }
func (t *customersTab) SetFilter(q string) { t.wabas.SetFilter(q) }
func (t *customersTab) FilterText() string { return t.wabas.Filter() }
func (t *customersTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{
		{Key: k.Partner, Handler: withCmd(t.nextPartner), Disabled: t.partnerRefused},
		{Key: described(k.Open, "list the WABA's solutions"), Handler: withCmd(t.openWABA)},
	}
	if t.ctx.Checklist {
		own = append(own, t.fixBindings()...)
	}
	if t.solsOpen {
		own = []Binding{
			{Key: described(k.Open, "open the solution"), Handler: withCmd(t.openSelectedSolution)},
			{Key: described(k.Back, "back to the customers"), Handler: withoutCmd(func() { t.solsOpen = false })},
		}
	}
	move := func(k tea.KeyPressMsg) { t.moveFocused(k) }
	return slices.Concat(own, sortBindings(k, move), moveBindings(k, move))
}

// nextPartner narrows the list to the next partner business, or to none.
func (t *customersTab) nextPartner() tea.Cmd {
	t.choice = (t.choice + 1) % (len(t.ctx.PartnerBusinessIDs) + 1)
	return t.Refresh()
}

func (t *customersTab) partnerRefused() string {
	if len(t.ctx.PartnerBusinessIDs) == 0 {
		return "The profile names no partner business to filter by."
	}
	return ""
}

func (t *customersTab) openSelectedSolution() tea.Cmd {
	if r, ok := t.sols.Selected(); ok {
		if s, found := t.ctx.Solutions.Solution(r.ID); found {
			return func() tea.Msg { return OpenSolutionMsg{ID: s.ID, Solution: &s} }
		}
	}
	return nil
}

func (t *customersTab) SetSize(w, h int) {
	t.width, t.height = w, h
	sizeTable(t.ctx, &t.wabas, w, max(h-customersHeader, 1))
	sizeTable(t.ctx, &t.sols, w, max(h-customersHeader, 1))
}

// partnerFilter is the partner business IDs sent with the request.
func (t *customersTab) partnerFilter() []string {
	if t.choice == 0 || t.choice > len(t.ctx.PartnerBusinessIDs) {
		return nil
	}
	return []string{t.ctx.PartnerBusinessIDs[t.choice-1]}
}

// Refresh reads again what the tab shows: in a WABA's solution list that
// list, else the customers. The customers' failed load (a throttled one
// whose wait ended, say) is retried in the list too.
func (t *customersTab) Refresh() tea.Cmd {
	if !t.solsOpen {
		return t.reloadCustomers()
	}
	if t.data.load.err != nil {
		return tea.Batch(t.readWABASolutions(), t.reloadCustomers())
	}
	return t.readWABASolutions()
}

// reloadCustomers reads every page of the customers from the start; pages
// of an earlier load are dropped by sequence number.
func (t *customersTab) reloadCustomers() tea.Cmd {
	ctx := restart(t.ctx.Ctx, &t.cancel)
	t.seq++
	t.data.startLoad()
	t.ctx.LoadAsked[TabCustomers] = t.ctx.Now()
	load := loadWABAs(ctx, t.ctx, Origin{Tab: TabCustomers, Seq: t.seq}, t.partnerFilter())
	if !t.ctx.Checklist {
		return load
	}
	return tea.Batch(load, t.checks.restart(t.ctx))
}

// restart cancels the read in flight under cancel, if any, and makes the
// context of the next one.
func restart(parent context.Context, cancel *context.CancelFunc) context.Context {
	if *cancel != nil {
		(*cancel)()
	}
	ctx, stop := context.WithCancel(parent)
	*cancel = stop
	return ctx
}

// loaded is how many WABAs the current load shows.
func (t *customersTab) loaded() int { return t.data.Loaded() }

// SelectWABA leaves the solutions list and puts the cursor on the WABA.
func (t *customersTab) SelectWABA(id string) bool {
	t.solsOpen = false
	if t.wabas.SelectID(id) {
		return true
	}
	t.wabas.SetFilter("")
	return t.wabas.SelectID(id)
}

func (t *customersTab) wabaRow(w graph.WABA) table.Row {
	cells := []string{w.Name, w.ID}
	if t.ctx.Checklist {
		cells = append(cells, t.checks.cells(w.ID)...)
	}
	return table.Row{ID: w.ID, Cells: append(cells, graph.TimezoneLabel(w.TimezoneID), w.MessageTemplateNamespace)}
}

// redrawRow draws the WABA's row again, with its checklist as it stands.
func (t *customersTab) redrawRow(id string) {
	if w, ok := t.data.WABA(id); ok {
		t.wabas.ReplaceRow(t.wabaRow(w))
	} else if t.checks.reported.has(id) {
		t.wabas.ReplaceRow(t.reportedRow(id))
	}
}

func (t *customersTab) addPage(msg pageMsg[graph.WABA]) tea.Cmd {
	if msg.Seq != t.seq {
		return msg.more.discard()
	}
	t.data.page(msg.Items, msg.Err)
	if msg.Done {
		t.data.finish(msg.Err)
		if msg.Err == nil {
			return func() tea.Msg { return refreshedMsg{} }
		}
		return resumeAfterThrottle(t.ctx, msg.Err, TabCustomers)
	}
	return msg.more.nextPage(msg.Origin)
}

// syncData redraws the WABAs and a WABA's solution list from the shared
// data when it moved since they were drawn.
func (t *customersTab) syncData() {
	list := t.data.List()
	from, all, moved := t.data.since(&t.mark, len(list))
	due, changed := t.reportedDue()
	r := &t.checks.reported
	switch {
	case changed && !moved && len(r.shown) == 0:
		t.wabas.AppendRows(t.reportedRows(due))
	case changed || moved && len(r.shown) > 0:
		// The reported-only rows go after the listed ones, which a
		// change to either draws again; it is rare once the load is done.
		t.wabas.SetRows(append(t.wabaRows(list), t.reportedRows(due)...))
	case moved && all:
		t.wabas.SetRows(t.wabaRows(list))
	case moved && from < len(list):
		t.wabas.AppendRows(t.wabaRows(list[from:]))
	}
	r.shown = due
	if moved || changed {
		t.refreshEmpty()
	}
	if v := t.ctx.Solutions.Version(); v != t.solsMark {
		t.solsMark = v
		t.drawSolutions()
	}
}

func (t *customersTab) wabaRows(list []graph.WABA) []table.Row {
	rows := make([]table.Row, len(list))
	for i, w := range list {
		rows[i] = t.wabaRow(w)
	}
	return rows
}

// drawSolutions draws the WABA's solution list from the latest copies.
func (t *customersTab) drawSolutions() {
	rows := make([]table.Row, 0, len(t.solsIDs))
	for _, id := range t.solsIDs {
		if s, ok := t.ctx.Solutions.Solution(id); ok {
			rows = append(rows, table.Row{ID: s.ID, Cells: []string{s.Name, s.ID, stateCell(&s)}, Styles: []table.StyleID{0, 0, stateStyle(s.State())}})
		}
	}
	t.sols.SetRows(rows)
}

func (t *customersTab) refreshEmpty() {
	t.wabas.SetEmptyText(t.data.load.emptyText(t.ctx, "customers", "No onboarded customers for this partner business filter. Press p to change it."))
	t.sols.SetEmptyText(t.solsLoad.emptyText(t.ctx, "the WABA's solutions", "No solution lists this WABA."))
}

// takeSolutions takes the answer to the read of the WABA's solution list,
// unless stale: put (the root's) puts the solutions in the shared data,
// and the list draws them from there.
func (t *customersTab) takeSolutions(msg wabaSolutionsMsg, put func(graph.Solution)) {
	if msg.Seq != t.solsSeq {
		return
	}
	t.solsLoad = loadState{err: msg.Err, done: true}
	if msg.Err == nil {
		t.solsIDs = make([]string, len(msg.Solutions))
		for i, s := range msg.Solutions {
			put(s)
			t.solsIDs[i] = s.ID
		}
	}
	t.solsMark = t.ctx.Solutions.Version()
	t.drawSolutions()
	t.refreshEmpty()
}

func (t *customersTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg[graph.WABA]:
		return t.addPage(msg)
	case customerSolutionsMsg:
		t.checks.takeSolutions(msg)
		return nil
	case checklistMsg:
		t.checks.take(t, msg)
		return nil
	}
	t.moveFocused(msg)
	return nil
}

func (t *customersTab) openWABA() tea.Cmd {
	r, ok := t.wabas.Selected()
	if !ok {
		return nil
	}
	t.solsOpen = true
	t.solsWABA = graph.WABA{ID: r.ID, Name: r.Cells[0]}
	t.solsIDs = nil
	t.sols.SetRows(nil)
	return t.readWABASolutions()
}

// readWABASolutions reads the chosen WABA's solution list (again); a read
// still in flight stops. Graph cannot read a WABA it does not list: for a
// reported-only customer the list is the solution its PARTNER_ADDED named.
func (t *customersTab) readWABASolutions() tea.Cmd {
	ctx := restart(t.ctx.Ctx, &t.solsCancel)
	t.solsSeq++
	if id := t.solsWABA.ID; t.checks.reported.has(id) {
		t.solsIDs = nil
		if sol := t.checks.solutionOf[id]; sol != "" {
			t.solsIDs = []string{sol}
		}
		t.solsLoad = loadState{done: true}
		t.drawSolutions()
		t.refreshEmpty()
		return nil
	}
	t.solsLoad = loadState{loading: true, done: t.solsLoad.done}
	t.refreshEmpty()
	return loadWABASolutions(ctx, t.ctx, Origin{Tab: TabCustomers, Seq: t.solsSeq}, t.solsWABA.ID)
}

// SelectedID is the selected WABA, or in a WABA's list the solution.
func (t *customersTab) SelectedID() (copyTarget, bool) {
	if t.solsOpen {
		return rowTarget(t.sols, "solution")
	}
	return rowTarget(t.wabas, "WABA")
}

func (t *customersTab) moveFocused(msg tea.Msg) {
	if t.solsOpen {
		t.sols, _ = t.sols.Update(msg)
		return
	}
	t.wabas, _ = t.wabas.Update(msg)
}

func (t *customersTab) progress() string {
	n := t.loaded()
	switch {
	case t.data.load.loading:
		return fmt.Sprintf("loaded %d of ≥%d…", n, n)
	case t.data.load.err != nil:
		return fmt.Sprintf("loaded %d, then the load failed", n)
	}
	if k := len(t.checks.reported.shown); k > 0 {
		return fmt.Sprintf("%d WABAs, and %d a webhook reported that the API does not list", n, k)
	}
	return fmt.Sprintf("%d WABAs", n)
}

func (t *customersTab) View() string {
	partner := "all partner businesses"
	if ids := t.partnerFilter(); len(ids) > 0 {
		partner = "partner business " + partnerBusinessLabel(t.ctx, ids[0])
	}
	if t.solsOpen {
		head := "Solutions that onboarded " + text.Sanitize(t.solsWABA.Name) + " (" + text.Sanitize(t.solsWABA.ID) + ")"
		return headedView(t.ctx, t.width, head,
			"enter opens the solution · esc back to the customers",
			t.sols.View())
	}
	choices := "p: all"
	for _, id := range t.ctx.PartnerBusinessIDs {
		choices += " / " + partnerBusinessLabel(t.ctx, id)
	}
	return headedView(t.ctx, t.width, t.progress()+" · "+partner,
		choices+" · enter lists a WABA's solutions"+t.checks.legend(t.ctx),
		t.wabas.View())
}
