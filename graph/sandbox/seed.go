package sandbox

import (
	"fmt"
	"slices"

	"mps/graph"
)

// Partner apps of the demo, with the business portfolio behind each. The
// first two use the app IDs from Meta's guide.
func demoPartnerApps() []app {
	return []app{
		{App: graph.App{ID: "21202248997039", Name: "Lucky Shrub", Link: "https://www.facebook.com/games/?app_id=21202248997039"}, business: "116133292427920", businessName: "Lucky Shrub Ltd"},
		{App: graph.App{ID: "637576208107267", Name: "Social Overdrive", Link: "https://www.socialoverdrive.com/"}, business: "520744086200222", businessName: "Social Overdrive Inc."},
		{App: graph.App{ID: "284919603771245", Name: "Jaspers Market", Link: "https://www.jaspersmarket.com/"}, business: "330918274465190", businessName: "Jaspers Market"},
		{App: graph.App{ID: "905512348812377", Name: "Social Brew", Link: "https://www.socialbrew.com/"}, business: "771204556903318", businessName: "Social Brew Coffee"},
	}
}

// DemoPartnerBusinessIDs are the business portfolio IDs of the demo's
// partner apps, in a fixed order.
func DemoPartnerBusinessIDs() []string {
	var out []string
	for _, a := range demoPartnerApps() {
		out = append(out, a.business)
	}
	return out
}

// Permission sets. The guide's example grants these ten to both sides;
// MESSAGING is the one permission that is configurable, and exactly one
// side of a solution holds it.
func basePermissions() []string {
	return []string{"MANAGE", "DEVELOP", "MANAGE_TEMPLATES", "MANAGE_PHONE", "VIEW_COST",
		"MANAGE_EXTENSIONS", "VIEW_PHONE_ASSETS", "MANAGE_PHONE_ASSETS", "VIEW_TEMPLATES", "VIEW_INSIGHTS"}
}

func permsWith(extra ...string) []string { return append(basePermissions(), extra...) }

func narrowPermissions(extra ...string) []string {
	return append([]string{"VIEW_TEMPLATES", "VIEW_PHONE_ASSETS", "VIEW_INSIGHTS", "RECEIVE_INCOMING_MESSAGES"}, extra...)
}

// seedSpec is one seeded solution, from our side of it.
type seedSpec struct {
	name          string
	weOwn         bool
	other         int // index into demoPartnerApps
	status        string
	pending       string
	partnerStatus string
	ownerPerms    []string
	partnerPerms  []string
}

// demoSolutions covers every display state, both forms of "pending" and of
// "pending deactivation", from both sides, with permission sets that differ.
func demoSolutions() []seedSpec {
	const lucky, social, jaspers, brew = 0, 1, 2, 3
	a, n, d := graph.StatusActive, graph.PendingNone, graph.PendingDeactivation
	return []seedSpec{
		{"Social OVD with Northwind", false, social, graph.StatusInitiated, graph.PendingActivation, graph.PartnerStatusNotificationSent,
			permsWith("MESSAGING"), basePermissions()},
		{"Lucky Shrub storefront", false, lucky, graph.StatusPending, graph.PendingActivation, graph.PartnerStatusNotificationSent,
			narrowPermissions(), permsWith("MESSAGING", "MANAGE_BILLING")},
		{"Northwind × Jaspers Market", true, jaspers, graph.StatusInitiated, graph.PendingActivation, graph.PartnerStatusNotificationSent,
			basePermissions(), permsWith("MESSAGING")},
		{"Northwind with Lucky Shrub", true, lucky, a, n, graph.PartnerStatusAccepted,
			permsWith("MESSAGING", "MANAGE_USERS"), basePermissions()},
		{"Social Brew retail", false, brew, a, n, graph.PartnerStatusAccepted,
			basePermissions(), permsWith("MESSAGING")},
		{"Jaspers Market loyalty", false, jaspers, a, d, graph.PartnerStatusAccepted,
			permsWith("MESSAGING"), narrowPermissions()},
		{"Social OVD legacy bundle", false, social, graph.StatusPendingDeactivation, d, graph.PartnerStatusAccepted,
			basePermissions(), permsWith("MESSAGING")},
		{"Northwind with Social Brew", true, brew, a, d, graph.PartnerStatusAccepted,
			basePermissions(), permsWith("MESSAGING")},
		{"Northwind draft for Lucky Shrub", true, lucky, graph.StatusDraft, n, graph.StatusDraft,
			permsWith("MESSAGING"), narrowPermissions()},
		{"Northwind with Social Overdrive", true, social, graph.StatusRejected, n, graph.StatusRejected,
			basePermissions(), permsWith("MESSAGING")},
		{"Lucky Shrub 2025 pilot", false, lucky, graph.StatusDeactivated, n, graph.StatusDeactivated,
			permsWith("MESSAGING"), basePermissions()},
		{"Jaspers Market with Northwind", false, jaspers, graph.StatusRejected, n, graph.StatusRejected,
			basePermissions(), permsWith("MESSAGING")},
		{"Northwind Flows beta with Social Overdrive", true, social, a, n, graph.PartnerStatusAccepted,
			permsWith("MESSAGING"), permsWith("MANAGE_FLOWS_BETA")},
	}
}

// generatedSpec is the i-th extra solution of the Solutions size knob; the
// states cycle so every display state keeps appearing.
func generatedSpec(i int) seedSpec {
	states := [][3]string{
		{graph.StatusActive, graph.PendingNone, graph.PartnerStatusAccepted},
		{graph.StatusInitiated, graph.PendingActivation, graph.PartnerStatusNotificationSent},
		{graph.StatusActive, graph.PendingDeactivation, graph.PartnerStatusAccepted},
		{graph.StatusActive, graph.PendingNone, graph.PartnerStatusAccepted},
		{graph.StatusRejected, graph.PendingNone, graph.StatusRejected},
		{graph.StatusDeactivated, graph.PendingNone, graph.StatusDeactivated},
		{graph.StatusDraft, graph.PendingNone, graph.StatusDraft},
	}
	st := states[i%len(states)]
	other := i % len(demoPartnerApps())
	weOwn := i%2 == 0 || st[0] == graph.StatusDraft
	name := fmt.Sprintf("Generated solution %d with %s", i+1, demoPartnerApps()[other].Name)
	return seedSpec{name, weOwn, other, st[0], st[1], st[2], permsWith("MESSAGING"), basePermissions()}
}

func seedWorld(o Options) *world {
	w := &world{
		us:       o.AppID,
		business: o.BusinessID,
		apps:     map[string]*app{},
		byID:     map[string]int{},
	}
	ours := &app{App: graph.App{ID: o.AppID, Name: "Northwind Connect", Link: "https://www.northwindconnect.com/"},
		business: o.BusinessID, businessName: "Northwind Traders"}
	w.apps[ours.ID] = ours
	w.appOrder = append(w.appOrder, ours.ID)
	partners := demoPartnerApps()
	for i := range partners {
		w.apps[partners[i].ID] = &partners[i]
		w.appOrder = append(w.appOrder, partners[i].ID)
	}
	specs := demoSolutions()
	for i := range o.Solutions {
		specs = append(specs, generatedSpec(i))
	}
	for _, sp := range specs {
		w.addSolution(w.fromSpec(sp, partners[sp.other].ID))
	}
	w.wabas = newWABASet(w, uint64(o.Seed), o.WABAs)
	w.addReportedOnly()
	w.wabas.seeded = w.wabas.count()
	w.setup = newSetupState()
	w.answers = map[string]scheduledAnswer{}
	return w
}

// addReportedOnly adds the seed's one customer that a webhook reported
// but the API does not list: the newest WABA, onboarded through the first
// solution of ours that can onboard, whose PARTNER_ADDED ReplayHistory
// reports, while client_whatsapp_business_accounts leaves it out (as
// Graph does for a partnership ended without a PARTNER_REMOVED that
// arrived). Reconcile then has one finding to show, and the onboarding
// checklist a ✗ under Listed. A seed without WABAs gets none.
func (w *world) addReportedOnly() {
	if w.wabas.count() == 0 {
		return
	}
	for i, sol := range w.solutions {
		if canOnboard(sol) && w.roleIn(sol) == graph.RoleOwner {
			w.wabas.remove(w.wabas.add(w.wabas.patternFor(w, []int{i})))
			return
		}
	}
}

func (w *world) fromSpec(sp seedSpec, otherApp string) *solution {
	id, rowID := w.newSolutionID()
	owner, invited := otherApp, w.us
	if sp.weOwn {
		owner, invited = w.us, otherApp
	}
	return &solution{
		id: id, name: sp.name, status: sp.status, pending: sp.pending, owner: owner,
		ownerPerms: slices.Clone(sp.ownerPerms),
		partners:   []partnerRow{{id: rowID, app: invited, perms: slices.Clone(sp.partnerPerms), status: sp.partnerStatus}},
	}
}
