package sandbox

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
)

// FaultKind is one way the API or the network misbehaves.
type FaultKind int

const (
	FaultTransient        FaultKind = iota + 1 // HTTP 500, code 2, is_transient
	FaultThrottleAppLevel                      // code 4 over HTTP 403, with X-App-Usage at 100%
	FaultThrottleBUC                           // code 80008 with X-Business-Use-Case-Usage (Fault.RegainMinutes)
	FaultExpiredToken                          // code 190, subcode 463, over HTTP 400
	FaultDropConnection                        // the connection is closed before any answer
	FaultDropAfterApply                        // the request takes effect, then the connection is closed
	FaultLatency                               // Fault.Latency is added, then the call is answered
	FaultMalformedJSON                         // HTTP 200 with a body that is not JSON
	FaultTruncatedBody                         // the real answer, cut off halfway (Content-Length promises more)
	FaultOversizedBody                         // HTTP 200 with a 20 MiB JSON body
	FaultHTMLErrorPage                         // HTTP 502 text/html from a "proxy"
	FaultForeignNext                           // paging.next URLs name Fault.ForeignHost instead of the sandbox
	FaultEmptyPage                             // HTTP 200 with no items but a next that continues where the request stood
	FaultExtraFields                           // the real answer, with fields nobody asked for added to every object
)

// OversizedBodyBytes is the size of a FaultOversizedBody answer.
const OversizedBodyBytes = 20 << 20

func faultNames() map[FaultKind]string {
	return map[FaultKind]string{
		FaultTransient:        "transient",
		FaultThrottleAppLevel: "throttle_app",
		FaultThrottleBUC:      "throttle_buc",
		FaultExpiredToken:     "expired_token",
		FaultDropConnection:   "drop_connection",
		FaultDropAfterApply:   "drop_after_apply",
		FaultLatency:          "latency",
		FaultMalformedJSON:    "malformed_json",
		FaultTruncatedBody:    "truncated_body",
		FaultOversizedBody:    "oversized_body",
		FaultHTMLErrorPage:    "html_error_page",
		FaultForeignNext:      "foreign_next",
		FaultEmptyPage:        "empty_page",
		FaultExtraFields:      "extra_fields",
	}
}

// String is the kind's name as the control surface spells it.
func (k FaultKind) String() string {
	if name, ok := faultNames()[k]; ok {
		return name
	}
	return fmt.Sprintf("FaultKind(%d)", int(k))
}

// ParseFaultKind reads a kind from its name ("transient", "throttle_buc", ...).
func ParseFaultKind(name string) (FaultKind, bool) {
	for k, n := range faultNames() {
		if strings.EqualFold(n, name) {
			return k, true
		}
	}
	return 0, false
}

// MarshalText implements encoding.TextMarshaler.
func (k FaultKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *FaultKind) UnmarshalText(b []byte) error {
	kind, ok := ParseFaultKind(string(b))
	if !ok {
		return fmt.Errorf("unknown fault kind %q", b)
	}
	*k = kind
	return nil
}

// Fault is one switched-on misbehaviour. It applies to Graph calls whose
// method and path match, and never to the /_sandbox/ control surface.
// PathContains is a plain substring of the path (version included), so
// "/accept" also matches ".../accept_deactivation_request". The dropping kinds need
// a real server (Start, httptest or http.Server): under a ResponseRecorder
// they panic with http.ErrAbortHandler.
type Fault struct {
	Kind         FaultKind
	Method       string // "" matches any method
	PathContains string // "" matches every path
	// Param, "key=value", narrows the fault to calls with that query
	// parameter, such as "role=OWNER" for one of the solution list's two
	// role chains; "" matches every call.
	Param         string
	Times         int           // how many calls it hits; 0 means until cleared
	Latency       time.Duration // FaultLatency: the delay
	RegainMinutes int           // FaultThrottleBUC: estimated_time_to_regain_access
	ForeignHost   string        // FaultForeignNext: host[:port] or a URL base such as http://127.0.0.1:9; default https://foreign.example
}

func (f *Fault) matches(method, path string, query url.Values) bool {
	key, value, _ := strings.Cut(f.Param, "=")
	return (f.Method == "" || strings.EqualFold(f.Method, method)) && strings.Contains(path, f.PathContains) &&
		(f.Param == "" || query.Get(key) == value)
}

// faultList is the switched-on faults, first match wins.
type faultList struct {
	mu   sync.Mutex
	list []*Fault
}

// take returns the first fault matching the call and counts the hit.
func (fl *faultList) take(method, path string, query url.Values) (Fault, bool) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	for i, f := range fl.list {
		if !f.matches(method, path, query) {
			continue
		}
		hit := *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				fl.list = append(fl.list[:i:i], fl.list[i+1:]...)
			}
		}
		return hit, true
	}
	return Fault{}, false
}

// AddFault switches a fault on. Faults are tried in the order they were added.
func (s *Sandbox) AddFault(f Fault) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.list = append(s.faults.list, &f)
}

// ClearFaults switches every fault off.
func (s *Sandbox) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.list = nil
}

// Faults lists the faults still switched on, with their remaining Times.
func (s *Sandbox) Faults() []Fault {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	out := make([]Fault, len(s.faults.list))
	for i, f := range s.faults.list {
		out[i] = *f
	}
	return out
}
