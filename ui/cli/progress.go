package cli

import (
	"fmt"
	"io"
	"iter"
	"sync"
	"time"

	"mps/graph"
)

// progressAfter is how long a read runs before it shows its progress.
const progressAfter = time.Second

// readPages collects every page of a read, as the list commands print it.
// A read that runs longer than progressAfter shows how far it has got on
// stderr, when stderr is a terminal: "reading solutions… page 3 (200)",
// the page being read and the items read so far, redrawn on one line and
// cleared at the end. On an error it returns the items read so far with it.
func readPages[T any](s *Session, what string, pages iter.Seq2[graph.Page[T], error]) ([]T, error) {
	p := s.startProgress(what)
	defer p.end()
	var all []T
	for page, err := range pages {
		if err != nil {
			return all, err
		}
		all = append(all, page.Data...)
		if page.HasNext() {
			p.nextPage(len(all))
		}
	}
	return all, nil
}

// progress is the one redrawn line of a read. Its timer draws it once
// progressAfter has passed, even while the first page is still awaited;
// from then on each page redraws it.
type progress struct {
	what string
	stop chan struct{}

	mu    sync.Mutex
	w     io.Writer // nil: stderr is not a terminal, or the read is over
	page  int       // the page being read, from 1
	items int
	due   bool // progressAfter has passed
	drawn bool
}

func (s *Session) startProgress(what string) *progress {
	p := &progress{what: what, page: 1, stop: make(chan struct{})}
	if s.env.StderrIsTerminal() {
		p.w = s.stderr
		timer := s.env.After(progressAfter)
		go p.wait(timer)
	}
	return p
}

func (p *progress) wait(timer <-chan time.Time) {
	select {
	case <-timer:
	case <-p.stop:
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.due = true
	p.draw()
}

// nextPage says a page has been read and another follows.
func (p *progress) nextPage(items int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.page++
	p.items = items
	if p.due {
		p.draw()
	}
}

func (p *progress) draw() {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\rreading %s… page %d (%d)%s", p.what, p.page, p.items, eraseLine)
	p.drawn = true
}

// end stops the timer and removes the line, if it was drawn, so that what
// follows starts on a clean line.
func (p *progress) end() {
	close(p.stop)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		io.WriteString(p.w, "\r"+eraseLine)
	}
	p.w = nil
}

// eraseLine clears from the cursor to the end of the line.
const eraseLine = "\x1b[K"
