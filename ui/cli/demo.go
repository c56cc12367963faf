package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
	"mps/store/eventlog"
)

// The demo's switches for what Graph may do differently (graph-api-notes.md):
// EnvDemoLists=default-fields makes its solution lists answer only their
// default fields (the role then comes from the role lists, the other side
// from a solution's read); EnvDemoBodies=openapi|guide makes its action
// POSTs take only that documented body form; EnvDemoMessaging=both-sides
// lets a new solution hold MESSAGING on both sides, as one of Meta's
// examples does (one-side, the reference's rule, is the default).
const (
	EnvDemoLists     = "MPS_DEMO_LISTS"
	EnvDemoBodies    = "MPS_DEMO_BODIES"
	EnvDemoMessaging = "MPS_DEMO_MESSAGING"
)

// demoPartnerAcceptsAfter is when the demo's partner accepts a solution we
// create, so that the demo shows a solution's whole life: Pending, then
// Active a few seconds later.
const demoPartnerAcceptsAfter = 5 * time.Second

// demoLatency is added to each of the demo dashboard's sandbox calls, so
// that its loading states show as they do against Graph.
const demoLatency = 120 * time.Millisecond

// demoVariants reads the demo's switches from the environment, for the
// dashboard and the commands alike.
func demoVariants(getenv func(string) string) (sandbox.Variants, error) {
	v, err := sandbox.ParseVariants(getenv(EnvDemoLists), getenv(EnvDemoBodies))
	if err != nil {
		return v, usageErrorf(fmt.Sprintf("Unset %s and %s, or set them to %s and any, openapi or guide.", EnvDemoLists, EnvDemoBodies, sandbox.ListsDefaultFields),
			"the demo's switches: %v", err)
	}
	if name := getenv(EnvDemoMessaging); name != "" {
		rule, ok := sandbox.ParseMessagingRule(name)
		if !ok {
			return v, usageErrorf(fmt.Sprintf("Unset %s, or set it to %s or %s.", EnvDemoMessaging, sandbox.MessagingOneSide, sandbox.MessagingBothSides),
				"the demo's switches: %s=%q is not %s or %s", EnvDemoMessaging, text80(name), sandbox.MessagingOneSide, sandbox.MessagingBothSides)
		}
		v.Messaging = rule
	}
	return v, nil
}

// demoServer is the demo, for the dashboard and every command alike: the
// sandbox served on loopback for one run of mps with --demo, with the
// seeded demo data and what earlier demo runs changed in it, the demo
// identity and token, the demo's switches, and no network beyond this
// process.
type demoServer struct {
	server  *http.Server
	sandbox *sandbox.Sandbox
	url     string
	token   string
	secret  string // the demo app's secret, for its app access token
	opts    sandbox.Options
	events  *demoLog // made by the first reader of the event log
	replay  sync.WaitGroup
	// stateDir holds the demo's own files that outlive the run (its
	// changes, its journal); "" when there is none, and then tmpDir, made
	// on first use and removed by stop, holds the journal.
	stateDir string
	tmpDir   string
	memory   *demoMemory // nil: this run's changes are not kept
	stderr   io.Writer
	saveErr  error // the first failure to keep the changes, told at stop
	saveMu   sync.Mutex
}

// dir is the directory for the demo's own files (its journal): its state
// directory, or one for this run alone when it has none or keeps nothing
// of this run.
func (d *demoServer) dir() (string, error) {
	if d.stateDir != "" && d.memory != nil {
		if err := os.MkdirAll(d.stateDir, demoDirMode); err == nil {
			return d.stateDir, nil
		}
	}
	if d.tmpDir == "" {
		dir, err := os.MkdirTemp("", "mps-demo-")
		if err != nil {
			return "", fmt.Errorf("demo: cannot make a directory for its journal: %w", err)
		}
		d.tmpDir = dir
	}
	return d.tmpDir, nil
}

// startDemo serves a sandbox on the run's clock with the demo's switches
// from the environment. The dashboard's answers as slowly as Graph does.
func startDemo(env Env, dashboard bool) (*demoServer, error) {
	variants, err := demoVariants(env.Getenv)
	if err != nil {
		return nil, err
	}
	opts := sandbox.Options{Now: env.Now,
		PartnerAnswer: sandbox.PartnerAnswer{Reply: sandbox.PartnerAccepts, After: demoPartnerAcceptsAfter}}
	if dashboard {
		opts.Latency = demoLatency
	}
	sb := sandbox.New(opts)
	variants.Apply(sb)
	d := &demoServer{sandbox: sb, opts: sb.Options(), stderr: env.Stderr}
	d.recall(env.Getenv)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("cannot start the demo sandbox on loopback: %w", err)
	}
	d.server = &http.Server{Handler: d.remembering(sb), ReadHeaderTimeout: 10 * time.Second}
	d.url = "http://" + ln.Addr().String()
	d.token = d.opts.Token
	d.secret = sandbox.DemoAppSecret
	// Serve only ends when stop closes the server; a failure before that
	// shows up as the commands' own request errors.
	go func() { _ = d.server.Serve(ln) }()
	return d, nil
}

func (d *demoServer) stop() {
	d.replay.Wait()
	if d.events != nil {
		d.events.Close()
	}
	d.server.Close()
	d.remember()
	if d.saveErr != nil {
		fmt.Fprintln(d.stderr, "mps: warning: the demo could not keep this run's changes: "+sentence(oneLine(d.saveErr.Error())))
	}
	if d.tmpDir != "" {
		os.RemoveAll(d.tmpDir)
	}
}

// eventLog is the demo's event log: the sandbox's webhooks, signed and
// delivered to a receiver that stores them in a temporary log, as real
// traffic takes the way of `mps webhook serve`. Its first call replays the
// sandbox's history into it; only the runs that read a log pay for it, and
// stop removes it.
func (d *demoServer) eventLog(ctx context.Context) (*eventlog.Log, error) {
	started, err := d.startEventLog(ctx)
	if err != nil {
		return nil, err
	}
	if started {
		d.sandbox.ReplayHistory()
	}
	return d.events.Log, nil
}

// eventLogReplaying is the demo's event log for the dashboard: the
// history is replayed in the background, so the dashboard opens at once
// and its Events tab picks the events up as they arrive.
func (d *demoServer) eventLogReplaying(ctx context.Context) (string, error) {
	started, err := d.startEventLog(ctx)
	if err != nil {
		return "", err
	}
	if started {
		d.replay.Go(d.sandbox.ReplayHistory)
	}
	return d.events.Log.Path(), nil
}

// startEventLog starts the receiver and its log unless they run already.
func (d *demoServer) startEventLog(ctx context.Context) (started bool, err error) {
	if d.events != nil {
		return false, nil
	}
	if d.events, err = startDemoLog(ctx, d.sandbox, d.opts.Now); err != nil {
		return false, err
	}
	return true, nil
}

// settings are the demo identity; flags and the environment are ignored,
// so a demo run never touches a real profile or keyring. Only the
// Embedded Signup config ID given by --config-id is kept: it names no
// account, and the demo's snippets need one.
func (d *demoServer) settings(flags store.Values) store.Settings {
	demo := "demo"
	set := store.Settings{
		Values: store.Values{
			Profile:    demo,
			AppID:      d.opts.AppID,
			BusinessID: d.opts.BusinessID,
			GraphURL:   d.url,
			APIVersion: graph.DefaultAPIVersion,
		},
		Sources: store.Values{Profile: demo, AppID: demo, BusinessID: demo, GraphURL: demo, APIVersion: demo},
	}
	if flags.ConfigID != "" {
		set.ConfigID, set.Sources.ConfigID = flags.ConfigID, "--config-id"
	}
	return set
}
