package journal

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/store/storetest"
)

const writerPathEnv = "MPS_JOURNAL_TEST_WRITER"

// TestJournalWriterProcess records actions until it is killed; it does
// nothing unless TestJournalSurvivesSIGKILL starts it.
func TestJournalWriterProcess(t *testing.T) {
	at := storetest.ChildValue(t, writerPathEnv, "TestJournalSurvivesSIGKILL")
	ctx := context.Background()
	f, err := journals().Either(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		id := begin(t, f, accept(strconv.Itoa(i), time.Now()))
		fmt.Println("BEGUN", id)
		if err := f.Finish(ctx, id, Result{Outcome: Done, StateAfter: "Active", Finished: time.Now()}); err != nil {
			t.Fatal(err)
		}
		fmt.Println("DONE", id)
	}
}

// A SIGKILL at any point loses nothing the writer was told is stored:
// every entry whose Begin returned is there, every one whose Finish
// returned has its outcome, and the one caught in between is in flight.
func TestJournalSurvivesSIGKILL(t *testing.T) {
	journals().Each(t, func(t *testing.T, eng engine) {
		for round, killAfter := range []int{5, 40, 150} {
			at := eng.Fresh(t)
			cmd, out := storetest.StartChild(t, "TestJournalWriterProcess", writerPathEnv+"="+at)
			begun, done := map[int64]bool{}, map[int64]bool{}
			sc := bufio.NewScanner(out)
			for sc.Scan() && len(done) < killAfter {
				word, n, ok := strings.Cut(sc.Text(), " ")
				id, err := strconv.ParseInt(n, 10, 64)
				if !ok || err != nil {
					continue
				}
				if word == "BEGUN" {
					begun[id] = true
				} else if word == "DONE" {
					done[id] = true
				}
			}
			storetest.KillChild(t, cmd)

			f, err := journals().Either(context.Background(), at)
			if err != nil {
				t.Fatalf("round %d: reopening after SIGKILL: %v", round, err)
			}
			all, err := f.List(context.Background(), Query{})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			stored := map[int64]Outcome{}
			for _, e := range all {
				stored[e.ID] = e.Outcome
			}
			for id := range begun {
				outcome, ok := stored[id]
				switch {
				case !ok:
					t.Errorf("round %d: entry %d was begun and is gone", round, id)
				case done[id] && outcome != Done:
					t.Errorf("round %d: entry %d was finished and reads %s", round, id, outcome)
				}
			}
			inFlight := 0
			for _, o := range stored {
				if o == InFlight {
					inFlight++
				}
			}
			if inFlight > 1 {
				t.Errorf("round %d: %d entries in flight; one writer can leave at most one", round, inFlight)
			}
		}
	})
}
