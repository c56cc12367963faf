package cli

import (
	"errors"
	"os"
	"strings"
	"testing"

	"mps/graph/sandbox"
	"mps/store"
)

// loggedOut is a harness whose keyring is empty and whose environment has
// no IDs, as on a fresh machine.
func loggedOut(t *testing.T) *harness {
	h := seededHarness(t)
	if err := h.keyring.Delete(store.Service, store.DefaultProfile); err != nil {
		t.Fatal(err)
	}
	delete(h.env, store.EnvAppID)
	delete(h.env, store.EnvBusinessID)
	return h
}

func TestLoginWithTokenVerifiesThenStores(t *testing.T) {
	h := loggedOut(t)
	r := h.runWithInput(sandbox.DemoToken+"\n", "login", "--with-token", "--app-id", sandbox.DemoAppID, "--business-id", sandbox.DemoBusinessID)
	wantExit(t, r, ExitOK, "login --with-token")
	stored, err := h.keyring.Get(store.Service, store.DefaultProfile)
	if err != nil || stored != sandbox.DemoToken {
		t.Fatalf("keyring holds %q, %v", stored, err)
	}
	if !strings.Contains(r.stdout, "keyring (service mps, profile default)") {
		t.Errorf("login does not say where the token went: %s", r.stdout)
	}
	var sawMe bool
	for _, req := range h.sandbox.Requests() {
		sawMe = sawMe || strings.HasSuffix(req.Path, "/me")
	}
	if !sawMe {
		t.Error("login stored the token without calling /me")
	}
	cfg, err := store.LoadConfig(h.configDir)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := cfg.Profile(store.DefaultProfile)
	if !ok || p.AppID != sandbox.DemoAppID || p.BusinessID != sandbox.DemoBusinessID {
		t.Fatalf("profile saved as %+v (found %v)", p, ok)
	}
	data, _ := os.ReadFile(store.ConfigPath(h.configDir))
	if strings.Contains(string(data), sandbox.DemoToken) {
		t.Fatal("the token is in the config file")
	}
	// The saved profile is enough for the next command.
	h.mustRun("solutions", "--json")
}

func TestLoginStoresNothingWhenGraphRefusesTheToken(t *testing.T) {
	h := loggedOut(t)
	bad := "EAABadTokenThatTheSandboxRefuses0123456789"
	h.password = bad // checked for leaks too
	r := h.runWithInput(bad, "login", "--with-token", "--app-id", sandbox.DemoAppID)
	wantExit(t, r, ExitAuth, "login --with-token (bad token)")
	if h.keyring.Len() != 0 {
		t.Fatal("a refused token was stored")
	}
	if _, err := os.Stat(store.ConfigPath(h.configDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the config file was written for a failed login: %v", err)
	}
	if !strings.Contains(r.stderr, "nothing was stored") {
		t.Errorf("stderr does not say nothing was stored: %s", r.stderr)
	}
}

func TestLoginStoresNothingWhenGraphCannotBeReached(t *testing.T) {
	h := loggedOut(t)
	h.sandbox.AddFault(sandbox.Fault{Kind: sandbox.FaultMalformedJSON, PathContains: "/me"})
	r := h.runWithInput(sandbox.DemoToken, "login", "--with-token")
	wantExit(t, r, ExitError, "login --with-token (broken /me)")
	if h.keyring.Len() != 0 {
		t.Fatal("an unchecked token was stored")
	}
}

func TestLoginRefusesWhileMPS_TOKENIsSet(t *testing.T) {
	h := loggedOut(t)
	h.env[store.EnvToken] = sandbox.DemoToken
	r := h.runWithInput(sandbox.DemoToken, "login", "--with-token")
	wantExit(t, r, ExitUsage, "login with MPS_TOKEN set")
	if !strings.Contains(r.stderr, "MPS_TOKEN") || !strings.Contains(r.stderr, "unset") {
		t.Errorf("the refusal does not explain: %s", r.stderr)
	}
	if h.keyring.Len() != 0 || len(h.sandbox.Requests()) != 0 {
		t.Error("login did something despite refusing")
	}
}

func TestLoginHiddenPromptOnTerminalAsksForIDs(t *testing.T) {
	h := loggedOut(t)
	h.terminal = true
	h.password = sandbox.DemoToken
	r := h.runWithInput(sandbox.DemoAppID+"\n"+sandbox.DemoBusinessID+"\n", "login")
	wantExit(t, r, ExitOK, "login on a terminal")
	if !strings.Contains(r.stderr, "input is hidden") {
		t.Errorf("no hidden prompt: %s", r.stderr)
	}
	cfg, _ := store.LoadConfig(h.configDir)
	if p, _ := cfg.Profile(store.DefaultProfile); p.AppID != sandbox.DemoAppID || p.BusinessID != sandbox.DemoBusinessID {
		t.Errorf("profile = %+v", p)
	}
	if got, _ := h.keyring.Get(store.Service, store.DefaultProfile); got != sandbox.DemoToken {
		t.Error("token not stored")
	}
}

func TestLoginWithoutTerminalNeedsWithToken(t *testing.T) {
	h := loggedOut(t)
	r := h.runWithInput(sandbox.DemoToken, "login")
	wantExit(t, r, ExitUsage, "login without a terminal")
	if !strings.Contains(r.stderr, "--with-token") || h.keyring.Len() != 0 {
		t.Errorf("stderr %q, keyring entries %d", r.stderr, h.keyring.Len())
	}
}

func TestLogoutRemovesTheEntry(t *testing.T) {
	h := seededHarness(t)
	h.mustRun("logout")
	if h.keyring.Len() != 0 {
		t.Fatal("the entry is still there")
	}
	r := h.mustRun("logout")
	if !strings.Contains(r.stdout, "nothing to remove") {
		t.Errorf("second logout: %s", r.stdout)
	}
	wantExit(t, h.run("solutions"), ExitAuth, "solutions after logout")
}

func TestStatusWithoutTokenExits4(t *testing.T) {
	h := loggedOut(t)
	r := h.run("status")
	wantExit(t, r, ExitAuth, "status")
	if !strings.Contains(r.stderr, "mps login") || !strings.Contains(r.stderr, "MPS_TOKEN") {
		t.Errorf("status does not say how to log in: %s", r.stderr)
	}
	if len(h.sandbox.Requests()) != 0 {
		t.Error("status called Graph without a token")
	}
}

func TestStatusShowsMaskedTokenSourceAndDetails(t *testing.T) {
	h := seededHarness(t)
	r := h.mustRun("status")
	for _, want := range []string{
		store.MaskToken(sandbox.DemoToken), "keyring (service mps, profile default)",
		"Token works  yes", "SYSTEM_USER", "whatsapp_business_management", "v25.0", "MPS_APP_ID",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
	h.env[store.EnvToken] = sandbox.DemoToken
	if r := h.mustRun("status"); !strings.Contains(r.stdout, "from MPS_TOKEN") {
		t.Errorf("status does not name MPS_TOKEN as the source:\n%s", r.stdout)
	}
}

func TestStatusRejectedTokenExits4(t *testing.T) {
	h := seededHarness(t)
	h.env[store.EnvToken] = "EAAExpiredOrWrongToken000000000000"
	r := h.run("status")
	wantExit(t, r, ExitAuth, "status with a wrong token")
	if !strings.Contains(r.stdout, "Token works  no") {
		t.Errorf("status output:\n%s", r.stdout)
	}
}

func TestStatusWarnsAboutAnOldAPIVersion(t *testing.T) {
	h := seededHarness(t)
	r := h.run("status", "--api-version", "v20.0")
	if !strings.Contains(r.stderr, "warning: API version v20.0") || !strings.Contains(r.stderr, "end of life") {
		t.Errorf("no end-of-life warning: %s / %s", r.stdout, r.stderr)
	}
}

func TestKeyringTroubleIsExit4WithAdvice(t *testing.T) {
	h := seededHarness(t)
	h.keyring.FailWith(store.ErrKeyringTimeout)
	r := h.run("solutions")
	wantExit(t, r, ExitAuth, "solutions with a stuck keyring")
	if !strings.Contains(r.stderr, "Unlock the keyring") {
		t.Errorf("no advice: %s", r.stderr)
	}
	// MPS_TOKEN works without the keyring.
	h.env[store.EnvToken] = sandbox.DemoToken
	h.mustRun("solutions")
}

func TestLoginWithTokenSaysStdinWasEmpty(t *testing.T) {
	for _, stdin := range []string{"", " \n"} {
		h := loggedOut(t)
		r := h.runWithInput(stdin, "login", "--with-token")
		wantExit(t, r, ExitUsage, "login --with-token with empty stdin")
		if !strings.Contains(r.stderr, "standard input was empty") || h.keyring.Len() != 0 {
			t.Errorf("stdin %q: %s", stdin, r.stderr)
		}
	}
}
