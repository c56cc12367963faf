package table

import (
	"bytes"
	"unicode/utf8"
)

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

// appendLower appends s to dst folded rune by rune (lowercased, and Latin
// letters with marks as their base letter: foldRune), so the query and the
// cells fold the same way without allocating.
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
		dst = appendFolded(dst, r)
		i += size
	}
	return dst
}
