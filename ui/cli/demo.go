package cli

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"mps/graph"
	"mps/graph/graphtest"
	"mps/store"
)

// demoServer is the sandbox served on loopback for one run of a command
// with --demo: the seeded demo data, the demo identity and token, and no
// network beyond this process.
type demoServer struct {
	server *http.Server
	url    string
	token  string
	opts   graphtest.Options
}

func startDemo() (*demoServer, error) {
	sandbox := graphtest.New(graphtest.Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("cannot start the demo sandbox on loopback: %w", err)
	}
	d := &demoServer{
		server: &http.Server{Handler: sandbox, ReadHeaderTimeout: 10 * time.Second},
		url:    "http://" + ln.Addr().String(),
		opts:   sandbox.Options(),
	}
	d.token = d.opts.Token
	// Serve only ends when stop closes the server; a failure before that
	// shows up as the commands' own request errors.
	go func() { _ = d.server.Serve(ln) }()
	return d, nil
}

func (d *demoServer) stop() { d.server.Close() }

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
