package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"mps/graph"
	"mps/store"
	"mps/store/journal"
	"mps/ui/text"
)

// Session is one run of a command: the resolved settings, where output
// goes, and the graph client, built on first use.
type Session struct {
	env      Env
	stdout   io.Writer
	stderr   io.Writer
	colour   palette
	settings store.Settings
	config   store.Config
	secrets  store.Secrets
	demo     *demoServer     // set with --demo
	journal  journal.Journal // opened by the first action, or by completeInFlight
	// dashboard says the TUI owns the terminal: the client then prints no
	// notices of its own (the status bar counts down instead).
	dashboard bool
	timeout   time.Duration // per request; 0 leaves graph.DefaultTimeout
	debugAPI  bool          // MPS_DEBUG=api
	debugFile *os.File      // MPS_DEBUG_FILE, once opened

	// ctx is the run's: Client completes the journal's entries left in
	// flight on first use, before the command's own requests.
	ctx          context.Context
	clientOnce   sync.Once
	client       *graph.Client
	clientErr    error
	completeOnce sync.Once

	secretOnce sync.Once
	secret     string   // the app secret, looked up once per run
	deferred   []string // warnings held back while the dashboard owns the terminal
}

func newSession(g *globalFlags, env Env) (*Session, error) {
	return newSessionFor(g, env, false)
}

// newSessionFor starts a session for a command, or for the dashboard,
// which owns the terminal and whose demo answers as slowly as Graph.
func newSessionFor(g *globalFlags, env Env, dashboard bool) (*Session, error) {
	s := &Session{env: env, stdout: env.Stdout, stderr: env.Stderr, colour: palette{on: colourWanted(env)}, dashboard: dashboard}
	timeout, err := store.ResolveTimeout(g.values.Timeout, env.Getenv)
	if err != nil {
		return nil, usageErrorf("", "%v", err)
	}
	s.timeout = timeout
	if s.debugAPI, err = debugAPIWanted(env.Getenv); err != nil {
		return nil, err
	}
	if g.demo && g.values.Store != "" {
		return nil, usageErrorf("Leave out --store: the demo keeps its event log and journal in a temporary directory, and never touches a store.",
			"--demo and --store cannot be used together")
	}
	if g.demo {
		demo, err := startDemo(env, dashboard)
		if err != nil {
			return nil, err
		}
		s.demo = demo
		s.settings = demo.settings(g.values)
		return s, nil
	}
	if env.ConfigDir == "" {
		return nil, errors.New("cannot find your config directory: set XDG_CONFIG_HOME or HOME")
	}
	cfg, err := store.LoadConfig(env.ConfigDir)
	if err != nil {
		return nil, err
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintln(env.Stderr, "mps: warning: "+oneLine(w))
	}
	set, err := store.Resolve(g.values, env.Getenv, cfg, store.Values{APIVersion: graph.DefaultAPIVersion})
	if err != nil {
		return nil, usageErrorf("", "%v", err)
	}
	s.config, s.settings = cfg, set
	s.secrets = store.Secrets{Keyring: env.Keyring, Getenv: env.Getenv, Profile: set.Profile}
	return s, nil
}

func (s *Session) close() {
	if s.journal != nil {
		s.journal.Close()
	}
	if s.demo != nil {
		s.demo.stop()
	}
	if s.debugFile != nil {
		s.debugFile.Close()
	}
}

// tokenSource is where the client gets the token: the sandbox's in demo
// mode, else MPS_TOKEN or the profile's keyring entry, read on first use.
// A failed lookup carries exit code 4 and the store's advice.
func (s *Session) tokenSource() graph.TokenSource {
	if s.demo != nil {
		return func(context.Context) (string, error) { return s.demo.token, nil }
	}
	lookup := s.secrets.TokenFunc()
	return func(ctx context.Context) (string, error) {
		if err := s.blankTokenEnv(); err != nil {
			return "", err
		}
		token, err := lookup(ctx)
		if err != nil && ctx.Err() == nil {
			return "", s.tokenNeeded(err)
		}
		return token, err
	}
}

// Client returns the graph client for the session's settings.
func (s *Session) Client() (*graph.Client, error) {
	s.clientOnce.Do(func() {
		s.client, s.clientErr = s.newClient(s.tokenSource())
	})
	if s.clientErr == nil && s.ctx != nil {
		s.completeOnce.Do(func() { s.completeInFlight(s.ctx, s.client) })
	}
	return s.client, s.clientErr
}

// newClient builds a client on the session's settings with the given
// token source (login passes the token it is about to check); extra
// options come after the token source and may replace it.
func (s *Session) newClient(tokens graph.TokenSource, extra ...graph.Option) (*graph.Client, error) {
	opts := []graph.Option{
		graph.WithBaseURL(s.settings.GraphURL),
		graph.WithAPIVersion(s.settings.APIVersion),
		graph.WithTokenSource(tokens),
	}
	opts = append(opts, extra...)
	if secret := s.appSecret(); secret != "" {
		opts = append(opts, graph.WithAppSecret(secret))
	}
	if s.timeout > 0 {
		opts = append(opts, graph.WithTimeout(s.timeout))
	}
	debug, err := s.debugLog()
	if err != nil {
		return nil, err
	}
	opts = append(opts, graph.WithDebugLog(debug))
	if !s.dashboard {
		opts = append(opts, graph.WithThrottleNotice(s.throttleNotice()))
	}
	c, err := graph.New(opts...)
	if err != nil {
		return nil, usageErrorf("Check --graph-url, --api-version and --timeout.", "%v", err)
	}
	return c, nil
}

// throttleNotice says on stderr why a command goes quiet while Graph asks
// it to wait; waits under a second pass unremarked.
func (s *Session) throttleNotice() func(time.Duration) {
	var mu sync.Mutex // calls may wait in parallel
	clear := ""
	if s.env.StderrIsTerminal() {
		clear = "\r" + eraseLine // a read's progress line, if one is drawn
	}
	return func(wait time.Duration) {
		if wait < time.Second {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(s.stderr, "%smps: Graph is limiting calls for this app: waiting %s before trying again (Ctrl-C stops).\n", clear, wait.Round(time.Second))
	}
}

// appSecret is the optional app secret that switches on appsecret_proof,
// looked up when the run builds its first client and kept for any other.
// Its absence is normal; a keyring that cannot be read is worth one
// warning per run.
func (s *Session) appSecret() string {
	if s.demo != nil {
		return ""
	}
	s.secretOnce.Do(func() {
		sec, err := s.secrets.Lookup(store.AppSecret)
		switch {
		case err == nil:
			s.secret = sec.Value
		case !errors.Is(err, store.ErrNotFound) && !errors.Is(err, store.ErrNoKeyring):
			s.warning(sentence(oneLine(err.Error())) + " Calls go without appsecret_proof.")
		}
	})
	return s.secret
}

// warning prints "mps: warning: text" on stderr, or, while the dashboard
// owns the terminal, keeps it for flushWarnings.
func (s *Session) warning(text string) {
	if s.dashboard {
		s.deferred = append(s.deferred, text)
		return
	}
	fmt.Fprintln(s.stderr, "mps: warning: "+text)
}

// flushWarnings prints the warnings held back during the dashboard.
func (s *Session) flushWarnings() {
	for _, w := range s.deferred {
		fmt.Fprintln(s.stderr, "mps: warning: "+w)
	}
	s.deferred = nil
}

// sentence ends text with a full stop unless it already ends a sentence.
func sentence(text string) string {
	if text == "" || strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") {
		return text
	}
	return text + "."
}

// requireAppID returns the app ID, or a usage error saying how to give it.
func (s *Session) requireAppID() (string, error) {
	if s.settings.AppID == "" {
		return "", usageErrorf("Pass --app-id, set "+store.EnvAppID+", or save it with `mps login`.", "no app ID for profile %q", s.settings.Profile)
	}
	return s.settings.AppID, nil
}

// requireBusinessID returns the business ID, or a usage error saying how to give it.
func (s *Session) requireBusinessID() (string, error) {
	if s.settings.BusinessID == "" {
		return "", usageErrorf("Pass --business-id, set "+store.EnvBusinessID+", or save it with `mps login`.", "no business ID for profile %q", s.settings.Profile)
	}
	return s.settings.BusinessID, nil
}

// requireID checks a positional ID before it goes anywhere near a request.
func requireID(what, id string) error {
	if !graph.ValidID(id) {
		return usageErrorf("Give the numeric ID, as Graph or the App Dashboard shows it.", "%q is not a valid %s ID", text.Truncate(oneLine(id), 40), what)
	}
	return nil
}

// requireIDs is requireID for each of ids.
func requireIDs(what string, ids []string) error {
	for _, id := range ids {
		if err := requireID(what, id); err != nil {
			return err
		}
	}
	return nil
}
