package sandbox

import (
	"slices"
	"testing"
	"unicode"

	"mps/graph"
)

func TestSeedCoversEveryStateFromBothSides(t *testing.T) {
	s := New(Options{})
	type key struct {
		st   graph.State
		role graph.Role
	}
	seen := map[key]bool{}
	pendingDeactivationForms := map[string]bool{}
	pendingForms := map[string]bool{}
	counterparts := map[string]bool{}
	for _, sol := range s.Solutions() {
		role := graph.RoleOf(&sol, DemoAppID)
		if role == graph.RoleUnknown {
			t.Fatalf("we are not a side of %q", sol.Name)
		}
		seen[key{sol.State(), role}] = true
		switch sol.State() {
		case graph.StatePendingDeactivation:
			pendingDeactivationForms[sol.Status] = true
		case graph.StatePending:
			pendingForms[sol.Status] = true
		}
		counterparts[graph.Counterpart(&sol, role).Name] = true
	}
	for _, st := range graph.KnownStates() {
		if !seen[key{st, graph.RoleOwner}] && !seen[key{st, graph.RolePartner}] {
			t.Errorf("no solution is %s", st)
		}
	}
	for _, k := range []key{
		{graph.StatePending, graph.RoleOwner}, {graph.StatePending, graph.RolePartner},
		{graph.StateActive, graph.RoleOwner}, {graph.StateActive, graph.RolePartner},
		{graph.StatePendingDeactivation, graph.RoleOwner}, {graph.StatePendingDeactivation, graph.RolePartner},
	} {
		if !seen[k] {
			t.Errorf("no %s solution where we are %s", k.st, k.role)
		}
	}
	if !pendingDeactivationForms[graph.StatusActive] || !pendingDeactivationForms[graph.StatusPendingDeactivation] {
		t.Errorf("pending deactivation forms %v, want ACTIVE+PENDING_DEACTIVATION and PENDING_DEACTIVATION", pendingDeactivationForms)
	}
	if !pendingForms[graph.StatusInitiated] || !pendingForms[graph.StatusPending] {
		t.Errorf("pending forms %v", pendingForms)
	}
	if len(counterparts) < 3 {
		t.Errorf("partner apps %v, want at least 3", counterparts)
	}
}

func TestSeedPermissions(t *testing.T) {
	s := New(Options{})
	unknown := 0
	differ := 0
	for _, sol := range s.Solutions() {
		owner := slices.Contains(sol.OwnerPermissions, "MESSAGING")
		partner := slices.Contains(sol.Partners[0].PartnerPermissions, "MESSAGING")
		if owner == partner {
			t.Errorf("%q: MESSAGING on owner %v, partner %v; want exactly one side", sol.Name, owner, partner)
		}
		for _, p := range append(slices.Clone(sol.OwnerPermissions), sol.Partners[0].PartnerPermissions...) {
			if _, known := graph.PermissionMeaning(p); !known {
				unknown++
			}
		}
		if onlyOwner, onlyPartner, _ := graph.PermissionDiff(sol.OwnerPermissions, sol.Partners[0].PartnerPermissions); len(onlyOwner)+len(onlyPartner) > 1 {
			differ++
		}
	}
	if unknown == 0 {
		t.Error("no permission name that mps does not know")
	}
	if differ < 3 {
		t.Errorf("only %d solutions grant the sides more than MESSAGING apart", differ)
	}
}

func TestSeedWABAs(t *testing.T) {
	s := New(Options{})
	wabas := s.WABAs()
	if len(wabas) < 300 {
		t.Fatalf("%d WABAs", len(wabas))
	}
	scripts := map[string]*unicode.RangeTable{
		"Latin": unicode.Latin, "Cyrillic": unicode.Cyrillic, "Arabic": unicode.Arabic, "Han": unicode.Han,
		"Devanagari": unicode.Devanagari, "Hangul": unicode.Hangul,
	}
	found := map[string]bool{}
	accents, emoji := false, false
	ids := map[string]bool{}
	for _, w := range wabas {
		if ids[w.ID] {
			t.Fatalf("duplicate WABA ID %s", w.ID)
		}
		ids[w.ID] = true
		if w.Name == "" || w.TimezoneID == "" || w.MessageTemplateNamespace == "" || (w.BusinessType != "ent" && w.BusinessType != "smb") {
			t.Fatalf("incomplete WABA %+v", w)
		}
		for _, r := range w.Name {
			for name, table := range scripts {
				if unicode.Is(table, r) {
					found[name] = true
				}
			}
			accents = accents || (unicode.Is(unicode.Latin, r) && r > 0x7f)
			emoji = emoji || r >= 0x1F300
		}
		sols, _ := s.WABASolutionIDs(w.ID)
		if len(sols) == 0 {
			t.Fatalf("WABA %s was onboarded by no solution", w.ID)
		}
	}
	for name := range scripts {
		if !found[name] {
			t.Errorf("no WABA name in %s", name)
		}
	}
	if !accents || !emoji {
		t.Errorf("accented Latin %v, emoji %v", accents, emoji)
	}
	for _, b := range DemoPartnerBusinessIDs() {
		if len(s.WABAs(b)) == 0 {
			t.Errorf("partner business %s shares no WABA", b)
		}
	}
	if len(s.WABAs(DemoPartnerBusinessIDs()[0], DemoPartnerBusinessIDs()[3])) == 0 {
		t.Error("no WABA came through two solutions with different partners")
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	a, b, other := New(Options{Seed: 7}), New(Options{Seed: 7}), New(Options{Seed: 8})
	if !slices.Equal(a.WABAs(), b.WABAs()) {
		t.Fatal("the same seed gave different WABAs")
	}
	if slices.Equal(a.WABAs(), other.WABAs()) {
		t.Fatal("a different seed gave the same WABAs")
	}
	if len(a.Solutions()) != len(other.Solutions()) {
		t.Fatal("the seed changed the seeded solutions")
	}
}

func TestSizeKnobs(t *testing.T) {
	s := New(Options{WABAs: 100_000, Solutions: 150})
	if n := s.WABACount(); n != 100_000 {
		t.Fatalf("%d WABAs", n)
	}
	if n := len(s.Solutions()); n != len(demoSolutions())+150 {
		t.Fatalf("%d solutions", n)
	}
	// Generated solutions onboard customers too, so the size benchmark's
	// WABAs spread over many solutions.
	through := map[string]bool{}
	for ord := range 5000 {
		ids, _ := s.WABASolutionIDs(wabaID(ord))
		for _, id := range ids {
			through[id] = true
		}
	}
	if len(through) < 50 {
		t.Fatalf("WABAs came through only %d solutions", len(through))
	}
	if none := New(Options{WABAs: -1}); none.WABACount() != 0 {
		t.Fatal("WABAs: -1 still generated some")
	}
}
