package ui

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/graph/sandbox"
)

// The once-only rule, as a property of the real Update loop: whatever the
// keys and whatever order the commands answer in, no solution gets more
// POSTs than dialogs were confirmed for it, and no POST goes out without a
// dialog for it having been shown and confirmed.

// burstOps are what one byte of a sequence does: a key, or a step of the
// world around the app.
var burstOps = []string{
	"a", "x", "D", "y", "n", "esc", "tab", "shift+tab", "r", "j", "k", "enter", "1", "2",
	opDeliver, opWait, opElsewhere,
}

const (
	opDeliver   = "deliver"   // hand one finished command's message to Update (the next byte picks which)
	opWait      = "wait"      // wait until some command in flight finishes
	opElsewhere = "elsewhere" // another client changes the targeted solution's state (the next byte picks how)
)

// elsewhereStates are the states another client may leave a solution in.
var elsewhereStates = [][2]string{
	{graph.StatusActive, graph.PendingNone},
	{graph.StatusInitiated, graph.PendingActivation},
	{graph.StatusActive, graph.PendingDeactivation},
	{graph.StatusRejected, graph.PendingNone},
}

// burstSeed encodes op names as a sequence; "#n" is the byte n, the
// argument that follows deliver and elsewhere.
func burstSeed(ops ...string) []byte {
	out := make([]byte, len(ops))
	for i, op := range ops {
		if n, err := strconv.Atoi(strings.TrimPrefix(op, "#")); err == nil && op[0] == '#' {
			out[i] = byte(n)
			continue
		}
		out[i] = 255
		for j, known := range burstOps {
			if known == op {
				out[i] = byte(j)
			}
		}
		if out[i] == 255 {
			panic("no op " + op)
		}
	}
	return out
}

// burstRun drives one sequence, checking the rule after every step.
type burstRun struct {
	t       *testing.T
	h       *harness
	perPOST int // POSTs one confirmed dialog may cost: 2 where Graph refuses the guide's form
	results chan tea.Msg
	running int            // commands started whose message has not come back
	ready   []tea.Msg      // messages back, not yet given to Update
	shown   map[string]int // dialogs shown, by solution ID and edge
	confirm map[string]int // dialogs confirmed, by solution ID and edge
	sending map[string]int // confirmed actions whose result has not reached Update, by solution ID
	trail   []string       // the ops so far, for the failure message
}

func runBurst(t *testing.T, rule sandbox.ActionBodies, seq []byte) {
	h := newHarnessWith(t, 100, 30, sandbox.Options{WABAs: -1, ActionBodies: rule})
	h.sb.ResetRequests()
	r := &burstRun{t: t, h: h, perPOST: 1, results: make(chan tea.Msg, 4096),
		shown: map[string]int{}, confirm: map[string]int{}, sending: map[string]int{}}
	if rule == sandbox.BodiesOpenAPI {
		r.perPOST = 2
	}
	// The spinner and the throttle clock count as running already, so that
	// no timer command starts: waits then wait for IO only.
	h.app.spinning, h.app.ticking = true, true
	for i := 0; i < len(seq); i++ {
		op := burstOps[int(seq[i])%len(burstOps)]
		arg := 0
		if (op == opDeliver || op == opElsewhere) && i+1 < len(seq) {
			i++
			arg = int(seq[i])
		}
		r.step(op, arg)
	}
	r.drain()
	if r.h.app.asking != nil || len(r.h.app.inFlight) > 0 {
		t.Fatalf("after %v: still reading %v, in flight %v", r.trail, r.h.app.asking, r.h.app.inFlight)
	}
}

func (r *burstRun) step(op string, arg int) {
	r.t.Helper()
	r.trail = append(r.trail, op)
	switch op {
	case opDeliver:
		if len(r.ready) == 0 {
			return
		}
		i := arg % len(r.ready)
		msg := r.ready[i]
		r.ready = append(r.ready[:i], r.ready[i+1:]...)
		r.update(msg)
	case opWait:
		if r.running > 0 {
			r.await()
		}
	case opElsewhere:
		if s, ok := r.h.app.targetSolution(); ok {
			st := elsewhereStates[arg%len(elsewhereStates)]
			r.h.sb.SetSolutionStatus(s.ID, st[0], st[1])
		}
	default:
		r.update(keyMsg(op))
	}
	r.check()
}

// update gives Update one message and starts what it returns, as the
// runtime would; a dialog it opens, or confirms, is recorded.
func (r *burstRun) update(msg tea.Msg) {
	app := r.h.app
	before := app.dialog
	wasInFlight := before != nil && app.inFlight[before.req.Solution.ID]
	if done, ok := msg.(actionDoneMsg); ok {
		r.sending[done.Request.Solution.ID]--
	}
	_, cmd := app.Update(msg)
	r.start(cmd)
	if d := app.dialog; d != nil && d != before {
		key := dialogKey(d.req)
		r.shown[key]++
		if r.sending[d.req.Solution.ID] > 0 {
			r.t.Fatalf("after %v a dialog opened for %s while its action is in flight", r.trail, key)
		}
		if frame := stripped(app.Render()); !strings.Contains(frame, d.req.Action.Title()+"?") {
			r.t.Fatalf("after %v the dialog for %s is not on screen:\n%s", r.trail, key, frame)
		}
	}
	if before != nil && app.dialog != before && !wasInFlight && app.inFlight[before.req.Solution.ID] {
		r.confirm[dialogKey(before.req)]++
		if shared, ok := findSolution(app.tabs[0].(*solutionsTab).list(), before.req.Solution.ID); ok && !sameState(shared, before.req.Solution) {
			r.t.Fatalf("after %v a dialog was confirmed for %s in state %s/%s, but the views show %s/%s", r.trail, dialogKey(before.req),
				before.req.Solution.Status, before.req.Solution.PendingRequest, shared.Status, shared.PendingRequest)
		}
		if r.sending[before.req.Solution.ID]++; r.sending[before.req.Solution.ID] > 1 {
			r.t.Fatalf("after %v a second action for %s is in flight", r.trail, before.req.Solution.ID)
		}
	}
}

func dialogKey(req actionRequest) string { return req.Solution.ID + "/" + req.Action.Edge() }

func (r *burstRun) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	r.running++
	go func() { r.results <- cmd() }()
}

// await takes one finished command's message into the ready pool; batches
// start their parts, and timers are dropped, as the harness does.
func (r *burstRun) await() {
	select {
	case msg := <-r.results:
		r.running--
		switch msg := msg.(type) {
		case nil, spinner.TickMsg, clockTickMsg, eventsTickMsg, refreshTickMsg, tea.QuitMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				r.start(c)
			}
		default:
			r.ready = append(r.ready, msg)
		}
	case <-time.After(10 * time.Second):
		r.t.Fatalf("after %v: nothing answered for 10 s", r.trail)
	}
}

// drain delivers everything until the app waits for nothing.
func (r *burstRun) drain() {
	for {
		for len(r.ready) > 0 {
			msg := r.ready[0]
			r.ready = r.ready[1:]
			r.update(msg)
			r.check()
		}
		if !r.h.app.busy() {
			return
		}
		if r.running == 0 {
			r.t.Fatalf("after %v: the app waits, but nothing is in flight", r.trail)
		}
		r.await()
	}
}

// check compares the sandbox's POSTs with the dialogs confirmed so far.
func (r *burstRun) check() {
	r.t.Helper()
	posts := map[string]int{}
	for _, req := range r.h.posts() {
		parts := strings.Split(strings.Trim(req.Path, "/"), "/")
		key := strings.Join(parts[len(parts)-2:], "/")
		posts[key]++
	}
	for key, n := range posts {
		if n > r.confirm[key]*r.perPOST {
			r.t.Fatalf("after %v: %d POSTs to %s for %d confirmed dialogs (%d shown)", r.trail, n, key, r.confirm[key], r.shown[key])
		}
	}
	for key, n := range r.confirm {
		if n > r.shown[key] {
			r.t.Fatalf("after %v: %d dialogs confirmed for %s, %d shown", r.trail, n, key, r.shown[key])
		}
	}
}

// burstSeeds are the bursts measured in the issue, with and without the
// answers arriving between keys, and a dialog going stale through a reload
// or the inspector's read. On the Solutions tab, j selects a request we may
// answer, and j j j an Active solution we own.
func burstSeeds() [][]byte {
	w, d, e := opWait, opDeliver, opElsewhere
	return [][]byte{
		burstSeed("j", "j", "j", "D", "D", "y", "y", w, d, "#0", "y", "y", w, d, "#0", d, "#0", "D", "y"),
		burstSeed("j", "a", "a", "y", "y", w, d, "#0", "y", "y", w, d, "#0", "a", "y"),
		burstSeed("j", "a", "y", "a", "y", w, d, "#0", "a", "y", w, d, "#0", "a", "y", w, d, "#0", "y"),
		burstSeed("j", "a", w, e, "#3", "r", w, w, d, "#0", d, "#0", "y"),
		burstSeed("j", "enter", w, d, "#0", w, w, d, "#0", d, "#0", "a", w, e, "#3", "r", w, w, d, "#0", d, "#0", "y"),
		burstSeed("j", "x", w, d, "#0", e, "#0", "y", w, d, "#0", "x", w, d, "#0", "y"),
		burstSeed("2", "j", "a", w, d, "#0", "tab", "enter", w, d, "#0", "a", "y"),
	}
}

func FuzzActionKeys(f *testing.F) {
	for _, seed := range burstSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seq []byte) {
		if len(seq) > 200 {
			seq = seq[:200]
		}
		runBurst(t, sandbox.BodiesAny, seq)
	})
}

// 300 random sequences of 40 ops, under each body rule in turn, from a
// fixed seed so that a failure can be replayed.
func TestActionKeyBurstsProperty(t *testing.T) {
	rules := []sandbox.ActionBodies{sandbox.BodiesAny, sandbox.BodiesOpenAPI, sandbox.BodiesGuide}
	n := 300
	if testing.Short() {
		n = 60
	}
	for i := range n {
		rng := rand.New(rand.NewPCG(10, uint64(i)))
		seq := make([]byte, 40)
		for j := range seq {
			seq[j] = byte(rng.IntN(256))
		}
		rule := rules[i%len(rules)]
		t.Run(fmt.Sprintf("%d-%s", i, rule), func(t *testing.T) { runBurst(t, rule, seq) })
	}
}
