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

// signedDelivery is webhooktest.Onboarding(n), signed as Meta signs it.
func signedDelivery(n int) ([]byte, http.Header) {
	body := webhooktest.Onboarding(n)
	return body, http.Header{webhook.SignatureHeader: {webhook.Sign(body, testSecret)}}
}

func TestReceiverKilledMidBurstKeepsEveryAcknowledgedDelivery(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns receiver processes")
	}
	dbPath := filepath.Join(t.TempDir(), eventlog.FileName)
	first := startReceiverProcess(t, dbPath)

	client := &http.Client{Timeout: 20 * time.Second}
	burst := webhooktest.StartBurst(client, first.url, burstSize, senders, killAfterAcked, signedDelivery)
	select {
	case <-burst.Reached:
	case <-time.After(2 * time.Minute):
		t.Fatal("the receiver acknowledged too few deliveries")
	}
	first.kill(t)
	ackedN, attempts := burst.Wait()
	if attempts >= burstSize {
		t.Fatalf("the burst finished before the kill; raise burstSize")
	}
	t.Logf("killed after %d acknowledged deliveries of %d attempted", len(ackedN), attempts)
	acked := map[string]bool{}
	for _, n := range ackedN {
		acked[webhooktest.OnboardingWABA(n)] = true
	}

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
		body, signature := signedDelivery(n)
		if status, err := webhooktest.Deliver(client, second.url, body, signature); status != http.StatusOK || err != nil {
			t.Fatalf("redelivery %d to the restarted receiver: %d %v", n, status, err)
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
