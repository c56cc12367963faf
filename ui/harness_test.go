package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
	"mps/store/journal"
)

// harness drives the app the way Bubble Tea would: every returned command
// runs (concurrently, like the runtime) against a sandbox, and its message
// goes back into Update on the test goroutine.
type harness struct {
	t   *testing.T
	app *App
	sb  *sandbox.Sandbox
	raw []string // what the app wrote to the terminal raw (tea.Raw)
}

// fixedNow is the harness clock, so views are stable.
func fixedNow() time.Time { return time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC) }

func newHarness(t *testing.T, width, height int) *harness {
	t.Helper()
	return newHarnessWith(t, width, height, sandbox.Options{})
}

func newHarnessWith(t *testing.T, width, height int, opts sandbox.Options) *harness {
	t.Helper()
	return newHarnessConfig(t, width, height, opts, nil)
}

// newHarnessAdjusted is the harness on the default sandbox, with its
// Config changed by adjust before the app starts.
func newHarnessAdjusted(t *testing.T, width, height int, adjust func(*Config)) *harness {
	t.Helper()
	return newHarnessConfig(t, width, height, sandbox.Options{}, func(_ *sandbox.Sandbox, c *Config) { adjust(c) })
}

// newHarnessConfig lets adjust change the app's Config (ExtraTabs, say)
// before the app starts; it gets the sandbox too, to subscribe to it.
func newHarnessConfig(t *testing.T, width, height int, opts sandbox.Options, adjust func(*sandbox.Sandbox, *Config)) *harness {
	t.Helper()
	sb, srv := sandboxtest.Start(t, opts)
	cfg := sandboxConfig(t, srv.URL, openJournal(t))
	cfg.Now = fixedNow
	if adjust != nil {
		adjust(sb, &cfg)
	}
	app := NewApp(cfg)
	h := &harness{t: t, app: app, sb: sb}
	h.resize(width, height)
	h.run(app.Init())
	return h
}

// sandboxConfig is the app's Config for the demo's identity on the
// sandbox at url, with its own client (opts added), recording its actions
// in j.
func sandboxConfig(t testing.TB, url string, j journal.Journal, opts ...graph.Option) Config {
	t.Helper()
	client := sandboxtest.Client(t, url, append([]graph.Option{graph.WithRetryPolicy(graph.RetryPolicy{MaxAttempts: 1})}, opts...)...)
	return Config{
		Client:             client,
		Journal:            j,
		AppID:              sandbox.DemoAppID,
		BusinessID:         sandbox.DemoBusinessID,
		Profile:            "test",
		APIVersion:         client.APIVersion(),
		PartnerBusinessIDs: sandbox.DemoPartnerBusinessIDs(),
		NoColor:            true,
	}
}

// send delivers one message and runs whatever it sets off.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// run executes cmd and everything that follows from it until nothing is
// left in flight. Timer messages (spinner, clock) are not fed back, so the
// run ends once the IO has settled.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	h.runWatching(cmd, nil)
}

// runWatching is run, calling after (when set) after each message.
func (h *harness) runWatching(cmd tea.Cmd, after func(tea.Msg)) {
	h.t.Helper()
	msgs := make(chan tea.Msg)
	inflight := 0
	start := func(c tea.Cmd) {
		if c == nil {
			return
		}
		inflight++
		go func() { msgs <- c() }()
	}
	start(cmd)
	deadline := time.After(20 * time.Second)
	for inflight > 0 {
		select {
		case msg := <-msgs:
			inflight--
			switch msg := msg.(type) {
			case nil, spinner.TickMsg, clockTickMsg, eventsTickMsg, refreshTickMsg, tea.QuitMsg:
			case tea.BatchMsg:
				for _, c := range msg {
					start(c)
				}
			default:
				if r, ok := msg.(tea.RawMsg); ok {
					h.raw = append(h.raw, fmt.Sprint(r.Msg))
				}
				_, next := h.app.Update(msg)
				start(next)
				if after != nil {
					after(msg)
				}
			}
		case <-deadline:
			h.t.Fatalf("commands still running after 20s (%d in flight)", inflight)
		}
	}
}

// press sends key presses: single characters, or names such as "enter".
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText sends each rune as a key press.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"backspace": {Code: tea.KeyBackspace},
	}
	if msg, ok := named[k]; ok {
		return msg
	}
	if r, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(r)[0], Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// flatten runs cmd and the batches it returns, for the messages they
// make; nil ones are left out.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, flatten(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// runDetached is flatten off the test goroutine, without routing the
// messages to the app, which the test goroutine keeps.
func runDetached(cmd tea.Cmd) <-chan []tea.Msg {
	out := make(chan []tea.Msg, 1)
	go func() { out <- flatten(cmd) }()
	return out
}

// awaitStart is the context of a read that a test's hook saw start.
func awaitStart(t *testing.T, started <-chan context.Context, what string) context.Context {
	t.Helper()
	select {
	case ctx := <-started:
		return ctx
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not start", what)
	}
	return nil
}

// pressFor sends one key and returns what its command says, nil for none.
func (h *harness) pressFor(k string) tea.Msg {
	h.t.Helper()
	_, cmd := h.app.Update(keyMsg(k))
	if cmd == nil {
		return nil
	}
	return cmd()
}

// clipboardText is the text msg puts on the clipboard; ok is false for
// any other message.
func clipboardText(msg tea.Msg) (text string, ok bool) {
	text = fmt.Sprint(msg)
	return text, msg != nil && msg == tea.SetClipboard(text)()
}

// resize is the terminal changing size.
func (h *harness) resize(width, height int) {
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
}

// screen is the current frame without escape codes.
func (h *harness) screen() string { return stripped(h.app.Render()) }

func stripped(frame string) string { return ansi.Strip(frame) }

func (h *harness) wantScreen(substrings ...string) {
	h.t.Helper()
	s := h.screen()
	for _, sub := range substrings {
		if !strings.Contains(s, sub) {
			h.t.Fatalf("screen lacks %q:\n%s", sub, s)
		}
	}
}

// wantScreenLacks fails the test when the screen shows sub; what says
// what showing it would mean.
func (h *harness) wantScreenLacks(sub, what string) {
	h.t.Helper()
	if s := h.screen(); strings.Contains(s, sub) {
		h.t.Fatalf("%s:\n%s", what, s)
	}
}

// posts are the action POSTs the sandbox received.
func (h *harness) posts() []sandbox.Request { return h.sb.Posts() }

// selectRow moves the active tab's cursor to the row with this name.
func (h *harness) selectRow(name string) graph.Solution {
	h.t.Helper()
	p, ok := h.app.activeTab().(solutionPicker)
	if !ok {
		h.t.Fatalf("tab %s has no solution rows", h.app.activeTab().Title())
	}
	h.press("g")
	for range 200 {
		if s, ok := p.SelectedSolution(); ok && s.Name == name {
			return s
		}
		h.press("j")
	}
	h.t.Fatalf("no row named %q on %s:\n%s", name, h.app.activeTab().Title(), h.screen())
	return graph.Solution{}
}

// openJournal is a journal of the test's own, in a directory whose name
// SQLite takes (a fuzz seed's TempDir holds a '#').
func openJournal(t testing.TB) *journal.Store {
	t.Helper()
	dir, err := os.MkdirTemp("", "mps-ui-journal-")
	if err != nil {
		t.Fatal(err)
	}
	j, err := journal.Open(context.Background(), filepath.Join(dir, journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close(); os.RemoveAll(dir) })
	return j
}
