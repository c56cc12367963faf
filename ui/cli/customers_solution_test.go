package cli

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
)

// accountUpdate is a webhook delivery like the guide's PARTNER_ADDED example
// (or the notes' PARTNER_REMOVED) for one WABA at one time.
func accountUpdate(event, wabaID, solutionID string, at time.Time) []byte {
	return fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":%q,"time":%d,"changes":[{"field":"account_update","value":{"event":%q,"waba_info":{"waba_id":%q,"owner_business_id":"6143763655652543","solution_id":%q}}}]}]}`,
		sandbox.DemoBusinessID, at.Unix(), event, wabaID, solutionID)
}

func activeSolutionIDs(sb *sandbox.Sandbox) []string {
	var out []string
	for _, s := range sb.Solutions() {
		if s.Status == graph.StatusActive {
			out = append(out, s.ID)
		}
	}
	return out
}

func TestCustomersOfASolutionComeFromTheEventLogJoinedWithTheList(t *testing.T) {
	now := harnessNow()
	clock := now.Add(-3 * time.Hour)
	h := newHarness(t, sandbox.Options{WABAs: 4, Now: func() time.Time { return clock }})
	path := h.withStateDir()
	active := activeSolutionIDs(h.sandbox)
	solution, other := active[0], active[1]
	var payloads [][]byte
	h.sandbox.OnWebhook(func(p []byte) { payloads = append(payloads, p) })
	onboard := func(solutionID string) graph.WABA {
		w, err := h.sandbox.OnboardCustomer(solutionID)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	older := onboard(solution)
	clock = now.Add(-time.Hour)
	newer := onboard(solution)
	elsewhere := onboard(other)
	const stray, gone = "880000000000001", "880000000000002"
	strayAt := now.Add(-2 * time.Hour)
	storeDeliveries(t, path, now, append(payloads,
		accountUpdate("PARTNER_ADDED", stray, solution, strayAt),
		accountUpdate("PARTNER_ADDED", gone, solution, now.Add(-2*time.Hour)),
		accountUpdate("PARTNER_REMOVED", gone, "", now.Add(-90*time.Minute)),
		// Removed, yet the API still lists it: still a customer, as reconcile counts it.
		accountUpdate("PARTNER_REMOVED", older.ID, "", now.Add(-30*time.Minute)),
	)...)

	got := decodeJSON[[]onboardedJSON](t, h.mustRun("customers", "--solution", solution, "--json").stdout)
	want := []onboardedJSON{
		{WABA: newer, SolutionID: solution, Listed: true, FirstReported: now.Add(-time.Hour)},
		{WABA: graph.WABA{ID: stray}, SolutionID: solution, FirstReported: strayAt},
		{WABA: older, SolutionID: solution, Listed: true, FirstReported: now.Add(-3 * time.Hour)},
	}
	if !slices.EqualFunc(got, want, func(a, b onboardedJSON) bool {
		return a.WABA == b.WABA && a.SolutionID == b.SolutionID && a.Listed == b.Listed && a.FirstReported.Equal(b.FirstReported)
	}) {
		t.Fatalf("customers --solution --json = %+v\nwant %+v", got, want)
	}

	out := h.mustRun("customers", "--solution", solution).stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "WABA ID") ||
		!strings.Contains(lines[1], newer.ID) || !strings.Contains(lines[1], newer.Name) ||
		!strings.Contains(lines[2], stray) || !strings.Contains(lines[2], notListedName) ||
		!strings.Contains(lines[3], older.ID) || !strings.Contains(lines[3], older.Name) {
		t.Errorf("customers --solution table:\n%s", out)
	}
	if strings.Contains(out, elsewhere.ID) || strings.Contains(out, gone) {
		t.Errorf("the table lists another solution's or a removed customer:\n%s", out)
	}

	records := readCSV(t, h.mustRun("customers", "--solution", solution, "--csv").stdout)
	wantHeader(t, records, "WABA ID", "NAME", "TIMEZONE", "BUSINESS TYPE", "TEMPLATE NAMESPACE", "FIRST REPORTED")
	if len(records) != 4 || records[2][0] != stray || records[2][1] != notListedName {
		t.Errorf("customers --solution --csv = %q", records)
	}
}

func TestCustomersOfASolutionNeedTheEventLogAndAnID(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 2})
	h.withStateDir()
	solution := activeSolutionIDs(h.sandbox)[0]
	r := h.run("customers", "--solution", solution)
	wantExit(t, r, ExitError, "customers --solution without a log")
	if !strings.Contains(r.stderr, "mps webhook serve") || r.stdout != "" {
		t.Errorf("without a log: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	wantExit(t, h.run("customers", "--solution", "abc"), ExitUsage, "customers --solution abc")
	wantExit(t, h.run("customers", "--solution", solution, "--partner", sandbox.DemoPartnerBusinessIDs()[0]), ExitUsage, "customers --solution --partner")
	for _, r := range h.sandbox.Requests() {
		if strings.Contains(r.Path, "client_whatsapp_business_accounts") {
			t.Errorf("a refused customers --solution read the list: %s %s", r.Method, r.Path)
		}
	}
}
