package table

// bigramSet is a 256-bit Bloom filter of the byte pairs in a row's search
// text. A row whose set lacks one of the query's pairs cannot contain the
// query, so most rows are rejected with four AND operations instead of a
// substring search. The cells of a typical row set about a fifth of the bits.
type bigramSet [4]uint64

func bigramsOf(b []byte) bigramSet {
	var s bigramSet
	for i := 1; i < len(b); i++ {
		if b[i-1] != 0 && b[i] != 0 {
			s.add(b[i-1], b[i])
		}
	}
	return s
}

func (s *bigramSet) add(a, b byte) {
	h := (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 24 // Fibonacci hashing to 8 bits
	s[h>>6] |= 1 << (h & 63)
}

// covers reports whether every pair in q is also in s.
func (s *bigramSet) covers(q *bigramSet) bool {
	return s[0]&q[0] == q[0] && s[1]&q[1] == q[1] && s[2]&q[2] == q[2] && s[3]&q[3] == q[3]
}
