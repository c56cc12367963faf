package cli

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
)

func TestJournalListsWhatTheActionsDid(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
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
	h := newHarness(t, sandbox.Options{})
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
