package ui

import (
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

// View draws the dialog box.
func (d *confirmDialog) View() string {
	st := d.ctx.Styles
	s := d.req.Solution
	width := min(max(d.ctx.Width-6, 30), 72)
	wrap := lipgloss.NewStyle().Width(width)

	var lines []string
	lines = append(lines, st.Header.Render(d.req.Action.Title()+"?"), "")
	lines = append(lines, wrap.Render("Solution: "+text.Sanitize(s.Name)+" ("+text.Sanitize(s.ID)+")"))
	if p := graph.Counterpart(&s, d.req.Role); p != nil {
		lines = append(lines, wrap.Render("Partner:  "+appLabel(p)))
	}
	lines = append(lines, "")
	lines = append(lines, d.grants(wrap)...)
	lines = append(lines, wrap.Render(d.req.Action.Consequence()))
	if d.req.Action.Irreversible() {
		lines = append(lines, st.Danger.Render("This cannot be undone."))
	}
	lines = append(lines, "", d.buttons(), "", st.Muted.Render(helpLine(d.ctx.Keys.DialogHelp())))
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

// grants lists what accepting gives each side; other actions grant nothing.
func (d *confirmDialog) grants(wrap lipgloss.Style) []string {
	if d.req.Action != graph.ActionAccept {
		return []string{"Grants no permissions."}
	}
	s := d.req.Solution
	var partnerPerms []string
	for _, row := range s.Partners {
		partnerPerms = append(partnerPerms, row.PartnerPermissions...)
	}
	return []string{
		"Permissions granted:",
		wrap.Render("  owner:   " + permissionList(s.OwnerPermissions)),
		wrap.Render("  partner: " + permissionList(partnerPerms)),
		"",
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

// helpLine is a compact "key desc · key desc" line.
func helpLine(bindings []key.Binding) string {
	parts := make([]string, 0, len(bindings))
	for _, b := range bindings {
		h := b.Help()
		parts = append(parts, h.Key+" "+h.Desc)
	}
	return strings.Join(parts, " · ")
}
