package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// scrollTo is where a scrolled view's first shown line goes for a movement
// key: a line, a page of page lines, or either end, kept within 0..last.
// Other keys leave it where it is.
func scrollTo(keys KeyMap, k tea.KeyPressMsg, offset, page, last int) int {
	switch {
	case key.Matches(k, keys.Down):
		offset++
	case key.Matches(k, keys.Up):
		offset--
	case key.Matches(k, keys.PageDown):
		offset += page
	case key.Matches(k, keys.PageUp):
		offset -= page
	case key.Matches(k, keys.Top):
		offset = 0
	case key.Matches(k, keys.Bottom):
		offset = last
	}
	return min(max(offset, 0), max(last, 0))
}
