package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

const demoPendingForUs = "17602267745700" // "Social OVD with Northwind", waiting for our answer

// demoDir is the demo's own directory under the harness's state home.
func (h *harness) demoDir() string {
	return filepath.Join(h.env["XDG_STATE_HOME"], "mps", demoProfile, demoStateSubdir)
}

func (h *harness) demoSolution(id string) solutionOut {
	h.t.Helper()
	for _, s := range decodeJSON[[]solutionOut](h.t, h.mustRun("--demo", "solutions", "--json").stdout) {
		if s.ID == id {
			return s
		}
	}
	h.t.Fatalf("the demo lists no solution %s", id)
	return solutionOut{}
}

// The done-when across two processes: doctor fails, subscribe, and
// the next run's doctor passes; reset gives the seed's failure back.
func TestDemoDoctorPassesInTheRunAfterTheSubscribe(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	wantExit(t, h.run("--demo", "doctor"), ExitError, "--demo doctor before the subscribe")
	h.mustRun("--demo", "webhook", "subscribe", "--callback-url", "https://example.com/hook", "--yes")
	r := h.mustRun("--demo", "doctor")
	if strings.Contains(r.stdout, "✗ fail") || !strings.Contains(r.stdout, "callback https://example.com/hook") {
		t.Fatalf("the run after the subscribe:\n%s", r.stdout)
	}
	r = h.mustRun("--demo", "reset")
	if !strings.Contains(r.stdout, "starts from its seed again") || !strings.Contains(r.stdout, h.demoDir()) {
		t.Fatalf("reset said %q", r.stdout)
	}
	if _, err := os.Stat(h.demoDir()); !os.IsNotExist(err) {
		t.Fatalf("reset left %s (%v)", h.demoDir(), err)
	}
	if r := h.run("--demo", "doctor"); r.code != ExitError || !strings.Contains(r.stdout, "lacks partner_solutions") {
		t.Fatalf("after reset, doctor exits %d:\n%s", r.code, r.stdout)
	}
	if r := h.mustRun("--demo", "reset"); !strings.Contains(r.stdout, "nothing to forget") {
		t.Fatalf("a second reset said %q", r.stdout)
	}
}

// What one run changes, the next sees, with its journal; the file is the
// user's alone, and a run that only reads writes nothing.
func TestDemoRemembersAnAcceptAndItsJournal(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.mustRun("--demo", "solutions")
	if _, err := os.Stat(filepath.Join(h.demoDir(), demoChangesName)); !os.IsNotExist(err) {
		t.Fatalf("a run that changed nothing saved changes (%v)", err)
	}
	h.mustRun("--demo", "accept", demoPendingForUs, "--yes")
	if s := h.demoSolution(demoPendingForUs); s.DisplayState != graph.StateActive.String() {
		t.Fatalf("the next run shows %s as %s, want Active", s.ID, s.DisplayState)
	}
	entries := decodeJSON[[]journalJSON](t, h.mustRun("--demo", "journal", "--json").stdout)
	if len(entries) != 1 || entries[0].SolutionID != demoPendingForUs || entries[0].Action != "accept" {
		t.Fatalf("the demo's journal in the next run: %+v", entries)
	}
	for path, want := range map[string]os.FileMode{h.demoDir(): 0o700, filepath.Join(h.demoDir(), demoChangesName): 0o600} {
		info, err := os.Stat(path)
		if err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v, mode %v, want %v", path, err, info.Mode().Perm(), want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(h.demoDir(), ".*")); len(left) != 0 {
		t.Errorf("the atomic save left %v", left)
	}
	// A second accept of the same request is refused: the state holds.
	if r := h.run("--demo", "accept", demoPendingForUs, "--yes"); r.code != ExitUsage {
		t.Errorf("accepting again exits %d, want %d (refused: it is Active)", r.code, ExitUsage)
	}
	h.mustRun("--demo", "reset")
	if s := h.demoSolution(demoPendingForUs); s.DisplayState != graph.StatePending.String() {
		t.Fatalf("after reset %s is %s, want the seed's Pending", s.ID, s.DisplayState)
	}
	if entries := decodeJSON[[]journalJSON](t, h.mustRun("--demo", "journal", "--json").stdout); len(entries) != 0 {
		t.Fatalf("after reset the journal holds %+v", entries)
	}
}

// A file the demo cannot use gives a clear warning and the seed, never a
// crash, and is left as it was, for the user to look at or reset.
func TestDemoUnreadableChangesGiveTheSeed(t *testing.T) {
	for name, content := range map[string]string{
		"cut short":       `{"version":1,"changes":{"solution/1":`,
		"unknown version": `{"version":9,"changes":{}}`,
		"bad record":      `{"version":1,"changes":{"waba/99999/gone":true}}`,
		"not JSON":        "\x00\x01binary",
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, sandbox.Options{})
			path := filepath.Join(h.demoDir(), demoChangesName)
			if err := os.MkdirAll(h.demoDir(), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			r := h.mustRun("--demo", "accept", demoPendingForUs, "--yes")
			if !strings.Contains(r.stderr, "cannot be read") || !strings.Contains(r.stderr, path) || !strings.Contains(r.stderr, "mps --demo reset") {
				t.Errorf("the warning %q does not name the file and the way back", r.stderr)
			}
			if got, err := os.ReadFile(path); err != nil || string(got) != content {
				t.Errorf("the unreadable file was changed: %q (%v)", got, err)
			}
			if s := h.demoSolution(demoPendingForUs); s.DisplayState != graph.StatePending.String() {
				t.Errorf("with the file unreadable, the next run shows %s", s.DisplayState)
			}
			h.mustRun("--demo", "reset")
			if r := h.mustRun("--demo", "solutions"); strings.Contains(r.stderr, "warning") {
				t.Errorf("after reset: %q", r.stderr)
			}
		})
	}
}

// Two demo runs at once (the dashboard and a command, say) each keep what
// they changed: a save merges its own changes into the file by object.
func TestDemoRunsAtOnceKeepBothChanges(t *testing.T) {
	dir := t.TempDir()
	open := func() (*sandbox.Sandbox, *demoMemory) {
		sb := sandbox.New(sandbox.Options{Now: harnessNow})
		m, err := restoreDemo(sb, dir, harnessNow)
		if err != nil {
			t.Fatal(err)
		}
		return sb, m
	}
	save := func(sb *sandbox.Sandbox, m *demoMemory) {
		if err := m.save(sb); err != nil {
			t.Fatal(err)
		}
	}
	// wantKept opens the demo again and checks the solution's status and
	// how many records it kept.
	wantKept := func(status string, records int, what string) {
		t.Helper()
		c, _ := open()
		if s, _ := c.Solution(demoPendingForUs); s.Status != status || len(c.Changes()) != records {
			t.Errorf("%s: the solution is %s and %d records kept (%v), want %s and %d", what, s.Status, len(c.Changes()), c.Changes(), status, records)
		}
	}
	a, ma := open()
	b, mb := open()
	a.SetSolutionStatus(demoPendingForUs, graph.StatusActive, graph.PendingNone)
	save(a, ma)
	b.RemoveScope("business_management")
	save(b, mb)
	wantKept(graph.StatusActive, 2, "both runs' changes")
	// A run that puts back as the seed has it what it changed removes that
	// record, and keeps the other run's.
	a.SetSolutionStatus(demoPendingForUs, graph.StatusInitiated, graph.PendingActivation)
	save(a, ma)
	wantKept(graph.StatusInitiated, 1, "the accept undone, the scope kept")
}

func TestResetNeedsTheDemo(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run("reset")
	wantExit(t, r, ExitUsage, "reset")
	if !strings.Contains(r.stderr, "mps --demo reset") {
		t.Errorf("reset without --demo: %q", r.stderr)
	}
}
