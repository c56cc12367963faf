package ui

import (
	"fmt"
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

func (d *confirmDialog) close(confirmed bool) tea.Cmd {
	msg := dialogClosedMsg{Confirmed: confirmed, Request: d.req}
	return func() tea.Msg { return msg }
}

// Update handles a key; every other message is ignored while it is open.
func (d *confirmDialog) Update(msg tea.Msg) tea.Cmd {
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

// View draws the dialog box in at most maxHeight lines. When space is
// short it drops blank lines, then cuts the permission lists to one line
// each; the names, the warning and the buttons always show.
func (d *confirmDialog) View(maxHeight int) string {
	width := min(max(d.ctx.Width-6, 30), 72)
	lines := d.lines(width, false, true)
	if len(lines)+2 > maxHeight {
		lines = d.lines(width, false, false)
	}
	if len(lines)+2 > maxHeight {
		lines = d.lines(width, true, false)
	}
	return d.ctx.Styles.Dialog.Render(strings.Join(lines, "\n"))
}

func (d *confirmDialog) lines(width int, compact, spaced bool) []string {
	st := d.ctx.Styles
	s := d.req.Solution
	wrap := lipgloss.NewStyle().Width(width)
	var out []string
	add := func(parts ...string) {
		for _, p := range parts {
			if p == "" && !spaced {
				continue
			}
			out = append(out, strings.Split(p, "\n")...)
		}
	}
	add(st.Header.Render(d.req.Action.Title()+"?"), "")
	add(wrap.Render("Solution: " + text.Sanitize(s.Name) + " (" + text.Sanitize(s.ID) + ")"))
	add(wrap.Render("Owner:    " + d.side(s.OwnerApp)))
	for _, row := range s.Partners {
		add(wrap.Render("Partner:  " + d.side(row.PartnerApp)))
	}
	add("")
	add(d.grants(width, compact)...)
	add("", wrap.Render(d.req.Action.Consequence()))
	if d.req.Action.Irreversible() {
		add(st.Danger.Render("This cannot be undone."))
	}
	add("", d.buttons())
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

// grants lists what accepting gives each side; other actions grant
// nothing. compact keeps each list to one line.
func (d *confirmDialog) grants(width int, compact bool) []string {
	if d.req.Action != graph.ActionAccept {
		return []string{"Grants no permissions."}
	}
	s := d.req.Solution
	var partnerPerms []string
	for _, row := range s.Partners {
		partnerPerms = append(partnerPerms, row.PartnerPermissions...)
	}
	list := func(perms []string) string {
		if compact {
			return "    " + text.Truncate(fmt.Sprintf("%d: %s", len(perms), permissionList(perms)), width-4)
		}
		return lipgloss.NewStyle().Width(width).PaddingLeft(4).Render(permissionList(perms))
	}
	return []string{
		"Permissions granted to the owner:",
		list(s.OwnerPermissions),
		"Permissions granted to the partner:",
		list(partnerPerms),
	}
}

func (d *confirmDialog) buttons() string {
	st := d.ctx.Styles
	cancel, confirm := st.ButtonFocus, st.Button
	if d.confirmOn {
		cancel, confirm = st.Button, st.ButtonFocus
	}
	return cancel.Render("[ Cancel ]") + "  " + confirm.Render("[ "+d.req.Action.Title()+" ]")
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
