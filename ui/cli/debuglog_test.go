package cli

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/store"
	"mps/ui"
)

const (
	debugAppSecret   = "d3bugAppSecretNeverLogged0123456789"
	debugVerifyToken = "d3bugVerifyTokenNeverLogged"
)

// debugHarness is the harness with MPS_DEBUG=api, an app secret the
// sandbox requires appsecret_proof for, and a verify token in the
// environment; logFile is MPS_DEBUG_FILE, or "" for stderr.
func debugHarness(t *testing.T, logFile string) *harness {
	t.Helper()
	h := newHarness(t, sandbox.Options{AppSecret: debugAppSecret})
	h.env[envDebug] = "api"
	h.env[envDebugFile] = logFile
	h.env[store.EnvAppSecret] = debugAppSecret
	h.env[store.EnvVerifyToken] = debugVerifyToken
	return h
}

// debugLine is one line of the log: time, method, path, status, duration,
// fbtrace_id and retry number.
var debugLine = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (GET|POST) (/v25\.0/\S+) status=(\d{3}) duration=\S+ fbtrace_id=(\S+) retry=(\d)$`)

// wantNoSecrets fails when the log holds any secret the calls used.
func wantNoSecrets(t *testing.T, log string) {
	t.Helper()
	mac := hmac.New(sha256.New, []byte(debugAppSecret))
	mac.Write([]byte(sandbox.DemoToken))
	proof := hex.EncodeToString(mac.Sum(nil))
	for name, secret := range map[string]string{
		"the token (also input_token)": sandbox.DemoToken,
		"appsecret_proof":              proof,
		"the app secret":               debugAppSecret,
		"the verify token":             debugVerifyToken,
	} {
		if strings.Contains(log, secret) {
			t.Errorf("the debug log holds %s:\n%s", name, log)
		}
	}
}

func TestDebugLogHasALinePerRequestAndNoSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mps-debug.log")
	h := debugHarness(t, path)
	// Aimed at one role chain, so that its third try is retry=2.
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultTransient, PathContains: "/whatsapp_business_solutions", Param: "role=OWNER", Times: 2})
	h.mustRun("status")    // GET /me, and debug_token with input_token in the body
	h.mustRun("solutions") // two transient failures, then the pages
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	wantNoSecrets(t, log)
	lines := strings.Split(strings.TrimSuffix(log, "\n"), "\n")
	reqs := h.sandbox.Requests()
	if len(lines) != len(reqs) {
		t.Fatalf("%d lines for %d requests:\n%s", len(lines), len(reqs), log)
	}
	// The role chains run side by side, so their lines and requests may
	// interleave differently: each line is matched to a request not yet taken.
	unmatched := slices.Clone(reqs)
	retries := map[string]bool{}
	for _, line := range lines {
		m := debugLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("line %q is not time, method, path, status, duration, fbtrace_id and retry", line)
		}
		i := slices.IndexFunc(unmatched, func(r sandbox.Request) bool {
			return r.Method == m[1] && strings.HasPrefix(m[2], r.Path) && roleParam(m[2]) == roleParam(r.Path+"?"+r.RawQuery)
		})
		if i < 0 {
			t.Errorf("line %q matches no request left of %v", line, unmatched)
			continue
		}
		unmatched = slices.Delete(unmatched, i, i+1)
		if m[3] == "500" {
			retries[m[5]] = true
		}
	}
	if !retries["0"] || !retries["1"] {
		t.Errorf("the transient failures are not logged as the first try and retry 1:\n%s", log)
	}
	if !strings.Contains(log, "retry=2") {
		t.Errorf("the answer after two retries is not retry=2:\n%s", log)
	}
	if !strings.Contains(log, "appsecret_proof=[redacted]") || !strings.Contains(log, "limit=100") ||
		!strings.Contains(log, "/debug_token?appsecret_proof=[redacted] status=200") ||
		!strings.Contains(log, "fields=id,name,status,status_for_pending_request,owner_app{id,name,link},") {
		t.Errorf("the log does not show the query as expected:\n%s", log)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("debug log mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	// A second run appends.
	h.mustRun("solutions")
	more, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(more), log) || len(more) <= len(data) {
		t.Error("the second run did not append to the log")
	}
}

func TestDebugLogGoesToStderrWithoutAFile(t *testing.T) {
	h := debugHarness(t, "")
	r := h.mustRun("solution", h.sandbox.Solutions()[0].ID)
	wantNoSecrets(t, r.stderr)
	if !debugLine.MatchString(strings.TrimSuffix(r.stderr, "\n")) {
		t.Errorf("stderr is not one debug line: %q", r.stderr)
	}
	if strings.Contains(r.stdout, "retry=") {
		t.Errorf("the debug log went to stdout: %s", r.stdout)
	}
	delete(h.env, envDebug)
	if r := h.mustRun("solution", h.sandbox.Solutions()[0].ID); r.stderr != "" {
		t.Errorf("without MPS_DEBUG stderr has %q", r.stderr)
	}
}

func TestDebugLogNeverWritesOverTheDashboard(t *testing.T) {
	h := debugHarness(t, "")
	h.terminal = true
	started := false
	h.tui = func(ctx context.Context, cfg ui.Config) error {
		started = true
		_, err := cfg.Client.AppSolutions(ctx, cfg.AppID, graph.SolutionQuery{})
		return err
	}
	r := h.run()
	wantExit(t, r, ExitUsage, "(dashboard with MPS_DEBUG=api and no MPS_DEBUG_FILE)")
	if started || !strings.Contains(r.stderr, "MPS_DEBUG=api would write over the dashboard") || !strings.Contains(r.stderr, "Set MPS_DEBUG_FILE") {
		t.Errorf("started %v, stderr %q", started, r.stderr)
	}
	path := filepath.Join(t.TempDir(), "debug.log")
	h.env[envDebugFile] = path
	r = h.mustRun()
	if !started || r.stderr != "" {
		t.Fatalf("with MPS_DEBUG_FILE: started %v, stderr %q", started, r.stderr)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), "/whatsapp_business_solutions") {
		t.Errorf("the dashboard's requests are not in the file: %q, %v", data, err)
	}
}

func TestUnknownDebugKindIsAUsageError(t *testing.T) {
	h := seededHarness(t)
	h.env[envDebug] = "verbose"
	r := h.run("solutions")
	wantExit(t, r, ExitUsage, "solutions with MPS_DEBUG=verbose")
	if !strings.Contains(r.stderr, `MPS_DEBUG="verbose"`) || !strings.Contains(r.stderr, "MPS_DEBUG=api") {
		t.Errorf("stderr %q", r.stderr)
	}
}

// roleParam is the role= parameter of a logged or requested path: the role
// chain a request belongs to.
func roleParam(pathAndQuery string) string {
	_, query, _ := strings.Cut(pathAndQuery, "?")
	for param := range strings.SplitSeq(query, "&") {
		if value, ok := strings.CutPrefix(param, "role="); ok {
			return value
		}
	}
	return ""
}
