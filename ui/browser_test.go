package ui

import (
	"context"
	"errors"
	"testing"

	"mps/graph/sandbox"
)

func TestOOpensTheAppDashboard(t *testing.T) {
	var opened []string
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) {
		c.OpenURL = func(_ context.Context, url string) error { opened = append(opened, url); return nil }
	})
	want := "https://developers.facebook.com/apps/" + sandbox.DemoAppID + "/"
	h.press("B")
	if len(opened) != 1 || opened[0] != want {
		t.Fatalf("O opened %q, want %s once", opened, want)
	}
	h.wantScreen("Opened " + want + " in the browser.")
	h.press("enter", "B") // in the inspector too
	if len(opened) != 2 {
		t.Fatalf("O in the inspector opened %q", opened)
	}
}

func TestWithoutABrowserOShowsTheURL(t *testing.T) {
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) {
		c.OpenURL = func(context.Context, string) error { return errNoBrowser }
	})
	h.press("B")
	h.wantScreen("No browser could be opened here; open https://developers.facebook.com/apps/" + sandbox.DemoAppID + "/ yourself.")
}

func TestOWithoutAnAppIDSaysWhy(t *testing.T) {
	called := false
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) {
		c.AppID = ""
		c.OpenURL = func(context.Context, string) error { called = true; return errors.New("unreachable") }
	})
	h.press("B")
	if called {
		t.Fatal("O ran the opener without an app ID")
	}
	h.wantScreen("No app ID is set to open in the App Dashboard")
}
