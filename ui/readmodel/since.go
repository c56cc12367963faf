package readmodel

import (
	"sync"
	"time"

	"mps/graph/webhook"
	"mps/store/eventlog"
)

// StatusSince remembers, per solution, since when its partner_solutions
// webhooks have reported its current status: the age of a pending request,
// which Graph itself does not report. It is safe for concurrent use: the
// Events tab's reads feed it, the Pending tab asks it.
type StatusSince struct {
	mu  sync.Mutex
	per map[string]statusRun
	// reports counts the PARTNER_ADDED and PARTNER_REMOVED events noted,
	// so that a view joined with the log's reports (the Customers tab's
	// checklist) knows when they are worth reading again.
	reports uint64
}

// statusRun is a run of events with one status.
type statusRun struct {
	status string
	since  time.Time // the run's first event
	last   time.Time // its latest event
}

// Note takes events in any order; older ones than a solution's latest are
// redeliveries or late arrivals and change nothing.
func (s *StatusSince) Note(events []eventlog.Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.per == nil {
		s.per = map[string]statusRun{}
	}
	for _, e := range events {
		if e.Event == webhook.EventPartnerAdded || e.Event == webhook.EventPartnerRemoved {
			s.reports++
		}
		if e.Field != webhook.FieldPartnerSolutions || e.SolutionID == "" || e.Status == "" {
			continue
		}
		at := e.When()
		run, seen := s.per[e.SolutionID]
		switch {
		case !seen || (at.After(run.last) && e.Status != run.status):
			s.per[e.SolutionID] = statusRun{status: e.Status, since: at, last: at}
		case at.After(run.last):
			run.last = at
			s.per[e.SolutionID] = run
		}
	}
}

// Since is when the solution's current status was first reported.
func (s *StatusSince) Since(solutionID string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	run, ok := s.per[solutionID]
	return run.since, ok
}

// Reports is how many customer reports (PARTNER_ADDED, PARTNER_REMOVED)
// have been noted: it moves when the log's reports may have changed.
func (s *StatusSince) Reports() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reports
}
