package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"mps/graph/sandbox"
	"mps/store"
)

// The demo remembers what its user changed, between runs: the sandbox's
// changes over its seed (sandbox.Changes) in a small file, and the demo's
// journal beside it, in a directory of the demo profile's state that no
// profile's own files use. `mps --demo reset` removes both.
const (
	demoProfile      = "demo"
	demoStateSubdir  = "sandbox"
	demoChangesName  = "changes.json"
	demoStateVersion = 1
	demoDirMode      = 0o700
	demoFileMode     = 0o600
	demoLockWait     = 5 * time.Second
)

// demoStateDir is the demo's own directory: $XDG_STATE_HOME/mps/demo/sandbox.
func demoStateDir(getenv func(string) string) (string, error) {
	dir, err := store.StateDir(demoProfile, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, demoStateSubdir), nil
}

// demoChangesFile is the file's shape; Version lets a later mps refuse a
// file it does not know instead of misreading it.
type demoChangesFile struct {
	Version int             `json:"version"`
	Changes sandbox.Changes `json:"changes"`
	Saved   time.Time       `json:"saved"`
}

// demoMemory keeps the demo sandbox's changes in path: base is what this
// run started from, so that saving writes only what this run changed and
// keeps what another demo run saved meanwhile.
type demoMemory struct {
	path string
	now  func() time.Time
	mu   sync.Mutex
	base sandbox.Changes
}

// errDemoChanges says that the file exists but cannot be used.
var errDemoChanges = errors.New("the demo's saved changes cannot be read")

// readDemoChanges reads the file; a missing one is no change at all.
func readDemoChanges(path string) (sandbox.Changes, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return sandbox.Changes{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w (%s): %v", errDemoChanges, path, err)
	}
	var f demoChangesFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w (%s): it is not the JSON mps writes: %v", errDemoChanges, path, err)
	}
	if f.Version != demoStateVersion {
		return nil, fmt.Errorf("%w (%s): version %d, this mps writes version %d", errDemoChanges, path, f.Version, demoStateVersion)
	}
	if f.Changes == nil {
		f.Changes = sandbox.Changes{}
	}
	return f.Changes, nil
}

// restoreDemo puts the saved changes into sb. A file that cannot be read
// or applied leaves sb on its seed and the run without memory (nil), so
// that the file stays as it is; the error says what to do.
func restoreDemo(sb *sandbox.Sandbox, dir string, now func() time.Time) (*demoMemory, error) {
	path := filepath.Join(dir, demoChangesName)
	changes, err := readDemoChanges(path)
	if err == nil {
		if err = sb.ApplyChanges(changes); err != nil {
			err = fmt.Errorf("%w (%s): %v", errDemoChanges, path, err)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%v. The demo starts from its seed and keeps nothing of this run; `mps --demo reset` removes the file", err)
	}
	return &demoMemory{path: path, now: now, base: sb.Changes()}, nil
}

// save writes what this run changed since it started (or last saved),
// merged into the file as it is now, under a lock that other demo runs
// take too: a record this run changed is this run's, every other is the
// file's. Nothing is written when this run changed nothing.
func (m *demoMemory) save(sb *sandbox.Sandbox) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	mine := sb.Changes()
	if maps.EqualFunc(mine, m.base, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(m.path), demoDirMode); err != nil {
		return fmt.Errorf("cannot make the demo's directory: %w", err)
	}
	lock := flock.New(m.path+".lock", flock.SetPermissions(demoFileMode))
	ctx, cancel := context.WithTimeout(context.Background(), demoLockWait)
	defer cancel()
	if ok, err := lock.TryLockContext(ctx, 10*time.Millisecond); !ok {
		return fmt.Errorf("another mps --demo holds %s.lock: %v", m.path, err)
	}
	defer lock.Unlock()
	theirs, err := readDemoChanges(m.path)
	if err != nil {
		return err
	}
	for k := range keysOf(mine, m.base) {
		if bytes.Equal(mine[k], m.base[k]) {
			continue
		}
		if v, ok := mine[k]; ok {
			theirs[k] = v
		} else {
			delete(theirs, k)
		}
	}
	data, err := json.MarshalIndent(demoChangesFile{Version: demoStateVersion, Changes: theirs, Saved: m.now().UTC()}, "", "  ")
	if err != nil {
		return err
	}
	if err := writePrivateAtomic(m.path, append(data, '\n')); err != nil {
		return err
	}
	m.base = mine
	return nil
}

// keysOf is every key of a and b.
func keysOf(a, b sandbox.Changes) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for _, m := range []sandbox.Changes{a, b} {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// writePrivateAtomic replaces path with data, mode 0600: a temporary file
// beside it, synced, then renamed over it, so a reader sees the old file
// or the new one, never a part.
func writePrivateAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot save the demo's changes: %w", err)
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing left to remove
	err = tmp.Chmod(demoFileMode)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("cannot save the demo's changes in %s: %w", path, err)
	}
	return nil
}

// recall finds the demo's state directory and puts the changes saved
// there into the sandbox. Without a directory, or with a file it cannot
// use, the demo runs on its seed and says so; nothing is lost.
func (d *demoServer) recall(getenv func(string) string) {
	dir, err := demoStateDir(getenv)
	if err != nil {
		fmt.Fprintln(d.stderr, "mps: warning: the demo keeps nothing of this run: "+sentence(oneLine(err.Error())))
		return
	}
	d.stateDir = dir
	if d.memory, err = restoreDemo(d.sandbox, dir, d.opts.Now); err != nil {
		fmt.Fprintln(d.stderr, "mps: warning: "+sentence(oneLine(err.Error())))
	}
}

// remembering serves sb and keeps its changes after each request that may
// have made some, so that a run stopped short loses nothing it answered.
func (d *demoServer) remembering(sb http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sb.ServeHTTP(w, r)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			d.remember()
		}
	})
}

// remember saves the sandbox's changes, when this run keeps them; the
// first failure is told when the run ends.
func (d *demoServer) remember() {
	if d.memory == nil {
		return
	}
	if err := d.memory.save(d.sandbox); err != nil {
		d.saveMu.Lock()
		if d.saveErr == nil {
			d.saveErr = err
		}
		d.saveMu.Unlock()
	}
}
