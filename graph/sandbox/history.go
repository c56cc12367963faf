package sandbox

import (
	"slices"
	"time"

	"mps/graph"
	"mps/graph/webhook"
)

// HistoryOnboardings is how many of the newest WABAs ReplayHistory reports
// as onboarded within the last week: a fifth of the guide's weekly limit of
// 200, well below its 80% warning. Fewer are reported when fewer WABAs came
// through a solution that can onboard. How they split between solutions
// depends on Options.Seed.
const HistoryOnboardings = 40

// The shape of the replayed history, all before Options.Now.
const (
	historyWeek = 7 * 24 * time.Hour
	// Settled solutions were created 12 to 30 days ago and changed state
	// within 4 days of that, so every activation precedes the week's onboardings.
	settledAgo   = 12 * 24 * time.Hour
	settledSpan  = 18 * 24 * time.Hour
	stepMin      = 6 * time.Hour
	stepSpan     = 42 * time.Hour
	awaitingAgo  = 20 * time.Minute // an open request is 20 minutes to 5 days old
	awaitingSpan = 5 * 24 * time.Hour
	// historySalt keeps the history's hashes apart from the WABAs' own.
	historySalt = 0x5eed_4157
)

// timedPayload is one replayed webhook body and when it happened.
type timedPayload struct {
	at   time.Time
	body []byte
}

// ReplayHistory emits, to OnWebhook subscribers, the webhooks that would
// have brought the sandbox to its current state, each dated in the past
// (entry.time before Options.Now): a SOLUTION_CREATED for every solution our
// app can see, a SOLUTION_UPDATED for each state it went through to reach
// its current status, and a PARTNER_ADDED for the HistoryOnboardings newest
// WABAs, spread over the last seven days. Payloads are delivered oldest
// first. The same Seed and clock give the same payloads; the times are
// relative to Now when called, so call it once, after subscribing.
func (s *Sandbox) ReplayHistory() {
	s.mu.Lock()
	now := s.opts.Now()
	seed := uint64(s.opts.Seed) ^ historySalt
	var timed []timedPayload
	for i, sol := range s.state.solutions {
		if s.state.roleIn(sol) != graph.RoleUnknown {
			timed = append(timed, s.solutionHistory(sol, mix(seed, uint64(i)), now)...)
		}
	}
	timed = append(timed, s.onboardingHistory(seed, now)...)
	s.mu.Unlock()
	slices.SortStableFunc(timed, func(a, b timedPayload) int { return a.at.Compare(b.at) })
	payloads := make([][]byte, len(timed))
	for i, t := range timed {
		payloads[i] = t.body
	}
	s.deliver(payloads)
}

// statusPath is the webhook statuses a solution went through to reach final.
func statusPath(final string) []string {
	path := []string{graph.StatusInitiated}
	if final == graph.StatusDraft {
		path[0] = graph.StatusDraft
	}
	if final == graph.StatusPendingDeactivation || final == graph.StatusDeactivated {
		path = append(path, graph.StatusActive)
	}
	if final != path[len(path)-1] {
		path = append(path, final)
	}
	return path
}

// awaitsAnswer reports whether a status is an open request, whose age the
// dashboard shows: those were made recently.
func awaitsAnswer(status string) bool {
	return status == graph.StatusInitiated || status == graph.StatusPending || status == graph.StatusPendingDeactivation
}

// solutionHistory dates one solution's path from h. Caller holds s.mu.
func (s *Sandbox) solutionHistory(sol *solution, h uint64, now time.Time) []timedPayload {
	path := statusPath(webhookStatus(sol.status, sol.pending))
	at := now.Add(-spread(h, settledAgo, settledSpan))
	if len(path) == 1 && awaitsAnswer(path[0]) {
		at = now.Add(-spread(h, awaitingAgo, awaitingSpan))
	}
	out := make([]timedPayload, 0, len(path))
	for k, status := range path {
		event := webhook.EventSolutionUpdated
		switch {
		case k == 0:
			event = webhook.EventSolutionCreated
		case k == len(path)-1 && awaitsAnswer(status):
			at = now.Add(-spread(mix(h, uint64(k)), awaitingAgo, awaitingSpan))
		default:
			at = at.Add(spread(mix(h, uint64(k)), stepMin, stepSpan))
		}
		out = append(out, timedPayload{at: at, body: s.webhookPayloadAt(webhook.FieldPartnerSolutions, solutionChange{
			Event: event, SolutionID: sol.id, SolutionStatus: status,
		}, at)})
	}
	return out
}

// onboardingHistory dates the newest WABAs that came through a solution that
// can onboard: the k-th newest in the k-th of HistoryOnboardings equal slots
// of the last week, so all fall inside it. Caller holds s.mu.
func (s *Sandbox) onboardingHistory(seed uint64, now time.Time) []timedPayload {
	w := s.state
	slot := historyWeek / HistoryOnboardings
	var out []timedPayload
	for ord := w.wabas.count() - 1; ord >= 0 && len(out) < HistoryOnboardings; ord-- {
		sol, ok := w.onboardedThrough(ord)
		if !ok {
			continue
		}
		ago := time.Duration(len(out))*slot + spread(mix(seed, uint64(ord)), time.Minute, slot-2*time.Minute)
		at := now.Add(-ago)
		out = append(out, timedPayload{at: at, body: s.webhookPayloadAt(webhook.FieldAccountUpdate, w.partnerAdded(ord, sol), at)})
	}
	return out
}

// onboardedThrough is the first solution of a WABA's that we can see and
// that can onboard today.
func (w *world) onboardedThrough(ord int) (*solution, bool) {
	for _, i := range w.wabas.solutionsOf(ord) {
		if sol := w.solutions[i]; canOnboard(sol) && w.roleIn(sol) != graph.RoleUnknown {
			return sol, true
		}
	}
	return nil, false
}

// spread maps h into [least, least+span), in whole seconds as entry.time has.
func spread(h uint64, least, span time.Duration) time.Duration {
	secs := max(uint64(span/time.Second), 1)
	return least + time.Duration(h%secs)*time.Second
}
