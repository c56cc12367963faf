package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/graph"
	"mps/ui/table"
	"mps/ui/text"
)

// partnersTab lists the apps we share solutions with, counts their
// solutions by state, and for a chosen solution reads its /partners rows.
type partnersTab struct {
	solutionFeed
	ctx       *Shared
	apps      table.Model // one row per partner app
	sols      table.Model // the selected app's solutions
	focusSols bool
	shownApp  string   // the app whose solutions sols holds
	unread    []string // the solutions the unreadApp row counts, as rebuild found them

	rowsSeq    uint64
	rowsFor    graph.Solution
	rows       []graph.PartnerRow
	rowsLoad   loadState
	rowsCancel context.CancelFunc

	width, height int
}

const partnerRowsLines = 4

func newPartnersTab(c *Shared) *partnersTab {
	t := &partnersTab{ctx: c}
	t.solutionFeed = newSolutionFeed(c, func([]graph.Solution, bool) { t.rebuild() }, t.refreshEmpty)
	t.apps = newTable(c, []table.Column{
		{Title: "Partner app", MinWidth: 14, Flex: 2},
		{Title: "App ID", Width: 16, Priority: 2},
		{Title: "Solutions by state", MinWidth: 20, Flex: 3, Priority: 1},
	})
	t.sols = newTable(c, []table.Column{
		{Title: "Solution", MinWidth: 14, Flex: 3},
		stateColumn(1),
		{Title: "Partner status", Width: 17, MinWidth: 10, Priority: 2},
		{Title: "Our role", Width: 8, Priority: 3},
	}, table.WithIDSearch())
	t.sols.SetEmptyText("Choose a partner app above.")
	t.showFocus()
	t.refreshEmpty()
	return t
}

func (t *partnersTab) ID() TabID     { return TabPartners }
func (t *partnersTab) Title() string { return fmt.Sprintf("Partners (%d)", t.apps.Len()) }
func (t *partnersTab) Init() tea.Cmd { return nil }
func (t *partnersTab) Busy() bool    { return t.data.Loading() || t.rowsLoad.loading }
func (t *partnersTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{{Key: described(k.Open, "list the app's solutions"), Handler: withoutCmd(func() { t.focusSolutions(true) })}}
	if t.focusSols {
		own = []Binding{
			{Key: described(k.Open, "open it, and read its /partners rows"), Handler: withCmd(t.openSelected)},
			{Key: described(k.Back, "back to the apps"), Handler: withoutCmd(func() { t.focusSolutions(false) })},
		}
	}
	move := func(k tea.KeyPressMsg) { t.moveFocused(k) }
	return slices.Concat(own, sortBindings(k, move), moveBindings(k, move))
}

func (t *partnersTab) focusSolutions(on bool) {
	t.focusSols = on
	t.showFocus()
}

// openSelected opens the selected solution in the inspector, where its
// actions work, and reads its /partners rows for the strip below, which
// shows them once esc comes back.
func (t *partnersTab) openSelected() tea.Cmd {
	return tea.Batch(t.readSelectedRows(), t.inspectSelected(t.sols))
}

// readSelectedRows reads the /partners rows of the selected solution.
func (t *partnersTab) readSelectedRows() tea.Cmd {
	if r, ok := t.sols.Selected(); ok {
		if s, found := t.data.Solution(r.ID); found {
			return t.loadRows(s, t.rowsSeq+1)
		}
	}
	return nil
}

// SelectApp selects the partner app with this ID, clearing the filter if
// it hides it, and reports whether the list has it.
func (t *partnersTab) SelectApp(id string) bool {
	t.focusSolutions(false)
	if !t.apps.SelectID(id) {
		t.SetFilter("")
		if !t.apps.SelectID(id) {
			return false
		}
	}
	t.syncSolutions()
	return true
}

func (t *partnersTab) SetFilter(q string) { t.apps.SetFilter(q); t.syncSolutions() }
func (t *partnersTab) FilterText() string { return t.apps.Filter() }

func (t *partnersTab) SetSize(w, h int) {
	t.width, t.height = w, h
	appsH := max((h-2-partnerRowsLines)/2, 3)
	solsH := max(h-2-partnerRowsLines-appsH, 2)
	sizeTable(t.ctx, &t.apps, w, appsH)
	t.apps.SetOrigin(0, bodyTop+1)
	sizeTable(t.ctx, &t.sols, w, solsH)
	t.sols.SetOrigin(0, bodyTop+2+appsH)
}

// unreadApp stands for the other side of solutions whose other side is not
// known yet (a list that answered only its default fields, before the
// solution is read). Its ID is not a Graph ID, so it cannot clash.
const unreadApp = "app:not-read"

// counterparts are the apps on the other side of a solution from us; a
// solution we are on whose other side is not known yet counts under
// unreadApp.
func (t *partnersTab) counterparts(s *graph.Solution) []graph.App {
	role := graph.RoleOf(s, t.ctx.AppID)
	var out []graph.App
	switch {
	case role == graph.RolePartner && s.OwnerApp != nil:
		out = append(out, *s.OwnerApp)
	case role == graph.RolePartner:
	default:
		for _, row := range s.Partners {
			if row.PartnerApp != nil && row.PartnerApp.ID != t.ctx.AppID {
				out = append(out, *row.PartnerApp)
			}
		}
	}
	if len(out) == 0 && role.Known() && (role == graph.RolePartner || s.Partners == nil) {
		out = append(out, graph.App{ID: unreadApp})
	}
	return out
}

// solutionsOnScreen are the selected app's solutions on screen, then,
// while the row of solutions whose other side is not read yet is on
// screen, those solutions: reading them moves each under its app.
func (t *partnersTab) solutionsOnScreen() []string {
	ids := t.sols.WindowIDs()
	if slices.Contains(t.apps.WindowIDs(), unreadApp) {
		ids = append(ids, t.unread...)
	}
	return ids
}

// rebuild aggregates the solutions per partner app, in first-seen order.
func (t *partnersTab) rebuild() {
	type agg struct {
		app    graph.App
		counts map[graph.State]int
	}
	var order []string
	byApp := map[string]*agg{}
	all := t.list()
	t.unread = t.unread[:0]
	for i := range all {
		for _, app := range t.counterparts(&all[i]) {
			if app.ID == unreadApp {
				t.unread = append(t.unread, all[i].ID)
			}
			a := byApp[app.ID]
			if a == nil {
				a = &agg{app: app, counts: map[graph.State]int{}}
				byApp[app.ID] = a
				order = append(order, app.ID)
			}
			a.counts[all[i].State()]++
		}
	}
	rows := make([]table.Row, 0, len(order))
	for _, id := range order {
		a := byApp[id]
		name, idCell := a.app.Name, id
		switch {
		case id == unreadApp:
			name, idCell = "— (other side not read yet)", "—"
		case name == "":
			name = "unnamed app"
		}
		rows = append(rows, table.Row{ID: id, Cells: []string{name, idCell, countsText(a.counts)}})
	}
	was, _ := t.apps.Selected()
	t.apps.SetRows(rows)
	if was.ID == unreadApp && !slices.Contains(order, unreadApp) {
		t.apps.Top() // every solution's other side is read: start from the first app
	}
	t.shownApp = ""
	t.syncSolutions()
	t.refreshEmpty()
}

func countsText(counts map[graph.State]int) string {
	var parts []string
	for _, st := range stateChoices() {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d %s", stateMark(st), counts[st], st))
		}
	}
	return strings.Join(parts, ", ")
}

// syncSolutions fills the lower table with the selected app's solutions.
func (t *partnersTab) syncSolutions() {
	r, ok := t.apps.Selected()
	if !ok {
		t.sols.SetRows(nil)
		t.shownApp = ""
		return
	}
	if r.ID == t.shownApp {
		return
	}
	t.shownApp = r.ID
	var rows []table.Row
	all := t.list()
	for i := range all {
		s := &all[i]
		for _, app := range t.counterparts(s) {
			if app.ID == r.ID {
				rows = append(rows, table.Row{
					ID:     s.ID,
					Cells:  []string{s.Name, stateCell(s), partnerStatus(s, app.ID, t.ctx.AppID), roleCell(graph.RoleOf(s, t.ctx.AppID))},
					Styles: []table.StyleID{0, stateStyle(s.State())},
				})
			}
		}
	}
	t.sols.SetRows(rows)
}

// partnerStatus is the partner row's status for the app, whichever side it is.
func partnerStatus(s *graph.Solution, app, us string) string {
	for _, row := range s.Partners {
		if row.PartnerApp != nil && (row.PartnerApp.ID == app || row.PartnerApp.ID == us) {
			if row.Status != "" {
				return row.Status
			}
		}
	}
	return "—"
}

func (t *partnersTab) refreshEmpty() {
	t.apps.SetEmptyText(t.data.load.emptyText(t.ctx, "partner apps", "No partner apps: no solution is shared with another app yet."))
}

// loadRows reads the chosen solution's /partners rows.
func (t *partnersTab) loadRows(s graph.Solution, seq uint64) tea.Cmd {
	if t.rowsCancel != nil {
		t.rowsCancel()
	}
	ctx, cancel := context.WithCancel(t.ctx.Ctx)
	t.rowsCancel = cancel
	t.rowsSeq, t.rowsFor, t.rows = seq, s, nil
	t.rowsLoad = loadState{loading: true}
	return loadPartnerRows(ctx, t.ctx, Origin{Tab: TabPartners, Seq: seq}, s.ID)
}

func (t *partnersTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg[graph.PartnerRow]:
		if msg.Seq != t.rowsSeq {
			return msg.more.discard()
		}
		t.rows = append(t.rows, msg.Items...)
		if msg.Done {
			t.rowsLoad = loadState{err: msg.Err, done: true}
			return nil
		}
		return msg.more.nextPage(msg.Origin)
	case tea.MouseClickMsg:
		t.apps, _ = t.apps.Update(msg)
		t.sols, _ = t.sols.Update(msg)
		t.syncSolutions()
	default:
		t.moveFocused(msg)
	}
	return nil
}

// showFocus highlights the cursor row of the focused table only; the other
// keeps just its gutter mark.
func (t *partnersTab) showFocus() {
	focused := tableStyles(t.ctx.Styles)
	resting := focused
	resting.Selected = lipgloss.NewStyle()
	if t.focusSols {
		t.apps.SetStyles(resting)
		t.sols.SetStyles(focused)
		return
	}
	t.apps.SetStyles(focused)
	t.sols.SetStyles(resting)
}

// SelectedID is the focused table's row: a partner app or a solution.
func (t *partnersTab) SelectedID() (copyTarget, bool) {
	if t.focusSols {
		return rowTarget(t.sols, "solution")
	}
	if r, ok := t.apps.Selected(); ok && r.ID == unreadApp {
		return copyTarget{}, false
	}
	return rowTarget(t.apps, "partner app")
}

func (t *partnersTab) moveFocused(msg tea.Msg) {
	if t.focusSols {
		t.sols, _ = t.sols.Update(msg)
		return
	}
	t.apps, _ = t.apps.Update(msg)
	t.syncSolutions()
}

func (t *partnersTab) View() string {
	st := t.ctx.Styles
	head := "Partner apps · enter shows an app's solutions, then enter opens a solution"
	if t.focusSols {
		head = "Solutions · enter opens one and reads its /partners rows · esc back to the apps"
	}
	appName := "the selected app"
	if r, ok := t.apps.Selected(); ok {
		appName = text.Sanitize(r.Cells[0])
	}
	lines := []string{
		st.Header.Render(t.ctx.Measure.Truncate(head, t.width)),
		t.apps.View(),
		st.Section.Render(t.ctx.Measure.Truncate("Solutions shared with "+appName, t.width)),
		t.sols.View(),
	}
	lines = append(lines, t.rowsView()...)
	return strings.Join(lines, "\n")
}

// rowsView is the strip with the chosen solution's /partners rows.
func (t *partnersTab) rowsView() []string {
	st := t.ctx.Styles
	if t.rowsFor.ID == "" {
		return []string{st.Muted.Render(t.ctx.Measure.Truncate("No solution chosen: its /partners rows show here.", t.width))}
	}
	out := []string{st.Section.Render(t.ctx.Measure.Truncate("/partners rows of "+text.Sanitize(t.rowsFor.Name), t.width))}
	switch {
	case t.rowsLoad.err != nil:
		out = append(out, st.Error.Render(t.ctx.Measure.Truncate(describeError(t.ctx, "Reading partner rows", t.rowsLoad.err), t.width)))
	case t.rowsLoad.loading && len(t.rows) == 0:
		out = append(out, "Reading…")
	case len(t.rows) == 0:
		out = append(out, "No partner rows.")
	}
	for _, row := range t.rows {
		line := fmt.Sprintf("  row %s · %s · status %s · %d permissions", text.Sanitize(row.ID), appLabel(row.PartnerApp), orDash(row.Status), len(row.PartnerPermissions))
		out = append(out, t.ctx.Measure.Truncate(line, t.width))
	}
	if len(out) > partnerRowsLines {
		out = out[:partnerRowsLines]
	}
	return out
}
