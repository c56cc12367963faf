package cli

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
	"mps/store/eventlog"
	"mps/ui"
)

// The demo's switches for what Graph may do differently (graph-api-notes.md):
// EnvDemoLists=default-fields makes its solution lists answer only their
// default fields (the role then comes from the role lists, the other side
// from a solution's read); EnvDemoBodies=openapi|guide makes its action
// POSTs take only that documented body form.
const (
	EnvDemoLists  = "MPS_DEMO_LISTS"
	EnvDemoBodies = "MPS_DEMO_BODIES"
)

// DemoDashboard runs the dashboard on the in-process sandbox with the
// demo's switches; refresh is the one setting a demo honours.
type DemoDashboard func(ctx context.Context, refresh time.Duration, variants sandbox.Variants) error

// demoVariants reads the demo's switches from the environment, for the
// dashboard and the commands alike.
func demoVariants(getenv func(string) string) (sandbox.Variants, error) {
	v, err := sandbox.ParseVariants(getenv(EnvDemoLists), getenv(EnvDemoBodies))
	if err != nil {
		return v, usageErrorf(fmt.Sprintf("Unset %s and %s, or set them to %s and any, openapi or guide.", EnvDemoLists, EnvDemoBodies, sandbox.ListsDefaultFields),
			"the demo's switches: %v", err)
	}
	return v, nil
}

// demoServer is the sandbox served on loopback for one run of a command
// with --demo: the seeded demo data, the demo identity and token, and no
// network beyond this process.
type demoServer struct {
	server  *http.Server
	sandbox *sandbox.Sandbox
	url     string
	token   string
	opts    sandbox.Options
	events  *ui.DemoLog // made by the first command that reads it
}

// startDemo serves a sandbox whose clock is now, the command's own.
func startDemo(now func() time.Time) (*demoServer, error) {
	sb := sandbox.New(sandbox.Options{Now: now})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("cannot start the demo sandbox on loopback: %w", err)
	}
	d := &demoServer{
		server:  &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second},
		sandbox: sb,
		url:     "http://" + ln.Addr().String(),
		opts:    sb.Options(),
	}
	d.token = d.opts.Token
	// Serve only ends when stop closes the server; a failure before that
	// shows up as the commands' own request errors.
	go func() { _ = d.server.Serve(ln) }()
	return d, nil
}

func (d *demoServer) stop() {
	if d.events != nil {
		d.events.Close()
	}
	d.server.Close()
}

// eventLog is the demo's event log, filled the way the dashboard's demo
// fills its Events tab: the sandbox's history, signed and delivered to a
// receiver that stores it in a temporary log. Only the commands that read
// a log pay for it; stop removes it.
func (d *demoServer) eventLog(ctx context.Context) (*eventlog.Log, error) {
	if d.events == nil {
		events, err := ui.StartDemoLog(ctx, d.sandbox, d.opts.Now)
		if err != nil {
			return nil, err
		}
		d.events = events
		d.sandbox.ReplayHistory()
	}
	return d.events.Log, nil
}

// settings are the demo identity; flags and the environment are ignored,
// so a demo run never touches a real profile or keyring.
func (d *demoServer) settings() store.Settings {
	demo := "demo"
	return store.Settings{
		Values: store.Values{
			Profile:    demo,
			AppID:      d.opts.AppID,
			BusinessID: d.opts.BusinessID,
			GraphURL:   d.url,
			APIVersion: graph.DefaultAPIVersion,
		},
		Sources: store.Values{Profile: demo, AppID: demo, BusinessID: demo, GraphURL: demo, APIVersion: demo},
	}
}
