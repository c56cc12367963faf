package graph

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func addGuideSeeds(f *testing.F, add func(body []byte)) {
	files, _ := filepath.Glob("testdata/guide/*.json")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(b)
	}
}

// FuzzDecodePage: any body, status and type must end in a page or an error,
// never a panic, and no error text may carry the token or control characters.
func FuzzDecodePage(f *testing.F) {
	addGuideSeeds(f, func(b []byte) { f.Add(200, "application/json", b) })
	f.Add(200, "application/json", []byte(`{"data":[{"id":"1","partners":{"data":[{"id":"2"}]}}],"paging":{"next":"x"}}`))
	f.Add(200, "text/html", []byte("<html>"+testToken+"</html>"))
	f.Add(200, "application/json", []byte(`{"data":null,"paging":null}`))
	f.Add(200, "application/json", []byte(`{"data":[{"partners":[{"id":"3"}]}]}`))
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		r := &response{status: status, contentType: contentType, header: http.Header{}, body: body}
		var solutions Page[Solution]
		checkDecodeError(t, r.decode(testToken, &solutions))
		var wabas Page[WABA]
		checkDecodeError(t, r.decode(testToken, &wabas))
		var rows Page[PartnerRow]
		checkDecodeError(t, r.decode(testToken, &rows))
		if res, ok := parseActionResult(body); ok && (res == nil || !res.Success) {
			t.Fatalf("parseActionResult = %+v, %v", res, ok)
		}
		for _, s := range solutions.Data {
			s.State()
			RoleOf(&s, "1")
		}
	})
}

// FuzzDecodeError: any error body and usage header must give a classifiable
// error, never a panic.
func FuzzDecodeError(f *testing.F) {
	f.Add(400, []byte(`{"error":{"message":"Session has expired","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A"}}`), `{"1":[{"estimated_time_to_regain_access":2}]}`)
	f.Add(403, []byte(`{"error":{"message":"limit","code":4,"is_transient":true,"error_data":{"a":[1,{"b":null}]}}}`), "")
	f.Add(400, []byte(`{"error":{"code":"80008","error_subcode":"x"}}`), `{"1":[{"estimated_time_to_regain_access":1e300}]}`)
	f.Add(500, []byte(`{"error":"plain"}`), `not json`)
	f.Add(502, []byte(`<html>`), ``)
	f.Add(400, []byte(`{"error":{"message":"\u001b]8;;http://x\u0007link `+testToken+`"}}`), ``)
	f.Fuzz(func(t *testing.T, status int, body []byte, usageHeader string) {
		h := http.Header{}
		h.Set("X-Business-Use-Case-Usage", usageHeader)
		h.Set("X-App-Usage", usageHeader)
		r := &response{status: status, contentType: "application/json", header: h, body: body}
		err := r.failure(testToken)
		checkDecodeError(t, err)
		if err != nil {
			_ = ClassOf(err).String()
			if Hint(err) == "" {
				t.Fatal("error without a hint")
			}
		}
		if wait := RegainAccessIn(ParseBUCUsage(usageHeader)); wait < 0 {
			t.Fatalf("negative wait %v", wait)
		}
		ParseAppUsage(usageHeader)
	})
}

func checkDecodeError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	text := err.Error()
	if strings.Contains(text, testToken) {
		t.Fatalf("error carries the token: %q", text)
	}
	if strings.IndexFunc(text, unicode.IsControl) >= 0 {
		t.Fatalf("error carries control characters: %q", text)
	}
}
