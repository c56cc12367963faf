package table

import "strings"

// slabSize is how many bytes of drawn text share one allocation.
const slabSize = 64 << 10

// slab hands out text from large append-only buffers, so that drawing
// allocates only when a buffer fills up rather than once a line or a frame.
// It rests on strings.Builder: String shares the buffer without copying, and
// since a string never changes, the builder never rewrites bytes it has
// shown, so text handed out stays valid while more is written after it.
type slab struct{ b strings.Builder }

// reserve returns the builder to write at most about n bytes into and where
// they will start in text. It starts a new buffer (fresh) when the current
// one has less room: the old one is left to the strings that share it.
// Writing more than n is correct but may copy the buffer.
func (s *slab) reserve(n int) (w *strings.Builder, start int, fresh bool) {
	if s.b.Cap()-s.b.Len() < n || s.b.Cap() == 0 {
		s.b.Reset()
		s.b.Grow(max(slabSize, n))
		fresh = true
	}
	return &s.b, s.b.Len(), fresh
}

// text is everything written into the current buffer.
func (s *slab) text() string { return s.b.String() }
