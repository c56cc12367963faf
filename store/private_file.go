package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// TightenPrivateFile removes the permissions beyond want from path, a file
// or directory mps keeps private, but only when it is plainly mps's own:
// not a link (symbolic or hard) to another file and, on Unix, owned by
// this user. Anything else keeps its mode and gets a note saying how to
// tighten it: mps never changes the mode of a file it did not create (as
// root, a link to a system file would otherwise change the system file).
// It returns a note saying what it changed or found, or an error saying
// what to run when it could not change it. A missing path is no note.
func TightenPrivateFile(path string, want fs.FileMode) (string, error) {
	if !posixModes {
		return "", nil
	}
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("cannot check the mode of %s: %w", path, err)
	}
	target, targetInfo := path, info
	if info.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", nil // a dangling link: whoever reads or writes it says why
		}
		if targetInfo, err = os.Stat(target); err != nil {
			return "", nil
		}
	}
	old := targetInfo.Mode().Perm()
	if old&^want == 0 {
		return "", nil
	}
	if reason := notOwnFile(info); reason != "" {
		return fmt.Sprintf("%s has mode %04o, more open than %04o; mps left it as it is because %s: run chmod %o %s if it should be private",
			path, old, want, reason, want, target), nil
	}
	if err := os.Chmod(path, old&want); err != nil {
		return "", fmt.Errorf("%s has mode %04o and could not be made private (%v): run chmod %o %s", path, old, err, want, path)
	}
	return fmt.Sprintf("%s had mode %04o; changed to %04o", path, old, old&want), nil
}

// notOwnFile says why a file mps finds may not be its own, or "".
func notOwnFile(info fs.FileInfo) string {
	if info.Mode()&fs.ModeSymlink != 0 {
		return "it is a link to another file"
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return "it is not a regular file"
	}
	return notOwnedHere(info)
}
