package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/ui/text"
)

// handleKey gives a key to what has focus: the dialog, the filter line,
// the global keys, then the inspector or the active tab.
func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.ctx.Keys
	if k.String() == "ctrl+c" {
		return a.quit()
	}
	if a.dialog != nil {
		if answer := a.dialog.Update(k, a.ctx.Width, a.bodyHeight()); answer != nil {
			return a.dialogClosed(*answer)
		}
		return nil
	}
	if a.filtering {
		return a.filterKey(k)
	}
	switch {
	case key.Matches(k, keys.Quit):
		return a.quit()
	case key.Matches(k, keys.Help), a.fullHelp && key.Matches(k, keys.Back):
		a.fullHelp = !a.fullHelp
		return nil
	case key.Matches(k, keys.Accept):
		return a.requestAction(actionAnswerAccept)
	case key.Matches(k, keys.Reject):
		return a.requestAction(actionAnswerReject)
	case key.Matches(k, keys.Deactivate):
		return a.requestAction(actionDeactivate)
	case key.Matches(k, keys.Copy):
		return a.copySelected()
	}
	if a.inspector != nil {
		if !key.Matches(k, keys.NextTab, keys.PrevTab, keys.JumpTab) {
			return a.inspectorKey(k)
		}
		a.inspector = nil // switching tabs leaves the inspector
	}
	switch {
	case key.Matches(k, keys.NextTab):
		a.switchTab(a.active + 1)
	case key.Matches(k, keys.PrevTab):
		a.switchTab(a.active - 1 + len(a.tabs))
	case key.Matches(k, keys.JumpTab):
		if n := int(k.Code - '1'); n < len(a.tabs) {
			a.switchTab(n)
		}
	case key.Matches(k, keys.Filter):
		a.filtering = true
	case key.Matches(k, keys.Back) && a.filter.Value() != "":
		a.filter.SetValue("")
		a.activeTab().SetFilter("")
	case key.Matches(k, keys.Refresh):
		return a.refresh()
	default:
		return a.activeTab().Update(k)
	}
	return nil
}

func (a *App) inspectorKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.ctx.Keys
	switch {
	case key.Matches(k, keys.Back):
		a.inspector = nil
	case key.Matches(k, keys.Refresh):
		return a.inspector.refresh(a.nextSeq())
	default:
		return a.inspector.Update(k)
	}
	return nil
}

// refresh reloads what the active tab shows.
func (a *App) refresh() tea.Cmd {
	a.setNotice("", false)
	return a.reloadTab(a.activeTab())
}

func (a *App) reloadTab(t Tab) tea.Cmd {
	if _, ok := t.(solutionSink); ok {
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
	a.active = n % len(a.tabs)
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
		a.filter.SetValue("")
		a.activeTab().SetFilter("")
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
	if a.dialog != nil {
		return nil
	}
	m := msg.Mouse()
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if a.inspector != nil {
			return a.inspector.Update(msg)
		}
		code := tea.KeyDown
		if msg.Button == tea.MouseWheelUp {
			code = tea.KeyUp
		}
		return a.activeTab().Update(tea.KeyPressMsg{Code: code})
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		if m.Y == 0 {
			if n, ok := a.tabAt(m.X); ok {
				a.inspector = nil
				a.switchTab(n)
			}
			return nil
		}
		if a.inspector == nil {
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
