package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/sandbox"
	"mps/graph/sandbox/sandboxtest"
)

// progressRead reads the sandbox's solutions three to a page through
// readPages. The progress timer is the test's: it fires before page
// fireAt is requested (0: never), and the read goes on once the line is
// drawn. It returns stderr and the items read before each page (the
// role chains' pages differ in size, so the test counts them).
func progressRead(t *testing.T, terminal bool, fireAt int) (stderr string, before []int) {
	t.Helper()
	_, srv := sandboxtest.Start(t, sandbox.Options{Solutions: 8})
	client := sandboxtest.Client(t, srv.URL)
	var errOut syncBuffer // the progress timer draws from its own goroutine
	timer := make(chan time.Time, 1)
	s := &Session{stderr: &errOut, env: Env{
		StderrIsTerminal: func() bool { return terminal },
		After: func(d time.Duration) <-chan time.Time {
			if d != progressAfter {
				t.Errorf("progress timer of %s", d)
			}
			return timer
		},
	}.withDefaults()}
	fire := func(page, read int) {
		timer <- time.Time{}
		want := fmt.Sprintf("page %d (%d)", page, read)
		for deadline := time.Now().Add(5 * time.Second); !strings.Contains(errOut.String(), want); {
			if time.Now().After(deadline) {
				t.Fatalf("the timer did not draw %q: %q", want, errOut.String())
			}
			time.Sleep(time.Millisecond)
		}
	}
	read := 0
	seq := func(yield func(graph.Page[graph.Solution], error) bool) {
		if fireAt == 1 {
			fire(1, 0)
		}
		for page, err := range client.AppSolutionPages(context.Background(), sandbox.DemoAppID, graph.SolutionQuery{Limit: 3}) {
			before = append(before, read)
			read += len(page.Data)
			if !yield(page, err) {
				return
			}
			if len(before)+1 == fireAt {
				fire(fireAt, read)
			}
		}
	}
	all, err := readPages(s, "solutions", seq)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != read {
		t.Fatalf("readPages returned %d of the %d solutions read", len(all), read)
	}
	return errOut.String(), before
}

// progressLines is what a read shows from page from on, given the items
// read before each page.
func progressLines(from int, before []int) string {
	var b strings.Builder
	for page := from; page <= len(before); page++ {
		fmt.Fprintf(&b, "\rreading solutions… page %d (%d)\x1b[K", page, before[page-1])
	}
	return b.String() + "\r\x1b[K"
}

func TestSlowReadShowsPageProgressOnATerminalAndClearsIt(t *testing.T) {
	// Slow from the start: the line is up while the first page is awaited.
	got, before := progressRead(t, true, 1)
	if len(before) < 4 {
		t.Fatalf("only %d pages", len(before))
	}
	if want := progressLines(1, before); got != want {
		t.Errorf("stderr = %q\nwant     %q", got, want)
	}
	// A second passes during page 3: nothing before it, every page after.
	got, before = progressRead(t, true, 3)
	if want := progressLines(3, before); got != want {
		t.Errorf("stderr = %q\nwant     %q", got, want)
	}
}

func TestReadShowsNoProgressWhenFastOrNotOnATerminal(t *testing.T) {
	if got, _ := progressRead(t, true, 0); got != "" {
		t.Errorf("a read under a second: %q", got)
	}
	if got, _ := progressRead(t, false, 0); got != "" {
		t.Errorf("stderr not a terminal: %q", got)
	}
}
