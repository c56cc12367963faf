package ui

import (
	"iter"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// pager walks a page iterator one page per command, so that each page is its
// own message and input is handled between pages. Only commands touch it,
// one at a time: each command hands it on in its message.
type pager[T any] struct {
	next func() (graph.Page[T], error, bool)
	stop func()
}

// firstPage starts the iterator that open returns, inside the command, and
// reads its first page.
func firstPage[T any](o Origin, open func() iter.Seq2[graph.Page[T], error]) tea.Cmd {
	return func() tea.Msg {
		seq := open()
		if seq == nil {
			return pageMsg[T]{Origin: o, Done: true, Err: noListError{}}
		}
		next, stop := iter.Pull2(seq)
		return (&pager[T]{next: next, stop: stop}).read(o)
	}
}

// nextPage asks for the page after the one that came with this pager.
func (p *pager[T]) nextPage(o Origin) tea.Cmd {
	return func() tea.Msg { return p.read(o) }
}

// discard ends an iterator whose results are no longer wanted.
func (p *pager[T]) discard() tea.Cmd {
	if p == nil {
		return nil
	}
	return func() tea.Msg { p.stop(); return nil }
}

func (p *pager[T]) read(o Origin) tea.Msg {
	page, err, ok := p.next()
	if !ok {
		p.stop()
		return pageMsg[T]{Origin: o, Done: true}
	}
	if err != nil {
		p.stop()
		return pageMsg[T]{Origin: o, Items: page.Data, Err: err, Done: true}
	}
	if !page.HasNext() {
		// The client's iterators end after a page without next; saying so
		// now keeps "loaded N of ≥N…" from lingering one message longer.
		p.stop()
		return pageMsg[T]{Origin: o, Items: page.Data, Done: true}
	}
	return pageMsg[T]{Origin: o, Items: page.Data, more: p}
}
