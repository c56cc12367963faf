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
	return within(offset, last)
}

// wheelTo is where a scrolled view's first shown line goes for one step
// of the mouse wheel, kept within 0..last.
func wheelTo(down bool, offset, last int) int {
	if down {
		return within(offset+1, last)
	}
	return within(offset-1, last)
}

// within keeps a scrolled view's first shown line in 0..last; a view
// shorter than its window (last < 0) shows from its top.
func within(offset, last int) int {
	return min(max(offset, 0), max(last, 0))
}
