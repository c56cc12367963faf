package sandbox

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"mps/graph"
)

func BenchmarkNew100kWABAs(b *testing.B) {
	for b.Loop() {
		New(Options{WABAs: 100_000, Solutions: 150})
	}
}

// serveBench answers one GET in-process, without the network.
func serveBench(b *testing.B, s *Sandbox, path string, query url.Values) {
	req := httptest.NewRequest(http.MethodGet, "http://sandbox"+testVersion+path+"?"+query.Encode(), nil)
	req.Header.Set("Authorization", "Bearer "+DemoToken)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

func BenchmarkClientWABAsLastPages(b *testing.B) {
	s := New(Options{WABAs: 100_000})
	query := q("limit", "100", "after", encodeCursor(99_850))
	for b.Loop() {
		serveBench(b, s, "/"+DemoBusinessID+"/client_whatsapp_business_accounts", query)
	}
}

func BenchmarkClientWABAsFilteredTwoPartners(b *testing.B) {
	s := New(Options{WABAs: 100_000})
	ids := DemoPartnerBusinessIDs()
	query := q("limit", "100", "after", encodeCursor(90_000), "filtering", filterJSON([]string{ids[0], ids[3]}))
	for b.Loop() {
		serveBench(b, s, "/"+DemoBusinessID+"/client_whatsapp_business_accounts", query)
	}
}

func BenchmarkSolutionListExpanded(b *testing.B) {
	s := New(Options{WABAs: -1, Solutions: 150})
	query := q("limit", "100", "fields", graph.SolutionFields)
	for b.Loop() {
		serveBench(b, s, "/"+DemoAppID+"/whatsapp_business_solutions", query)
	}
}
