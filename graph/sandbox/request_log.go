package sandbox

import (
	"net/http"
	"slices"
	"sync"
	"time"
)

// Request is one Graph call as the sandbox received it. Tests use the log to
// count calls and to check where the token went.
type Request struct {
	Method   string
	Path     string
	RawQuery string
	Header   http.Header
	Body     string
	At       time.Time
}

type requestLog struct {
	mu   sync.Mutex
	list []Request
}

func (l *requestLog) add(r Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = append(l.list, r)
}

// Requests returns a copy of the log, oldest first. Control-surface calls
// (/_sandbox/) are not logged.
func (s *Sandbox) Requests() []Request {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	out := slices.Clone(s.log.list)
	for i := range out {
		out[i].Header = out[i].Header.Clone()
	}
	return out
}

// Posts returns the POST requests of the log, oldest first: the actions
// and changes sent, without the reads.
func (s *Sandbox) Posts() []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Method == http.MethodPost {
			out = append(out, r)
		}
	}
	return out
}

// ResetRequests empties the log.
func (s *Sandbox) ResetRequests() {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	s.log.list = nil
}
