package readmodel

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"mps/graph/webhook"
	"mps/graph/webhook/webhooktest"
	"mps/store/eventlog"
	"mps/store/storetest"
)

const (
	receiverDBEnv  = "MPS_WEBHOOKS_TEST_RECEIVER_DB"
	listeningLine  = "LISTENING "
	burstSize      = 1500
	killAfterAcked = 150
	senders        = 4
)

// TestReceiverProcess is the receiver of the durability test, run in a
// process of its own; it does nothing unless started by that test.
func TestReceiverProcess(t *testing.T) {
	path := storetest.ChildValue(t, receiverDBEnv, "TestReceiverKilledMidBurstKeepsEveryAcknowledgedDelivery")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	l, err := eventlog.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	h := newLogHandler(t, l)
	ln := webhooktest.Listen(t)
	fmt.Println(listeningLine + ln.Addr().String())
	if err := webhook.Serve(ctx, ln, "/webhook", h, webhook.Limits{}); err != nil {
		t.Fatal(err)
	}
}

// receiverProcess is a running receiver process.
type receiverProcess struct {
	cmd *exec.Cmd
	url string
}

func startReceiverProcess(t *testing.T, dbPath string) *receiverProcess {
	t.Helper()
	cmd, out := storetest.StartChild(t, "TestReceiverProcess", receiverDBEnv+"="+dbPath)
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), listeningLine); ok {
				addr <- a
				break
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case a := <-addr:
		return &receiverProcess{cmd: cmd, url: "http://" + a + "/webhook"}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the receiver process did not say where it listens")
		return nil
	}
}

func (p *receiverProcess) kill(t *testing.T) {
	t.Helper()
	storetest.KillChild(t, p.cmd)
}

func onboardingDelivery(n int) []byte {
	return fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":"506914307656634","time":%d,"changes":[{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"%d","owner_business_id":"6143763655652543","solution_id":"303610109049230","solution_partner_business_ids":["506914307656634"]}}}]}]}`,
		1764000000+n, 500000000+n)
}

// sendSigned POSTs one signed delivery; ok means the receiver answered 200.
func sendSigned(client *http.Client, url string, body []byte) (ok bool, err error) {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		return false, err
	}
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(body, testSecret))
	resp, err := client.Do(req)
	if err != nil {
		return false, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func TestReceiverKilledMidBurstKeepsEveryAcknowledgedDelivery(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns receiver processes")
	}
	dbPath := filepath.Join(t.TempDir(), eventlog.FileName)
	first := startReceiverProcess(t, dbPath)

	var (
		mu       sync.Mutex
		acked    = map[string]bool{} // WABA IDs the receiver answered 200 for
		next     int
		attempts int
	)
	killNow := make(chan struct{})
	var killOnce sync.Once
	client := &http.Client{Timeout: 20 * time.Second}
	var wg sync.WaitGroup
	for range senders {
		wg.Go(func() {
			for {
				mu.Lock()
				n := next
				next++
				mu.Unlock()
				if n >= burstSize {
					return
				}
				ok, err := sendSigned(client, first.url, onboardingDelivery(n))
				mu.Lock()
				attempts = max(attempts, n+1)
				if ok {
					acked[fmt.Sprint(500000000+n)] = true
				}
				if len(acked) >= killAfterAcked {
					killOnce.Do(func() { close(killNow) })
				}
				mu.Unlock()
				if err != nil {
					return // the receiver is gone
				}
			}
		})
	}
	select {
	case <-killNow:
	case <-time.After(2 * time.Minute):
		t.Fatal("the receiver acknowledged too few deliveries")
	}
	first.kill(t)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if next >= burstSize {
		t.Fatalf("the burst finished before the kill; raise burstSize")
	}
	t.Logf("killed after %d acknowledged deliveries of %d attempted", len(acked), attempts)

	second := startReceiverProcess(t, dbPath)
	defer second.kill(t)
	l, err := eventlog.Open(context.Background(), dbPath) // read from this process while the receiver runs
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	stored, err := l.List(context.Background(), eventlog.Query{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range stored {
		have[e.WABAID] = true
	}
	for id := range acked {
		if !have[id] {
			t.Errorf("delivery for WABA %s was answered 200 but is not in the log", id)
		}
	}

	// Meta redelivers what it did not see acknowledged (and sometimes more):
	// replay every attempted delivery to the restarted receiver.
	for n := range attempts {
		if ok, err := sendSigned(client, second.url, onboardingDelivery(n)); !ok || err != nil {
			t.Fatalf("redelivery %d to the restarted receiver: ok=%v err=%v", n, ok, err)
		}
	}
	stored, err = l.List(context.Background(), eventlog.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != attempts {
		t.Fatalf("after redelivery the log has %d rows, want one per delivery (%d)", len(stored), attempts)
	}
}
