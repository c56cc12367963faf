package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestGuideExamplesDecode(t *testing.T) {
	t.Run("solution before accepting", func(t *testing.T) {
		var s Solution
		mustDecode(t, "solution_before_accepting.json", &s)
		if s.ID != "795033096057724" || s.Name != "Social OVD with Lucky Shrub" || len(s.OwnerPermissions) != 10 {
			t.Fatalf("solution = %+v", s)
		}
		if len(s.Partners) != 1 || s.Partners[0].ID != "795033099391057" || s.Partners[0].PartnerApp.ID != "21202248997039" ||
			s.Partners[0].PartnerApp.Name != "Lucky Shrub" || len(s.Partners[0].PartnerPermissions) != 10 {
			t.Fatalf("partners = %+v", s.Partners)
		}
		if RoleOf(&s, "21202248997039") != RolePartner {
			t.Errorf("Lucky Shrub's app should be the invited partner")
		}
	})
	t.Run("solution with name status partners", func(t *testing.T) {
		var s Solution
		mustDecode(t, "solution_name_status_partners.json", &s)
		if s.State() != StateActive || s.Partners[0].Status != PartnerStatusAccepted || s.Partners[0].PartnerApp.Link != "https://www.socialoverdrive.com/" {
			t.Fatalf("solution = %+v", s)
		}
	})
	t.Run("app solutions", func(t *testing.T) {
		var p Page[Solution]
		mustDecode(t, "app_solutions.json", &p)
		if len(p.Data) != 2 || p.Data[0].State() != StatePending || p.Data[1].State() != StateActive || p.HasNext() {
			t.Fatalf("page = %+v", p)
		}
		if p.Paging.Cursors.After == "" {
			t.Errorf("after cursor lost")
		}
	})
	t.Run("waba solutions", func(t *testing.T) {
		var p Page[Solution]
		mustDecode(t, "waba_solutions.json", &p)
		if len(p.Data) != 1 || p.Data[0].ID != "17602267745700" || p.Data[0].PendingRequest != PendingNone {
			t.Fatalf("page = %+v", p)
		}
	})
	t.Run("partners", func(t *testing.T) {
		var p Page[PartnerRow]
		mustDecode(t, "solution_partners.json", &p)
		if len(p.Data) != 1 || p.Data[0].PartnerApp.ID != "637576208107267" || p.Data[0].Status != "ACCEPTED" {
			t.Fatalf("page = %+v", p)
		}
	})
	t.Run("client WABAs", func(t *testing.T) {
		var p Page[WABA]
		mustDecode(t, "client_whatsapp_business_accounts.json", &p)
		want := WABA{ID: "102290129340398", Name: "Cool New Customer 2", TimezoneID: "7", BusinessType: "ent",
			MessageTemplateNamespace: "0add05f3_abbe_4a55_b6f5_e751fa4e1244"}
		if len(p.Data) != 2 || p.Data[0] != want || !p.HasNext() {
			t.Fatalf("page = %+v", p)
		}
	})
	for _, name := range []string{"accept_success.json", "send_deactivation_success.json"} {
		t.Run(name, func(t *testing.T) {
			res, ok := parseActionResult([]byte(readGuide(t, name)))
			if !ok || !res.Success {
				t.Fatalf("parseActionResult = %+v, %v", res, ok)
			}
		})
	}
}

func mustDecode(t *testing.T, name string, out any) {
	t.Helper()
	if err := json.Unmarshal([]byte(readGuide(t, name)), out); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestGuideExamplesThroughClient serves the guide's payloads and reads them
// with the client's own calls, checking the requests it made.
func TestGuideExamplesThroughClient(t *testing.T) {
	routes := map[string]string{
		"/v25.0/795033096057724":                                   "solution_before_accepting.json",
		"/v25.0/21202248997039/whatsapp_business_solutions":        "app_solutions.json",
		"/v25.0/102290129340398/solutions":                         "waba_solutions.json",
		"/v25.0/17602267745700/partners":                           "solution_partners.json",
		"/v25.0/506914307656634/client_whatsapp_business_accounts": "client_whatsapp_business_accounts_last.json",
	}
	srv := newStub(t, func(_ int, r *http.Request) reply {
		name, ok := routes[r.URL.Path]
		if !ok {
			return reply{status: 404, body: graphErrorBody(803, 0, "unknown path")}
		}
		if name == "client_whatsapp_business_accounts_last.json" {
			// The guide's example says more pages follow; serve it as a last page.
			body := strings.Replace(readGuide(t, "client_whatsapp_business_accounts.json"),
				`"next": "https://graph.facebook.com/v20.0/50691..."`, `"previous": "x"`, 1)
			return reply{body: body}
		}
		return reply{body: readGuide(t, name)}
	})
	c, _ := newTestClient(t, srv)
	ctx := context.Background()

	s, err := c.Solution(ctx, "795033096057724")
	if err != nil || s.Name != "Social OVD with Lucky Shrub" || len(s.Partners) != 1 {
		t.Fatalf("Solution = %+v, %v", s, err)
	}
	list, err := c.AppSolutions(ctx, "21202248997039", SolutionQuery{Role: RolePartner})
	if err != nil || len(list) != 2 {
		t.Fatalf("AppSolutions = %+v, %v", list, err)
	}
	byWABA, err := c.WABASolutions(ctx, "102290129340398")
	if err != nil || len(byWABA) != 1 {
		t.Fatalf("WABASolutions = %+v, %v", byWABA, err)
	}
	rows, err := c.Partners(ctx, "17602267745700")
	if err != nil || len(rows) != 1 {
		t.Fatalf("Partners = %+v, %v", rows, err)
	}
	wabas, err := c.ClientWABAs(ctx, "506914307656634", []string{"520744086200222"})
	if err != nil || len(wabas) != 2 {
		t.Fatalf("ClientWABAs = %+v, %v", wabas, err)
	}

	reqs := srv.requests()
	if len(reqs) != 5 {
		t.Fatalf("want 5 requests (one per call), got %d: %+v", len(reqs), reqs)
	}
	for _, r := range reqs {
		if r.Method != http.MethodGet || r.Auth != "Bearer "+testToken || r.UserAgent != "mps/"+Version {
			t.Errorf("request %+v: want GET with bearer token and mps user agent", r)
		}
	}
	q := query(t, reqs[0].RawQuery)
	if q.Get("fields") != SolutionFields {
		t.Errorf("solution fields = %q", q.Get("fields"))
	}
	q = query(t, reqs[1].RawQuery)
	if q.Get("role") != "PARTNER" || q.Get("limit") != "100" {
		t.Errorf("app list query = %v", q)
	}
	q = query(t, reqs[4].RawQuery)
	var filter []map[string]any
	if err := json.Unmarshal([]byte(q.Get("filtering")), &filter); err != nil || len(filter) != 1 ||
		filter[0]["field"] != "partners" || filter[0]["operator"] != "ALL" ||
		!slices.Equal(anyStrings(filter[0]["value"]), []string{"520744086200222"}) {
		t.Errorf("filtering = %q (%v)", q.Get("filtering"), err)
	}
	if strings.Contains(reqs[4].RawQuery, `"`) || strings.Contains(reqs[4].RawQuery, "[") {
		t.Errorf("filtering is not URL-encoded: %s", reqs[4].RawQuery)
	}
}

func anyStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}
