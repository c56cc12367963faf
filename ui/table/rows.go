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
	hayEnd int32 // end of this row's search text in its chunk's hay
	grams  bigramSet
	// the row drawn without escape codes and with its cell styles, gutter
	// excluded, in the store's line cache
	lines lineRef
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
	lines  *lineCache
}

func newStore() store { return store{byID: map[string]int32{}, lines: newLineCache()} }

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
	start := len(c.hay)
	for _, cell := range r.Cells {
		c.hay = appendLower(c.hay, cell)
		c.hay = append(c.hay, 0)
	}
	c.rows = append(c.rows, entry{row: r, hayEnd: int32(len(c.hay)), grams: bigramsOf(c.hay[start:])})
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
func (s *store) search(needle []byte, dst []int32) []int32 {
	if len(needle) > 1 {
		return s.matching(0, needle, dst)
	}
	return s.searchByte(needle[0], dst)
}

// searchByte finds the rows containing c with one IndexByte run over each
// chunk's hay rather than one call per row, walking forward to the row of
// each hit.
func (s *store) searchByte(c byte, dst []int32) []int32 {
	for ci := range s.chunks {
		ch := &s.chunks[ci]
		base := int32(ci << chunkBits)
		row, pos := 0, 0
		for row < len(ch.rows) {
			k := bytes.IndexByte(ch.hay[pos:], c)
			if k < 0 {
				break
			}
			hit := int32(pos + k)
			for ch.rows[row].hayEnd <= hit {
				row++
			}
			dst = append(dst, base+int32(row))
			pos = int(ch.rows[row].hayEnd)
			row++
		}
	}
	return dst
}

// narrow appends to dst the indices in idx whose rows contain needle.
func (s *store) narrow(idx []int32, needle []byte, dst []int32) []int32 {
	q := bigramsOf(needle)
	for _, i := range idx {
		if s.contains(int(i), needle, &q) {
			dst = append(dst, i)
		}
	}
	return dst
}

// matching appends to dst the rows in [from, s.n) that contain needle, or all
// of them when needle is empty.
func (s *store) matching(from int, needle []byte, dst []int32) []int32 {
	q := bigramsOf(needle)
	for i := from; i < s.n; i++ {
		if len(needle) == 0 || s.contains(i, needle, &q) {
			dst = append(dst, int32(i))
		}
	}
	return dst
}

// contains reports whether row i's text contains needle, whose bigrams are q.
func (s *store) contains(i int, needle []byte, q *bigramSet) bool {
	return s.at(i).grams.covers(q) && bytes.Contains(s.haystack(i), needle)
}

// cleanCell is c made inert (text.Sanitize) and detached from its
// neighbours (text.Detach), so that it takes on the screen the cells it
// measures on its own.
func cleanCell(c string) string { return text.Detach(text.Sanitize(c)) }

func sanitizeCells(cells []string) []string {
	for i, c := range cells {
		clean := cleanCell(c)
		if clean == c {
			continue
		}
		out := make([]string, len(cells))
		copy(out, cells)
		out[i] = clean
		for j := i + 1; j < len(out); j++ {
			out[j] = cleanCell(out[j])
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
