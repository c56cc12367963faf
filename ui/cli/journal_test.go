package cli

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store"
	"mps/store/journal"
)

func TestJournalListsWhatTheActionsDid(t *testing.T) {
	h := seededHarness(t)
	if r := h.mustRun("journal"); !strings.Contains(r.stdout, "No actions yet") || !strings.Contains(r.stdout, "journal.db") {
		t.Fatalf("journal before any action: %q", r.stdout)
	}
	accepted := incoming(h)
	h.mustRun("accept", accepted, "--yes")
	refused := incoming(h)
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultExpiredToken, Method: http.MethodPost, Times: 1})
	wantExit(t, h.run("accept", refused, "--yes"), ExitAuth, "accept with the token refused")

	all := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout)
	if len(all) != 2 {
		t.Fatalf("journal --json: %d actions, want 2: %+v", len(all), all)
	}
	byID := map[string]journalJSON{all[0].SolutionID: all[0], all[1].SolutionID: all[1]}
	done := byID[accepted]
	if done.Action != "accept" || done.Outcome != "done" || done.StateBefore != "Pending" || done.StateAfter != "Active" ||
		done.Profile != "default" || done.AppID != sandbox.DemoAppID || done.Error != nil || done.Finished == nil {
		t.Errorf("the accepted action: %+v", done)
	}
	// Graph refused the second: the journal keeps its identifiers.
	if r := byID[refused]; r.Outcome != "refused" || r.Error == nil || r.Error.Code != 190 || r.Error.Subcode != 463 || r.StateAfter != "Pending" {
		t.Errorf("the refused action: %+v", r)
	}

	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json", "--solution", accepted).stdout); len(got) != 1 || got[0].SolutionID != accepted {
		t.Errorf("journal --solution %s: %+v", accepted, got)
	}
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json", "--since", "1h").stdout); len(got) != 2 {
		t.Errorf("journal --since 1h: %d actions, want both (the harness clock is fixed)", len(got))
	}
	table := h.mustRun("journal").stdout
	for _, want := range []string{"STARTED", "accept", accepted, "Pending", "Active", "done", "refused (code"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	if csv := h.mustRun("journal", "--csv").stdout; !strings.HasPrefix(csv, "STARTED,ACTION,SOLUTION") || strings.Count(csv, "\n") != 3 {
		t.Errorf("journal --csv:\n%s", csv)
	}
	wantExit(t, h.run("journal", "--solution", "12ab"), ExitUsage, "journal --solution 12ab")
	wantExit(t, h.run("journal", "--since", "soon"), ExitUsage, "journal --since soon")
}

func TestJournalSinceLeavesOutOlderActions(t *testing.T) {
	h := seededHarness(t)
	h.mustRun("accept", incoming(h), "--yes")
	later := harnessNow().Add(3 * time.Hour)
	h.now = func() time.Time { return later }
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json", "--since", "1h").stdout); len(got) != 0 {
		t.Errorf("journal --since 1h three hours later: %+v", got)
	}
	if got := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json", "--since", "4h").stdout); len(got) != 1 {
		t.Errorf("journal --since 4h: %d actions, want 1", len(got))
	}
}

// mps killed while its POST is on the wire leaves the journal entry in
// flight; the next start of mps, for any command that talks to Graph,
// reads the solution once, completes the entry and says so, and sends
// nothing again.
func TestAnActionKilledBeforeItsOutcomeIsCompletedAtTheNextStart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := buildMPS(t)
	sb, srv := sandboxtest.Start(t, sandbox.Options{WABAs: -1})
	var pending graph.Solution
	for _, s := range sb.Solutions() {
		if graph.Check(graph.ActionAccept, s.State(), graph.RoleOf(&s, sandbox.DemoAppID)).Allowed {
			pending = s
			break
		}
	}
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultLatency, Method: http.MethodPost, Latency: time.Minute, Times: 1})
	state := t.TempDir()
	env := []string{"HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir(), "XDG_STATE_HOME=" + state, "PATH=" + os.Getenv("PATH"),
		store.EnvToken + "=" + sandbox.DemoToken, store.EnvGraphURL + "=" + srv.URL,
		store.EnvAppID + "=" + sandbox.DemoAppID, store.EnvBusinessID + "=" + sandbox.DemoBusinessID}

	accept := exec.Command(bin, "accept", pending.ID, "--yes")
	accept.Env = env
	if err := accept.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for postsTo(sb, pending.ID) == 0 {
		if time.Now().After(deadline) {
			accept.Process.Kill()
			t.Fatal("the accept POST never reached the sandbox")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := accept.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	accept.Wait()

	path := filepath.Join(state, "mps", store.DefaultProfile, journal.FileName)
	if open := inFlight(t, path); len(open) != 1 || open[0].ObjectID != pending.ID || open[0].Action != "accept" {
		t.Fatalf("after the kill the journal holds in flight %+v, want the accept of %s", open, pending.ID)
	}

	next := exec.Command(bin, "solution", pending.ID)
	next.Env = env
	var stderr bytes.Buffer
	next.Stderr = &stderr
	if err := next.Run(); err != nil {
		t.Fatalf("the next start: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "whose outcome mps did not see") || !strings.Contains(stderr.String(), "Nothing was resent") {
		t.Errorf("the next start did not say what it completed:\n%s", stderr.String())
	}
	if open := inFlight(t, path); len(open) != 0 {
		t.Fatalf("still in flight after the next start: %+v", open)
	}
	j, err := journal.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	entries, _ := j.List(context.Background(), journal.Query{ObjectID: pending.ID})
	if len(entries) != 1 || entries[0].Outcome != journal.Unknown || entries[0].StateAfter != pending.StateLabel() || entries[0].Note == "" {
		t.Fatalf("the completed entry: %+v", entries)
	}
	if n := postsTo(sb, pending.ID); n != 1 {
		t.Fatalf("%d POSTs to %s, want the one the killed run sent", n, pending.ID)
	}
}

func postsTo(sb *sandbox.Sandbox, id string) int {
	n := 0
	for _, r := range sb.Requests() {
		if r.Method == http.MethodPost && strings.Contains(r.Path, id) {
			n++
		}
	}
	return n
}

func inFlight(t *testing.T, path string) []journal.Entry {
	t.Helper()
	j, err := journal.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	open, err := j.InFlight(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return open
}
