package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServe sends arbitrary paths and parameters: the sandbox never panics
// and always answers Graph-shaped JSON, 200 or a 4xx error.
func FuzzServe(f *testing.F) {
	s := New(Options{WABAs: 50, Now: fixedNow})
	for _, seed := range [][3]string{
		{"GET", "/v25.0/" + DemoAppID + "/whatsapp_business_solutions", "fields=" + url.QueryEscape("name,partners.limit(1){partner_app{name}}") + "&role=OWNER"},
		{"GET", "/v25.0/" + DemoBusinessID + "/client_whatsapp_business_accounts", "filtering=" + url.QueryEscape(`[{"field":"partners","operator":"ALL","value":["116133292427920"]}]`) + "&limit=3&after=c2J4MToy"},
		{"POST", "/v25.0/17602267745700/accept", ""},
		{"GET", "/v25.0/debug_token", "input_token=x"},
		{"GET", "/v1.0/me", "before=%%%"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, method, path, rawQuery string) {
		if method != "POST" {
			method = "GET"
		}
		u := &url.URL{Scheme: "http", Host: "sandbox", Path: "/" + strings.TrimPrefix(path, "/"), RawQuery: rawQuery}
		req, err := http.NewRequest(method, u.String(), nil)
		if err != nil || strings.HasPrefix(req.URL.Path, controlPrefix) {
			return
		}
		req.Header.Set("Authorization", "Bearer "+DemoToken)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 && (rec.Code < 400 || rec.Code > 499) {
			t.Fatalf("%s %s?%s: status %d", method, path, rawQuery, rec.Code)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s?%s: invalid JSON %q", method, path, rawQuery, rec.Body)
		}
		if rec.Code != 200 && !strings.Contains(rec.Body.String(), `"error":{`) {
			t.Fatalf("%s %s?%s: error without an error object: %s", method, path, rawQuery, rec.Body)
		}
	})
}
