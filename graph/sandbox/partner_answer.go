package sandbox

import (
	"fmt"
	"time"

	"mps/graph"
	"mps/graph/webhook"
)

// PartnerReply is how the invited partner answers a solution we created.
type PartnerReply int

const (
	PartnerSilent  PartnerReply = iota // the partner does not answer (the default)
	PartnerAccepts                     // the solution becomes Active
	PartnerRejects                     // the solution becomes Inactive (REJECTED)
)

func partnerReplyNames() enumNames { return enumNames{"none", "accept", "reject"} }

func (p PartnerReply) String() string { return partnerReplyNames().text(int(p), "PartnerReply") }

// ParsePartnerReply reads "none", "accept" or "reject".
func ParsePartnerReply(name string) (PartnerReply, bool) {
	i, ok := partnerReplyNames().parse(name)
	return PartnerReply(i), ok
}

// PartnerAnswer is how the partner answers every solution we create from
// now on, so that a demo shows a solution's whole life: created, then
// accepted (Active) or rejected (Inactive) After the create.
type PartnerAnswer struct {
	Reply PartnerReply
	After time.Duration
}

// SetPartnerAnswer sets how the partner answers the solutions we create
// from now on; PartnerAnswer{} stops it. Answers already scheduled stand.
func (s *Sandbox) SetPartnerAnswer(a PartnerAnswer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answer = a
}

// PartnerAnswerRule is how the partner answers the solutions we create.
func (s *Sandbox) PartnerAnswerRule() PartnerAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.answer
}

// AnswerAsPartner has the partner of a solution we own answer its request
// after the delay, on a timer of its own: the solution changes, and
// SOLUTION_UPDATED is delivered, only if the request is still waiting
// then. It refuses a solution that does not exist or that we do not own.
func (s *Sandbox) AnswerAsPartner(solutionID string, reply PartnerReply, after time.Duration) error {
	s.mu.Lock()
	sol, ok := s.state.solution(solutionID)
	owned := ok && sol.owner == s.state.us
	if owned && reply != PartnerSilent {
		s.state.answers[solutionID] = scheduledAnswer{reply: reply, at: s.opts.Now().Add(after)}
	}
	s.mu.Unlock()
	switch {
	case !ok:
		return fmt.Errorf("no solution %s", solutionID)
	case !owned:
		return fmt.Errorf("solution %s is not ours: only a solution we own waits for its partner's answer", solutionID)
	case reply == PartnerSilent:
		return nil
	}
	s.schedule(solutionID, reply, after)
	return nil
}

// schedule has the partner's answer arrive after the delay.
func (s *Sandbox) schedule(solutionID string, reply PartnerReply, after time.Duration) {
	time.AfterFunc(after, func() { s.partnerReplies(solutionID, reply) })
}

// partnerReplies is the partner's answer arriving.
func (s *Sandbox) partnerReplies(solutionID string, reply PartnerReply) {
	s.mu.Lock()
	delete(s.state.answers, solutionID)
	sol, ok := s.state.solution(solutionID)
	if !ok {
		s.mu.Unlock()
		return
	}
	if st, _ := graph.DisplayState(sol.status, sol.pending); st != graph.StatePending {
		s.mu.Unlock()
		return
	}
	status, rowStatus := graph.StatusActive, graph.PartnerStatusAccepted
	if reply == PartnerRejects {
		status, rowStatus = graph.StatusRejected, partnerStatusRejected
	}
	for _, row := range sol.partners {
		setState(sol, status, graph.PendingNone, row.app, rowStatus)
	}
	payload := s.solutionEvent(webhook.EventSolutionUpdated, sol)
	s.mu.Unlock()
	s.deliver([][]byte{payload})
}
