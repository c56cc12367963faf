package cli

import (
	"slices"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

type jsonVerdict struct {
	Action  string `json:"action"`
	Allowed bool   `json:"allowed"`
	Reason  string `json:"reason"`
}

// solutionOut is a solution as --json prints it: Graph's fields and mps's.
type solutionOut struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Status         string `json:"status"`
	PendingRequest string `json:"status_for_pending_request"`
	OwnerApp       *struct {
		ID string `json:"id"`
	} `json:"owner_app"`
	OwnerPermissions []string           `json:"owner_permissions"`
	Partners         []graph.PartnerRow `json:"partners"`
	DisplayState     string             `json:"display_state"`
	OurRole          string             `json:"our_role"`
	AllowedActions   []jsonVerdict      `json:"allowed_actions"`
}

func solutionIDs(list []graph.Solution) []string {
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestSolutionsJSONListsEveryPage(t *testing.T) {
	h := newHarness(t, sandbox.Options{Solutions: 230}) // more than two pages of 100
	r := h.mustRun("solutions", "--json")
	got := decodeJSON[[]solutionOut](t, r.stdout)
	want := h.sandbox.Solutions()
	if len(got) != len(want) || len(want) <= 2*graph.MaxPageSize {
		t.Fatalf("got %d solutions, sandbox has %d (want more than %d)", len(got), len(want), 2*graph.MaxPageSize)
	}
	listCalls := 0
	for _, req := range h.sandbox.Requests() {
		if strings.HasSuffix(req.Path, "/whatsapp_business_solutions") {
			listCalls++
		}
		if got := req.Header.Get("Authorization"); got != "Bearer "+sandbox.DemoToken {
			t.Errorf("%s %s: the token is not in the Authorization header (%q)", req.Method, req.Path, got)
		}
	}
	if listCalls < 3 {
		t.Errorf("the list took %d requests; three pages need three", listCalls)
	}
	for i, s := range got {
		w := want[i]
		if s.ID != w.ID || s.Name != w.Name || s.Status != w.Status || s.PendingRequest != w.PendingRequest {
			t.Fatalf("item %d = %+v, sandbox has %+v", i, s, w)
		}
		if s.DisplayState == "" || len(s.AllowedActions) != len(graph.AllActions()) {
			t.Fatalf("item %d lacks derived fields: %+v", i, s)
		}
		weOwn := w.OwnerApp != nil && w.OwnerApp.ID == sandbox.DemoAppID
		if wantRole := map[bool]string{true: "owner", false: "partner"}[weOwn]; s.OurRole != wantRole {
			t.Errorf("%s: our_role %q, want %q", s.ID, s.OurRole, wantRole)
		}
	}
}

func TestSolutionsJSONDerivedFieldsFollowTheGuide(t *testing.T) {
	h := seededHarness(t)
	incoming := h.sandbox.CreateIncomingRequest("Incoming for test")
	r := h.mustRun("solutions", "--json")
	for _, s := range decodeJSON[[]solutionOut](t, r.stdout) {
		if s.ID != incoming {
			continue
		}
		// The guide: INITIATED shows as Pending, and only the invited partner may accept or reject.
		if s.Status != "INITIATED" || s.DisplayState != "Pending" || s.OurRole != "partner" {
			t.Fatalf("incoming request = %+v", s)
		}
		allowed := map[string]bool{}
		for _, v := range s.AllowedActions {
			allowed[v.Action] = v.Allowed
			if !v.Allowed && v.Reason == "" {
				t.Errorf("%s refused without a reason", v.Action)
			}
		}
		if !allowed["accept"] || !allowed["reject"] || allowed["deactivate"] {
			t.Errorf("allowed actions = %v", allowed)
		}
		return
	}
	t.Fatalf("the new incoming request %s is not listed", incoming)
}

func TestSolutionsFilters(t *testing.T) {
	h := seededHarness(t)
	all := h.sandbox.Solutions()

	r := h.mustRun("solutions", "--role", "owner", "--json")
	owned := decodeJSON[[]solutionOut](t, r.stdout)
	var wantOwned []string
	for _, s := range all {
		if s.OwnerApp != nil && s.OwnerApp.ID == sandbox.DemoAppID {
			wantOwned = append(wantOwned, s.ID)
		}
	}
	var gotOwned []string
	for _, s := range owned {
		gotOwned = append(gotOwned, s.ID)
	}
	if len(wantOwned) == 0 || !slices.Equal(gotOwned, wantOwned) {
		t.Errorf("--role owner listed %v, want %v", gotOwned, wantOwned)
	}

	r = h.mustRun("solutions", "--state", "pending-deactivation", "--json")
	var wantPD []string
	for _, s := range all {
		if s.Status == "PENDING_DEACTIVATION" || (s.Status == "ACTIVE" && s.PendingRequest == "PENDING_DEACTIVATION") {
			wantPD = append(wantPD, s.ID)
		}
	}
	var gotPD []string
	for _, s := range decodeJSON[[]solutionOut](t, r.stdout) {
		gotPD = append(gotPD, s.ID)
	}
	if len(wantPD) < 2 || !slices.Equal(gotPD, wantPD) {
		t.Errorf("--state pending-deactivation listed %v, want %v (both forms)", gotPD, wantPD)
	}

	r = h.run("solutions", "--state", "sleepy")
	wantExit(t, r, ExitUsage, "solutions --state sleepy")
	if !strings.Contains(r.stderr, "pending-deactivation") {
		t.Errorf("the error does not list the states: %s", r.stderr)
	}
	wantExit(t, h.run("solutions", "--role", "boss"), ExitUsage, "solutions --role boss")
}

func TestSolutionJSONIsOneObjectWithPartnersArray(t *testing.T) {
	h := seededHarness(t)
	id := h.sandbox.AddSolution(sandbox.SolutionSpec{
		Name: "Two partners", Status: "ACTIVE",
		PartnerAppID: "21202248997039", ExtraPartnerAppIDs: []string{"637576208107267"},
		OwnerPermissions: []string{"MANAGE", "MESSAGING"}, PartnerPermissions: []string{"MANAGE"},
	})
	r := h.mustRun("solution", id, "--json")
	got := decodeJSON[solutionOut](t, r.stdout)
	want, _ := h.sandbox.Solution(id)
	if got.ID != id || got.Name != want.Name || got.Status != "ACTIVE" || got.OwnerApp == nil || got.OwnerApp.ID != sandbox.DemoAppID {
		t.Fatalf("solution = %+v", got)
	}
	if len(got.Partners) != 2 || got.Partners[1].PartnerApp == nil || got.Partners[1].PartnerApp.ID != "637576208107267" {
		t.Fatalf("partners = %+v, want both rows", got.Partners)
	}
	if got.DisplayState != "Active" || got.OurRole != "owner" {
		t.Errorf("derived = %q/%q, want Active/owner", got.DisplayState, got.OurRole)
	}
	raw := decodeJSON[map[string]any](t, r.stdout)
	if _, ok := raw["partners"].([]any); !ok {
		t.Errorf("partners is %T, want a JSON array", raw["partners"])
	}
}

func TestSolutionTableShowsPermissionsSideBySide(t *testing.T) {
	h := seededHarness(t)
	id := h.sandbox.AddSolution(sandbox.SolutionSpec{
		Name: "Side by side", Status: "ACTIVE",
		OwnerPermissions: []string{"MANAGE", "MESSAGING"}, PartnerPermissions: []string{"MANAGE", "SOMETHING_NEW"},
	})
	out := h.mustRun("solution", id).stdout
	for _, line := range []string{"MESSAGING", "SOMETHING_NEW", "deactivate"} {
		if !strings.Contains(out, line) {
			t.Errorf("the view lacks %q:\n%s", line, out)
		}
	}
	rowOf := func(p string) []string {
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 2 && f[0] == p {
				return f
			}
		}
		t.Fatalf("no row for %s:\n%s", p, out)
		return nil
	}
	if f := rowOf("MESSAGING"); f[1] != "yes" || f[2] != "-" {
		t.Errorf("MESSAGING row = %v, want owner yes, partner -", f)
	}
	if f := rowOf("SOMETHING_NEW"); f[1] != "-" || f[2] != "yes" || !strings.Contains(strings.Join(f, " "), "not known") {
		t.Errorf("unknown permission row = %v", f)
	}
}

func TestPartnersJSON(t *testing.T) {
	h := seededHarness(t)
	for _, sol := range h.sandbox.Solutions()[:3] {
		r := h.mustRun("partners", sol.ID, "--json")
		rows := decodeJSON[[]graph.PartnerRow](t, r.stdout)
		if len(rows) != len(sol.Partners) || len(rows) == 0 {
			t.Fatalf("%s: %d rows, sandbox has %d", sol.ID, len(rows), len(sol.Partners))
		}
		for i, row := range rows {
			if row.ID != sol.Partners[i].ID || row.Status != sol.Partners[i].Status || row.PartnerApp == nil {
				t.Errorf("%s row %d = %+v, sandbox has %+v", sol.ID, i, row, sol.Partners[i])
			}
		}
	}
}

func TestCustomersJSONListsEveryPageAndFilters(t *testing.T) {
	h := seededHarness(t)
	r := h.mustRun("customers", "--json")
	got := decodeJSON[[]graph.WABA](t, r.stdout)
	want := h.sandbox.WABAs()
	if len(want) <= 3*graph.MaxPageSize || len(got) != len(want) {
		t.Fatalf("got %d WABAs, sandbox has %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("WABA %d = %+v, sandbox has %+v", i, got[i], want[i])
		}
	}
	raw := decodeJSON[[]map[string]any](t, r.stdout)
	for _, key := range []string{"id", "name", "timezone_id", "message_template_namespace"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("WABA JSON lacks Graph's field %q: %v", key, raw[0])
		}
	}

	partners := sandbox.DemoPartnerBusinessIDs()
	r = h.mustRun("customers", "--partner", partners[0], "--partner", partners[1], "--json")
	filtered := decodeJSON[[]graph.WABA](t, r.stdout)
	wantFiltered := h.sandbox.WABAs(partners[0], partners[1])
	if len(filtered) != len(wantFiltered) || len(wantFiltered) == len(want) {
		t.Errorf("filtered to %d WABAs, sandbox has %d (of %d)", len(filtered), len(wantFiltered), len(want))
	}

	wantExit(t, h.run("customers", "--partner", "abc"), ExitUsage, "customers --partner abc")
}

func TestWABASolutionsJSON(t *testing.T) {
	h := seededHarness(t)
	waba := h.sandbox.WABAs()[0]
	wantIDs, _ := h.sandbox.WABASolutionIDs(waba.ID)
	r := h.mustRun("waba-solutions", waba.ID, "--json")
	var gotIDs []string
	for _, s := range decodeJSON[[]solutionOut](t, r.stdout) {
		gotIDs = append(gotIDs, s.ID)
		if s.DisplayState == "" {
			t.Errorf("%s lacks display_state", s.ID)
		}
		// The WABA's list names no side; the app's role lists say ours.
		sol, _ := h.sandbox.Solution(s.ID)
		if want := graph.RoleOf(&sol, sandbox.DemoAppID).String(); s.OurRole != want || len(s.AllowedActions) != len(graph.AllActions()) {
			t.Errorf("%s: our_role %q (want %q), %d allowed_actions", s.ID, s.OurRole, want, len(s.AllowedActions))
		}
	}
	if len(wantIDs) == 0 || !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("waba-solutions listed %v, sandbox has %v", gotIDs, wantIDs)
	}
}

func TestEmptyListIsAnEmptyArray(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	r := h.mustRun("customers", "--json")
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("empty list printed %q, want []", r.stdout)
	}
}

func TestTablesAreSanitizedAndAligned(t *testing.T) {
	h := seededHarness(t)
	id := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: "Evil\x1b]0;pwned\x07\x1b[31m name\r\nsecond", Status: "ACTIVE"})
	h.sandbox.AddSolution(sandbox.SolutionSpec{Name: "서울 카페 솔루션", Status: "ACTIVE"})
	out := h.mustRun("solutions").stdout
	if strings.ContainsAny(out, "\x1b\x07\r") {
		t.Fatalf("table carries control characters: %q", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	stateCol := strings.Index(lines[0], "STATE")
	for _, l := range lines[1:] {
		if strings.Contains(l, id) && !strings.Contains(l, "Evil") {
			t.Errorf("the evil name's row lost its text: %q", l)
		}
		// Every row's state starts in the STATE column, counted in cells.
		cells := 0
		for _, r := range l {
			if cells == stateCol {
				break
			}
			cells += cellWidth(r)
		}
		if cells != stateCol {
			t.Errorf("row is not aligned: %q", l)
		}
	}
	if len(lines) != len(h.sandbox.Solutions())+1 {
		t.Errorf("%d lines for %d solutions: a name broke a row", len(lines), len(h.sandbox.Solutions()))
	}
}

func cellWidth(r rune) int {
	if r >= 0x1100 && (r <= 0x115f || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0x3000 && r <= 0x9fff)) {
		return 2
	}
	return 1
}

// Graph's own status names select the display state they show as:
// REJECTED is Inactive, INITIATED is Pending, in any case.
func TestSolutionsStateTakesGraphsStatuses(t *testing.T) {
	h := seededHarness(t)
	ids := func(args ...string) []string {
		var out []string
		for _, s := range decodeJSON[[]solutionOut](t, h.mustRun(append([]string{"solutions", "--json"}, args...)...).stdout) {
			out = append(out, s.ID)
		}
		return out
	}
	inactive := ids("--state", "inactive")
	if len(inactive) == 0 {
		t.Fatal("the sandbox has no inactive solution to filter")
	}
	for _, v := range []string{"rejected", "REJECTED", "Rejected"} {
		if got := ids("--state", v); !slices.Equal(got, inactive) {
			t.Errorf("--state %s listed %v, want the inactive %v", v, got, inactive)
		}
	}
	pending := ids("--state", "pending")
	for _, v := range []string{"INITIATED", "initiated", "PENDING"} {
		if got := ids("--state", v); !slices.Equal(got, pending) {
			t.Errorf("--state %s listed %v, want the pending %v", v, got, pending)
		}
	}
	for _, v := range []string{"DRAFT", "ACTIVE", "DEACTIVATED", "PENDING_DEACTIVATION", "pending_deactivation"} {
		h.mustRun("solutions", "--state", v)
	}
	r := h.run("solutions", "--state", "sleepy")
	wantExit(t, r, ExitUsage, "solutions --state sleepy")
	if !strings.Contains(r.stderr, "REJECTED") || !strings.Contains(r.stderr, "INITIATED") {
		t.Errorf("the error does not list Graph's statuses: %s", r.stderr)
	}
}
