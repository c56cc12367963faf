package ui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
)

// solutionsTab lists every solution of our app, filterable by state, role
// and text, with counts per state in its header.
type solutionsTab struct {
	solutionFeed
	ctx   *Shared
	table table.Model
	state int // 0 means every state; i>0 picks stateChoices()[i-1]
	role  graph.Role
	width int
	// counts are the list's solutions per state, kept with the rows so
	// that a frame does not count them again.
	counts map[graph.State]int
}

const solutionsHeader = 2

func newSolutionsTab(c *Shared) *solutionsTab {
	t := &solutionsTab{ctx: c, counts: map[graph.State]int{}}
	t.solutionFeed = newSolutionFeed(c, t.showChange, t.refreshEmpty)
	t.table = newTable(c, []table.Column{
		{Title: "Name", MinWidth: 26, Flex: 3},
		stateColumn(1),
		{Title: "Role", Width: 7, Priority: 3},
		{Title: "Other app", MinWidth: 12, Flex: 2, Priority: 2},
		{Title: "Messaging", Width: 9, MinWidth: 7, Priority: 4},
		{Title: "ID", Width: 16, Priority: 5},
	})
	t.table.SetOrigin(0, bodyTop+solutionsHeader)
	t.refreshEmpty()
	return t
}

// stateChoices are the states the s key cycles through.
func stateChoices() []graph.State { return append(graph.KnownStates(), graph.StateOther) }

func (t *solutionsTab) ID() TabID     { return TabSolutions }
func (t *solutionsTab) Title() string { return fmt.Sprintf("Solutions (%d)", len(t.list())) }
func (t *solutionsTab) Init() tea.Cmd { return nil }

func (t *solutionsTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{
		{Key: k.StateFilter, Handler: withoutCmd(func() { t.cycleState(1) })},
		{Key: k.StateBack, Handler: withoutCmd(func() { t.cycleState(-1) })},
		{Key: k.RoleFilter, Handler: withoutCmd(func() { t.cycleRole(1) })},
		{Key: k.RoleBack, Handler: withoutCmd(func() { t.cycleRole(-1) })},
		{Key: k.Open, Handler: withCmd(func() tea.Cmd { return t.inspectSelected(t.table) })},
		{Key: k.New, Handler: withCmd(t.ctx.host.openCreate), Disabled: t.ctx.host.createRefused},
	}
	return slices.Concat(own, actionBindings(t.ctx), sortBindings(k, t.move), moveBindings(k, t.move))
}

// cycleState moves the state filter by dir (1 or -1) through "all" and the
// states, skipping Other while no solution has an unknown state.
func (t *solutionsTab) cycleState(dir int) {
	n := len(stateChoices()) + 1
	t.state = (t.state + dir + n) % n
	if t.state > 0 && stateChoices()[t.state-1] == graph.StateOther && t.counts[graph.StateOther] == 0 {
		t.state = (t.state + dir + n) % n
	}
	t.rebuild()
	t.refreshEmpty()
}

// cycleRole moves the role filter by dir through all, owner and partner.
func (t *solutionsTab) cycleRole(dir int) {
	t.role = (t.role + graph.Role(dir) + 3) % 3
	t.rebuild()
	t.refreshEmpty()
}

func (t *solutionsTab) move(k tea.KeyPressMsg) { t.table, _ = t.table.Update(k) }

func (t *solutionsTab) SetSize(w, h int) {
	t.width = w
	sizeTable(t.ctx, &t.table, w, max(h-solutionsHeader, 1))
}

func (t *solutionsTab) SetFilter(q string) { t.table.SetFilter(q) }
func (t *solutionsTab) FilterText() string { return t.table.Filter() }

func (t *solutionsTab) keep(s *graph.Solution) bool {
	if t.state > 0 && s.State() != stateChoices()[t.state-1] {
		return false
	}
	return t.role == graph.RoleUnknown || graph.RoleOf(s, t.ctx.AppID) == t.role
}

func (t *solutionsTab) row(s *graph.Solution) table.Row {
	role := graph.RoleOf(s, t.ctx.AppID)
	return table.Row{
		ID:     s.ID,
		Cells:  []string{s.Name, stateCell(s), roleCell(role), partnerCell(s, role), messagingCell(s), s.ID},
		Styles: []table.StyleID{0, stateStyle(s.State())},
	}
}

// roleCell is our side, or "—" while nothing read has said it.
func roleCell(r graph.Role) string {
	if r == graph.RoleUnknown {
		return "—"
	}
	return r.String()
}

func (t *solutionsTab) rows(list []graph.Solution) []table.Row {
	out := make([]table.Row, 0, len(list))
	for i := range list {
		if t.keep(&list[i]) {
			out = append(out, t.row(&list[i]))
		}
	}
	return out
}

func (t *solutionsTab) rebuild() { t.table.SetRows(t.rows(t.list())) }

func (t *solutionsTab) showChange(added []graph.Solution, all bool) {
	if all {
		t.counts = map[graph.State]int{}
		countStates(t.counts, t.list())
		t.rebuild()
		return
	}
	countStates(t.counts, added)
	t.table.AppendRows(t.rows(added))
}

func (t *solutionsTab) SelectedSolution() (graph.Solution, bool) { return t.solutionAt(t.table) }
func (t *solutionsTab) SelectedID() (copyTarget, bool)           { return t.solutionTargetAt(t.table) }

func (t *solutionsTab) SelectSolution(id string) bool {
	if t.table.SelectID(id) {
		return true
	}
	// The filters hide it: clear them so the jump lands.
	t.state, t.role = 0, graph.RoleUnknown
	t.table.SetFilter("")
	t.rebuild()
	return t.table.SelectID(id)
}

func (t *solutionsTab) refreshEmpty() {
	empty := "No solutions yet. A partner's request will appear here, and on the Pending tab."
	if len(t.list()) > 0 {
		empty = "No solution matches the filters. Press s or o to change them, or esc to clear the text filter."
	}
	t.table.SetEmptyText(t.data.load.emptyText(t.ctx, "solutions", empty))
}

func (t *solutionsTab) Update(msg tea.Msg) tea.Cmd {
	t.table, _ = t.table.Update(msg)
	t.refreshEmpty()
	return nil
}

func (t *solutionsTab) filterLabel() string {
	stateText := "all"
	if t.state > 0 {
		stateText = stateChoices()[t.state-1].String()
	}
	roleText := "all"
	if t.role != graph.RoleUnknown {
		roleText = t.role.String()
	}
	return fmt.Sprintf("showing %d of %d · state: %s (s) · role: %s (o)", t.table.VisibleLen(), len(t.list()), stateText, roleText)
}

func (t *solutionsTab) View() string {
	counts := stateCounts(t.ctx.Measure, t.counts, t.width)
	if counts == "" {
		counts = "no solutions loaded"
	}
	return headedView(t.ctx, t.width, counts, t.filterLabel(), t.table.View())
}

func (t *solutionsTab) solutionsOnScreen() []string { return t.table.WindowIDs() }
