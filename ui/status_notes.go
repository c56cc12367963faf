package ui

// statusNoter is a tab with something to say in the status bar whichever
// tab is shown (the Events tab's onboarding gauge).
type statusNoter interface {
	StatusNote() string
}

func (a *App) statusNotes() []string {
	var notes []string
	for _, t := range a.tabs {
		if n, ok := t.(statusNoter); ok {
			if note := n.StatusNote(); note != "" {
				notes = append(notes, note)
			}
		}
	}
	return notes
}
