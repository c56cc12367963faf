package sandbox

import (
	"fmt"

	"mps/graph"
	"mps/graph/webhook"
)

// WABAs returns every onboarded WABA shared with all the given partner
// businesses (all WABAs when none are given), in list order.
func (s *Sandbox) WABAs(partnerBusinessIDs ...string) []graph.WABA {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := &s.state.wabas
	var out []graph.WABA
	for ord := range ws.count() {
		if ws.listed(ord) && sharesAll(ws, ord, partnerBusinessIDs) {
			out = append(out, ws.waba(ord))
		}
	}
	return out
}

// WABACount is how many WABAs are onboarded.
func (s *Sandbox) WABACount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.wabas.count() - len(s.state.wabas.gone)
}

func sharesAll(ws *wabaSet, ord int, businesses []string) bool {
	for _, b := range businesses {
		if !ws.shares(ord, b) {
			return false
		}
	}
	return true
}

// WABASolutionIDs lists the IDs of the solutions that onboarded a WABA.
func (s *Sandbox) WABASolutionIDs(wabaID string) ([]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ord, ok := s.state.wabas.ordinalOf(wabaID)
	if !ok {
		return nil, false
	}
	var out []string
	for _, i := range s.state.wabas.solutionsOf(ord) {
		out = append(out, s.state.solutions[i].id)
	}
	return out, true
}

// OnboardCustomer onboards a new customer through a solution, as a finished
// Embedded Signup would, and emits account_update PARTNER_ADDED. Only an
// Active solution (a pending deactivation included) can onboard.
func (s *Sandbox) OnboardCustomer(solutionID string) (graph.WABA, error) {
	s.mu.Lock()
	w := s.state
	i, ok := w.byID[solutionID]
	if !ok || w.roleIn(w.solutions[i]) == graph.RoleUnknown {
		s.mu.Unlock()
		return graph.WABA{}, fmt.Errorf("sandbox: no solution %s that our app can see", solutionID)
	}
	sol := w.solutions[i]
	if !canOnboard(sol) {
		s.mu.Unlock()
		return graph.WABA{}, fmt.Errorf("sandbox: solution %s is %s; only an Active solution onboards customers", solutionID, sol.status)
	}
	ord := w.wabas.add(w.wabas.patternFor(w, []int{i}))
	waba := w.wabas.waba(ord)
	change := w.partnerAdded(ord, sol)
	if s.opts.BareWABAInfo {
		change.WABAInfo.SolutionID, change.WABAInfo.SolutionPartnerBusinessIDs = "", nil
	}
	payload := s.webhookPayload(webhook.FieldAccountUpdate, change)
	s.mu.Unlock()
	s.deliver([][]byte{payload})
	return waba, nil
}

// partnerAdded is the account_update value for a WABA onboarded through sol.
func (w *world) partnerAdded(ord int, sol *solution) accountChange {
	return accountChange{Event: webhook.EventPartnerAdded, WABAInfo: wabaInfo{
		WABAID: wabaID(ord), OwnerBusinessID: customerBusinessID(ord), SolutionID: sol.id,
		SolutionPartnerBusinessIDs: w.businessIDs(sol),
	}}
}

// RemoveCustomer ends a customer's partnership, as the customer can in
// Business Manager, and emits account_update PARTNER_REMOVED. The WABA is
// then neither listed nor readable (Graph's 100/33).
func (s *Sandbox) RemoveCustomer(wabaID string) error {
	s.mu.Lock()
	w := s.state
	ord, ok := w.wabas.ordinalOf(wabaID)
	if !ok {
		s.mu.Unlock()
		return fmt.Errorf("sandbox: no customer WABA %s", wabaID)
	}
	w.wabas.remove(ord)
	payload := s.webhookPayload(webhook.FieldAccountUpdate, accountChange{Event: webhook.EventPartnerRemoved,
		WABAInfo: wabaInfo{WABAID: wabaID, OwnerBusinessID: customerBusinessID(ord)}})
	s.mu.Unlock()
	s.deliver([][]byte{payload})
	return nil
}
