package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store"
	"mps/store/storetest"
	"mps/ui"
)

// harness runs Main in-process against a sandbox, with a fake keyring, a
// temporary config directory and an environment of its own.
type harness struct {
	t         *testing.T
	sandbox   *sandbox.Sandbox
	url       string
	keyring   *storetest.MemoryKeyring
	configDir string
	env       map[string]string
	terminal  bool                                           // stdin and stdout are terminals
	password  string                                         // what the hidden prompt reads
	tui       func(ctx context.Context, cfg ui.Config) error // the dashboard, as the command line builds it
	now       func() time.Time                               // the runs' clock; nil is harnessNow
	stdin     io.Reader                                      // when set, read in place of runWithInput's text
	// stderr is the running command's standard error so far, for a tui
	// that looks at what was printed before it took the terminal.
	stderr *bytes.Buffer
}

type result struct {
	code           int
	stdout, stderr string
}

// newHarness has the demo token in the default profile's keyring entry and
// the demo app and business IDs in the environment.
// seededHarness is the harness on the sandbox's default seed.
func seededHarness(t *testing.T) *harness {
	t.Helper()
	return newHarness(t, sandbox.Options{})
}

func newHarness(t *testing.T, opts sandbox.Options) *harness {
	t.Helper()
	sb, srv := sandboxtest.Start(t, opts)
	h := &harness{
		t:         t,
		sandbox:   sb,
		url:       srv.URL,
		keyring:   storetest.NewMemoryKeyring(),
		configDir: t.TempDir(),
		env: map[string]string{
			// The profile's state (the journal, the event log) stays in
			// the test's own directory, never the home of whoever runs it.
			"XDG_STATE_HOME":    t.TempDir(),
			store.EnvGraphURL:   srv.URL,
			store.EnvAppID:      sandbox.DemoAppID,
			store.EnvBusinessID: sandbox.DemoBusinessID,
		},
	}
	if err := h.keyring.Set(store.Service, store.DefaultProfile, sandbox.DemoToken); err != nil {
		t.Fatal(err)
	}
	return h
}

// harnessNow is the clock of every run: token expiry, --since and, with
// --demo, the sandbox's own clock.
func harnessNow() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }

func (h *harness) clock() func() time.Time {
	if h.now != nil {
		return h.now
	}
	return harnessNow
}

func (h *harness) run(args ...string) result {
	return h.runWithInput("", args...)
}

func (h *harness) runWithInput(stdin string, args ...string) result {
	h.t.Helper()
	var out, errOut bytes.Buffer
	h.stderr = &errOut
	var in io.Reader = strings.NewReader(stdin)
	if h.stdin != nil {
		in = h.stdin
	}
	env := Env{
		Stdin:            in,
		Stdout:           &out,
		Stderr:           &errOut,
		Getenv:           func(k string) string { return h.env[k] },
		LookupEnv:        func(k string) (string, bool) { v, ok := h.env[k]; return v, ok },
		StdinIsTerminal:  func() bool { return h.terminal },
		StdoutIsTerminal: func() bool { return h.terminal },
		ReadPassword:     func(context.Context) ([]byte, error) { return []byte(h.password), nil },
		Keyring:          h.keyring,
		ConfigDir:        h.configDir,
		Now:              h.clock(),
		Dashboard:        h.tui,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := Main(ctx, args, env)
	r := result{code: code, stdout: out.String(), stderr: errOut.String()}
	h.assertNoTokenLeak(r, args)
	return r
}

// assertNoTokenLeak checks, after every run, that neither the output nor
// any URL the sandbox saw carries a token.
func (h *harness) assertNoTokenLeak(r result, args []string) {
	h.t.Helper()
	for _, token := range []string{sandbox.DemoToken, h.env[store.EnvToken], h.password} {
		if token == "" {
			continue
		}
		if strings.Contains(r.stdout, token) || strings.Contains(r.stderr, token) {
			h.t.Fatalf("mps %v printed the token:\nstdout: %s\nstderr: %s", args, r.stdout, r.stderr)
		}
		for _, req := range h.sandbox.Requests() {
			if strings.Contains(req.Path, token) || strings.Contains(req.RawQuery, token) {
				h.t.Fatalf("mps %v put the token in a URL: %s?%s", args, req.Path, req.RawQuery)
			}
		}
	}
}

func (h *harness) mustRun(args ...string) result {
	h.t.Helper()
	r := h.run(args...)
	if r.code != ExitOK {
		h.t.Fatalf("mps %v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

// posts counts the POST requests the sandbox received.
func (h *harness) posts() []sandbox.Request { return h.sandbox.Posts() }

func decodeJSON[T any](t *testing.T, text string) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(strings.NewReader(text))
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("output is not the expected JSON: %v\n%s", err, text)
	}
	if dec.More() {
		t.Fatalf("output holds more than one JSON value:\n%s", text)
	}
	return v
}

func wantExit(t *testing.T, r result, code int, args ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("mps %v: exit %d, want %d\nstdout: %s\nstderr: %s", args, r.code, code, r.stdout, r.stderr)
	}
}
