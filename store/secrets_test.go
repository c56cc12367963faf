package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"mps/store"
	"mps/store/storetest"
)

const longToken = "EAABsbCS1iHgBO7ZCZCxyz1234567890abcdefTOKENf00d"

func envOf(vars map[string]string) func(string) string {
	return func(key string) string { return vars[key] }
}

func secretsWith(kr store.Keyring, env map[string]string, profile string) store.Secrets {
	return store.Secrets{Keyring: kr, Getenv: envOf(env), Profile: profile}
}

func TestLookupPrefersEnvironmentOverKeyring(t *testing.T) {
	kinds := []store.SecretKind{store.AccessToken, store.AppSecret, store.VerifyToken}
	for _, kind := range kinds {
		t.Run(kind.String(), func(t *testing.T) {
			fake := storetest.NewMemoryKeyring()
			s := secretsWith(fake, map[string]string{kind.EnvVar(): " from-env\n"}, "work")
			if err := s.Save(kind, "from-keyring"); err != nil {
				t.Fatal(err)
			}
			got, err := s.Lookup(kind)
			if err != nil {
				t.Fatal(err)
			}
			if got.Value != "from-env" || got.Source.String() != kind.EnvVar() || !got.Source.FromEnv() {
				t.Errorf("Lookup = %+v (source %s), want from-env from %s", got, got.Source, kind.EnvVar())
			}

			s.Getenv = envOf(nil)
			got, err = s.Lookup(kind)
			if err != nil {
				t.Fatal(err)
			}
			if got.Value != "from-keyring" || got.Source.String() != "keyring (service mps, profile work)" || got.Source.FromEnv() {
				t.Errorf("Lookup = %+v (source %s), want from-keyring from the keyring", got, got.Source)
			}
		})
	}
}

func TestSecretsLiveUnderTheirOwnAccounts(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	s := secretsWith(fake, nil, "work")
	for kind, value := range map[store.SecretKind]string{store.AccessToken: "t", store.AppSecret: "a", store.VerifyToken: "v"} {
		if err := s.Save(kind, value); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]string{"work": "t", "work:app_secret": "a", "work:verify_token": "v"}
	for account, value := range want {
		if got, err := fake.Get("mps", account); err != nil || got != value {
			t.Errorf("keyring mps/%s = %q, %v; want %q", account, got, err, value)
		}
	}
	other := secretsWith(fake, nil, "default")
	if _, err := other.Lookup(store.AccessToken); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("profile default sees profile work's token: %v", err)
	}
}

func TestLookupNotFoundSaysWhereItLookedAndWhatToDo(t *testing.T) {
	s := secretsWith(storetest.NewMemoryKeyring(), nil, "work")
	got, err := s.Lookup(store.AccessToken)
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	for _, want := range []string{"MPS_TOKEN", "keyring (service mps, profile work)", "mps login --profile work"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if got.Source.String() != "keyring (service mps, profile work)" {
		t.Errorf("source = %q, want the keyring entry it looked in", got.Source)
	}
	_, err = s.Lookup(store.AppSecret)
	if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "MPS_APP_SECRET") {
		t.Errorf("app secret error = %v, want ErrNotFound naming MPS_APP_SECRET", err)
	}
}

func TestKeyringErrorsSayWhatToDo(t *testing.T) {
	timingOut, _, release := stuck()
	t.Cleanup(release)
	failing := storetest.NewMemoryKeyring()
	failing.FailWith(errors.New("dbus: connection refused"))
	cases := []struct {
		name   string
		kr     store.Keyring
		is     error
		advice string
	}{
		{"no bus", withoutBus(storetest.NewMemoryKeyring()), store.ErrNoKeyring, "Start a Secret Service"},
		{"timeout", timingOut, store.ErrKeyringTimeout, "Unlock the keyring"},
		{"failure", failing, nil, "Check that the keyring is running and unlocked"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := secretsWith(c.kr, nil, "default")
			_, err := s.Lookup(store.AccessToken)
			if err == nil || errors.Is(err, store.ErrNotFound) {
				t.Fatalf("err = %v, want a keyring failure", err)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err = %v, want %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.advice) || !strings.Contains(err.Error(), "set MPS_TOKEN") {
				t.Errorf("error %q lacks advice %q and MPS_TOKEN", err, c.advice)
			}
		})
	}
}

func TestSaveRefusesValuesThatCannotBeSecretsWithoutEchoingThem(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	s := secretsWith(fake, nil, "default")
	for _, bad := range []string{"", "   ", "EAAB tokenpart2", "EAAB\x1b[31mred", "line1\nline2"} {
		err := s.Save(store.AccessToken, bad)
		if err == nil {
			t.Errorf("Save(%q) succeeded", bad)
			continue
		}
		if strings.TrimSpace(bad) != "" && strings.Contains(err.Error(), strings.TrimSpace(bad)) {
			t.Errorf("error echoes the value: %v", err)
		}
	}
	if fake.Len() != 0 {
		t.Errorf("keyring holds %d entries after refused saves", fake.Len())
	}
	if err := s.Save(store.VerifyToken, "my verify phrase"); err != nil {
		t.Errorf("verify token with spaces refused: %v", err)
	}
}

func TestDeleteRemovesOnlyThatSecret(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	s := secretsWith(fake, nil, "default")
	for _, kind := range []store.SecretKind{store.AccessToken, store.AppSecret} {
		if err := s.Save(kind, "value"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(store.AccessToken); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lookup(store.AccessToken); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("token still there: %v", err)
	}
	if _, err := s.Lookup(store.AppSecret); err != nil {
		t.Errorf("app secret gone with the token: %v", err)
	}
	if err := s.Delete(store.AccessToken); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
}

func TestEnvSetIgnoresBlankValues(t *testing.T) {
	s := secretsWith(nil, map[string]string{"MPS_TOKEN": "  ", "MPS_APP_SECRET": "x"}, "default")
	if s.EnvSet(store.AccessToken) {
		t.Error("blank MPS_TOKEN counted as set")
	}
	if !s.EnvSet(store.AppSecret) {
		t.Error("MPS_APP_SECRET not seen")
	}
}

func TestTokenFuncAsksTheKeyringOnce(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	s := secretsWith(fake, nil, "default")
	token := s.TokenFunc()
	if _, err := token(context.Background()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound before login", err)
	}
	if err := s.Save(store.AccessToken, longToken); err != nil {
		t.Fatal(err)
	}
	callsBefore := fake.Calls()
	for range 3 {
		got, err := token(context.Background())
		if err != nil || got != longToken {
			t.Fatalf("token = %q, %v", got, err)
		}
	}
	if n := fake.Calls() - callsBefore; n != 1 {
		t.Errorf("keyring asked %d times for three requests, want 1", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := token(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: err = %v", err)
	}
}

func TestSecretsRefuseABadProfileNameBeforeTheKeyring(t *testing.T) {
	fake := storetest.NewMemoryKeyring()
	for _, profile := range []string{"", "a:app_secret", "x y"} {
		s := secretsWith(fake, nil, profile)
		if _, err := s.Lookup(store.AccessToken); err == nil || !strings.Contains(err.Error(), "profile name") {
			t.Errorf("Lookup with profile %q: %v", profile, err)
		}
		if err := s.Save(store.AccessToken, "tok"); err == nil {
			t.Errorf("Save with profile %q succeeded", profile)
		}
	}
	if fake.Calls() != 0 {
		t.Errorf("keyring called %d times for bad profile names", fake.Calls())
	}
}
