package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"mps/graph/sandbox"
	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store/storetest"
)

// The receiver as a team runs it: real `mps webhook serve` processes, on
// SQLite and on PostgreSQL, sent signed deliveries as Meta sends them.

const storeTestSecret = "e2e-store-app-secret"

// storeWorld is a world whose store (MPS_STORE) is store, with the
// receiver's secrets in the environment.
func storeWorld(t *testing.T, store string) *world {
	t.Helper()
	w := newWorld(t, sandbox.Options{WABAs: -1})
	w.extra = []string{"MPS_STORE=" + store, "MPS_APP_SECRET=" + storeTestSecret, "MPS_VERIFY_TOKEN=e2e-store-verify"}
	return w
}

// engines are the stores the tests run on: a SQLite directory, and a
// fresh PostgreSQL database (skipped without MPS_TEST_POSTGRES).
func engines(t *testing.T, run func(t *testing.T, store string)) {
	t.Run("sqlite", func(t *testing.T) { run(t, filepath.Join(t.TempDir(), "store")) })
	t.Run("postgres", func(t *testing.T) { run(t, storetest.Postgres(t)) })
}

var listeningAt = regexp.MustCompile(`Receiving webhooks at (http://\S+)`)

// receiver starts `mps webhook serve` and waits until it says its URL.
func (w *world) receiver() (*process, string) {
	w.t.Helper()
	p := w.start("webhook", "serve", "--addr", "127.0.0.1:0")
	deadline := time.Now().Add(screenWait)
	for {
		if m := listeningAt.FindStringSubmatch(p.stdout.String()); m != nil {
			return p, m[1]
		}
		select {
		case <-p.done:
			w.t.Fatalf("mps webhook serve exited (code %d) before listening:\n%s%s", p.code, p.stdout.String(), p.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("mps webhook serve never said where it listens:\n%s", p.stdout.String())
		}
	}
}

// storedWABAs counts, per WABA, the events `mps events --json` lists.
func (w *world) storedWABAs() map[string]int {
	w.t.Helper()
	res := w.run("events", "--json")
	if res.code != 0 {
		w.t.Fatalf("mps events: exit %d\n%s", res.code, res.stderr)
	}
	var events []struct {
		WABAID string `json:"waba_id"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &events); err != nil {
		w.t.Fatalf("mps events --json: %v\n%s", err, res.stdout)
	}
	count := map[string]int{}
	for _, e := range events {
		count[e.WABAID]++
	}
	return count
}

// Two receivers on one database, each sent every delivery at the same
// moment, as Meta's redeliveries and a load balancer may: each answers
// 200, and each event is stored once.
func TestTwoReceiversStoreEachEventOnce(t *testing.T) {
	w := storeWorld(t, storetest.Postgres(t))
	if res := w.run("store", "migrate"); res.code != 0 {
		t.Fatalf("mps store migrate: %d\n%s", res.code, res.stderr)
	}
	_, first := w.receiver()
	_, second := w.receiver()
	const deliveries = 200
	client := &http.Client{Timeout: 20 * time.Second}
	var wg sync.WaitGroup
	errs := make(chan error, 2*deliveries)
	for n := range deliveries {
		body, signature := signedOnboarded(n)
		for _, url := range []string{first, second} {
			wg.Go(func() {
				if status, err := webhooktest.Deliver(client, url, body, signature); err != nil || status != http.StatusOK {
					errs <- fmt.Errorf("delivery %d to %s: %d %v", n, url, status, err)
				}
			})
		}
		if n%20 == 19 {
			wg.Wait() // a few dozen at a time, not 400 connections at once
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	stored := w.storedWABAs()
	if len(stored) != deliveries {
		t.Fatalf("%d WABAs stored, want %d", len(stored), deliveries)
	}
	for waba, n := range stored {
		if n != 1 {
			t.Errorf("WABA %s stored %d times", waba, n)
		}
	}
}

// SIGKILL the receiver in the middle of a burst: every delivery it
// answered 200 is in the store, and Meta's redelivery of the rest to the
// restarted receiver fills the gaps, once each.
func TestKilledReceiverKeepsEveryAcknowledgedDelivery(t *testing.T) {
	engines(t, func(t *testing.T, store string) {
		w := storeWorld(t, store)
		p, url := w.receiver()
		const burst, killAfter, senders = 1500, 150, 4
		client := &http.Client{Timeout: 20 * time.Second}
		b := webhooktest.StartBurst(client, url, burst, senders, killAfter, signedOnboarded)
		select {
		case <-b.Reached:
		case <-time.After(2 * time.Minute):
			t.Fatal("the receiver acknowledged too few deliveries")
		}
		if err := p.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		<-p.done
		acked, attempts := b.Wait()
		if attempts >= burst {
			t.Fatal("the burst ended before the kill; make it longer")
		}
		t.Logf("killed after %d acknowledged deliveries of %d attempted", len(acked), attempts)

		stored := w.storedWABAs()
		for _, n := range acked {
			if stored[webhooktest.OnboardingWABA(n)] != 1 {
				t.Errorf("WABA %s was answered 200 but is stored %d times", webhooktest.OnboardingWABA(n), stored[webhooktest.OnboardingWABA(n)])
			}
		}
		_, again := w.receiver()
		for n := range attempts {
			body, signature := signedOnboarded(n)
			if status, err := webhooktest.Deliver(client, again, body, signature); err != nil || status != http.StatusOK {
				t.Fatalf("redelivery %d to the restarted receiver: %d %v", n, status, err)
			}
		}
		stored = w.storedWABAs()
		if len(stored) != attempts {
			t.Fatalf("after the redelivery %d WABAs are stored, want one per delivery (%d)", len(stored), attempts)
		}
		for waba, n := range stored {
			if n != 1 {
				t.Errorf("WABA %s stored %d times", waba, n)
			}
		}
	})
}

// signedOnboarded is webhooktest.Onboarding(n) with its signature, as Meta sends it.
func signedOnboarded(n int) ([]byte, http.Header) {
	body := webhooktest.Onboarding(n)
	return body, http.Header{webhook.SignatureHeader: {webhook.Sign(body, storeTestSecret)}}
}
