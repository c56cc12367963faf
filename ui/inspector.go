package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// inspectorTab is the Origin tab of the inspector's own reads.
const inspectorTab TabID = -1

// inspector shows one solution in full: sides, permissions side by side,
// what may be done with it now and the customers onboarded through it.
type inspector struct {
	ctx *Shared
	// sol is the solution as the shared data last had it (or as opened,
	// while the data lacks it), redrawn when the data's version moves.
	sol       graph.Solution
	seen      uint64 // the shared solutions' version sol reflects
	seq       uint64
	loading   bool
	err       error
	onboarded onboardedState
	actions   actionsState // its last actions, from the journal
	// wabaName is a customer's name from the loaded customer list; false
	// when the list does not hold the WABA.
	wabaName func(wabaID string) (string, bool)
	offset   int
	height   int
	lastBody []string
	signup   *signupView // the Embedded Signup snippet, while e shows it
}

func newInspector(ctx *Shared, s graph.Solution, seq uint64) *inspector {
	return &inspector{ctx: ctx, sol: s, seq: seq, loading: true}
}

// refresh reads the solution and its customers again so the view is current.
func (in *inspector) refresh(seq uint64) tea.Cmd {
	in.seq, in.loading, in.err = seq, true, nil
	return tea.Batch(readSolution(in.ctx.Ctx, in.ctx, Origin{Tab: inspectorTab, Seq: seq}, in.sol.ID), in.readOnboarded(seq), in.readActions(seq))
}

// syncData takes the latest copy of the solution from the shared data.
func (in *inspector) syncData() {
	d := in.ctx.Solutions
	if d.Version() == in.seen {
		return
	}
	in.seen = d.Version()
	if s, ok := d.Solution(in.sol.ID); ok {
		in.sol = s
	}
}

func (in *inspector) role() graph.Role { return graph.RoleOf(&in.sol, in.ctx.AppID) }

// Update scrolls and takes the inspector's own results.
func (in *inspector) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case solutionReadMsg:
		if msg.Seq != in.seq {
			return nil
		}
		in.loading = false
		in.err = msg.Err // the root puts the solution read in the shared data
	case onboardedMsg:
		in.takeOnboarded(msg)
	case tea.MouseWheelMsg:
		in.offset = wheelTo(msg.Button == tea.MouseWheelDown, in.offset, len(in.lastBody)-in.height)
	}
	return nil
}

// Bindings are the inspector's keys: close, read again, the action keys
// on its solution, its Embedded Signup snippet, and scrolling; while the
// snippet shows, the snippet's.
func (in *inspector) Bindings() []Binding {
	if in.signup != nil {
		return in.signupBindings()
	}
	k := in.ctx.Keys
	own := []Binding{
		{Key: described(k.Back, "back"), Handler: withCmd(func() tea.Cmd { return in.ctx.host.leaveInspector() })},
		{Key: described(k.Refresh, "read again"), Handler: withCmd(func() tea.Cmd { return in.refresh(in.ctx.host.nextSeq()) })},
	}
	signup := Binding{Key: k.Signup, Handler: withoutCmd(in.openSignup), Disabled: in.signupRefused}
	return slices.Concat(own, actionBindings(in.ctx), []Binding{signup}, moveBindings(k, in.scroll))
}

func (in *inspector) scroll(k tea.KeyPressMsg) {
	in.offset = scrollTo(in.ctx.Keys, k, in.offset, in.height, len(in.lastBody)-in.height)
}

// View draws the visible part of the inspector in width x height.
func (in *inspector) View(width, height int) string {
	in.height = height
	in.lastBody = in.body(width)
	in.offset = within(in.offset, len(in.lastBody)-height)
	end := min(in.offset+height, len(in.lastBody))
	lines := append([]string(nil), in.lastBody[in.offset:end]...)
	if rest := len(in.lastBody) - end; rest > 0 && len(lines) > 1 {
		lines[len(lines)-1] = in.ctx.Styles.Muted.Render(fmt.Sprintf("↓ %d more lines (j, pgdn, G)", rest+1))
	}
	return strings.Join(lines, "\n")
}

func (in *inspector) body(width int) []string {
	if in.signup != nil {
		return in.signupLines(width)
	}
	st := in.ctx.Styles
	s := &in.sol
	role := in.role()
	cut := func(line string) string { return in.ctx.Measure.Truncate(line, width) }
	var out []string
	title := "Solution " + text.Sanitize(s.Name)
	if in.loading {
		title += st.Muted.Render("  reading…")
	}
	out = append(out, cut(st.Header.Render(title)))
	if in.err != nil {
		out = append(out, st.Error.Render(in.ctx.Measure.Wrap(describeError(in.ctx, "Reading the solution", in.err), width)))
	}
	field := func(name, value string) { out = append(out, cut(fmt.Sprintf("%-13s %s", name, value))) }
	field("ID", text.Sanitize(s.ID))
	stateLabel := text.Sanitize(s.StateLabel())
	field("State", st.Badge(s.State(), stateLabel)+st.Muted.Render(fmt.Sprintf("  (status %s, pending request %s)", orDash(s.Status), orDash(s.PendingRequest))))
	field("Our role", role.String())
	field("Owner app", appWithLink(s.OwnerApp))
	for _, row := range s.Partners {
		field("Partner app", appWithLink(row.PartnerApp))
		field("  row status", orDash(row.Status)+st.Muted.Render("  (partner row "+text.Sanitize(row.ID)+")"))
	}
	if len(s.Partners) == 0 {
		field("Partner app", "not known yet")
	}
	out = append(out, "")
	out = append(out, in.permissionLines(width)...)
	out = append(out, "")
	out = append(out, in.actionLines(width, role)...)
	out = append(out, "")
	out = append(out, in.actionHistoryLines(width)...)
	out = append(out, "")
	out = append(out, in.customerLines(width)...)
	return strings.Split(strings.Join(out, "\n"), "\n")
}

// permissionLines puts the owner's and the partner's permissions side by
// side; a permission only one side holds is highlighted.
func (in *inspector) permissionLines(width int) []string {
	st := in.ctx.Styles
	has := func(yes bool) string {
		if yes {
			return "yes"
		}
		return " - "
	}
	out := []string{st.Section.Render("Permissions"), st.Muted.Render(in.ctx.Measure.Truncate(fmt.Sprintf("  %-26s %-6s %-8s %s", "name", "owner", "partner", "meaning"), width))}
	g := in.sol.Grants()
	rows := g.Table()
	for _, r := range rows {
		meaning, known := graph.PermissionMeaning(r.Name)
		if !known {
			meaning = "not known to mps; shown as sent"
		}
		if r.OneSided() {
			meaning += " (one side only)"
		}
		line := in.ctx.Measure.Truncate(fmt.Sprintf("  %s %-6s %-8s %s", in.ctx.Measure.Fit(text.Sanitize(r.Name), 26), has(r.Owner), has(r.Partner), meaning), width)
		if r.OneSided() {
			line = st.Highlight.Render(line)
		}
		out = append(out, line)
	}
	switch {
	case len(rows) > 0:
	case g.Known:
		out = append(out, st.Muted.Render("  none listed"))
	default:
		out = append(out, st.Muted.Render("  not known until the solution is read"))
	}
	return out
}

// actionLines lists every action with its key when allowed, or why not.
func (in *inspector) actionLines(width int, role graph.Role) []string {
	st := in.ctx.Styles
	out := []string{st.Section.Render("Actions")}
	for _, v := range graph.Allowed(in.sol.State(), role) {
		if v.Allowed {
			out = append(out, st.Allowed.Render(in.ctx.Measure.Truncate(fmt.Sprintf("  ✓ %-2s %s", actionKey(in.ctx.Keys, v.Action), v.Action.Title()), width)))
			continue
		}
		line := in.ctx.Measure.WrapAfter("  ✗    ", v.Action.Title()+" — "+v.Reason, width)
		out = append(out, st.Disallowed.Render(line))
	}
	return out
}

// actionKey is the key that triggers an action.
func actionKey(k KeyMap, a graph.Action) string {
	switch a {
	case graph.ActionAccept, graph.ActionAcceptDeactivation:
		return k.Accept.Help().Key
	case graph.ActionReject, graph.ActionRejectDeactivation:
		return k.Reject.Help().Key
	}
	return k.Deactivate.Help().Key
}

func appWithLink(a *graph.App) string {
	if a == nil {
		return "not known yet"
	}
	label := appLabel(a)
	if a.Link != "" {
		label += "  " + text.Sanitize(a.Link)
	}
	return label
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return text.Sanitize(s)
}
