package cli

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"testing"
	"time"

	"mps/graph"
	"mps/graph/graphtest"
)

// progressRead reads the sandbox's solutions three to a page through
// readPages, with a clock that moves step for every page.
func progressRead(t *testing.T, terminal bool, step time.Duration) (stderr string, items int) {
	t.Helper()
	_, srv := graphtest.Start(t, graphtest.Options{Solutions: 8})
	client, err := graph.New(graph.WithBaseURL(srv.URL),
		graph.WithTokenSource(func(context.Context) (string, error) { return graphtest.DemoToken, nil }))
	if err != nil {
		t.Fatal(err)
	}
	now := harnessNow()
	var buf bytes.Buffer
	s := &Session{stderr: &buf, env: Env{
		Now:              func() time.Time { return now },
		StderrIsTerminal: func() bool { return terminal },
	}.withDefaults()}
	pages := client.AppSolutionPages(context.Background(), graphtest.DemoAppID, graph.SolutionQuery{Limit: 3})
	slow := func(yield func(graph.Page[graph.Solution], error) bool) {
		for page, err := range pages {
			now = now.Add(step)
			if !yield(page, err) {
				return
			}
		}
	}
	all, err := readPages(s, "solutions", iter.Seq2[graph.Page[graph.Solution], error](slow))
	if err != nil {
		t.Fatal(err)
	}
	return buf.String(), len(all)
}

func TestSlowReadShowsPageProgressOnATerminalAndClearsIt(t *testing.T) {
	got, items := progressRead(t, true, 400*time.Millisecond)
	if items <= 9 {
		t.Fatalf("only %d solutions: the read needs more than three pages", items)
	}
	// Pages 1 and 2 come within the first second; from page 3 on the line is drawn.
	var want bytes.Buffer
	read := 0
	for page := 1; read < items; page++ {
		read = min(read+3, items)
		if page >= 3 {
			fmt.Fprintf(&want, "\rreading solutions… page %d (%d)\x1b[K", page, read)
		}
	}
	want.WriteString("\r\x1b[K")
	if got != want.String() {
		t.Errorf("stderr = %q\nwant     %q", got, want.String())
	}
}

func TestReadShowsNoProgressWhenFastOrNotOnATerminal(t *testing.T) {
	if got, _ := progressRead(t, false, 400*time.Millisecond); got != "" {
		t.Errorf("stderr not a terminal: %q", got)
	}
	if got, _ := progressRead(t, true, 0); got != "" {
		t.Errorf("a read under a second: %q", got)
	}
}
