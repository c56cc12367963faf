package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/table"
)

// pendingTab is the triage list: what needs our answer first, then what
// awaits the partner.
type pendingTab struct {
	solutionFeed
	ctx   *Shared
	table table.Model
	width int

	needsUs, awaits int
}

const pendingHeader = 1

// Section rows are not solutions; their IDs cannot clash with Graph's digits.
const (
	sectionNeedsUs = "section:needs-us"
	sectionAwaits  = "section:awaits"
)

func newPendingTab(c *Shared) *pendingTab {
	t := &pendingTab{ctx: c}
	t.solutionFeed = newSolutionFeed(c, func([]graph.Solution, bool) { t.rebuild() }, t.refreshEmpty)
	t.table = newTable(c, []table.Column{
		{Title: "Name", MinWidth: 26, Flex: 3},
		{Title: "Request", Width: 12, MinWidth: 6, Priority: 2, Short: shortRequest},
		{Title: "Other app", MinWidth: 10, Flex: 1, Priority: 3},
		{Title: "Age", Width: 5, Priority: 4},
		{Title: "Permissions", MinWidth: 18, Flex: 4, Priority: 1, Short: messagingFirst},
	}, table.WithIDSearch(), table.WithSections(isSection))
	t.table.SetOrigin(0, bodyTop+pendingHeader)
	t.refreshEmpty()
	return t
}

func (t *pendingTab) ID() TabID { return TabPending }

// Title counts the requests that need us, and after a "+" those that
// await the partner, so that the count adds up to the rows listed.
func (t *pendingTab) Title() string {
	if t.awaits > 0 {
		return fmt.Sprintf("Pending (%d+%d)", t.needsUs, t.awaits)
	}
	return fmt.Sprintf("Pending (%d)", t.needsUs)
}
func (t *pendingTab) Init() tea.Cmd { return nil }
func (t *pendingTab) Bindings() []Binding {
	k := t.ctx.Keys
	own := []Binding{{Key: k.Open, Handler: withCmd(func() tea.Cmd { return t.inspectSelected(t.table) })}}
	move := func(k tea.KeyPressMsg) { t.move(k) }
	return slices.Concat(own, actionBindings(t.ctx), sortBindings(k, move), moveBindings(k, move))
}

// move moves the cursor and steps over the section titles the way it went.
func (t *pendingTab) move(msg tea.Msg) {
	before := t.table.Cursor()
	t.table, _ = t.table.Update(msg)
	if after := t.table.Cursor(); after < before {
		t.skipSection(-1)
	} else {
		t.skipSection(1)
	}
}
func (t *pendingTab) SetSize(w, h int) {
	t.width = w
	sizeTable(t.ctx, &t.table, w, max(h-pendingHeader, 1))
}
func (t *pendingTab) SetFilter(q string) { t.table.SetFilter(q) }
func (t *pendingTab) FilterText() string { return t.table.Filter() }

// waiting says whether a solution waits on an answer, and whether the
// answer is ours to give.
func (t *pendingTab) waiting(s *graph.Solution) (pending, ours bool) {
	return waitingOn(s, t.ctx.AppID)
}

// waitingOn is waiting for our app appID.
func waitingOn(s *graph.Solution, appID string) (pending, ours bool) {
	st := s.State()
	if st != graph.StatePending && st != graph.StatePendingDeactivation {
		return false, false
	}
	role := graph.RoleOf(s, appID)
	return true, graph.Check(graph.AnswerFor(st, true), st, role).Allowed
}

func (t *pendingTab) rebuild() {
	var ours, theirs []table.Row
	all := t.list()
	for i := range all {
		s := &all[i]
		pending, mine := t.waiting(s)
		switch {
		case !pending:
		case mine:
			ours = append(ours, t.row(s))
		default:
			theirs = append(theirs, t.row(s))
		}
	}
	t.needsUs, t.awaits = len(ours), len(theirs)
	rows := make([]table.Row, 0, len(ours)+len(theirs)+2)
	if len(ours)+len(theirs) > 0 {
		rows = append(rows, sectionRow(sectionNeedsUs, fmt.Sprintf("Needs us (%d)", len(ours))))
		rows = append(rows, ours...)
		rows = append(rows, sectionRow(sectionAwaits, fmt.Sprintf("Awaits partner (%d)", len(theirs))))
		rows = append(rows, theirs...)
	}
	t.table.SetRows(rows)
	t.skipSection(1)
	t.refreshEmpty()
}

// skipSection moves the cursor off a section title, in direction dir.
func (t *pendingTab) skipSection(dir int) {
	r, ok := t.table.Selected()
	if !ok || !isSection(r.ID) {
		return
	}
	before := t.table.Cursor()
	t.table.MoveBy(dir)
	if t.table.Cursor() == before {
		t.table.MoveBy(-dir)
	}
}

func isSection(id string) bool { return id == sectionNeedsUs || id == sectionAwaits }

func sectionRow(id, title string) table.Row {
	return table.Row{ID: id, Cells: []string{"▾ " + title}, Styles: []table.StyleID{styleSection}}
}

func (t *pendingTab) row(s *graph.Solution) table.Row {
	role := graph.RoleOf(s, t.ctx.AppID)
	request := "activation"
	if s.State() == graph.StatePendingDeactivation {
		request = "deactivation"
	}
	return table.Row{
		ID:     s.ID,
		Cells:  []string{s.Name, request, partnerCell(s, role), t.age(s.ID), permissionSummary(s, role)},
		Styles: []table.StyleID{0, stateStyle(s.State())},
	}
}

// age is how long ago mps first saw the request, when something recorded
// it; Graph itself does not say when a request was made.
func (t *pendingTab) age(id string) string {
	at, ok := t.ctx.firstSeen(id)
	if !ok {
		return "—"
	}
	return shortAge(t.ctx.Now().Sub(at))
}

func shortAge(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// permissionSummary is one line: how many permissions each side gets and
// which side holds MESSAGING; "—" until our side and both sides'
// permissions are known (a list that answered only its default fields
// has none of them, the solution's own read has them).
func permissionSummary(s *graph.Solution, role graph.Role) string {
	ours, theirs, ok := s.Grants().Sides(role)
	if !ok {
		return "—"
	}
	line := fmt.Sprintf("we get %d · they get %d", len(ours), len(theirs))
	switch side := graph.MessagingSide(s); {
	case side == "":
	case side == role.String():
		line += " · MESSAGING: us"
	default:
		line += " · MESSAGING: them"
	}
	return line
}

// agoText is how long ago d was, "just now" under a minute.
func agoText(d time.Duration) string {
	if d < time.Minute {
		return "just now"
	}
	return shortAge(d) + " ago"
}

// shortRequest abbreviates a request ("activation", "deactivation") to
// "act." and "deact." for a narrow column.
func shortRequest(cell string, _ int) string {
	if stem, ok := strings.CutSuffix(cell, "ivation"); ok {
		return stem + "."
	}
	return cell
}

// messagingFirst puts a permissionSummary's MESSAGING part first, so that
// a narrow column keeps which side messages.
func messagingFirst(cell string, _ int) string {
	counts, messaging, ok := strings.Cut(cell, " · MESSAGING: ")
	if !ok {
		return cell
	}
	return "MESSAGING: " + messaging + " · " + counts
}

func (t *pendingTab) SelectedSolution() (graph.Solution, bool) { return t.solutionAt(t.table) }
func (t *pendingTab) SelectedID() (copyTarget, bool)           { return t.solutionTargetAt(t.table) }
func (t *pendingTab) SelectSolution(id string) bool            { return t.table.SelectID(id) }

func (t *pendingTab) refreshEmpty() {
	t.table.SetEmptyText(t.data.load.emptyText(t.ctx, "pending requests", "Nothing is pending: no request needs us, and none awaits a partner."))
}

func (t *pendingTab) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(requestAgesMsg); ok {
		t.rebuild()
		return nil
	}
	t.move(msg)
	return nil
}

func (t *pendingTab) View() string {
	head := fmt.Sprintf("%d need us · %d await the partner", t.needsUs, t.awaits)
	return t.ctx.Styles.Header.Render(t.ctx.Measure.Truncate(head, t.width)) + "\n" + t.table.View()
}

// solutionsOnScreen are the requests on screen; the group headers are not
// solutions and are passed over by the reads.
func (t *pendingTab) solutionsOnScreen() []string { return t.table.WindowIDs() }
