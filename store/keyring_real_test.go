//go:build keyring

// These tests talk to a real Secret Service. Run them with
// .ci/keyring-tests.sh, which starts gnome-keyring on a private D-Bus session.
package store_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"mps/store"
)

func realSecrets(t *testing.T) store.Secrets {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no DBUS_SESSION_BUS_ADDRESS: run these tests through .ci/keyring-tests.sh")
	}
	profile := fmt.Sprintf("test-%d-%d", os.Getpid(), time.Now().UnixNano())
	s := store.Secrets{Keyring: store.OpenKeyring(store.KeyringOptions{}), Profile: profile}
	t.Cleanup(func() {
		for _, kind := range []store.SecretKind{store.AccessToken, store.AppSecret, store.VerifyToken} {
			s.Delete(kind)
		}
	})
	return s
}

func TestRealKeyringSetGetDelete(t *testing.T) {
	s := realSecrets(t)
	if _, err := s.Lookup(store.AccessToken); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("before Save: err = %v, want ErrNotFound", err)
	}
	if err := s.Save(store.AccessToken, longToken); err != nil {
		t.Fatal(err)
	}
	got, err := s.Lookup(store.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if got.Value != longToken || got.Source.String() != "keyring (service mps, profile "+s.Profile+")" {
		t.Errorf("Lookup = %q from %s", got.Value, got.Source)
	}
	if err := s.Delete(store.AccessToken); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lookup(store.AccessToken); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after Delete: err = %v, want ErrNotFound", err)
	}
	if err := s.Delete(store.AccessToken); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second Delete: err = %v, want ErrNotFound", err)
	}
}

func TestRealKeyringKeepsSecretsApart(t *testing.T) {
	s := realSecrets(t)
	values := map[store.SecretKind]string{store.AccessToken: longToken, store.AppSecret: "app-secret-value", store.VerifyToken: "verify phrase"}
	for kind, v := range values {
		if err := s.Save(kind, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Save(store.AccessToken, longToken+"2"); err != nil { // replaces, not adds
		t.Fatal(err)
	}
	values[store.AccessToken] = longToken + "2"
	for kind, want := range values {
		got, err := s.Lookup(kind)
		if err != nil || got.Value != want {
			t.Errorf("%s = %q, %v; want %q", kind, got.Value, err, want)
		}
	}
}

// Other Secret Service clients find the token under service "mps" and the
// profile's account, as status and the docs say.
func TestRealKeyringEntryIsVisibleToSecretTool(t *testing.T) {
	if _, err := exec.LookPath("secret-tool"); err != nil {
		t.Skip("secret-tool not installed")
	}
	s := realSecrets(t)
	if err := s.Save(store.AppSecret, "seen-by-secret-tool"); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("secret-tool", "lookup", "service", store.Service, "username", store.AppSecret.Account(s.Profile)).Output()
	if err != nil {
		t.Fatalf("secret-tool lookup: %v", err)
	}
	if strings.TrimSpace(string(out)) != "seen-by-secret-tool" {
		t.Errorf("secret-tool found %q", out)
	}
}

// A Secret Service that is alive but never answers (here: stopped with
// SIGSTOP) must not hang mps. keyring-tests.sh passes the daemon's PID.
func TestRealKeyringThatNeverAnswersTimesOut(t *testing.T) {
	pid, err := strconv.Atoi(os.Getenv("MPS_TEST_KEYRING_PID"))
	if err != nil {
		t.Skip("MPS_TEST_KEYRING_PID not set; run through .ci/keyring-tests.sh")
	}
	s := realSecrets(t)
	if err := s.Save(store.AccessToken, longToken); err != nil {
		t.Fatal(err)
	}
	s.Keyring = store.OpenKeyring(store.KeyringOptions{Timeout: 300 * time.Millisecond})
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	resumed := false
	resume := func() {
		if !resumed {
			resumed = true
			syscall.Kill(pid, syscall.SIGCONT)
		}
	}
	t.Cleanup(resume)

	_, err = s.Lookup(store.AccessToken)
	if !errors.Is(err, store.ErrKeyringTimeout) || !strings.Contains(err.Error(), "Unlock the keyring, or set MPS_TOKEN") {
		t.Fatalf("stopped keyring: err = %v, want a timeout saying what to do", err)
	}
	resume()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := s.Lookup(store.AccessToken)
		if err == nil {
			if got.Value != longToken {
				t.Fatalf("after resume: %q", got.Value)
			}
			return
		}
		if !errors.Is(err, store.ErrKeyringTimeout) || time.Now().After(deadline) {
			t.Fatalf("keyring did not recover after SIGCONT: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
