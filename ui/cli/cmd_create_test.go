package cli

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

const demoPartnerApp = "21202248997039" // Lucky Shrub, a partner app of the sandbox

func createArgs(name, partner, messaging string, more ...string) []string {
	return append([]string{"create", "--name", name, "--partner-app", partner, "--messaging", messaging}, more...)
}

// ownedNamed is the sandbox's solution of that name that we own.
func ownedNamed(h *harness, name string) (graph.Solution, bool) {
	for _, s := range h.sandbox.Solutions() {
		if s.Name == name && h.sandbox.RoleOf(s.ID) == graph.RoleOwner {
			return s, true
		}
	}
	return graph.Solution{}, false
}

func TestCreateMakesAPendingSolutionAndJournalsIt(t *testing.T) {
	h := seededHarness(t)
	r := h.mustRun(createArgs(" Northwind × Lucky Shrub ", demoPartnerApp, "partner", "--yes")...)
	sol, ok := ownedNamed(h, "Northwind × Lucky Shrub")
	if !ok {
		t.Fatalf("the sandbox holds no such solution after:\n%s", r.stdout)
	}
	for _, want := range []string{"Partner app    Lucky Shrub (" + demoPartnerApp + ")", "held by partner", "its credit line pays",
		"Created \"Northwind × Lucky Shrub\" (" + sol.ID + ")", "Pending until the partner accepts"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if len(sol.Partners) != 1 || !strings.Contains(strings.Join(sol.Partners[0].PartnerPermissions, ","), "MESSAGING") ||
		strings.Contains(strings.Join(sol.OwnerPermissions, ","), "MESSAGING") {
		t.Errorf("MESSAGING is not on the partner's side only: owner %v, partners %+v", sol.OwnerPermissions, sol.Partners)
	}
	if n := len(h.posts()); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
	entries := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout)
	if len(entries) != 1 || entries[0].Action != "create" || entries[0].SolutionID != sol.ID || entries[0].Outcome != "done" ||
		entries[0].StateAfter != "Pending" || entries[0].SolutionName != "Northwind × Lucky Shrub" {
		t.Fatalf("journal: %+v", entries)
	}
}

func TestCreateJSONPrintsTheSolution(t *testing.T) {
	h := seededHarness(t)
	r := h.mustRun(createArgs("Made for JSON", demoPartnerApp, "us", "--yes", "--json")...)
	got := decodeJSON[map[string]any](t, r.stdout)
	sol, _ := ownedNamed(h, "Made for JSON")
	if got["id"] != sol.ID || got["display_state"] != "Pending" || got["our_role"] != "owner" {
		t.Fatalf("--json printed %v, want solution %s, Pending, owner", got, sol.ID)
	}
	if !strings.Contains(r.stderr, "Create a solution") {
		t.Errorf("the preview is not on stderr under --json: %q", r.stderr)
	}
}

// Input the checks refuse exits 2 before any request, under either
// MESSAGING rule of the sandbox: mps follows the reference (one side).
func TestCreateRefusesBadInputBeforeAnyRequest(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"name too short", createArgs("x", demoPartnerApp, "us", "--yes"), "the name has 1 character"},
		{"name too long", createArgs(strings.Repeat("n", 76), demoPartnerApp, "us", "--yes"), "at most 75"},
		{"partner not digits", createArgs("Fine name", "12ab", "us", "--yes"), "is not an app ID"},
		{"our own app", createArgs("Fine name", sandbox.DemoAppID, "partner", "--yes"), "is our own app"},
		{"both sides", createArgs("Fine name", demoPartnerApp, "both", "--yes"), `--messaging "both" is not us or partner`},
		{"neither side", []string{"create", "--name", "Fine name", "--partner-app", demoPartnerApp, "--yes"}, "choose who sends messages"},
	}
	for _, rule := range []sandbox.MessagingRule{sandbox.MessagingOneSide, sandbox.MessagingBothSides} {
		for _, tc := range cases {
			h := seededHarness(t)
			h.sandbox.SetMessagingRule(rule)
			r := h.run(tc.args...)
			wantExit(t, r, ExitUsage, tc.args...)
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("%s/%s: stderr lacks %q: %s", rule, tc.name, tc.want, r.stderr)
			}
			if n := len(h.sandbox.Requests()); n != 0 {
				t.Errorf("%s/%s: %d requests, want none", rule, tc.name, n)
			}
		}
	}
}

// An app that Graph does not know passes the local checks: its name cannot
// be read, and Graph refuses the create, sent once.
func TestCreateUnknownPartnerAppIsGraphsRefusal(t *testing.T) {
	h := seededHarness(t)
	args := createArgs("Unknown partner", "999000111222", "us", "--yes")
	r := h.run(args...)
	if r.code == ExitOK {
		t.Fatalf("mps %v succeeded:\n%s", args, r.stdout)
	}
	if !strings.Contains(r.stdout, "999000111222 (its name could not be read") {
		t.Errorf("the preview does not say the name could not be read:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "partner_app_id") {
		t.Errorf("stderr does not show Graph's refusal: %s", r.stderr)
	}
	if n := len(h.posts()); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
	if _, made := ownedNamed(h, "Unknown partner"); made {
		t.Error("the solution was made")
	}
}

func TestCreateAsksFirst(t *testing.T) {
	h := seededHarness(t)
	args := createArgs("Asked first", demoPartnerApp, "us")
	r := h.run(args...)
	wantExit(t, r, ExitUsage, args...)
	if !strings.Contains(r.stderr, "pass --yes") || len(h.posts()) != 0 {
		t.Fatalf("without a terminal or --yes: %d POSTs, stderr %s", len(h.posts()), r.stderr)
	}
	h.terminal = true
	wantExit(t, h.runWithInput("n\n", args...), ExitUsage, args...)
	if len(h.posts()) != 0 {
		t.Fatal("answering no sent the create")
	}
	wantExit(t, h.runWithInput("y\n", args...), ExitOK, args...)
	if _, made := ownedNamed(h, "Asked first"); !made || len(h.posts()) != 1 {
		t.Fatalf("answering yes: made %v, %d POSTs", made, len(h.posts()))
	}
}

// A lost answer lists the solutions and says whether the one sent exists;
// the create went exactly once.
func TestCreateUnknownOutcomeLooksAndNeverResends(t *testing.T) {
	for _, tc := range []struct {
		kind sandbox.FaultKind
		want string
	}{
		{sandbox.FaultDropAfterApply, "the solutions listed after hold"},
		{sandbox.FaultDropConnection, "the solutions listed after do not hold"},
	} {
		h := seededHarness(t)
		h.sandbox.AddFault(sandbox.Fault{Kind: tc.kind, Method: http.MethodPost, PathContains: "/whatsapp_business_solution"})
		args := createArgs("Lost answer", demoPartnerApp, "partner", "--yes")
		r := h.run(args...)
		wantExit(t, r, ExitError, args...)
		if !strings.Contains(r.stderr, "outcome unknown") || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "did not resend") {
			t.Errorf("%s: stderr %s", tc.kind, r.stderr)
		}
		if n := len(h.posts()); n != 1 {
			t.Errorf("%s: %d POSTs in the sandbox's log, want exactly 1", tc.kind, n)
		}
		sol, made := ownedNamed(h, "Lost answer")
		if made != (tc.kind == sandbox.FaultDropAfterApply) {
			t.Errorf("%s: made %v", tc.kind, made)
		}
		if made && !strings.Contains(r.stderr, sol.ID) {
			t.Errorf("%s: stderr does not name %s: %s", tc.kind, sol.ID, r.stderr)
		}
		entries := decodeJSON[[]journalJSON](t, h.mustRun("journal", "--json").stdout)
		if len(entries) != 1 || entries[0].Outcome != "unknown" || entries[0].SolutionID != sol.ID {
			t.Errorf("%s: journal %+v, want unknown with ID %q", tc.kind, entries, sol.ID)
		}
	}
}

// The whole life from the terminal: created Pending, the partner accepts
// (as the demo's partner does, sooner here), and it is Active and onboards.
func TestCreateThenThePartnerAccepts(t *testing.T) {
	h := newHarness(t, sandbox.Options{PartnerAnswer: sandbox.PartnerAnswer{Reply: sandbox.PartnerAccepts, After: 20 * time.Millisecond}})
	h.mustRun(createArgs("Whole life", demoPartnerApp, "partner", "--yes")...)
	sol, _ := ownedNamed(h, "Whole life")
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := decodeJSON[map[string]any](t, h.mustRun("solution", sol.ID, "--json").stdout)
		if got["display_state"] == "Active" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the partner never accepted: %v", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if r := h.mustRun("signup-snippet", sol.ID, "--config-id", "42"); !strings.Contains(r.stdout, "solutionID: '"+sol.ID+"'") {
		t.Fatalf("no snippet for the accepted solution:\n%s", r.stdout)
	}
}
