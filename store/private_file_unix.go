//go:build unix

package store

import (
	"io/fs"
	"os"
	"syscall"
)

// posixModes: Unix file modes mean what they say, so mps keeps them tight.
const posixModes = true

// notOwnedHere says why a file is not plainly this user's own: another
// owner, or a second hard link to it elsewhere.
func notOwnedHere(info fs.FileInfo) string {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	if int(st.Uid) != os.Geteuid() {
		return "another user owns it"
	}
	if !info.IsDir() && st.Nlink > 1 {
		return "it has other hard links"
	}
	return ""
}
