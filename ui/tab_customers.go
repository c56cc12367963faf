package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// customersTab lists every onboarded WABA, page by page, narrowed to one
// partner business of the profile or none. Enter on a WABA lists the
// solutions that onboarded it; enter on one of those opens it.
type customersTab struct {
	ctx    *Context
	wabas  table.Model
	load   loadState
	loaded int
	seq    uint64
	cancel context.CancelFunc
	choice int          // 0 = every WABA; i>0 = PartnerBusinessIDs[i-1]
	late   []wabaChange // webhook changes that wait for the load under way

	// The solutions of the WABA chosen with enter.
	solsOpen bool
	solsWABA graph.WABA
	solsList []graph.Solution
	sols     table.Model
	solsLoad loadState
	solsSeq  uint64

	width, height int
}

const customersHeader = 2

func newCustomersTab(c *Context) *customersTab {
	t := &customersTab{ctx: c}
	t.wabas = newTable(c, []table.Column{
		{Title: "Name", MinWidth: 16, Flex: 3},
		{Title: "WABA ID", Width: 16},
		{Title: "Timezone", MinWidth: 8, Flex: 1},
		{Title: "Template namespace", MinWidth: 12, Flex: 2},
	})
	t.wabas.SetOrigin(0, bodyTop+customersHeader)
	t.sols = newTable(c, []table.Column{
		{Title: "Solution", MinWidth: 16, Flex: 3},
		{Title: "ID", Width: 16},
		{Title: "State", Width: 22},
	})
	t.sols.SetOrigin(0, bodyTop+customersHeader)
	t.refreshEmpty()
	return t
}

func (t *customersTab) ID() TabID { return TabCustomers }
func (t *customersTab) Title() string {
	if t.load.loading {
		return fmt.Sprintf("Customers (%d…)", t.loaded)
	}
	return fmt.Sprintf("Customers (%d)", t.loaded)
}
func (t *customersTab) Init() tea.Cmd      { return t.Refresh() }
func (t *customersTab) Busy() bool         { return t.load.loading || t.solsLoad.loading }
func (t *customersTab) SetFilter(q string) { t.wabas.SetFilter(q) }
func (t *customersTab) FilterText() string { return t.wabas.Filter() }
func (t *customersTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{
		{Key: k.Partner, Handler: withCmd(t.nextPartner), Disabled: t.partnerRefused},
		{Key: described(k.Open, "list the WABA's solutions"), Handler: withCmd(t.openWABA)},
	}
	if t.solsOpen {
		own = []Binding{
			{Key: described(k.Open, "open the solution"), Handler: withCmd(t.openSelectedSolution)},
			{Key: described(k.Back, "back to the customers"), Handler: withoutCmd(func() { t.solsOpen = false })},
		}
	}
	return append(own, moveBindings(k, func(k tea.KeyPressMsg) { t.moveFocused(k) })...)
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
		if s, found := findSolution(t.solsList, r.ID); found {
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

// Refresh reloads every page from the start; pages of an earlier load are
// dropped by sequence number.
func (t *customersTab) Refresh() tea.Cmd {
	if t.cancel != nil {
		t.cancel()
	}
	ctx, cancel := context.WithCancel(t.ctx.Ctx)
	t.cancel = cancel
	t.seq++
	t.load = loadState{loading: true, done: t.load.done}
	t.loaded = 0
	t.late = nil // this load is asked after them
	t.ctx.LoadAsked[TabCustomers] = t.ctx.Now()
	t.refreshEmpty()
	return loadWABAs(ctx, t.ctx, Origin{Tab: TabCustomers, Seq: t.seq}, t.partnerFilter())
}

// SelectWABA leaves the solutions list and puts the cursor on the WABA.
func (t *customersTab) SelectWABA(id string) bool {
	t.solsOpen = false
	if t.wabas.SelectID(id) {
		return true
	}
	t.wabas.SetFilter("")
	return t.wabas.SelectID(id)
}

// Name is a loaded WABA's name (as the table shows it, made inert); false
// when the loaded list lacks the WABA.
func (t *customersTab) Name(wabaID string) (string, bool) {
	return t.wabas.CellByID(wabaID, 0) // wabaRow puts the name first
}

func wabaRow(w graph.WABA) table.Row {
	return table.Row{ID: w.ID, Cells: []string{w.Name, w.ID, w.TimezoneID, w.MessageTemplateNamespace}}
}

func (t *customersTab) addPage(msg pageMsg[graph.WABA]) tea.Cmd {
	if msg.Seq != t.seq {
		return msg.more.discard()
	}
	if msg.Err == nil || t.loaded > 0 {
		rows := make([]table.Row, len(msg.Items))
		for i, w := range msg.Items {
			rows[i] = wabaRow(w)
		}
		if t.loaded == 0 {
			t.wabas.SetRows(rows)
		} else {
			t.wabas.AppendRows(rows)
		}
		t.loaded += len(msg.Items)
	}
	if msg.Done {
		t.load = loadState{err: msg.Err, done: true}
		t.applyLate()
		t.refreshEmpty()
		if msg.Err == nil {
			return func() tea.Msg { return refreshedMsg{} }
		}
		return resumeAfterThrottle(t.ctx, msg.Err, TabCustomers)
	}
	return msg.more.nextPage(msg.Origin)
}

func (t *customersTab) refreshEmpty() {
	t.wabas.SetEmptyText(t.load.emptyText(t.ctx, "customers", "No onboarded customers for this partner business filter. Press p to change it."))
	t.sols.SetEmptyText(t.solsLoad.emptyText(t.ctx, "the WABA's solutions", "No solution lists this WABA."))
}

func (t *customersTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg[graph.WABA]:
		return t.addPage(msg)
	case wabaSolutionsMsg:
		if msg.Seq != t.solsSeq {
			return nil
		}
		t.solsLoad = loadState{err: msg.Err, done: true}
		t.solsList = msg.Solutions
		rows := make([]table.Row, len(msg.Solutions))
		for i := range msg.Solutions {
			s := &msg.Solutions[i]
			rows[i] = table.Row{ID: s.ID, Cells: []string{s.Name, s.ID, stateCell(s)}, Styles: []table.StyleID{0, 0, stateStyle(s.State())}}
		}
		t.sols.SetRows(rows)
		t.refreshEmpty()
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
	t.solsSeq++
	t.solsList = nil
	t.sols.SetRows(nil)
	t.solsLoad = loadState{loading: true}
	t.refreshEmpty()
	return loadWABASolutions(t.ctx.Ctx, t.ctx, Origin{Tab: TabCustomers, Seq: t.solsSeq}, r.ID)
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
	switch {
	case t.load.loading:
		return fmt.Sprintf("loaded %d of ≥%d…", t.loaded, t.loaded)
	case t.load.err != nil:
		return fmt.Sprintf("loaded %d, then the load failed", t.loaded)
	}
	return fmt.Sprintf("%d WABAs", t.loaded)
}

func (t *customersTab) View() string {
	st := t.ctx.Styles
	partner := "all partner businesses"
	if ids := t.partnerFilter(); len(ids) > 0 {
		partner = "partner business " + text.Sanitize(ids[0])
	}
	if t.solsOpen {
		head := "Solutions that onboarded " + text.Sanitize(t.solsWABA.Name) + " (" + text.Sanitize(t.solsWABA.ID) + ")"
		return strings.Join([]string{
			st.Header.Render(t.ctx.Measure.Truncate(head, t.width)),
			st.Muted.Render(t.ctx.Measure.Truncate("enter opens the solution · esc back to the customers", t.width)),
			t.sols.View(),
		}, "\n")
	}
	choices := "p: all"
	for _, id := range t.ctx.PartnerBusinessIDs {
		choices += " / " + text.Sanitize(id)
	}
	return strings.Join([]string{
		st.Header.Render(t.ctx.Measure.Truncate(t.progress()+" · "+partner, t.width)),
		st.Muted.Render(t.ctx.Measure.Truncate(choices+" · enter lists a WABA's solutions", t.width)),
		t.wabas.View(),
	}, "\n")
}
