package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store"
	"mps/store/storetest"
)

// FuzzMainArgs runs mps with arbitrary arguments against a sandbox: it must
// never panic, must exit with one of the documented codes, must explain a
// failure in one line, and must never print the token.
func FuzzMainArgs(f *testing.F) {
	for _, seed := range []string{
		"solutions\x00--json", "solution\x0017602267745700", "accept\x00123\x00--yes", "--profile\x00x:y",
		"customers\x00--partner\x00", "solutions\x00--state\x00\x1b[31m", "--\x00solution", "help\x00help",
		"partners\x00--\x00-1", "status\x00--api-version\x00v999999999999.0", "login\x00--with-token",
		"waba-solutions\x00" + strings.Repeat("9", 100), "--graph-url\x00file:///etc/passwd\x00solutions",
	} {
		f.Add(seed)
	}
	_, srv := sandboxtest.Start(f, sandbox.Options{})
	state := f.TempDir()
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		if len(args) > 8 || slices.Contains(args, "webhook") { // webhook serve runs until stopped
			return
		}
		kr := storetest.NewMemoryKeyring()
		_ = kr.Set(store.Service, store.DefaultProfile, sandbox.DemoToken)
		vars := map[string]string{
			store.EnvGraphURL: srv.URL, store.EnvAppID: sandbox.DemoAppID, store.EnvBusinessID: sandbox.DemoBusinessID,
			"HOME": state, "XDG_STATE_HOME": state,
		}
		var out, errOut bytes.Buffer
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		code := Main(ctx, args, Env{
			Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] },
			Keyring: kr, ConfigDir: t.TempDir(),
		})
		if !slices.Contains([]int{ExitOK, ExitError, ExitUsage, ExitAuth}, code) {
			t.Fatalf("mps %q: exit %d", args, code)
		}
		if code != ExitOK && (strings.Count(errOut.String(), "\n") < 1 || !strings.HasPrefix(errOut.String(), "mps: ")) {
			t.Fatalf("mps %q: exit %d without an error line: %q", args, code, errOut.String())
		}
		if strings.Contains(out.String()+errOut.String(), sandbox.DemoToken) {
			t.Fatalf("mps %q printed the token", args)
		}
	})
}
