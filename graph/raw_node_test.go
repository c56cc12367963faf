package graph_test

import (
	"context"
	"encoding/json"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

func TestRawNodeIsTheJSONGraphSent(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{})
	want := sb.Solutions()[0]
	raw, err := c.RawNode(context.Background(), "solution", want.ID, graph.SolutionFields)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, raw)
	}
	if got["id"] != want.ID || got["name"] != want.Name || got["status"] != want.Status {
		t.Fatalf("raw solution %s, want id %s name %q status %s", raw, want.ID, want.Name, want.Status)
	}
	if _, err := c.RawNode(context.Background(), "solution", "not-an-id", graph.SolutionFields); err == nil {
		t.Fatal("a malformed ID was read")
	}
}
