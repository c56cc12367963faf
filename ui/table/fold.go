package table

import (
	"unicode"
	"unicode/utf8"
)

// latinBase holds, for each rune from U+00C0 to U+017F (Latin-1 Supplement
// and Latin Extended-A), the lowercase ASCII letter it is written on, or '.'
// for a rune that is not a letter with a mark (Æ, ß, ×). Generated from the
// runes' canonical decompositions, plus the letters with a stroke (Ø, Đ, Ħ,
// Ł, Ŧ) and the dotless ı, which have none.
const latinBase = "" +
	"aaaaaa.ceeeeiiii.nooooo.ouuuuy.." +
	"aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" +
	"aaaaaaccccccccddddeeeeeeeeeegggg" +
	"gggghhhhiiiiiiiiii..jjkk.llllll." +
	".llnnnnnn...oooooo..rrrrrrssssss" +
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzz."

const latinFirst, latinLast = 0xC0, 0x17F

// foldRune is r as the filter compares it: a Latin letter with a mark as
// its base letter, so that "umlaut" finds "Ümlaut"; other runes lowercased.
// A combining mark (U+0300 to U+036F), as text written decomposed carries,
// folds to nothing: ok is false.
func foldRune(r rune) (folded rune, ok bool) {
	switch {
	case r >= 0x300 && r <= 0x36F:
		return 0, false
	case r >= latinFirst && r <= latinLast:
		if b := latinBase[r-latinFirst]; b != '.' {
			return rune(b), true
		}
	}
	return unicode.ToLower(r), true
}

// appendFolded appends r folded to dst.
func appendFolded(dst []byte, r rune) []byte {
	if f, ok := foldRune(r); ok {
		return utf8.AppendRune(dst, f)
	}
	return dst
}
