package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/webhook"
)

const luckyShrub = "21202248997039" // a demo partner app of the sandbox

// createPosts are the create POSTs the sandbox received.
func createPosts(sb *sandbox.Sandbox) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range sb.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/whatsapp_business_solution") {
			out = append(out, r)
		}
	}
	return out
}

func TestCheckNewSolution(t *testing.T) {
	good := graph.NewSolution{Name: "Northwind × Lucky Shrub", PartnerAppID: luckyShrub, Messaging: graph.SenderPartner}
	if err := good.Check(sandbox.DemoAppID); err != nil {
		t.Fatalf("a good solution was refused: %v", err)
	}
	with := func(change func(*graph.NewSolution)) graph.NewSolution {
		n := good
		change(&n)
		return n
	}
	cases := []struct {
		name   string
		n      graph.NewSolution
		field  string
		reason string
	}{
		{"no name", with(func(n *graph.NewSolution) { n.Name = "   " }), "name", "give the solution a name of 2 to 75"},
		{"one character", with(func(n *graph.NewSolution) { n.Name = " é " }), "name", "the name has 1 character"},
		{"76 characters", with(func(n *graph.NewSolution) { n.Name = strings.Repeat("ü", 76) }), "name", "has 76 characters; a solution's name has at most 75"},
		{"a line break", with(func(n *graph.NewSolution) { n.Name = "two\nlines" }), "name", "control character"},
		{"not UTF-8", with(func(n *graph.NewSolution) { n.Name = "ab\xff" }), "name", "not valid UTF-8"},
		{"no partner", with(func(n *graph.NewSolution) { n.PartnerAppID = "" }), "partner app", "give the partner's app ID"},
		{"partner not digits", with(func(n *graph.NewSolution) { n.PartnerAppID = "12a4" }), "partner app", `"12a4" is not an app ID`},
		{"partner too long", with(func(n *graph.NewSolution) { n.PartnerAppID = strings.Repeat("1", 33) }), "partner app", "is not an app ID"},
		{"our own app", with(func(n *graph.NewSolution) { n.PartnerAppID = sandbox.DemoAppID }), "partner app", "is our own app"},
		{"no sender", with(func(n *graph.NewSolution) { n.Messaging = graph.SenderUnset }), "messaging", "choose who sends messages"},
	}
	for _, tc := range cases {
		err := tc.n.Check(sandbox.DemoAppID)
		var input *graph.SolutionInputError
		if !errors.As(err, &input) || input.Field != tc.field || !strings.Contains(err.Error(), tc.reason) {
			t.Errorf("%s: %v, want the %s refused with %q", tc.name, err, tc.field, tc.reason)
		}
	}
	for _, name := range []string{"ab", strings.Repeat("ü", 75), "  padded  "} {
		if err := graph.CheckSolutionName(name); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
}

func TestParseSender(t *testing.T) {
	graph.WantParses(t, "ParseSender", graph.ParseSender,
		map[string]graph.Sender{"us": graph.SenderUs, "Partner": graph.SenderPartner, " US ": graph.SenderUs},
		"both", "", "unset", "partners")
	if !strings.Contains(graph.SenderPartner.Meaning(), "its credit line pays") {
		t.Errorf("meaning: %s", graph.SenderPartner.Meaning())
	}
}

// A solution mps refuses is never sent.
func TestCreateSolutionRefusedBeforeSending(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	for _, n := range []graph.NewSolution{
		{Name: "x", PartnerAppID: luckyShrub, Messaging: graph.SenderUs},
		{Name: "Fine name", PartnerAppID: sandbox.DemoAppID, Messaging: graph.SenderUs},
		{Name: "Fine name", PartnerAppID: luckyShrub},
	} {
		if _, err := c.CreateSolution(context.Background(), sandbox.DemoAppID, n); err == nil {
			t.Errorf("%+v was created", n)
		}
	}
	if _, err := c.CreateSolution(context.Background(), "app", graph.NewSolution{Name: "Fine", PartnerAppID: luckyShrub, Messaging: graph.SenderUs}); graph.ClassOf(err) != graph.ClassInvalid {
		t.Errorf("a bad app ID: %v", err)
	}
	if n := len(sb.Requests()); n != 0 {
		t.Errorf("%d requests sent for refused solutions", n)
	}
}

// A created solution is sent once, in Graph's form, and then listed as
// Pending with us as its owner, MESSAGING on the chosen side.
func TestCreateSolution(t *testing.T) {
	for _, sender := range []graph.Sender{graph.SenderUs, graph.SenderPartner} {
		sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
		ctx := context.Background()
		want := graph.NewSolution{Name: "  Northwind × Lucky Shrub  ", PartnerAppID: luckyShrub, Messaging: sender}
		id, err := c.CreateSolution(ctx, sandbox.DemoAppID, want)
		if err != nil || !graph.ValidID(id) {
			t.Fatalf("%s: CreateSolution = %q, %v", sender, id, err)
		}
		posts := createPosts(sb)
		if len(posts) != 1 {
			t.Fatalf("%s: %d create POSTs, want 1", sender, len(posts))
		}
		form, _ := url.ParseQuery(posts[0].Body)
		owner, partner := `["MESSAGING"]`, `[]`
		if sender == graph.SenderPartner {
			owner, partner = partner, owner
		}
		if form.Get("solution_name") != "Northwind × Lucky Shrub" || form.Get("partner_app_id") != luckyShrub ||
			form.Get("owner_permissions") != owner || form.Get("partner_permissions") != partner {
			t.Errorf("%s: form %v", sender, form)
		}
		token := sb.Options().Token
		if strings.Contains(posts[0].Body, token) || strings.Contains(posts[0].RawQuery, token) || posts[0].Header.Get("Authorization") != "Bearer "+token {
			t.Errorf("%s: the token went elsewhere than the header", sender)
		}
		owned, err := c.AppSolutions(ctx, sandbox.DemoAppID, graph.SolutionQuery{Role: graph.RoleOwner, Detailed: true})
		if err != nil {
			t.Fatal(err)
		}
		found, ok := graph.FindCreated(owned, want.Name, want.PartnerAppID)
		if !ok || found.ID != id || found.State() != graph.StatePending || found.Status != graph.StatusInitiated ||
			graph.RoleOf(&found, sandbox.DemoAppID) != graph.RoleOwner {
			t.Fatalf("%s: listed %+v (%v), want %s Pending and ours", sender, found, ok, id)
		}
		if side := map[graph.Sender]string{graph.SenderUs: "owner", graph.SenderPartner: "partner"}[sender]; graph.MessagingSide(&found) != side {
			t.Errorf("%s: MESSAGING on %q", sender, graph.MessagingSide(&found))
		}
	}
}

// Graph's refusals come back as they are, after one POST, and are not an
// unknown outcome.
func TestCreateSolutionGraphRefusals(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	ctx := context.Background()
	_, err := c.CreateSolution(ctx, sandbox.DemoAppID, graph.NewSolution{Name: "Unknown partner", PartnerAppID: "999000111222", Messaging: graph.SenderUs})
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != 100 || ge.Subcode != 33 || graph.IsUnknownOutcome(err) {
		t.Errorf("unknown partner app: %v", err)
	}
	_, err = c.CreateSolution(ctx, luckyShrub, graph.NewSolution{Name: "Not our app", PartnerAppID: "637576208107267", Messaging: graph.SenderUs})
	if graph.ClassOf(err) != graph.ClassPermission || graph.IsUnknownOutcome(err) {
		t.Errorf("another app's edge: %v", err)
	}
	if n := len(createPosts(sb)); n != 2 {
		t.Errorf("%d create POSTs, want one each", n)
	}
}

// When the connection drops after the sandbox created the solution, the
// outcome is unknown, nothing is sent again, and the solution is found by
// its name and partner, also when the list answers only default fields.
func TestCreateSolutionUnknownOutcomeThenFound(t *testing.T) {
	for _, defaultsOnly := range []bool{false, true} {
		sb, c := sandboxClient(t, sandbox.Options{WABAs: -1, ListDefaultFieldsOnly: defaultsOnly})
		ctx := context.Background()
		want := graph.NewSolution{Name: "Dropped but made", PartnerAppID: luckyShrub, Messaging: graph.SenderPartner}
		// A solution of the same name with another partner must not match.
		decoy := sb.AddSolution(sandbox.SolutionSpec{Name: want.Name, PartnerAppID: "637576208107267"})
		sb.AddFault(sandbox.Fault{Kind: sandbox.FaultDropAfterApply, Method: http.MethodPost, Times: 1})
		id, err := c.CreateSolution(ctx, sandbox.DemoAppID, want)
		var unknown *graph.CreateUnknownError
		if !graph.IsUnknownOutcome(err) || !errors.As(err, &unknown) || unknown.Name != want.Name || id != "" ||
			graph.ClassOf(err) != graph.ClassUnknown {
			t.Fatalf("defaults only %v: CreateSolution = %q, %v; want an unknown outcome", defaultsOnly, id, err)
		}
		if !strings.Contains(err.Error(), "list the solutions before trying again") ||
			!strings.Contains(graph.Hint(err), "may or may not have been created") {
			t.Errorf("message: %v; advice: %s", err, graph.Hint(err))
		}
		if n := len(createPosts(sb)); n != 1 {
			t.Fatalf("%d create POSTs, want exactly 1", n)
		}
		found, err := c.LookForCreated(ctx, sandbox.DemoAppID, want)
		if err != nil || found == nil || found.ID == decoy || found.State() != graph.StatePending {
			t.Fatalf("defaults only %v: LookForCreated = %+v, %v", defaultsOnly, found, err)
		}
		if truth, ok := sb.Solution(found.ID); !ok || truth.Name != want.Name || truth.Partners[0].PartnerApp.ID != luckyShrub {
			t.Errorf("found %s, which the sandbox holds as %+v", found.ID, truth)
		}
		if n := len(createPosts(sb)); n != 1 {
			t.Errorf("looking sent %d more create POSTs", n-1)
		}
	}
}

// A 5xx after sending is unknown too, not retried, and when the sandbox
// did not create anything, nothing is found.
func TestCreateSolutionUnknownOutcomeNothingMade(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	ctx := context.Background()
	sb.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, Method: http.MethodPost})
	want := graph.NewSolution{Name: "Never made", PartnerAppID: luckyShrub, Messaging: graph.SenderUs}
	if _, err := c.CreateSolution(ctx, sandbox.DemoAppID, want); !graph.IsUnknownOutcome(err) {
		t.Fatalf("err = %v, want an unknown outcome", err)
	}
	if n := len(createPosts(sb)); n != 1 {
		t.Fatalf("%d create POSTs, want 1 (never retried)", n)
	}
	if found, err := c.LookForCreated(ctx, sandbox.DemoAppID, want); err != nil || found != nil {
		t.Errorf("LookForCreated = %+v, %v; want none", found, err)
	}
}

func TestFindCreated(t *testing.T) {
	row := func(app string) graph.PartnerRows {
		return graph.PartnerRows{{ID: "1", PartnerApp: &graph.App{ID: app}}}
	}
	list := []graph.Solution{
		{ID: "900", Name: "Same", Status: graph.StatusRejected, PendingRequest: graph.PendingNone, Partners: row(luckyShrub)},
		{ID: "120", Name: "Same", Status: graph.StatusInitiated, PendingRequest: graph.PendingActivation, Partners: row(luckyShrub)},
		{ID: "130", Name: "Same ", Status: graph.StatusInitiated, PendingRequest: graph.PendingActivation, Partners: row(luckyShrub)},
		{ID: "999", Name: "Same", Status: graph.StatusInitiated, PendingRequest: graph.PendingActivation, Partners: row("5")},
		{ID: "998", Name: "Same", Status: graph.StatusInitiated, PendingRequest: graph.PendingActivation},
	}
	if got, ok := graph.FindCreated(list, " Same", luckyShrub); !ok || got.ID != "130" {
		t.Errorf("FindCreated = %+v, %v; want the newest Pending one with that partner, 130", got, ok)
	}
	if got, ok := graph.FindCreated(list[:1], "Same", luckyShrub); !ok || got.ID != "900" {
		t.Errorf("FindCreated = %+v, %v; want 900", got, ok)
	}
	if _, ok := graph.FindCreated(list, "Other", luckyShrub); ok {
		t.Error("found a solution of another name")
	}
}

func TestAppNameAndMe(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1})
	ctx := context.Background()
	name, err := c.AppName(ctx, luckyShrub)
	if err != nil || name != "Lucky Shrub" {
		t.Errorf("AppName = %q, %v", name, err)
	}
	if r := sb.Requests(); len(r) != 1 || !strings.Contains(r[0].RawQuery, "fields=name") {
		t.Errorf("requests %+v", r)
	}
	_, err = c.AppName(ctx, "999000111222")
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != 100 || ge.Subcode != 33 {
		t.Errorf("an unknown app: %v", err)
	}
	if _, err := c.AppName(ctx, "lucky"); graph.ClassOf(err) != graph.ClassInvalid || len(sb.Requests()) != 2 {
		t.Errorf("a bad ID: %v after %d requests", err, len(sb.Requests()))
	}
	me, err := c.Me(ctx)
	if err != nil || !graph.ValidID(me.ID) || me.Name == "" {
		t.Errorf("Me = %+v, %v; want the token's user with ID and name", me, err)
	}
}

// The demo's whole life: created, SOLUTION_CREATED sent, the partner
// accepts after a delay, SOLUTION_UPDATED sent, and Graph reads it Active.
func TestCreatedSolutionAcceptedByThePartner(t *testing.T) {
	sb, c := sandboxClient(t, sandbox.Options{WABAs: -1,
		PartnerAnswer: sandbox.PartnerAnswer{Reply: sandbox.PartnerAccepts, After: 300 * time.Millisecond}})
	var (
		mu     sync.Mutex
		events []string
	)
	updated := make(chan struct{}, 1)
	sb.OnWebhook(func(p []byte) {
		var body struct {
			Entry []struct {
				Changes []struct {
					Value struct {
						Event          string `json:"event"`
						SolutionStatus string `json:"solution_status"`
					} `json:"value"`
				} `json:"changes"`
			} `json:"entry"`
		}
		if json.Unmarshal(p, &body) != nil || len(body.Entry) != 1 || len(body.Entry[0].Changes) != 1 {
			t.Errorf("webhook %s", p)
			return
		}
		v := body.Entry[0].Changes[0].Value
		mu.Lock()
		events = append(events, v.Event+" "+v.SolutionStatus)
		mu.Unlock()
		if v.Event == webhook.EventSolutionUpdated {
			updated <- struct{}{}
		}
	})
	ctx := context.Background()
	id, err := c.CreateSolution(ctx, sandbox.DemoAppID, graph.NewSolution{Name: "Whole life", PartnerAppID: luckyShrub, Messaging: graph.SenderPartner})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := c.Solution(ctx, id); err != nil || s.State() != graph.StatePending {
		t.Fatalf("right after the create: %+v, %v", s, err)
	}
	select {
	case <-updated:
	case <-time.After(5 * time.Second):
		t.Fatal("the partner did not answer within 5s")
	}
	s, err := c.Solution(ctx, id)
	if err != nil || s.State() != graph.StateActive {
		t.Fatalf("after the partner's answer: %+v, %v", s, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(events) != 2 || events[0] != "SOLUTION_CREATED INITIATED" || events[1] != "SOLUTION_UPDATED ACTIVE" {
		t.Errorf("webhooks %q", events)
	}
}
