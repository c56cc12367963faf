package table

import (
	"hash/maphash"
	"strings"

	"mps/ui/text"
)

// Row is one line of the table. ID identifies it across SetRows, filtering
// and appends, and should be unique; SelectID finds the first row with an ID.
// Styles optionally gives a StyleID per cell. The table copies what it keeps.
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

// entry is what the table knows of one row. It holds no pointers: the row's
// text lives in its chunk, and entries locate it by offset. A store of
// 100,000 rows is then a few hundred objects for the garbage collector to
// mark instead of a million strings and slices, which would otherwise cost
// every frame a share of each collection's marking.
type entry struct {
	boundsEnd int32 // end of this row's ends in its chunk's bounds
	stylesEnd int32 // end of this row's styles in its chunk's styles
	hayEnd    int32 // end of this row's search text in its chunk's hay
	grams     bigramSet
	// the row drawn without escape codes and with its cell styles, gutter
	// excluded, in the store's line cache
	lines lineRef
}

type chunk struct {
	rows []entry
	// text holds each row's ID and sanitised cells back to back. Its
	// builder only appends, so the strings cut from it stay valid when it
	// grows.
	text *strings.Builder
	// bounds holds, for each row, where its ID ends in text and then where
	// each of its cells ends; each starts where the one before it ends.
	bounds []int32
	styles []StyleID
	// hay holds each row's cells lowercased, separated and ended by a 0 byte,
	// which sanitised text and queries never contain, so no match spans two
	// cells or two rows.
	hay []byte
}

type store struct {
	chunks []chunk
	n      int
	// byID maps the hash of an ID to the first row with it. Keyed by hash
	// rather than by string, the map holds no pointers into the chunks'
	// text; see findID for the rare ID whose hash another ID took first.
	byID  map[uint64]int32
	seed  maphash.Seed
	lines *lineCache
}

func newStore() store {
	return store{byID: map[uint64]int32{}, seed: maphash.MakeSeed(), lines: newLineCache()}
}

func (s *store) len() int { return s.n }

func (s *store) at(i int) *entry {
	return &s.chunks[i>>chunkBits].rows[i&(chunkSize-1)]
}

// add appends r; with searchID, the filter matches its ID as well as its
// cells.
func (s *store) add(r Row, searchID bool) {
	if s.n&(chunkSize-1) == 0 {
		s.chunks = append(s.chunks, s.newChunk())
	}
	c := &s.chunks[len(s.chunks)-1]
	c.text.WriteString(r.ID)
	c.bounds = append(c.bounds, int32(c.text.Len()))
	start := len(c.hay)
	for _, cell := range r.Cells {
		cell = cleanCell(cell)
		c.text.WriteString(cell)
		c.bounds = append(c.bounds, int32(c.text.Len()))
		c.hay = appendLower(c.hay, cell)
		c.hay = append(c.hay, 0)
	}
	if searchID {
		c.hay = appendLower(c.hay, text.Sanitize(r.ID))
		c.hay = append(c.hay, 0)
	}
	c.styles = append(c.styles, r.Styles...)
	c.rows = append(c.rows, entry{
		boundsEnd: int32(len(c.bounds)),
		stylesEnd: int32(len(c.styles)),
		hayEnd:    int32(len(c.hay)),
		grams:     bigramsOf(c.hay[start:]),
	})
	if h := maphash.String(s.seed, r.ID); !s.hasHash(h) {
		s.byID[h] = int32(s.n)
	}
	s.n++
}

// newChunk starts a chunk whose text has room for as much as the last
// chunk's, since rows of one table are much alike: the text then rarely
// grows, and a grown builder leaves its old buffer behind.
func (s *store) newChunk() chunk {
	text := &strings.Builder{}
	if k := len(s.chunks); k > 0 {
		last := s.chunks[k-1].text.Len()
		text.Grow(last + last/8)
	}
	return chunk{rows: make([]entry, 0, chunkSize), text: text}
}

func (s *store) hasHash(h uint64) bool {
	_, ok := s.byID[h]
	return ok
}

// findID returns the index of the first row with this ID. A row whose ID
// hashes like an earlier row's other ID is not in byID, so when the row
// found has another ID, the rows are searched one by one.
func (s *store) findID(id string) (int, bool) {
	i, ok := s.byID[maphash.String(s.seed, id)]
	if !ok {
		return 0, false
	}
	if s.id(int(i)) == id {
		return int(i), true
	}
	for k := range s.n {
		if s.id(k) == id {
			return k, true
		}
	}
	return 0, false
}

func (s *store) id(i int) string {
	cells, _ := s.cells(i)
	return cells.id()
}

// cells returns row i's cells and their styles, without copying.
func (s *store) cells(i int) (cellList, []StyleID) {
	c := &s.chunks[i>>chunkBits]
	j := i & (chunkSize - 1)
	var boundsStart, stylesStart, textStart int32
	if j > 0 {
		boundsStart, stylesStart = c.rows[j-1].boundsEnd, c.rows[j-1].stylesEnd
		textStart = c.bounds[boundsStart-1]
	}
	e := &c.rows[j]
	return cellList{text: c.text.String(), start: textStart, ends: c.bounds[boundsStart:e.boundsEnd]},
		c.styles[stylesStart:e.stylesEnd:e.stylesEnd]
}

// row returns a copy of row i as it was added, its cells sanitised.
func (s *store) row(i int) Row {
	cells, styles := s.cells(i)
	r := Row{ID: cells.id(), Cells: make([]string, cells.len())}
	for k := range r.Cells {
		r.Cells[k] = cells.at(k)
	}
	if len(styles) > 0 {
		r.Styles = append([]StyleID(nil), styles...)
	}
	return r
}

// cleanCell is c made inert (text.Sanitize) and detached from its
// neighbours (text.Detach), so that it takes on the screen the cells it
// measures on its own.
func cleanCell(c string) string { return text.Detach(text.Sanitize(c)) }
