package cli

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
)

// A Graph URL copied with its version works, by flag, environment or profile,
// and the requests carry the version once.
func TestGraphURLEndingInTheVersionIsAccepted(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	base := h.url
	h.env[store.EnvGraphURL] = base + "/v25.0"
	h.mustRun("solutions")
	h.mustRun("--graph-url", base+"/v25.0/", "solutions")
	delete(h.env, store.EnvGraphURL)
	h.mustRun("profile", "set", "--graph-url", base+"/v25.0")
	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.GraphURL != base {
		t.Errorf("profile set saved graph URL %q, want %q", show.GraphURL, base)
	}
	h.mustRun("solutions")
	reqs := h.sandbox.Requests()
	if len(reqs) == 0 {
		t.Fatal("no requests")
	}
	for _, r := range reqs {
		if strings.Contains(r.Path, "/v25.0/v25.0") || !strings.HasPrefix(r.Path, "/v25.0/") {
			t.Fatalf("request path %s", r.Path)
		}
	}
}

func TestGraphURLOfAnotherVersionIsRefusedWithTheFix(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run("--graph-url", h.url+"/v24.0", "solutions")
	if r.code != ExitUsage {
		t.Fatalf("exit %d, want %d: %s", r.code, ExitUsage, r.stderr)
	}
	for _, want := range []string{"ends in API version v24.0", "the API version is v25.0", "pass --graph-url " + h.url + " ", "--api-version v24.0"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r.stderr)
		}
	}
	if n := len(h.sandbox.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
	if r := h.run("profile", "set", "--graph-url", h.url+"/v24.0"); r.code != ExitUsage {
		t.Errorf("profile set saved a URL of another version: exit %d %s", r.code, r.stderr)
	}
}
