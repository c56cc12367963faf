package ui

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/graph"
	"mps/ui/text"
)

// confirmDialog asks before an action is sent. Focus starts on Cancel, so
// an absent-minded enter does nothing harmful.
type confirmDialog struct {
	ctx       *Context
	req       actionRequest
	confirmOn bool // focus is on the confirm button
}

func newConfirmDialog(ctx *Context, req actionRequest) *confirmDialog {
	return &confirmDialog{ctx: ctx, req: req}
}

func (d *confirmDialog) close(confirmed bool) *dialogClosedMsg {
	return &dialogClosedMsg{Confirmed: confirmed, Request: d.req}
}

// Update handles a key and returns the dialog's answer once it has one.
// The answer is returned, not sent as a command, so that the very next key
// already goes to whatever is under the dialog.
func (d *confirmDialog) Update(msg tea.Msg) *dialogClosedMsg {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys := d.ctx.Keys
	switch {
	case key.Matches(k, keys.Confirm):
		return d.close(true)
	case key.Matches(k, keys.Cancel):
		return d.close(false)
	case key.Matches(k, keys.Activate):
		return d.close(d.confirmOn)
	case key.Matches(k, keys.FocusNext):
		d.confirmOn = !d.confirmOn
	}
	return nil
}

// dialogFit is how much of the dialog fits: each level drops more.
type dialogFit int

const (
	fitSpaced  dialogFit = iota // everything, with blank lines
	fitTight                    // no blank lines
	fitCompact                  // each permission list on one line
	fitMinimal                  // the action, the solution, the warning and the buttons
)

// View draws the dialog box centred in an area of width x height cells,
// dropping detail as space runs short; the names, the warning and the
// buttons always show.
func (d *confirmDialog) View(width, height int) string {
	inner := min(max(width-4, 10), 72)
	var lines []string
	for fit := fitSpaced; fit <= fitMinimal; fit++ {
		lines = d.lines(inner, fit)
		if len(lines)+2 <= height {
			break
		}
	}
	return centred(d.ctx.Measure, framed(d.ctx.Measure, d.ctx.Styles.Dialog, lines, inner), width, height)
}

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

func (d *confirmDialog) lines(width int, fit dialogFit) []string {
	st := d.ctx.Styles
	s := d.req.Solution
	wrap := func(s string) string { return d.ctx.Measure.Wrap(s, width) }
	var out []string
	add := func(parts ...string) {
		for _, p := range parts {
			if p == "" && fit != fitSpaced {
				continue
			}
			out = append(out, strings.Split(p, "\n")...)
		}
	}
	add(st.Header.Render(d.ctx.Measure.Truncate(d.req.Action.Title()+"?", width)), "")
	solution := "Solution: " + text.Sanitize(s.Name) + " (" + text.Sanitize(s.ID) + ")"
	if fit == fitMinimal {
		add(d.ctx.Measure.Truncate(solution, width))
	} else {
		add(wrap(solution))
		add(wrap("State:    " + text.Sanitize(s.StateLabel()) + ", our role " + d.req.Role.String() + " (read just now)"))
		add(wrap("Owner:    " + d.side(s.OwnerApp)))
		for _, row := range s.Partners {
			add(wrap("Partner:  " + d.side(row.PartnerApp)))
		}
		add("")
		add(d.grants(width, fit >= fitCompact)...)
		add("", wrap(d.req.Action.Consequence()))
	}
	if d.req.Action.Irreversible() {
		add(st.Danger.Render(d.ctx.Measure.Truncate("This cannot be undone.", width)))
	}
	add("", d.buttons(width))
	return out
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
	if len(label)+22 > width {
		label = "Confirm"
	}
	return cancel.Render("[ Cancel ]") + " " + confirm.Render("[ "+label+" ]")
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
