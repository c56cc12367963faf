package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/ui/text"
)

// handleKey gives a key to what has focus: the help while it is shown, the
// dialog, the filter line, then the focused view's bindings, then the
// global ones.
func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if k.String() == "ctrl+c" {
		return a.quit()
	}
	if a.fullHelp {
		// Help covers the view: nothing under it acts unseen.
		return a.runBinding(a.helpBindings(), k)
	}
	if a.dialog != nil {
		if answer := a.dialog.Update(k, a.ctx.Width, a.bodyHeight()); answer != nil {
			return a.dialogClosed(*answer)
		}
		if a.dialog.editing() {
			return nil // the reason line took it as text
		}
		return a.runBinding(a.globalBindings(), k)
	}
	if a.form != nil {
		return a.formKey(k)
	}
	if a.jump != nil {
		return a.jumpKey(k)
	}
	if a.filtering {
		return a.filterKey(k)
	}
	if b, ok := matching(a.focusBindings(), k); ok {
		return a.run(b, k)
	}
	return a.runBinding(a.globalBindings(), k)
}

// runBinding runs the binding of bs that k triggers, if any.
func (a *App) runBinding(bs []Binding, k tea.KeyPressMsg) tea.Cmd {
	if b, ok := matching(bs, k); ok {
		return a.run(b, k)
	}
	return nil
}

// run runs a binding's handler, or, when it is disabled, says why.
func (a *App) run(b Binding, k tea.KeyPressMsg) tea.Cmd {
	if !b.Move {
		a.setNotice("", false) // a notice belongs to the moment before this key
	}
	if reason := b.reason(); reason != "" {
		a.setNotice(reason, true)
		return nil
	}
	return b.Handler(k)
}

// focusBindings are the keys of the view that has focus: the dialog, the
// inspector or the active tab.
func (a *App) focusBindings() []Binding {
	switch {
	case a.dialog != nil:
		return a.dialog.Bindings(a.ctx.Width, a.bodyHeight())
	case a.form != nil:
		return a.form.Bindings()
	case a.raw != nil:
		return a.raw.Bindings()
	case a.doctorOn:
		return a.doctor.Bindings(a)
	case a.inspector != nil:
		return a.inspector.Bindings()
	}
	return a.activeTab().Bindings()
}

// globalBindings are the root's keys for what has focus, in two parts:
// lead, which the footer shows before the view's own keys, and rest. The
// filter and the refresh work on a tab; the copy key where something with
// an ID is selected.
func (a *App) globalBindings() []Binding {
	lead, rest := a.globalParts()
	return append(lead, rest...)
}

func (a *App) globalParts() (lead, rest []Binding) {
	k := a.ctx.Keys
	helpKey := Binding{Key: k.Help, Handler: withoutCmd(func() { a.fullHelp, a.helpOffset = true, 0 })}
	switch {
	case a.dialog != nil && a.dialog.editing(), a.form != nil && a.form.typing():
		return nil, nil // ? is text there
	case a.dialog != nil, a.form != nil:
		return []Binding{helpKey}, nil
	}
	lead = []Binding{
		helpKey,
		{Key: k.Quit, Handler: withCmd(a.quit)},
		{Key: k.NextTab, Handler: withoutCmd(func() { a.leaveTo(a.active + 1) })},
	}
	if a.doctor != nil && !a.doctorOn && a.raw == nil {
		rest = append(rest, Binding{Key: a.ctx.Keys.Doctor, Handler: withCmd(a.openDoctor)})
	}
	if a.inspector == nil {
		rest = append(rest,
			Binding{Key: k.Filter, Handler: withoutCmd(func() { a.filtering = true })},
			Binding{Key: k.Refresh, Handler: withCmd(a.refresh)},
		)
		switch {
		case a.filter.Value() != "":
			rest = append(rest, Binding{Key: described(k.Back, "clear the filter"), Handler: withoutCmd(a.clearFilter)})
		case a.canGoBack():
			rest = append(rest, Binding{Key: described(k.Back, a.backLabel()), Handler: withCmd(a.goBack)})
		}
	}
	if a.raw != nil {
		return lead, nil // the raw view's own keys, and leaving it
	}
	_, copies := a.activeTab().(idCopier)
	if a.inspector != nil {
		copies = a.inspector.signup == nil // the snippet's view copies the snippet
	}
	if copies {
		rest = append(rest,
			Binding{Key: k.Copy, Handler: withCmd(a.copySelected)},
			Binding{Key: k.CopyName, Handler: withCmd(a.copyName)},
			Binding{Key: k.CopyRow, Handler: withCmd(a.copyRow)},
			Binding{Key: k.Raw, Handler: withCmd(a.showRaw), Disabled: a.rawRefused},
		)
	}
	rest = append(rest,
		Binding{Key: k.Browser, Handler: withCmd(a.openAppDashboard), Disabled: a.openRefused},
		Binding{Key: k.Jump, Handler: withoutCmd(func() { a.jump = &filterLine{} })},
		Binding{Key: k.PrevTab, Handler: withoutCmd(func() { a.leaveTo(a.active - 1 + len(a.tabs)) })},
		Binding{Key: k.JumpTab, Handler: func(k tea.KeyPressMsg) tea.Cmd {
			if n := int(k.Code - '1'); n >= 0 && n < len(a.tabs) {
				a.leaveTo(n)
			}
			return nil
		}},
	)
	return lead, rest
}

// helpBindings are the keys while help is shown: it closes, and q quits.
func (a *App) helpBindings() []Binding {
	k := a.ctx.Keys
	closeKeys := key.NewBinding(key.WithKeys(append(k.Help.Keys(), k.Back.Keys()...)...), key.WithHelp(k.Help.Help().Key+"/"+k.Back.Help().Key, "close help"))
	out := []Binding{
		{Key: closeKeys, Handler: withoutCmd(func() { a.fullHelp = false })},
		{Key: k.Quit, Handler: withCmd(a.quit)},
	}
	if a.helpScrolls() {
		out = append(out, moveBindings(k, a.scrollHelp)...)
	}
	return out
}

// closeRaw leaves the raw view for what is under it.
func (a *App) closeRaw() { a.raw = nil }

// closeInspector leaves the inspector for the tab under it.
func (a *App) closeInspector() { a.inspector = nil }

// leaveTo switches to tab n by hand, leaving the inspector: a fresh start.
func (a *App) leaveTo(n int) {
	a.startAfresh()
	a.raw = nil
	a.inspector = nil
	a.switchTab(n)
}

func (a *App) clearFilter() {
	a.filter.SetValue("")
	a.activeTab().SetFilter("")
}

// refresh reloads what the active tab shows.
func (a *App) refresh() tea.Cmd {
	a.setNotice("", false)
	return a.reloadTab(a.activeTab())
}

func (a *App) reloadTab(t Tab) tea.Cmd {
	if _, ok := t.(solutionSink); ok {
		a.sides.forget()
		return tea.Batch(a.reloadSolutions(), t.Refresh())
	}
	return t.Refresh()
}

// reload answers ReloadMsg.
func (a *App) reload(msg ReloadMsg) tea.Cmd {
	if msg.Reason != "" {
		a.setNews(msg.Reason)
	}
	for _, t := range a.tabs {
		if t.ID() == msg.Tab {
			return a.reloadTab(t)
		}
	}
	return nil
}

// showWABA moves to the Customers tab and selects the WABA.
func (a *App) showWABA(id string) tea.Cmd {
	a.goingOn()
	a.inspector = nil
	for i, t := range a.tabs {
		if c, ok := t.(*customersTab); ok {
			a.switchTab(i)
			if !c.SelectWABA(id) {
				a.setNotice("WABA "+text.Sanitize(id)+" is not in the loaded customer list.", true)
			}
		}
	}
	return nil
}

func (a *App) quit() tea.Cmd {
	if a.solCancel != nil {
		a.solCancel()
	}
	return tea.Quit
}

func (a *App) switchTab(n int) {
	a.setNotice("", false)
	a.active = n % len(a.tabs)
	if a.activeTab().ID() == TabPending {
		a.alerts.badge = 0 // seen
	}
	a.filter.SetValue(a.activeFilter())
}

// activeFilter is the filter text the active tab was left with.
func (a *App) activeFilter() string {
	if f, ok := a.activeTab().(filterHolder); ok {
		return f.FilterText()
	}
	return ""
}

// filterKey edits the filter line; every change narrows the rows at once.
func (a *App) filterKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.ctx.Keys
	switch {
	case key.Matches(k, keys.Back):
		a.filtering = false
		a.clearFilter()
		return nil
	case key.Matches(k, keys.FilterDone):
		a.filtering = false
		return nil
	}
	return a.updateFilter(k)
}

func (a *App) updateFilter(msg tea.Msg) tea.Cmd {
	if a.filter.Update(msg) {
		a.activeTab().SetFilter(a.filter.Value())
	}
	return nil
}

// handleMouse: the wheel moves the list, a click on the tab bar switches
// tabs, and a click in the body goes to the tab with the body's coordinates.
func (a *App) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if a.dialog != nil || a.form != nil {
		return nil
	}
	m := msg.Mouse()
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if a.raw != nil {
			a.raw.wheel(msg.Button == tea.MouseWheelDown)
			return nil
		}
		if a.inspector != nil {
			return a.inspector.Update(msg)
		}
		// A notch moves as the arrow key does.
		code := tea.KeyDown
		if msg.Button == tea.MouseWheelUp {
			code = tea.KeyUp
		}
		return a.runBinding(a.activeTab().Bindings(), tea.KeyPressMsg{Code: code})
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		if m.Y == 0 {
			if n, ok := a.tabAt(m.X); ok {
				a.leaveTo(n)
			}
			return nil
		}
		if a.inspector == nil && a.raw == nil {
			return a.activeTab().Update(msg)
		}
	}
	return nil
}

// tabAt finds the tab whose label covers column x of the tab bar.
func (a *App) tabAt(x int) (int, bool) {
	left := 0
	for i := range a.tabs {
		w := lipgloss.Width(a.tabLabel(i))
		if x >= left && x < left+w {
			return i, true
		}
		left += w
	}
	return 0, false
}
