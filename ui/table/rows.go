package table

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"mps/ui/text"
)

// Row is one line of the table. ID identifies it across SetRows, filtering
// and appends, and should be unique; SelectID finds the first row with an ID.
// Styles optionally gives a StyleID per cell. The table keeps the slices.
type Row struct {
	ID     string
	Cells  []string
	Styles []StyleID
}

// Rows live in fixed-size chunks so that adding rows never copies the rows
// already held: the cost of an append is the cost of the page.
const (
	chunkBits = 10
	chunkSize = 1 << chunkBits
)

// entry is a row plus what the table derives from it.
type entry struct {
	row    Row
	hayEnd int32  // end of this row's search text in its chunk's hay
	gen    uint32 // the layout generation plain and styled were drawn for
	plain  string // the row drawn without escape codes, gutter excluded
	styled string // the row drawn with its cell styles; plain when it has none
}

type chunk struct {
	rows []entry
	// hay holds each row's cells lowercased, separated and ended by a 0 byte,
	// which sanitised text and queries never contain, so no match spans two
	// cells or two rows.
	hay []byte
}

type store struct {
	chunks []chunk
	n      int
	byID   map[string]int32
}

func newStore() store { return store{byID: map[string]int32{}} }

func (s *store) len() int { return s.n }

func (s *store) at(i int) *entry {
	return &s.chunks[i>>chunkBits].rows[i&(chunkSize-1)]
}

func (s *store) add(r Row) {
	if s.n&(chunkSize-1) == 0 {
		s.chunks = append(s.chunks, chunk{rows: make([]entry, 0, chunkSize)})
	}
	c := &s.chunks[len(s.chunks)-1]
	r.Cells = sanitizeCells(r.Cells)
	for _, cell := range r.Cells {
		c.hay = appendLower(c.hay, cell)
		c.hay = append(c.hay, 0)
	}
	c.rows = append(c.rows, entry{row: r, hayEnd: int32(len(c.hay))})
	if _, dup := s.byID[r.ID]; !dup {
		s.byID[r.ID] = int32(s.n)
	}
	s.n++
}

// haystack returns row i's search text.
func (s *store) haystack(i int) []byte {
	c := &s.chunks[i>>chunkBits]
	j := i & (chunkSize - 1)
	start := int32(0)
	if j > 0 {
		start = c.rows[j-1].hayEnd
	}
	return c.hay[start:c.rows[j].hayEnd]
}

// search appends to dst the index of every row whose text contains needle.
// It runs bytes.Index over each chunk's hay as a whole rather than calling
// it once per row, and finds the row of each hit by walking forward.
func (s *store) search(needle []byte, dst []int32) []int32 {
	for ci := range s.chunks {
		c := &s.chunks[ci]
		base := int32(ci << chunkBits)
		row, pos := 0, 0
		for {
			k := bytes.Index(c.hay[pos:], needle)
			if k < 0 {
				break
			}
			hit := int32(pos + k)
			for c.rows[row].hayEnd <= hit {
				row++
			}
			dst = append(dst, base+int32(row))
			pos = int(c.rows[row].hayEnd)
			row++
			if row == len(c.rows) {
				break
			}
		}
	}
	return dst
}

// narrow keeps the indices in idx whose rows contain needle, in place.
func (s *store) narrow(idx []int32, needle []byte) []int32 {
	kept := idx[:0]
	for _, i := range idx {
		if bytes.Contains(s.haystack(int(i)), needle) {
			kept = append(kept, i)
		}
	}
	return kept
}

// matching appends to dst the rows in [from, s.n) that contain needle, or all
// of them when needle is empty.
func (s *store) matching(from int, needle []byte, dst []int32) []int32 {
	for i := from; i < s.n; i++ {
		if len(needle) == 0 || bytes.Contains(s.haystack(i), needle) {
			dst = append(dst, int32(i))
		}
	}
	return dst
}

func sanitizeCells(cells []string) []string {
	for i, c := range cells {
		clean := text.Sanitize(c)
		if clean == c {
			continue
		}
		out := make([]string, len(cells))
		copy(out, cells)
		out[i] = clean
		for j := i + 1; j < len(out); j++ {
			out[j] = text.Sanitize(out[j])
		}
		return out
	}
	return cells
}

// appendLower appends s to dst with each rune lowercased on its own, so the
// query and the cells fold the same way without allocating.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}
