package table

// cellList is a row's ID and cells laid end to end in one string, as a
// chunk stores them: the ID runs from start to ends[0], and cell k from
// ends[k] to ends[k+1]. A row's cells are read this way without a slice of
// strings to hold them.
type cellList struct {
	text  string
	start int32
	ends  []int32
}

// cellsOf lays cells out as a cellList with an empty ID.
func cellsOf(cells []string) cellList {
	var text []byte
	ends := []int32{0}
	for _, c := range cells {
		text = append(text, c...)
		ends = append(ends, int32(len(text)))
	}
	return cellList{text: string(text), ends: ends}
}

// len is the number of cells.
func (l cellList) len() int { return max(len(l.ends)-1, 0) }

// at returns cell k, or "" past the last cell.
func (l cellList) at(k int) string {
	if k+1 >= len(l.ends) {
		return ""
	}
	return l.text[l.ends[k]:l.ends[k+1]]
}

// id returns the row's ID.
func (l cellList) id() string {
	if len(l.ends) == 0 {
		return ""
	}
	return l.text[l.start:l.ends[0]]
}
