// Package sandbox is a stand-in for the parts of Meta's Graph API that
// Multi-Partner Solutions use. It is one http.Handler: `mps --demo` serves
// it on loopback, and tests start it with sandboxtest.Start. It imports no
// testing code, so it can ship in the binary. It follows the guide and
// graph-api-notes.md: version prefix, bearer token, field expansion, cursor
// paging, the solution state machine with role checks, Graph-shaped errors,
// usage headers, switchable faults, a request log and webhook payloads for
// every state change.
package sandbox

import (
	"net/http"
	"regexp"
	"sync"
	"sync/atomic"
	"time"
)

// The demo's identity: the app and business portfolio that "we" are, and the
// bearer token the sandbox accepts unless Options says otherwise.
const (
	DemoAppID      = "730114402298741"
	DemoBusinessID = "506914307656634"
	DemoToken      = "EAAMPSDEMO0SandboxToken0NotASecret"
)

// Options shape a sandbox. Zero values pick the demo defaults.
type Options struct {
	AppID      string // our app; default DemoAppID
	BusinessID string // our business portfolio; default DemoBusinessID
	Token      string // the only bearer accepted; default DemoToken
	// AppSecret, when set, makes every call carry a correct appsecret_proof
	// (HMAC-SHA256 of the token keyed by the secret), like apps with
	// "Require App Secret" switched on. Unset, the parameter is accepted silently.
	AppSecret string
	Latency   time.Duration // added to every Graph call, cut short by the request's ctx
	WABAs     int           // onboarded WABAs to generate; default 320, negative means none
	Solutions int           // extra generated solutions beyond the seeded ones
	// UsageBudget is how many calls count as 100% in X-App-Usage; the header
	// is sent once usage reaches 1%. Default 1000.
	UsageBudget int
	Now         func() time.Time // clock; default time.Now
	Seed        int64            // varies the generated WABAs; the same seed gives the same data
	// BareWABAInfo makes PARTNER_ADDED's waba_info carry only waba_id and
	// owner_business_id, as Embedded Signup outside a solution sends it:
	// no solution_id, no solution_partner_business_ids.
	BareWABAInfo bool
	// ActionBodies is the form action POSTs must use; the default ignores
	// the body. SetActionBodies and /_sandbox/action_bodies change it later.
	ActionBodies ActionBodies
	// ListDefaultFieldsOnly makes the solution list edges answer only their
	// default fields and ignore fields= expansion (see list_default_fields.go); the
	// control surface switches it at run time too.
	ListDefaultFieldsOnly bool
	// MessagingRule is how many sides of a new solution may hold
	// MESSAGING; the default is exactly one, as the reference says.
	// SetMessagingRule and /_sandbox/messaging change it later.
	MessagingRule MessagingRule
	// PartnerAnswer is how the partner answers the solutions we create;
	// the default is never. SetPartnerAnswer and /_sandbox/partner_answer
	// change it later.
	PartnerAnswer PartnerAnswer
}

// Sandbox is the Graph API stand-in. It is safe for concurrent use.
type Sandbox struct {
	opts Options

	mu    sync.Mutex // guards the data below
	state *world

	listDefaultsOnly atomic.Bool

	faults    faultList
	log       requestLog
	hooks     webhookSubscribers
	usage     usageCounters
	traces    traceIDs
	schema    *schema
	versionRE *regexp.Regexp
	bodies    atomic.Int32  // an ActionBodies
	messaging atomic.Int32  // a MessagingRule
	answer    PartnerAnswer // guarded by mu
}

// New builds a sandbox with the seeded demo data.
func New(opts Options) *Sandbox {
	opts = withDefaults(opts)
	s := &Sandbox{opts: opts, schema: newSchema(), versionRE: versionPattern()}
	s.state = seedWorld(opts)
	s.SetActionBodies(opts.ActionBodies)
	s.SetMessagingRule(opts.MessagingRule)
	s.answer = opts.PartnerAnswer
	s.listDefaultsOnly.Store(opts.ListDefaultFieldsOnly)
	return s
}

func withDefaults(o Options) Options {
	if o.AppID == "" {
		o.AppID = DemoAppID
	}
	if o.BusinessID == "" {
		o.BusinessID = DemoBusinessID
	}
	if o.Token == "" {
		o.Token = DemoToken
	}
	if o.WABAs == 0 {
		o.WABAs = 320
	}
	if o.WABAs < 0 {
		o.WABAs = 0
	}
	if o.Solutions < 0 {
		o.Solutions = 0
	}
	if o.UsageBudget <= 0 {
		o.UsageBudget = 1000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Options returns the options in effect, defaults filled in.
func (s *Sandbox) Options() Options { return s.opts }

var _ http.Handler = (*Sandbox)(nil)
