package cli

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
)

func TestProfileUnsetUndoesProfileSet(t *testing.T) {
	h := loggedOut(t)
	delete(h.env, store.EnvGraphURL)
	h.mustRun("profile", "set", "--app-id", "111", "--business-id", "222", "--api-version", "v24.0", "--graph-url", "https://graph.example.com")
	h.mustRun("profile", "add-partner", "333")

	r := h.mustRun("profile", "unset", "business-id", "api-version", "graph-url")
	for _, want := range []string{`Removed from profile "default"`, "business ID 222", "API version v24.0", "Graph URL https://graph.example.com"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("unset does not say %q:\n%s", want, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("unexpected stderr: %s", r.stderr)
	}
	want := store.Profile{AppID: "111", Partners: []store.Partner{{BusinessID: "333"}}}
	if p := savedProfile(t, h); !reflect.DeepEqual(p, want) {
		t.Fatalf("saved %+v, want %+v", p, want)
	}

	show := decodeJSON[profileOut](t, h.mustRun("profile", "show", "--json").stdout)
	if show.AppID != "111" || show.BusinessID != "" || show.Sources.BusinessID != "" {
		t.Errorf("business ID %q from %q after unset", show.BusinessID, show.Sources.BusinessID)
	}
	if show.APIVersion != "v25.0" || show.Sources.APIVersion != "default" || show.Sources.GraphURL != "default" {
		t.Errorf("the defaults do not apply after unset: %+v", show)
	}
	if text := h.mustRun("profile", "show").stdout; !strings.Contains(text, "Business ID  not set") {
		t.Errorf("profile show still shows a business ID:\n%s", text)
	}

	// The last value goes too; the partners stay.
	h.mustRun("profile", "unset", "app-id")
	if p := savedProfile(t, h); p.AppID != "" || len(p.Partners) != 1 {
		t.Errorf("after unsetting app-id: %+v", p)
	}
}

func TestProfileUnsetOfAValueNotSavedSaysSo(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--app-id", "111")
	before, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	r := h.mustRun("profile", "unset", "business-id", "business-id")
	if !strings.Contains(r.stdout, "nothing to remove: business ID.") || strings.Contains(r.stdout, "Removed") {
		t.Errorf("unset of an unsaved value: %s", r.stdout)
	}
	after, _ := os.ReadFile(store.ConfigPath(h.configDir))
	if string(after) != string(before) {
		t.Errorf("the config file changed:\n%s\nwas:\n%s", after, before)
	}
	// Some removed, some not there: both are said.
	r = h.mustRun("profile", "unset", "app-id", "graph-url")
	if !strings.Contains(r.stdout, "app ID 111") || !strings.Contains(r.stdout, "nothing to remove: Graph URL") {
		t.Errorf("mixed unset: %s", r.stdout)
	}
	// A profile with no entry at all is not an error and writes nothing.
	h.mustRun("--profile", "staging", "profile", "unset", "app-id")
	if p := savedProfile(t, h); !reflect.DeepEqual(p, store.Profile{}) {
		t.Errorf("default profile is %+v", p)
	}
}

func TestProfileUnsetSaysWhenTheEnvironmentStillProvidesTheValue(t *testing.T) {
	h := newHarness(t, sandbox.Options{}) // MPS_APP_ID and MPS_BUSINESS_ID are set
	h.mustRun("profile", "set", "--app-id", "111")
	r := h.mustRun("profile", "unset", "app-id", "api-version")
	if !strings.Contains(r.stderr, "mps: note: MPS_APP_ID is set, and it still provides the value") {
		t.Errorf("no note about MPS_APP_ID: %s", r.stderr)
	}
	if strings.Contains(r.stderr, store.EnvAPIVersion) {
		t.Errorf("a note about an unset variable: %s", r.stderr)
	}
	if p := savedProfile(t, h); p.AppID != "" {
		t.Errorf("app ID still saved: %+v", p)
	}
}

func TestProfileUnsetBadFieldsExit2AndChangeNothing(t *testing.T) {
	h := loggedOut(t)
	h.mustRun("profile", "set", "--app-id", "111", "--business-id", "222")
	before, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"profile", "unset", "app_id"},
		{"profile", "unset", "business-id", "partners"},
		{"profile", "unset", "--app-id"},
		{"profile", "unset", "token\x1b[31m"},
		{"profile", "unset"},
		{"--demo", "profile", "unset", "app-id"},
	} {
		r := h.run(args...)
		wantExit(t, r, ExitUsage, args...)
		if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "mps: ") || strings.ContainsRune(r.stderr, '\x1b') {
			t.Errorf("mps %v: not one clean line: %q", args, r.stderr)
		}
	}
	r := h.run("profile", "unset", "app_id")
	if !strings.Contains(r.stderr, `unknown profile field "app_id"`) ||
		!strings.Contains(r.stderr, "app-id, business-id, api-version, graph-url") {
		t.Errorf("the error does not list the fields: %s", r.stderr)
	}
	after, err := os.ReadFile(store.ConfigPath(h.configDir))
	if err != nil || string(after) != string(before) {
		t.Errorf("the config file changed (%v):\n%s\nwas:\n%s", err, after, before)
	}
	if p := savedProfile(t, h); p.AppID != "111" || p.BusinessID != "222" {
		t.Errorf("saved %+v", p)
	}
}
