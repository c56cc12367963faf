package ui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
)

// liveApp runs the app as Bubble Tea does, on a goroutine of its own:
// every command runs concurrently, those that wait on a channel (the
// stores' news) included, and every message, timers' too, goes back into
// Update. Unlike harness, it never waits for the commands to settle: the
// test waits for what it expects on the screen.
type liveApp struct {
	t      testing.TB
	app    *App
	msgs   chan tea.Msg
	calls  chan func()
	quit   chan struct{}
	done   chan struct{}
	cancel context.CancelFunc

	mu      sync.Mutex
	frame   string   // the latest screen, stripped
	notices []string // every notice shown, in order

	watches []liveWatch // the loop's own
}

// liveWatch is a text the loop looks for in each frame; the frame's time
// goes to seen the first time it shows.
type liveWatch struct {
	text string
	seen chan time.Time
}

// liveWait is how long a test waits for the screen it expects.
const liveWait = 20 * time.Second

func startLive(t testing.TB, cfg Config, width, height int) *liveApp {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	l := &liveApp{t: t, app: newApp(ctx, cfg), msgs: make(chan tea.Msg), calls: make(chan func()),
		quit: make(chan struct{}), done: make(chan struct{}), cancel: cancel}
	go l.loop()
	t.Cleanup(l.stop)
	l.on(func(*App) {
		l.update(tea.WindowSizeMsg{Width: width, Height: height})
		l.start(l.app.Init())
	})
	return l
}

// stop ends the app: its context first, which closes the stores' news,
// then the loop, then what the tabs hold open.
func (l *liveApp) stop() {
	l.cancel()
	close(l.quit)
	<-l.done
	l.app.close()
}

func (l *liveApp) loop() {
	defer close(l.done)
	for {
		select {
		case msg := <-l.msgs:
			l.update(msg)
		case fn := <-l.calls:
			fn()
		case <-l.quit:
			return
		}
	}
}

// update delivers one message on the loop, starts what it sets off and
// draws the frame.
func (l *liveApp) update(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil, spinner.TickMsg, clockTickMsg, tea.QuitMsg:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			l.start(c)
		}
		return
	}
	_, cmd := l.app.Update(msg)
	l.start(cmd)
	frame := stripped(l.app.Render())
	now := time.Now()
	l.mu.Lock()
	l.frame = frame // before a watch tells of it: the test may read the screen then
	if n := l.app.notice; n != "" && (len(l.notices) == 0 || l.notices[len(l.notices)-1] != n) {
		l.notices = append(l.notices, n)
	}
	l.mu.Unlock()
	kept := l.watches[:0]
	for _, w := range l.watches {
		if strings.Contains(frame, w.text) {
			w.seen <- now
			continue
		}
		kept = append(kept, w)
	}
	l.watches = kept
}

func (l *liveApp) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		select {
		case l.msgs <- msg:
		case <-l.quit:
		}
	}()
}

// on runs fn on the loop, between two messages, and waits for it.
func (l *liveApp) on(fn func(a *App)) {
	ran := make(chan struct{})
	select {
	case l.calls <- func() { fn(l.app); close(ran) }:
		<-ran
	case <-l.done:
	}
}

// press sends key presses, as harness.press does.
func (l *liveApp) press(keys ...string) {
	l.on(func(*App) {
		for _, k := range keys {
			l.update(keyMsg(k))
		}
	})
}

// watch is when a frame first shows text, from now on.
func (l *liveApp) watch(text string) <-chan time.Time {
	seen := make(chan time.Time, 1)
	l.on(func(*App) { l.watches = append(l.watches, liveWatch{text: text, seen: seen}) })
	return seen
}

// seenAt waits for a watch to see its text (what says which), and is the
// time of the frame that first showed it.
func (l *liveApp) seenAt(seen <-chan time.Time, what string) time.Time {
	l.t.Helper()
	select {
	case at := <-seen:
		return at
	case <-time.After(liveWait):
		l.t.Fatalf("after %s the screen still does not show %s:\n%s", liveWait, what, l.screen())
	}
	return time.Time{}
}

func (l *liveApp) screen() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.frame
}

func (l *liveApp) shownNotices() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.notices...)
}

// waitScreen waits until the screen shows every one of subs, and returns it.
func (l *liveApp) waitScreen(subs ...string) string {
	l.t.Helper()
	deadline := time.Now().Add(liveWait)
	for {
		s := l.screen()
		missing, ok := firstMissing(s, subs)
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			l.t.Fatalf("after %s the screen still lacks %q:\n%s", liveWait, missing, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// firstMissing is the first of subs the screen lacks; ok when it has them all.
func firstMissing(screen string, subs []string) (missing string, ok bool) {
	for _, sub := range subs {
		if !strings.Contains(screen, sub) {
			return sub, false
		}
	}
	return "", true
}

// waitFor waits until cond holds of the app, read on the loop; what
// says what the test waits for.
func (l *liveApp) waitFor(cond func(a *App) bool, what string) {
	l.t.Helper()
	deadline := time.Now().Add(liveWait)
	for {
		held := false
		l.on(func(a *App) { held = cond(a) })
		if held {
			return
		}
		if time.Now().After(deadline) {
			l.t.Fatalf("after %s, still waiting for %s:\n%s", liveWait, what, l.screen())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// selectSolution moves the active tab's cursor to the solution named name.
func (l *liveApp) selectSolution(name string) {
	l.t.Helper()
	found := false
	l.on(func(a *App) {
		p, ok := a.activeTab().(solutionPicker)
		if !ok {
			return
		}
		l.update(keyMsg("g"))
		for range 200 {
			if s, ok := p.SelectedSolution(); ok && s.Name == name {
				found = true
				return
			}
			l.update(keyMsg("j"))
		}
	})
	if !found {
		l.t.Fatalf("no row %q on the active tab:\n%s", name, l.screen())
	}
}
