package eventlog

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"mps/store/storetest"
)

const (
	openerDirEnv  = "MPS_EVENTLOG_TEST_OPENER_DIR"
	openerLogsEnv = "MPS_EVENTLOG_TEST_OPENER_LOGS"
)

// TestOpenerProcess opens, one after another, the new logs of the directory
// its environment names, in a process of its own; it does nothing unless
// the test below starts it.
func TestOpenerProcess(t *testing.T) {
	dir := storetest.ChildValue(t, openerDirEnv, "TestProcessesOpeningNewLogsAtOnceAllSucceed")
	logs, err := strconv.Atoi(os.Getenv(openerLogsEnv))
	if err != nil {
		t.Fatal(err)
	}
	for i := range logs {
		l, err := Open(context.Background(), filepath.Join(dir, fmt.Sprintf("log-%d.db", i)))
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// Processes that open a new log at once (the receiver's first delivery and
// a dashboard's first poll) all turn it to WAL and migrate it. SQLite
// answered one of them SQLITE_BUSY at once, without waiting its busy
// timeout, while another was changing the journal mode: a rare timing, so
// eight processes race through 100 new logs each (without the fix, most
// runs fail).
func TestProcessesOpeningNewLogsAtOnceAllSucceed(t *testing.T) {
	const logs, openers = 100, 8
	dir := t.TempDir()
	var procs []*exec.Cmd
	outs := make([]bytes.Buffer, openers) // read only after Wait
	for i := range openers {
		p := storetest.Child("TestOpenerProcess", openerDirEnv+"="+dir, openerLogsEnv+"="+strconv.Itoa(logs))
		p.Stdout, p.Stderr = &outs[i], &outs[i]
		if err := p.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	for i, p := range procs {
		if err := p.Wait(); err != nil {
			t.Errorf("one of %d processes opening new logs failed: %v\n%s", openers, err, outs[i].String())
		}
	}
}
