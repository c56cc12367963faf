package ui

import (
	"strings"
	"testing"

	"mps/graph/sandbox"
)

func alertHarness(t *testing.T, style AlertStyle) *harness {
	return newHarnessAdjusted(t, 120, 40, func(c *Config) { c.Alert = style })
}

func TestANewRequestRaisesOneNotificationAndABadge(t *testing.T) {
	h := alertHarness(t, AlertOSC9)
	if len(h.raw) != 0 || h.app.ctx.Solutions.Loading() {
		t.Fatalf("the requests present at start were told of: %q", h.raw)
	}
	h.wantScreen("2 Pending (4+2)")
	h.sb.CreateIncomingRequest("Fresh Request")
	h.press("r")
	if len(h.raw) != 1 || h.raw[0] != "\x1b]9;mps: \"Fresh Request\" needs your answer\x07" {
		t.Fatalf("after the reload the terminal got %q, want one OSC 9 for Fresh Request", h.raw)
	}
	h.wantScreen("2 Pending (5+2) ●1 new")
	h.press("r")
	if len(h.raw) != 1 {
		t.Fatalf("the same request was told of again: %q", h.raw)
	}
	h.press("2")
	h.wantScreenLacks("new", "the badge stayed on the Pending tab once shown")
}

// A request that arrives by webhook is told of as one from a reload is.
func TestARequestByWebhookIsToldOfOnce(t *testing.T) {
	h := newDemoEventsHarnessWith(t, sandbox.Options{Now: fixedNow})
	h.app.ctx.Alert = AlertBell
	if len(h.raw) != 0 {
		t.Fatalf("told of at start: %q", h.raw)
	}
	h.sb.CreateIncomingRequest("By Webhook")
	h.tick()
	h.tick()
	if len(h.raw) != 1 || h.raw[0] != "\a" {
		t.Fatalf("the webhook's request rang %q, want one bell", h.raw)
	}
	h.wantScreen("●1 new")
}

func TestNoNotificationWhenOff(t *testing.T) {
	h := alertHarness(t, AlertOff)
	h.sb.CreateIncomingRequest("Quiet Request")
	h.press("r")
	if len(h.raw) != 0 {
		t.Fatalf("alerts off, yet the terminal got %q", h.raw)
	}
	h.wantScreen("●1 new") // the badge is not a notification
}

func TestAlertStyleForTheTerminal(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want AlertStyle
	}{
		{map[string]string{"TERM_PROGRAM": "iTerm.app", "TERM": "xterm-256color"}, AlertOSC9},
		{map[string]string{"TERM": "xterm-kitty"}, AlertOSC9},
		{map[string]string{"VTE_VERSION": "7600", "TERM": "xterm-256color"}, AlertOSC777},
		{map[string]string{"TERM": "rxvt-unicode-256color"}, AlertOSC777},
		{map[string]string{"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux-0/default,1,0"}, AlertBell},
		{map[string]string{"TERM": "screen-256color"}, AlertBell},
		{map[string]string{"TERM": "xterm-256color"}, AlertBell},
	} {
		if got := AlertStyleFor(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: style %d, want %d", c.env, got, c.want)
		}
	}
	if got := AlertOSC777.sequence("mps", "a;b\x1b]0;x\x07"); strings.Count(got, ";") != 3 || strings.Count(got, "\x1b") != 1 {
		t.Errorf("OSC 777 of hostile text is %q", got)
	}
}
