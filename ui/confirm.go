package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/graph"
	"mps/ui/text"
)

// confirmDialog asks before an action is sent, or a solution created.
// Focus starts on Cancel, so an absent-minded enter does nothing harmful.
// It never confirms what it has not shown: when its lines do not fit, they
// scroll, and y waits until every one has been on screen; in an area too
// small to scroll, y waits for a larger terminal.
type confirmDialog struct {
	ctx       *Shared
	req       actionRequest  // the action asked for; zero for a create
	create    *createRequest // the solution to create; nil for an action
	setup     *setupRequest  // a customer's setup fix; nil otherwise
	noChoice  bool           // y came before the share's currency was chosen
	reason    *reasonLine    // nil unless the action takes a reason
	confirmOn bool           // focus is on the confirm button
	offset    int            // the first scrolled line shown
	seenAll   bool           // every scrolled line has been on screen
	refused   bool           // y came before everything had been shown
	badReason bool           // y came while the reason was wrong
}

func newConfirmDialog(ctx *Shared, req actionRequest) *confirmDialog {
	return &confirmDialog{ctx: ctx, req: req, reason: newReasonLine(ctx, req.Action)}
}

// newCreateDialog asks before a solution is created.
func newCreateDialog(ctx *Shared, req createRequest) *confirmDialog {
	return &confirmDialog{ctx: ctx, create: &req}
}

// newSetupDialog asks before a customer's setup fix is sent.
func newSetupDialog(ctx *Shared, req setupRequest) *confirmDialog {
	return &confirmDialog{ctx: ctx, setup: &req}
}

func (d *confirmDialog) close(confirmed bool) *dialogClosedMsg {
	req := d.req
	req.Reason = d.reason.value()
	return &dialogClosedMsg{Confirmed: confirmed, Request: req, Create: d.create, Setup: d.setup}
}

// title is what the dialog asks.
func (d *confirmDialog) title() string {
	if d.create != nil {
		return createTitle + "?"
	}
	if d.setup != nil {
		return d.setup.title() + "?"
	}
	return d.req.Action.Title() + "?"
}

// editing says the reason line has focus: every key is its text.
func (d *confirmDialog) editing() bool { return d.reason.editing() }

// edit gives a key or a paste to the reason line being edited.
func (d *confirmDialog) edit(msg tea.Msg) { d.reason.edit(msg) }

// Update handles a key, in an area of width x height cells, and returns
// the dialog's answer once it has one. The answer is returned, not sent as
// a command, so that the very next key already goes to whatever is under
// the dialog.
func (d *confirmDialog) Update(msg tea.Msg, width, height int) *dialogClosedMsg {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	var answer *dialogClosedMsg
	if b, ok := matching(d.bindings(d.layout(width, height), &answer), k); ok {
		b.Handler(k)
	} else if d.editing() {
		d.edit(k)
	}
	return answer
}

// Bindings are the dialog's keys in an area of width x height cells.
func (d *confirmDialog) Bindings(width, height int) []Binding {
	return d.bindings(d.layout(width, height), new(*dialogClosedMsg))
}

// bindings are the dialog's keys for layout l; a key that answers puts the
// answer in answer.
func (d *confirmDialog) bindings(l dialogLayout, answer **dialogClosedMsg) []Binding {
	k := d.ctx.Keys
	confirm := func() {
		if l.mode != dialogFits && !d.seenAll {
			d.refused = true
			return
		}
		if d.reason != nil && d.reason.err != nil {
			d.badReason = true
			return
		}
		if d.setup != nil && d.setup.Kind == fixCredit && d.setup.currency() == "" {
			d.noChoice = true
			return
		}
		*answer = d.close(true)
	}
	if d.editing() {
		keys := slices.Concat(k.FieldDone.Keys(), k.Back.Keys(), k.FieldNext.Keys())
		done := key.NewBinding(key.WithKeys(keys...), key.WithHelp(k.FieldDone.Help().Key+"/"+k.Back.Help().Key+"/tab", "done with the reason"))
		return []Binding{{Key: done, Handler: withoutCmd(func() { d.reason.blur(); d.confirmOn = false })}}
	}
	out := []Binding{
		{Key: k.Confirm, Handler: withoutCmd(confirm)},
		{Key: k.Cancel, Handler: withoutCmd(func() { *answer = d.close(false) })},
		{Key: k.FocusNext, Handler: withoutCmd(func() { d.confirmOn = !d.confirmOn })},
		{Key: k.Activate, Handler: withoutCmd(func() {
			if d.confirmOn {
				confirm()
				return
			}
			*answer = d.close(false)
		})},
	}
	if d.reason != nil {
		out = append(out, Binding{Key: k.Reason, Handler: withoutCmd(d.reason.focus)})
	}
	if d.setup != nil && d.setup.Kind == fixCredit {
		out = append(out, Binding{Key: k.Currency, Handler: withoutCmd(func() { d.setup.nextCurrency(); d.noChoice = false })})
		if len(d.setup.Lines) > 1 {
			out = append(out, Binding{Key: k.CreditLine, Handler: withoutCmd(d.setup.nextLine)})
		}
	}
	if l.mode == dialogScrolls {
		out = append(out, moveBindings(k, func(k tea.KeyPressMsg) { d.scroll(k, l) })...)
	}
	return out
}

// scroll moves the scrolled lines for the movement keys, and notes when
// the last of them has been on screen.
func (d *confirmDialog) scroll(k tea.KeyPressMsg, l dialogLayout) {
	last := len(l.body) - l.window
	d.offset = scrollTo(d.ctx.Keys, k, d.offset, l.window, last)
	if d.offset == last {
		d.seenAll = true
	}
}

// dialogFit is how much of the dialog is drawn: each level drops more.
type dialogFit int

const (
	fitSpaced  dialogFit = iota // everything, with blank lines
	fitTight                    // no blank lines
	fitCompact                  // each permission list on one line
)

// dialogMode is how the dialog meets its area.
type dialogMode int

const (
	dialogFits     dialogMode = iota // every line shows
	dialogScrolls                    // the middle scrolls between the title and the buttons
	dialogTooSmall                   // not even a few lines scroll: y waits for a larger terminal
)

// minScrollWindow is the fewest lines worth scrolling through.
const minScrollWindow = 3

// dialogLayout is the dialog's lines for one area: a title, a body that
// scrolls when it must, and a foot (the warning and the buttons) that
// always shows.
type dialogLayout struct {
	mode   dialogMode
	inner  int // the width inside the border and padding
	title  string
	body   []string
	foot   []string
	window int // body lines shown when scrolling
}

func (d *confirmDialog) layout(width, height int) dialogLayout {
	l := dialogLayout{inner: dialogInner(width)}
	l.title = d.ctx.Styles.Header.Render(d.ctx.Measure.Truncate(d.title(), l.inner))
	for fit := fitSpaced; fit <= fitCompact; fit++ {
		l.body, l.foot = d.lines(l.inner, fit)
		if 2+1+len(l.body)+len(l.foot) <= height {
			return l
		}
	}
	// Scrolling makes room for the whole permission lists, which the
	// compact fit cuts to a line each.
	l.body, l.foot = d.lines(l.inner, fitTight)
	// Borders, title, the scroll line and the foot around the window.
	l.window = height - 2 - 1 - 1 - len(l.foot)
	// Too small, the dialog is its title, the solution and the foot.
	if l.window >= minScrollWindow {
		l.mode = dialogScrolls
		return l
	}
	l.mode = dialogTooSmall
	return l
}

// View draws the dialog box centred in an area of width x height cells;
// the title, the warning and the buttons always show.
func (d *confirmDialog) View(width, height int) string {
	l := d.layout(width, height)
	m, st := d.ctx.Measure, d.ctx.Styles
	lines := []string{l.title}
	switch l.mode {
	case dialogFits:
		lines = append(lines, l.body...)
	case dialogScrolls:
		offset := min(d.offset, len(l.body)-l.window)
		lines = append(lines, l.body[offset:offset+l.window]...)
		lines = append(lines, d.scrollLine(l, offset))
	case dialogTooSmall:
		// The confirm button gives way to what to do, so the solution,
		// the warning and Cancel still fit.
		lines = append(lines, m.Truncate(d.summary(), l.inner))
		l.foot[len(l.foot)-1] = d.enlargeButtons(l.inner)
	}
	lines = append(lines, l.foot...)
	return centred(m, framed(m, st.Dialog, lines, l.inner), width, height)
}

// scrollLine says where the scrolled part stands, and, after an early y,
// that y waits until every line has been shown.
func (d *confirmDialog) scrollLine(l dialogLayout, offset int) string {
	m, st := d.ctx.Measure, d.ctx.Styles
	where := fmt.Sprintf("lines %d–%d of %d", offset+1, offset+l.window, len(l.body))
	switch {
	case d.seenAll:
		return st.Muted.Render(m.Truncate("↑ k/pgup · "+where+" · all shown", l.inner))
	case d.refused:
		return st.Danger.Render(m.Truncate("↓ j/pgdn/G to the end first: y confirms only what you have seen ("+where+")", l.inner))
	}
	return st.Muted.Render(m.Truncate("↓ j/pgdn/G for more · "+where+" · y once all is shown", l.inner))
}

// dialogInner is the width inside a dialog's frame on a screen width
// cells wide: the frame and a margin off, at least 10 and at most 72.
func dialogInner(width int) int { return min(max(width-4, 10), 72) }

// framed draws lines inside box's border and horizontal padding, each cut
// and padded to width cells as m counts them. lipgloss would pad them by
// grapheme clusters, which moves the right border of a line with Devanagari
// or ZWJ emoji while the terminal counts code points.
func framed(m text.Measure, box lipgloss.Style, lines []string, width int) []string {
	b := box.GetBorderStyle()
	paint := func(c color.Color, s string) string { return lipgloss.NewStyle().Foreground(c).Render(s) }
	left, right := paint(box.GetBorderLeftForeground(), b.Left), paint(box.GetBorderRightForeground(), b.Right)
	padLeft, padRight := strings.Repeat(" ", box.GetPaddingLeft()), strings.Repeat(" ", box.GetPaddingRight())
	span := box.GetPaddingLeft() + width + box.GetPaddingRight()
	out := make([]string, 0, len(lines)+2)
	out = append(out, paint(box.GetBorderTopForeground(), b.TopLeft+strings.Repeat(b.Top, span)+b.TopRight))
	for _, l := range lines {
		out = append(out, left+padLeft+m.Fit(l, width)+padRight+right)
	}
	return append(out, paint(box.GetBorderBottomForeground(), b.BottomLeft+strings.Repeat(b.Bottom, span)+b.BottomRight))
}

// centred places lines of equal width in the middle of width x height
// cells, padding with spaces counted by m, as lipgloss.Place would with
// its own count. A block larger than the area starts at its top left.
func centred(m text.Measure, lines []string, width, height int) string {
	blank := strings.Repeat(" ", width)
	above := max(height-len(lines), 0) / 2
	out := make([]string, 0, max(height, len(lines)))
	for range above {
		out = append(out, blank)
	}
	for _, l := range lines {
		margin := strings.Repeat(" ", max(width-m.Width(l), 0)/2)
		out = append(out, m.PadRight(margin+l, width))
	}
	for len(out) < height {
		out = append(out, blank)
	}
	return strings.Join(out, "\n")
}

// lines are the dialog's body (what it confirms, below its title) and its
// foot (the warning and the buttons) at one level of fit.
func (d *confirmDialog) lines(width int, fit dialogFit) (body, foot []string) {
	st := d.ctx.Styles
	add := func(to *[]string, parts ...string) {
		for _, p := range parts {
			if p == "" && fit != fitSpaced {
				continue
			}
			*to = append(*to, strings.Split(p, "\n")...)
		}
	}
	switch {
	case d.create != nil:
		add(&body, d.create.lines(d.ctx, width, fit)...)
	case d.setup != nil:
		for _, l := range d.setup.body(d.ctx.AppID) {
			add(&body, d.ctx.Measure.Wrap(l, width))
		}
		if d.setup.Kind == fixCredit {
			add(&foot, st.Danger.Render(d.ctx.Measure.Wrap("Once attached, a WABA's credit line cannot be changed.", width)))
		}
		if d.noChoice {
			add(&foot, st.Danger.Render(d.ctx.Measure.Truncate("y waits: choose the currency first (c)", width)))
		}
	default:
		d.actionLines(width, fit, func(parts ...string) { add(&body, parts...) })
	}
	if d.req.Action.Irreversible() && d.create == nil && d.setup == nil {
		add(&foot, st.Danger.Render(d.ctx.Measure.Truncate("This cannot be undone.", width)))
	}
	if d.reason != nil {
		add(&foot, "")
		add(&foot, d.reason.lines(d.ctx, width)...)
		if d.badReason && d.reason.err != nil {
			add(&foot, st.Danger.Render(d.ctx.Measure.Truncate("y waits: correct the reason first (r)", width)))
		}
	}
	add(&foot, "", d.buttons(width))
	return body, foot
}

// summary names what the dialog is about in one line.
func (d *confirmDialog) summary() string {
	if d.create != nil {
		return "New solution: " + text.Sanitize(d.create.New.Name)
	}
	if d.setup != nil {
		return d.setup.summary()
	}
	return "Solution: " + text.Sanitize(d.req.Solution.Name) + " (" + text.Sanitize(d.req.Solution.ID) + ")"
}

// actionLines are an action's body lines: the solution as read just now,
// its sides, the permissions and what the action does.
func (d *confirmDialog) actionLines(width int, fit dialogFit, add func(parts ...string)) {
	s := d.req.Solution
	wrap := func(s string) string { return d.ctx.Measure.Wrap(s, width) }
	add("", wrap("Solution: "+text.Sanitize(s.Name)+" ("+text.Sanitize(s.ID)+")"))
	add(wrap("State:    " + text.Sanitize(s.StateLabel()) + ", our role " + d.req.Role.String() + " (read just now)"))
	add(wrap("Owner:    " + d.side(s.OwnerApp)))
	for _, row := range s.Partners {
		add(wrap("Partner:  " + d.side(row.PartnerApp)))
	}
	add("")
	add(d.grants(width, fit >= fitCompact)...)
	add("", wrap(d.req.Action.Consequence()))
}

// side names an app of the solution, marking ours.
func (d *confirmDialog) side(a *graph.App) string {
	label := appLabel(a)
	if a != nil && a.ID == d.ctx.AppID {
		label += " — us"
	}
	return label
}

// grants lists each side's permissions as read: what accepting grants
// them, or, for the other actions, which grant nothing, what they hold.
// compact keeps each list to one line. A list Graph did not answer is
// said to be unread, never "none".
func (d *confirmDialog) grants(width int, compact bool) []string {
	g := d.req.Solution.Grants()
	list := func(perms []string) string {
		if perms == nil {
			return "    not read: Graph's answer did not list them"
		}
		if compact {
			return "    " + d.ctx.Measure.Truncate(fmt.Sprintf("%d: %s", len(perms), permissionList(perms)), width-4)
		}
		const indent = "    "
		return indent + strings.ReplaceAll(d.ctx.Measure.Wrap(permissionList(perms), width-len(indent)), "\n", "\n"+indent)
	}
	if d.req.Action != graph.ActionAccept {
		return []string{"Grants no permissions. The owner's:", list(g.Owner), "The partner's:", list(g.Partner)}
	}
	return []string{
		"Permissions granted to the owner:",
		list(g.Owner),
		"Permissions granted to the partner:",
		list(g.Partner),
	}
}

// buttons are Cancel and the action; a narrow dialog says just "Confirm".
func (d *confirmDialog) buttons(width int) string {
	st := d.ctx.Styles
	cancel, confirm := st.ButtonFocus, st.Button
	if d.confirmOn {
		cancel, confirm = st.Button, st.ButtonFocus
	}
	label := d.req.Action.Title()
	if d.create != nil {
		label = createTitle
	}
	if d.setup != nil {
		label = d.setup.title()
	}
	if len(label)+22 > width {
		label = "Confirm"
	}
	return cancel.Render("[ Cancel ]") + " " + confirm.Render("[ "+label+" ]")
}

// enlargeButtons are Cancel and, in place of the confirm button, what to
// do: a terminal too small to show what the action grants cannot confirm it.
func (d *confirmDialog) enlargeButtons(width int) string {
	st := d.ctx.Styles
	say, style := "enlarge to see grants", st.Muted
	if d.refused {
		say, style = "y waits: enlarge", st.Danger
	}
	cancel := st.ButtonFocus.Render("[ Cancel ]")
	return cancel + " " + style.Render(d.ctx.Measure.Truncate(say, max(width-lipgloss.Width(cancel)-1, 1)))
}

// permissionList is a comma list of sanitised permission names.
func permissionList(perms []string) string {
	if len(perms) == 0 {
		return "none"
	}
	out := make([]string, len(perms))
	for i, p := range perms {
		out[i] = text.Sanitize(p)
	}
	return strings.Join(out, ", ")
}

// appLabel is "name (id)" for an app, sanitised.
func appLabel(a *graph.App) string {
	if a == nil {
		return "unknown"
	}
	name := text.Sanitize(a.Name)
	if name == "" {
		name = "unnamed app"
	}
	return name + " (" + text.Sanitize(a.ID) + ")"
}
