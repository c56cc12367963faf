// Package table is a virtualised table for Bubble Tea v2 that stays fast at
// hundreds of thousands of rows.
//
// Only the rows in the window are drawn. Each row's line is drawn once and
// cached until the width, columns, styles or width method change, and
// lipgloss runs only when styles are set: a frame is a handful of string
// copies. The cached lines and the frames are written into 64 KiB slabs, not
// allocated one by one, so frames allocate only when a slab fills up, however
// many of their rows are new; a new layout lets go of the old one's slabs.
// Rows are kept in fixed-size chunks, so appending a page costs the page,
// never the list. The text filter scans lowercased copies of the cells made
// when rows arrive, and a query that extends the previous one only re-checks
// the previous matches.
//
// Cells are sanitised with text.Sanitize and text.Detach as rows are added,
// so server text can be passed as it came. Cells are cut and padded with the
// width method set by SetWidthMethod, which must be the renderer's. Rows keep
// their insertion order; sort before SetRows if you need another one.
//
// Model is a value, like other Bubble Tea components: keep only the copy that
// Update returns. Its slices, cached lines and frame slab are shared between
// copies: use a Model and its copies from one goroutine, as Bubble Tea does.
package table
