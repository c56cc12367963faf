package sandbox

import (
	"encoding/json"
	"slices"
	"sync"
	"time"

	"mps/graph"
	"mps/graph/webhook"
)

type webhookSubscribers struct {
	mu   sync.Mutex
	list []func(payload []byte)
}

// OnWebhook subscribes fn to the webhook payloads the sandbox emits: a
// partner_solutions change (SOLUTION_CREATED, SOLUTION_UPDATED) for every
// state change, and an account_update PARTNER_ADDED for every onboarded
// customer. Each payload is a full body in Meta's shape.
//
// fn is called synchronously, on the goroutine that made the change (for an
// action POST: before its answer is written), with no sandbox lock held, so it
// may call back into the sandbox. Changes made concurrently may be delivered
// in either order. Subscribers are called in the order they subscribed.
func (s *Sandbox) OnWebhook(fn func(payload []byte)) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	s.hooks.list = append(s.hooks.list, fn)
}

func (s *Sandbox) deliver(payloads [][]byte) {
	if len(payloads) == 0 {
		return
	}
	s.hooks.mu.Lock()
	subs := slices.Clone(s.hooks.list)
	s.hooks.mu.Unlock()
	for _, p := range payloads {
		for _, fn := range subs {
			fn(slices.Clone(p))
		}
	}
}

// webhookStatus is the solution_status a webhook reports: the webhook
// vocabulary folds "ACTIVE with a deactivation request" into PENDING_DEACTIVATION.
func webhookStatus(status, pending string) string {
	if status == graph.StatusActive && pending == graph.PendingDeactivation {
		return graph.StatusPendingDeactivation
	}
	return status
}

type webhookChange struct {
	Value any    `json:"value"`
	Field string `json:"field"`
}

type webhookEntry struct {
	ID      string          `json:"id"`
	Time    int64           `json:"time"`
	Changes []webhookChange `json:"changes"`
}

type webhookBody struct {
	Entry  []webhookEntry `json:"entry"`
	Object string         `json:"object"`
}

type solutionChange struct {
	Event          string `json:"event"`
	SolutionID     string `json:"solution_id"`
	SolutionStatus string `json:"solution_status"`
}

type wabaInfo struct {
	WABAID                     string   `json:"waba_id"`
	OwnerBusinessID            string   `json:"owner_business_id"`
	SolutionID                 string   `json:"solution_id,omitempty"`
	SolutionPartnerBusinessIDs []string `json:"solution_partner_business_ids,omitempty"`
}

type accountChange struct {
	Event    string   `json:"event"`
	WABAInfo wabaInfo `json:"waba_info"`
}

// webhookPayload wraps one change in Meta's envelope, timed now. Caller holds s.mu.
func (s *Sandbox) webhookPayload(field string, value any) []byte {
	return s.webhookPayloadAt(field, value, s.opts.Now())
}

// webhookPayloadAt wraps one change that happened at the given time. Caller holds s.mu.
func (s *Sandbox) webhookPayloadAt(field string, value any, at time.Time) []byte {
	body := webhookBody{
		Object: "whatsapp_business_account",
		Entry: []webhookEntry{{
			ID:      s.state.business,
			Time:    at.Unix(),
			Changes: []webhookChange{{Value: value, Field: field}},
		}},
	}
	b, err := json.Marshal(body)
	if err != nil {
		panic(err) // the envelope holds only strings and numbers
	}
	return b
}

func (s *Sandbox) solutionEvent(event string, sol *solution) []byte {
	return s.webhookPayload(webhook.FieldPartnerSolutions, solutionChange{
		Event: event, SolutionID: sol.id, SolutionStatus: webhookStatus(sol.status, sol.pending),
	})
}
