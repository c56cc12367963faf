package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// stepClock is an app clock the test moves by hand.
type stepClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *stepClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newClockHarness(t *testing.T) (*harness, *stepClock) {
	clock := &stepClock{now: fixedNow()}
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) { c.Now = clock.Now })
	return h, clock
}

// wantNotice fails unless the message line holds want ("" for none).
func (h *harness) wantNotice(want string) {
	h.t.Helper()
	if !strings.Contains(h.app.notice, want) || (want == "" && h.app.notice != "") {
		h.t.Fatalf("notice %q, want %q", h.app.notice, want)
	}
}

func TestCancelledGoesAfterAShortTime(t *testing.T) {
	h, clock := newClockHarness(t)
	h.press("2")
	h.selectRow("Lucky Shrub storefront")
	h.press("a", "n")
	h.wantNotice("Cancelled: nothing was sent.")
	clock.advance(noticeLife - time.Second)
	h.send(noticeExpiredMsg{})
	h.wantNotice("Cancelled: nothing was sent.")
	clock.advance(time.Second)
	h.send(noticeExpiredMsg{})
	h.wantNotice("")
	h.wantScreenLacks("Cancelled", "the expired notice is still drawn")
}

func TestAnErrorStaysLongerThanNews(t *testing.T) {
	h, clock := refusedHarness(t)
	if !h.app.noticeBad {
		t.Fatal("the refusal is not an error notice")
	}
	clock.advance(noticeLife)
	h.send(noticeExpiredMsg{})
	h.wantNotice("Cannot accept")
	clock.advance(errorNoticeLife - noticeLife)
	h.send(noticeExpiredMsg{})
	h.wantNotice("")
}

func TestTheNextActionOrATabSwitchClearsANotice(t *testing.T) {
	h, _ := refusedHarness(t)
	h.press("j") // a move is no action: the notice stays
	h.wantNotice("Cannot accept")
	h.press("s")
	h.wantNotice("")

	h, _ = refusedHarness(t)
	h.press("tab")
	h.wantNotice("")
}

// The refusal for one solution does not sit under the dialog for another,
// and background news does not show while a dialog is open.
func TestANoticeNeverSitsUnderADialog(t *testing.T) {
	h, _ := refusedHarness(t)
	h.press("2")
	h.selectRow("Lucky Shrub storefront")
	h.press("a")
	if h.app.dialog == nil {
		t.Fatal("no dialog")
	}
	h.send(ReloadMsg{Tab: TabPending, Reason: "Graph allows calls again: reloading."})
	if s := h.screen(); strings.Contains(s, "Cannot accept") || strings.Contains(s, "Graph allows calls again") {
		t.Fatalf("a notice shows under the dialog:\n%s", s)
	}
}

// refusedHarness shows the refusal of a on an Active solution, an error
// notice.
func refusedHarness(t *testing.T) (*harness, *stepClock) {
	h, clock := newClockHarness(t)
	for _, s := range h.app.ctx.Solutions.List() {
		if s.StateLabel() == "Active" {
			h.selectRow(s.Name)
			h.press("a")
			h.wantNotice("Cannot accept")
			return h, clock
		}
	}
	t.Fatal("no Active solution")
	return nil, nil
}

// Each notice shown asks once to be woken when its time is up, for as long
// as it stays.
func TestANoticeAsksOnceToBeWokenAtItsEnd(t *testing.T) {
	h, _ := newClockHarness(t)
	var waits []time.Duration
	h.app.ctx.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		waits = append(waits, d)
		return nil
	}
	h.press("/")
	h.typeText("Lucky Shrub storefront")
	h.press("enter", "a", "n") // "Reading…", then the dialog, cancelled
	h.wantNotice("Cancelled: nothing was sent.")
	n := len(waits)
	h.send(noticeExpiredMsg{})
	h.send(noticeExpiredMsg{})
	if n != 2 || len(waits) != n || waits[1] != noticeLife {
		t.Fatalf("the notices asked to be woken after %v (%d before the wake-ups), want once each, after %v", waits, n, noticeLife)
	}
}
