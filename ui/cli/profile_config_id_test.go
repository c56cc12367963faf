package cli

import (
	"strings"
	"testing"

	"mps/store"
)

// The Embedded Signup config ID is a profile value like the others: set,
// shown with its source, refused when it is not an ID, unset.
func TestProfileConfigID(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--config-id", "1234567890")
	if p := savedProfile(t, h); p.ConfigID != "1234567890" {
		t.Fatalf("saved %+v, want config ID 1234567890", p)
	}
	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.ConfigID != "1234567890" || !strings.HasPrefix(show.Sources.ConfigID, `profile "default" in `) {
		t.Errorf("profile show --json = %+v", show)
	}
	h.env[store.EnvConfigID] = "555"
	if show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout); show.ConfigID != "555" || show.Sources.ConfigID != store.EnvConfigID {
		t.Errorf("with %s set: %+v", store.EnvConfigID, show)
	}
	delete(h.env, store.EnvConfigID)
	r := h.run("profile", "set", "--config-id", "12ab")
	wantExit(t, r, ExitUsage, "profile set --config-id 12ab")
	if !strings.Contains(r.stderr, "config ID") {
		t.Errorf("a bad config ID: %s", r.stderr)
	}
	h.mustRun("profile", "unset", "config-id")
	if p := savedProfile(t, h); p.ConfigID != "" {
		t.Fatalf("after unset: %+v", p)
	}
}
