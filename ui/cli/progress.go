package cli

import (
	"fmt"
	"io"
	"iter"
	"time"

	"mps/graph"
)

// progressAfter is how long a read runs before it shows its progress.
const progressAfter = time.Second

// readPages collects every page of a read, as the list commands print it.
// A read that takes longer than progressAfter shows how far it has got on
// stderr, when stderr is a terminal: "reading solutions… page 3 (300)",
// redrawn on one line per page and cleared at the end. On an error it
// returns the items read so far with it.
func readPages[T any](s *Session, what string, pages iter.Seq2[graph.Page[T], error]) ([]T, error) {
	p := s.newProgress(what)
	defer p.clear()
	var all []T
	n := 0
	for page, err := range pages {
		if err != nil {
			return all, err
		}
		all = append(all, page.Data...)
		n++
		p.show(n, len(all))
	}
	return all, nil
}

// progress is the one redrawn line of a read; it writes nothing when w is
// not a terminal.
type progress struct {
	w     io.Writer // nil: not a terminal
	what  string
	now   func() time.Time
	start time.Time
	drawn bool
}

func (s *Session) newProgress(what string) *progress {
	p := &progress{what: what, now: s.env.Now, start: s.env.Now()}
	if s.env.StderrIsTerminal() {
		p.w = s.stderr
	}
	return p
}

// show redraws the line once the read has run for progressAfter.
func (p *progress) show(pages, items int) {
	if p.w == nil || p.now().Sub(p.start) < progressAfter {
		return
	}
	fmt.Fprintf(p.w, "\rreading %s… page %d (%d)%s", p.what, pages, items, eraseLine)
	p.drawn = true
}

// clear removes the line, if it was drawn, so that what follows starts on
// a clean line.
func (p *progress) clear() {
	if p.drawn {
		io.WriteString(p.w, "\r"+eraseLine)
		p.drawn = false
	}
}

// eraseLine clears from the cursor to the end of the line.
const eraseLine = "\x1b[K"
