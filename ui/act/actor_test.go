package act

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store/journal"
)

func fixedNow() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC) }

type world struct {
	sb      *sandbox.Sandbox
	client  *graph.Client
	journal *journal.Store
	actor   *Actor
}

func newWorld(t *testing.T) *world {
	t.Helper()
	sb, srv := sandboxtest.Start(t, sandbox.Options{WABAs: -1})
	c, err := graph.New(graph.WithBaseURL(srv.URL),
		graph.WithTokenSource(func(context.Context) (string, error) { return sandbox.DemoToken, nil }))
	if err != nil {
		t.Fatal(err)
	}
	j, err := journal.Open(context.Background(), filepath.Join(t.TempDir(), journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	a := &Actor{Client: c, Journal: j, Profile: "default", AppID: sandbox.DemoAppID, Now: fixedNow,
		User: func(context.Context) (string, error) { return "Ada Admin (1001)", nil }}
	return &world{sb: sb, client: c, journal: j, actor: a}
}

// solutionFor is a seeded solution that allows the action from our side.
func (w *world) solutionFor(t *testing.T, a graph.Action) graph.Solution {
	t.Helper()
	for _, s := range w.sb.Solutions() {
		if graph.Check(a, s.State(), graph.RoleOf(&s, sandbox.DemoAppID)).Allowed {
			return s
		}
	}
	t.Fatalf("no seeded solution allows %s", a.Command())
	return graph.Solution{}
}

func request(s graph.Solution, a graph.Action, reason string) Request {
	return Request{Solution: s, Action: a, Role: graph.RoleOf(&s, sandbox.DemoAppID), Reason: reason}
}

func (w *world) only(t *testing.T) journal.Entry {
	t.Helper()
	all, err := w.journal.List(context.Background(), journal.Query{})
	if err != nil || len(all) != 1 {
		t.Fatalf("the journal holds %d entries (%v), want 1: %+v", len(all), err, all)
	}
	return all[0]
}

func TestADoneActionIsJournaledBeforeAndAfter(t *testing.T) {
	w := newWorld(t)
	sol := w.solutionFor(t, graph.ActionRequestDeactivation)
	out, err := w.actor.Run(context.Background(), request(sol, graph.ActionRequestDeactivation, "moving to another provider"))
	if err != nil || out.Err != nil || out.JournalErr != nil {
		t.Fatalf("Run = %+v, %v", out, err)
	}
	e := w.only(t)
	want := journal.Entry{ID: out.EntryID, Origin: w.journal.Origin(), Started: fixedNow(), Profile: "default", AppID: sandbox.DemoAppID,
		Host: hostOf(w.client.BaseURL()), User: "Ada Admin (1001)", Action: "deactivate", ObjectID: sol.ID,
		ObjectName: sol.Name, StateBefore: sol.StateLabel(), Reason: "moving to another provider",
		Outcome: journal.Done, StateAfter: out.After.StateLabel(), Finished: fixedNow()}
	if e != want {
		t.Fatalf("entry:\n got %+v\nwant %+v", e, want)
	}
	if e.StateAfter != "Pending deactivation" {
		t.Errorf("state after = %q", e.StateAfter)
	}
}

func TestARefusalKeepsGraphsIdentifiers(t *testing.T) {
	w := newWorld(t)
	sol := w.solutionFor(t, graph.ActionAccept)
	// Another client accepted it first: the POST is refused.
	w.sb.SetSolutionStatus(sol.ID, graph.StatusActive, graph.PendingNone)
	out, err := w.actor.Run(context.Background(), request(sol, graph.ActionAccept, ""))
	if err != nil || out.Err == nil {
		t.Fatalf("Run = %+v, %v; want Graph's refusal", out, err)
	}
	e := w.only(t)
	var ge *graph.Error
	errors.As(out.Err, &ge)
	if e.Outcome != journal.Refused || ge == nil || e.Refusal.Code != ge.Code || e.Refusal.FBTraceID != ge.FBTraceID || e.Refusal.Message == "" || e.StateAfter != "Active" {
		t.Fatalf("refused entry %+v (Graph said %+v)", e, ge)
	}
}

func TestALostAnswerIsUnknownAndNotResent(t *testing.T) {
	w := newWorld(t)
	sol := w.solutionFor(t, graph.ActionAccept)
	w.sb.AddFault(sandbox.Fault{Kind: sandbox.FaultDropAfterApply, Method: http.MethodPost, Times: 1})
	out, err := w.actor.Run(context.Background(), request(sol, graph.ActionAccept, ""))
	if err != nil || !out.Unknown {
		t.Fatalf("Run = %+v, %v; want an unknown outcome", out, err)
	}
	if e := w.only(t); e.Outcome != journal.Unknown || e.StateAfter != "Active" {
		t.Fatalf("entry %+v, want unknown with the state read after", e)
	}
	if n := len(w.sb.Posts()); n != 1 {
		t.Fatalf("%d POSTs, want 1", n)
	}
}

func TestNothingIsSentThatTheJournalCannotRecord(t *testing.T) {
	w := newWorld(t)
	sol := w.solutionFor(t, graph.ActionAccept)
	w.journal.Close()
	_, err := w.actor.Run(context.Background(), request(sol, graph.ActionAccept, ""))
	var notRecorded *NotRecordedError
	if !errors.As(err, &notRecorded) {
		t.Fatalf("Run with a closed journal = %v, want NotRecordedError", err)
	}
	if n := len(w.sb.Posts()); n != 0 {
		t.Fatalf("%d POSTs went without a journal entry", n)
	}
	w.actor.Journal = nil
	if _, err := w.actor.Run(context.Background(), request(sol, graph.ActionAccept, "")); !errors.As(err, &notRecorded) || len(w.sb.Posts()) != 0 {
		t.Fatalf("Run without a journal = %v, %d POSTs", err, len(w.sb.Posts()))
	}
}

func TestABadIDIsRecordedAsNotSent(t *testing.T) {
	w := newWorld(t)
	out, err := w.actor.Run(context.Background(), Request{Solution: graph.Solution{ID: "12ab", Name: "typo"}, Action: graph.ActionAccept})
	if err != nil || out.Err == nil || out.Posts != 0 {
		t.Fatalf("Run = %+v, %v", out, err)
	}
	if e := w.only(t); e.Outcome != journal.NotSent || e.Refusal.Message == "" {
		t.Fatalf("entry %+v", e)
	}
}

func TestTheUserIsAskedOnce(t *testing.T) {
	w := newWorld(t)
	asked := 0
	w.actor.User = func(context.Context) (string, error) { asked++; return "", errors.New("no /me for this token") }
	for _, a := range []graph.Action{graph.ActionAccept, graph.ActionRequestDeactivation} {
		if _, err := w.actor.Run(context.Background(), request(w.solutionFor(t, a), a, "")); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := w.journal.List(context.Background(), journal.Query{})
	if asked != 1 || len(all) != 2 || all[0].User != "unknown" || all[1].User != "unknown" {
		t.Fatalf("asked %d times; entries %+v", asked, all)
	}
}

// Without a User of its own, the actor asks Graph who the token's user is.
func TestTheUserComesFromGraph(t *testing.T) {
	w := newWorld(t)
	w.actor.User = nil
	if _, err := w.actor.Run(context.Background(), request(w.solutionFor(t, graph.ActionAccept), graph.ActionAccept, "")); err != nil {
		t.Fatal(err)
	}
	me, err := w.client.Me(context.Background())
	if err != nil || me.ID == "" {
		t.Fatalf("GET /me = %+v, %v", me, err)
	}
	if e := w.only(t); !strings.Contains(e.User, me.ID) || (me.Name != "" && !strings.Contains(e.User, me.Name)) {
		t.Errorf("the journal's user %q, GET /me says %+v", e.User, me)
	}
}

// The journal never holds the token: not in a column, not in the file or
// its WAL.
func TestTheJournalNeverHoldsTheToken(t *testing.T) {
	w := newWorld(t)
	for _, a := range []graph.Action{graph.ActionAccept, graph.ActionReject, graph.ActionRequestDeactivation} {
		if _, err := w.actor.Run(context.Background(), request(w.solutionFor(t, a), a, "a reason")); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{w.journal.Path(), w.journal.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(sandbox.DemoToken)) {
			t.Fatalf("%s holds the token", p)
		}
	}
}

// An entry left in flight (mps stopped between the POST and its outcome)
// is completed at the next start by one read of its solution, and nothing
// is sent.
func TestCompleteFinishesWhatAStoppedRunLeftInFlight(t *testing.T) {
	w := newWorld(t)
	sol := w.solutionFor(t, graph.ActionAccept)
	if _, err := w.journal.Begin(context.Background(), journal.Entry{Started: fixedNow(), Action: "accept", ObjectID: sol.ID, StateBefore: sol.StateLabel()}); err != nil {
		t.Fatal(err)
	}
	w.sb.SetSolutionStatus(sol.ID, graph.StatusActive, graph.PendingNone) // the POST had gone through
	before := len(w.sb.Requests())
	done, err := Complete(context.Background(), w.client, w.journal, fixedNow)
	if err != nil || len(done) != 1 {
		t.Fatalf("Complete = %+v, %v", done, err)
	}
	reqs := w.sb.Requests()[before:]
	if len(reqs) != 1 || reqs[0].Method != http.MethodGet {
		t.Fatalf("Complete sent %+v, want one GET", reqs)
	}
	if e := w.only(t); e.Outcome != journal.Unknown || e.StateAfter != "Active" || e.Note != afterRestartNote {
		t.Fatalf("completed entry %+v", e)
	}
	if open, _ := w.journal.InFlight(context.Background()); len(open) != 0 {
		t.Fatalf("still in flight: %+v", open)
	}
}

// Any POST goes through Record: a made object's ID is filled in after,
// and a change that is not a solution action is completed after a stop
// without a read.
func TestRecordJournalsAnyChange(t *testing.T) {
	w := newWorld(t)
	id, journalErr, err := w.actor.Record(context.Background(), Change{Action: "create", ObjectName: "Northwind × Lucky Shrub"},
		func(context.Context) Effect { return Effect{Sent: true, ObjectID: "555", StateAfter: "Pending"} })
	if err != nil || journalErr != nil {
		t.Fatal(err, journalErr)
	}
	if e := w.only(t); e.ID != id || e.ObjectID != "555" || e.Outcome != journal.Done || e.StateAfter != "Pending" {
		t.Fatalf("the create entry: %+v", e)
	}
	if _, err := w.journal.Begin(context.Background(), journal.Entry{Started: fixedNow(), Action: "subscribe", ObjectID: sandbox.DemoAppID}); err != nil {
		t.Fatal(err)
	}
	before := len(w.sb.Requests())
	done, err := Complete(context.Background(), w.client, w.journal, fixedNow)
	if err != nil || len(done) != 1 || done[0].Note != afterRestartUnreadNote || len(w.sb.Requests()) != before {
		t.Fatalf("Complete of a subscription = %+v, %v, %d requests", done, err, len(w.sb.Requests())-before)
	}
}
