package table

import "strings"

// lineCache holds the rows' drawn lines for one layout in slabs, so that
// drawing a row allocates only when a slab fills up rather than once a row.
// Rows refer to their lines by position, not by string, so dropping the
// slabs for a new layout frees every old line at once, including those of
// rows that are never drawn again.
//
// The cache is shared by the copies of a Model, like the rows.
type lineCache struct {
	layouts uint32   // the last layout id handed out; see newLayout
	layout  uint32   // the Model.gen the slabs hold lines for
	epoch   uint32   // bumped whenever the slabs are dropped
	filled  slab     // the slab being written, whose text is last in slabs
	slabs   []string // the text of every slab of this epoch
}

// lineRef locates a row's lines in the cache: plain is [start, split) of
// the slab and styled is [split, end), or plain when split == end.
type lineRef struct {
	epoch             uint32 // the cache epoch the lines were drawn in; 0: never drawn
	slab              int32
	start, split, end int32
}

func newLineCache() *lineCache { return &lineCache{epoch: 1} }

// newLayout returns an id no other layout drawing into this cache has, so
// copies of a Model that change their width apart never share lines.
func (c *lineCache) newLayout() uint32 {
	c.layouts++
	return c.layouts
}

// use makes the cache hold lines for layout gen, dropping every line drawn
// for another layout.
func (c *lineCache) use(gen uint32) {
	if c.layout == gen {
		return
	}
	c.layout = gen
	c.epoch++
	c.filled.b.Reset()
	clear(c.slabs) // so the old slabs are not kept alive past the length
	c.slabs = c.slabs[:0]
}

// holds reports whether r's lines are in the cache.
func (c *lineCache) holds(r lineRef) bool { return r.epoch == c.epoch }

// reserve returns the builder to write a row's lines into, about n bytes,
// and where they start; pass both to keep once written.
func (c *lineCache) reserve(n int) (*strings.Builder, int) {
	w, start, fresh := c.filled.reserve(n)
	if fresh {
		c.slabs = append(c.slabs, "")
	}
	return w, start
}

// keep records the lines written since start as a row's: plain up to
// split, styled after it (none when split is the end).
func (c *lineCache) keep(start, split int) lineRef {
	k := len(c.slabs) - 1
	c.slabs[k] = c.filled.text()
	return lineRef{epoch: c.epoch, slab: int32(k), start: int32(start), split: int32(split), end: int32(len(c.slabs[k]))}
}

// lines returns r's plain and styled lines, without copying.
func (c *lineCache) lines(r lineRef) (plain, styled string) {
	s := c.slabs[r.slab]
	plain = s[r.start:r.split]
	if r.split == r.end {
		return plain, plain
	}
	return plain, s[r.split:r.end]
}
