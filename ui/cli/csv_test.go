package cli

import (
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook/webhooktest"
)

func readCSV(t *testing.T, out string) [][]string {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	if len(records) == 0 {
		t.Fatalf("CSV without a header row: %q", out)
	}
	return records
}

func wantHeader(t *testing.T, records [][]string, header ...string) {
	t.Helper()
	if !slices.Equal(records[0], header) {
		t.Fatalf("CSV header = %q, want %q", records[0], header)
	}
}

func TestSolutionsCSVHasEverySolutionWhole(t *testing.T) {
	h := newHarness(t, sandbox.Options{Solutions: 120}) // more than one page
	long := "Northwind Traders and Jaspers Market shared WhatsApp storefront for Europe"
	formula := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: `=HYPERLINK("http://evil.example","Open")`})
	plus := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: "+1 Bakery"})
	longID := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: long})
	escaped := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: "\x1b]52;c;aGk=\x07Red\x1b[31m Co\x1b[0m"})
	quoted := h.sandbox.AddSolution(sandbox.SolutionSpec{Name: `Smith, "Jr" & Sons`})
	special := map[string]string{
		formula: `'=HYPERLINK("http://evil.example","Open")`,
		plus:    "'+1 Bakery",
		longID:  long,
		escaped: "Red Co",
		quoted:  `Smith, "Jr" & Sons`,
	}

	records := readCSV(t, h.mustRun("solutions", "--csv").stdout)
	wantHeader(t, records, "ID", "NAME", "STATE", "OUR ROLE", "OTHER APP", "MESSAGING")
	sandbox := h.sandbox.Solutions()
	if len(records)-1 != len(sandbox) {
		t.Fatalf("%d CSV rows, the sandbox has %d solutions", len(records)-1, len(sandbox))
	}
	for i, sol := range sandbox {
		row := records[i+1]
		want, ok := special[sol.ID]
		if !ok {
			want = sol.Name
		}
		if row[0] != sol.ID || row[1] != want {
			t.Errorf("row %d = %q, %q; want %q, %q", i+1, row[0], row[1], sol.ID, want)
		}
	}

	table := h.mustRun("solutions").stdout
	if strings.Contains(table, long) || !strings.Contains(table, long[:40]) {
		t.Errorf("the table should cut the %d-cell name to %d cells:\n%s", len(long), maxCellWidth, table)
	}
}

func TestCustomersCSVMatchesTheSandbox(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 130}) // more than one page
	records := readCSV(t, h.mustRun("customers", "--csv").stdout)
	wantHeader(t, records, "WABA ID", "NAME", "TIMEZONE", "BUSINESS TYPE", "TEMPLATE NAMESPACE")
	wabas := h.sandbox.WABAs()
	if len(records)-1 != len(wabas) || len(wabas) != 130 {
		t.Fatalf("%d CSV rows, the sandbox has %d WABAs (want 130)", len(records)-1, len(wabas))
	}
	for i, w := range wabas {
		row := records[i+1]
		if row[0] != w.ID || row[1] != w.Name || row[2] != w.TimezoneID || row[4] != w.MessageTemplateNamespace {
			t.Errorf("row %d = %q, sandbox has %+v", i+1, row, w)
		}
	}
}

func TestWABASolutionsAndPartnersCSV(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 3})
	waba := h.sandbox.WABAs()[0]
	ids, _ := h.sandbox.WABASolutionIDs(waba.ID)
	records := readCSV(t, h.mustRun("waba-solutions", waba.ID, "--csv").stdout)
	wantHeader(t, records, "ID", "NAME", "STATE", "OUR ROLE", "OTHER APP", "MESSAGING")
	var got []string
	for _, row := range records[1:] {
		got = append(got, row[0])
	}
	if len(ids) == 0 || !slices.Equal(got, ids) {
		t.Errorf("waba-solutions --csv listed %v, the sandbox has %v", got, ids)
	}

	sol, _ := h.sandbox.Solution(ids[0])
	records = readCSV(t, h.mustRun("partners", sol.ID, "--csv").stdout)
	wantHeader(t, records, "ROW ID", "PARTNER APP", "STATUS", "PARTNER PERMISSIONS")
	if len(records)-1 != len(sol.Partners) {
		t.Fatalf("partners --csv: %d rows, the sandbox has %d", len(records)-1, len(sol.Partners))
	}
	for i, p := range sol.Partners {
		if row := records[i+1]; row[0] != p.ID || row[2] != p.Status || row[3] != strings.Join(p.PartnerPermissions, ",") {
			t.Errorf("partner row %d = %q, sandbox has %+v", i+1, row, p)
		}
	}
}

func TestCSVOfAnEmptyListIsItsHeader(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	if got := h.mustRun("customers").stdout; got != "No customers.\n" {
		t.Errorf("customers with none = %q", got)
	}
	records := readCSV(t, h.mustRun("customers", "--csv").stdout)
	if len(records) != 1 {
		t.Fatalf("customers --csv with none: %q, want the header alone", records)
	}
	wantHeader(t, records, "WABA ID", "NAME", "TIMEZONE", "BUSINESS TYPE", "TEMPLATE NAMESPACE")

	h.withStateDir()
	records = readCSV(t, h.mustRun("events", "--csv").stdout)
	if len(records) != 1 {
		t.Fatalf("events --csv with no log: %q, want the header alone", records)
	}
	wantHeader(t, records, "ID", "RECEIVED", "EVENT", "SOLUTION", "WABA", "STATUS")
}

func TestEventsCSVListsTheStoredEvents(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: -1})
	path := h.withStateDir()
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	storeDeliveries(t, path, now.Add(-2*time.Hour),
		webhooktest.Payload(t, "guide_partner_solutions_created.json"),
		webhooktest.Payload(t, "guide_account_update_partner_added.json"))
	all := decodeJSON[[]eventJSON](t, h.mustRun("events", "--json").stdout)
	records := readCSV(t, h.mustRun("events", "--csv").stdout)
	if len(all) == 0 || len(records)-1 != len(all) {
		t.Fatalf("events --csv: %d rows, --json: %d objects", len(records)-1, len(all))
	}
	for i, e := range all {
		row := records[i+1]
		if row[0] != strconv.FormatInt(e.ID, 10) || row[3] != e.SolutionID || row[4] != e.WABAID || row[5] != e.SolutionStatus {
			t.Errorf("row %d = %q, event %+v", i+1, row, e)
		}
	}
}

func TestCSVNeverHasColour(t *testing.T) {
	h := seededHarness(t)
	h.terminal = true
	if table := h.mustRun("solutions").stdout; !strings.Contains(table, "\x1b[") {
		t.Fatalf("the table on a terminal has no colour, so this test proves nothing:\n%s", table)
	}
	if out := h.mustRun("solutions", "--csv").stdout; strings.ContainsRune(out, '\x1b') {
		t.Errorf("CSV with colour codes:\n%q", out)
	}
}

func TestJSONAndCSVTogetherIsAUsageError(t *testing.T) {
	h := newHarness(t, sandbox.Options{WABAs: 3})
	waba := h.sandbox.WABAs()[0].ID
	ids, _ := h.sandbox.WABASolutionIDs(waba)
	h.withStateDir()
	for _, args := range [][]string{
		{"solutions", "--json", "--csv"},
		{"customers", "--csv", "--json"},
		{"waba-solutions", waba, "--json", "--csv"},
		{"partners", ids[0], "--json", "--csv"},
		{"events", "--json", "--csv"},
		{"reconcile", "--csv", "--json"},
	} {
		r := h.run(args...)
		wantExit(t, r, ExitUsage, args...)
		if !strings.Contains(r.stderr, "--json and --csv") || r.stdout != "" {
			t.Errorf("mps %v: stdout %q, stderr %q", args, r.stdout, r.stderr)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("%d Graph calls before the flags were refused", n)
	}
}

func TestSpreadsheetTextQuotesFormulaStarts(t *testing.T) {
	for cell, want := range map[string]string{
		"=1+1": "'=1+1", "+44 20": "'+44 20", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\r=x": "'\r=x",
		"102290129340398": "102290129340398", "Lucky Shrub": "Lucky Shrub", "": "", " =x": "' =x", " \t-1": "' \t-1", "  x=1": "  x=1", "a=b": "a=b",
	} {
		if got := spreadsheetText(cell); got != want {
			t.Errorf("spreadsheetText(%q) = %q, want %q", cell, got, want)
		}
	}
}
