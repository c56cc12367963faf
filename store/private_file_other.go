//go:build !unix

package store

import "io/fs"

// posixModes: on Windows a file's mode bits are not its access control
// (ACLs are, and a user's profile directory is private already), so mps
// neither checks nor changes them.
const posixModes = false

func notOwnedHere(fs.FileInfo) string { return "" }
