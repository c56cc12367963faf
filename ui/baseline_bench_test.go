package ui

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// curlLoop is the baseline of BenchmarkFullRefresh: what a shell script
// with curl would do. It asks for pages of 25, follows paging.next, reads
// each solution again for its details, and sends one request at a time.
// It returns the sorted IDs of the solutions, their partner rows and the
// WABAs.
func curlLoop(b *testing.B, base, version string) []string {
	b.Helper()
	root := base + "/" + version + "/"
	var ids []string
	var solutions []string
	curlPages(b, root+sandbox.DemoAppID+"/whatsapp_business_solutions?limit=25&fields=id", func(raw json.RawMessage) {
		var s graph.Solution
		curlDecode(b, raw, &s)
		solutions = append(solutions, s.ID)
	})
	for _, id := range solutions {
		var s graph.Solution
		curlDecode(b, curlGet(b, root+id+"?fields="+url.QueryEscape(graph.SolutionFields)), &s)
		ids = append(ids, solutionIDs([]graph.Solution{s})...)
	}
	curlPages(b, root+sandbox.DemoBusinessID+"/client_whatsapp_business_accounts?limit=25&fields=id", func(raw json.RawMessage) {
		var w graph.WABA
		curlDecode(b, raw, &w)
		ids = append(ids, w.ID)
	})
	slices.Sort(ids)
	return ids
}

// curlPages calls each with every item of every page, following paging.next.
func curlPages(b *testing.B, next string, each func(json.RawMessage)) {
	b.Helper()
	for next != "" {
		var page struct {
			Data   []json.RawMessage `json:"data"`
			Paging struct {
				Next string `json:"next"`
			} `json:"paging"`
		}
		curlDecode(b, curlGet(b, next), &page)
		for _, item := range page.Data {
			each(item)
		}
		next = page.Paging.Next
	}
}

func curlGet(b *testing.B, u string) []byte {
	b.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+sandbox.DemoToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v %s", u, resp.StatusCode, err, body)
	}
	return body
}

func curlDecode(b *testing.B, raw []byte, out any) {
	b.Helper()
	if err := json.Unmarshal(raw, out); err != nil {
		b.Fatalf("decoding %.200s: %v", raw, err)
	}
}
