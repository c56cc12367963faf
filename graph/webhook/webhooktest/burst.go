package webhooktest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Burst is Meta delivering a burst to a receiver from several connections
// at once, for tests that stop the receiver in the middle of it.
type Burst struct {
	// Reached is closed once Acks deliveries have been answered 200.
	Reached <-chan struct{}

	mu       sync.Mutex
	acked    []int
	attempts int
	done     sync.WaitGroup
}

// StartBurst sends delivery(0), delivery(1), ... up to total, from senders
// goroutines, to receiverURL. A sender stops at the first answer that
// does not arrive (the receiver is gone). delivery gives each body and its
// headers (the signature).
func StartBurst(client *http.Client, receiverURL string, total, senders, acks int, delivery func(n int) ([]byte, http.Header)) *Burst {
	reached := make(chan struct{})
	b := &Burst{Reached: reached}
	var once sync.Once
	next := 0
	for range senders {
		b.done.Go(func() {
			for {
				b.mu.Lock()
				n := next
				next++
				b.mu.Unlock()
				if n >= total {
					return
				}
				body, header := delivery(n)
				status, err := Deliver(client, receiverURL, body, header)
				b.mu.Lock()
				b.attempts = max(b.attempts, n+1)
				if status == http.StatusOK {
					b.acked = append(b.acked, n)
				}
				if len(b.acked) >= acks {
					once.Do(func() { close(reached) })
				}
				b.mu.Unlock()
				if err != nil {
					return
				}
			}
		})
	}
	return b
}

// Wait waits for every sender to stop and returns the deliveries answered
// 200 and how many were attempted (every one below attempts was sent, or
// was being sent when the receiver went away). Attempts equal to total
// means the burst ended before the receiver did.
func (b *Burst) Wait() (acked []int, attempts int) {
	b.done.Wait()
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.acked, b.attempts
}

// Deliver is Post for a test that goes on when the receiver is gone: it
// returns the transport's error instead of failing the test, and may be
// called from any goroutine.
func Deliver(client *http.Client, receiverURL string, body []byte, header http.Header) (int, error) {
	req, err := http.NewRequest(http.MethodPost, receiverURL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	for name, values := range header {
		for _, v := range values {
			req.Header.Add(name, v)
		}
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// OnboardingWABA is the WABA that Onboarding(n) reports.
func OnboardingWABA(n int) string { return fmt.Sprint(onboardingWABAs + n) }

const onboardingWABAs = 500000000

// Onboarding is a delivery of one PARTNER_ADDED (account_update), for
// WABA OnboardingWABA(n) at its own entry time: a distinct event per n.
func Onboarding(n int) []byte {
	return fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":"506914307656634","time":%d,"changes":[{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"%d","owner_business_id":"6143763655652543","solution_id":"303610109049230","solution_partner_business_ids":["506914307656634"]}}}]}]}`,
		1764000000+n, onboardingWABAs+n)
}
