package graph_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

// One WABA is read with one GET /{waba-id} that asks for the list's fields,
// and comes back as the list shows it.
func TestClientWABAReadsOneWABAWithTheListsFields(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: 250})
	ctx := context.Background()
	listed := sb.WABAs()
	for _, want := range []graph.WABA{listed[0], listed[len(listed)-1]} {
		sb.ResetRequests()
		got, err := c.ClientWABA(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if *got != want {
			t.Errorf("read %+v, the list has %+v", *got, want)
		}
		reqs := sb.Requests()
		if len(reqs) != 1 {
			t.Fatalf("%d requests for one WABA, want 1", len(reqs))
		}
		q, _ := url.ParseQuery(reqs[0].RawQuery)
		if reqs[0].Method != "GET" || reqs[0].Path != "/"+c.APIVersion()+"/"+want.ID || q.Get("fields") != graph.WABAFields {
			t.Errorf("request %s %s?fields=%s, want GET /%s/%s?fields=%s", reqs[0].Method, reqs[0].Path, q.Get("fields"), c.APIVersion(), want.ID, graph.WABAFields)
		}
	}
}

// A WABA the token cannot see (not shared yet, or gone) is Graph's 100/33;
// an ID that is no ID is refused before any request.
func TestClientWABAFailures(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: 5})
	_, err := c.ClientWABA(context.Background(), "999999999999999")
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != 100 || ge.Subcode != 33 {
		t.Fatalf("unknown WABA: %v, want Graph error 100/33", err)
	}
	sb.ResetRequests()
	var bad *graph.InvalidIDError
	if _, err := c.ClientWABA(context.Background(), "12/../me"); !errors.As(err, &bad) {
		t.Fatalf("bad ID: %v, want an InvalidIDError", err)
	}
	if n := len(sb.Requests()); n != 0 {
		t.Errorf("a bad ID sent %d requests", n)
	}
}
