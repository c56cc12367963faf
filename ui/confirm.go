package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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

// View draws the dialog box in at most maxHeight lines, dropping detail
// as space runs short; the names, the warning and the buttons always show.
func (d *confirmDialog) View(maxHeight int) string {
	width := min(max(d.ctx.Width-4, 10), 72)
	var lines []string
	for fit := fitSpaced; fit <= fitMinimal; fit++ {
		lines = d.lines(width, fit)
		if len(lines)+2 <= maxHeight {
			break
		}
	}
	return d.ctx.Styles.Dialog.Render(strings.Join(lines, "\n"))
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
			return "    " + d.ctx.Measure.Truncate(fmt.Sprintf("%d: %s", len(perms), permissionList(perms)), width-4)
		}
		const indent = "    "
		return indent + strings.ReplaceAll(d.ctx.Measure.Wrap(permissionList(perms), width-len(indent)), "\n", "\n"+indent)
	}
	return []string{
		"Permissions granted to the owner:",
		list(s.OwnerPermissions),
		"Permissions granted to the partner:",
		list(partnerPerms),
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
