package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// DemoAppSecret is the demo app's secret: the sandbox's app access token
// is DemoAppID|DemoAppSecret unless Options.AppSecret names another.
const DemoAppSecret = "sandbox-app-secret-not-a-secret"

// DemoCreditLineID is the demo business's one credit line.
const DemoCreditLineID = "4089320553118012"

// DemoCallbackURL is where the seeded app subscription sends webhooks.
const DemoCallbackURL = "https://hooks.northwindconnect.example/mps/webhook"

// setupState is what the guide's steps 2, 6 and 7 change: the app's webhook
// subscription, which customer WABAs our app is subscribed to, and the
// credit line's shares. The seed is computed from a WABA's ordinal so that
// 100,000 WABAs cost nothing until one is changed. Guarded by Sandbox.mu.
type setupState struct {
	appSub        appSubscription
	verifications []Verification
	subscribed    map[int]bool   // ordinal -> our app subscribed; overrides the seed
	shares        map[int]*share // ordinal -> share; overrides the seed (nil: none)
	lines         []creditLine
	nextShare     int
	withoutScopes map[string]bool // scopes the token lacks
}

// appSubscription is the app's subscription to the whatsapp_business_account object.
type appSubscription struct {
	callback string
	active   bool
	fields   []string
}

// Verification is Meta's call to a callback URL when the app subscribes
// (hub.mode=subscribe with the verify token), as the sandbox simulates it.
type Verification struct {
	CallbackURL string
	VerifyToken string
	At          time.Time
}

type creditLine struct{ id, legalName string }

// share is an allocation config of our credit line for one customer.
type share struct {
	id         string
	line       string
	credential string // the receiving credential
	business   string // the receiving (customer) business
	currency   string
	deleted    bool
	funds      bool // the WABA's primary funding is this credential
}

const (
	allocationIDBase = 8813500000000000
	credentialIDBase = 7700100000000000
	ownFundingBase   = 7799900000000000
)

func newSetupState() *setupState {
	return &setupState{
		// The seed lacks partner_solutions, so `mps --demo doctor` has
		// one failing check to fix.
		appSub:        appSubscription{callback: DemoCallbackURL, active: true, fields: []string{"account_update"}},
		subscribed:    map[int]bool{},
		shares:        map[int]*share{},
		lines:         []creditLine{{DemoCreditLineID, "Northwind Traders Pty Ltd"}},
		withoutScopes: map[string]bool{},
	}
}

// isSubscribed says whether our app is subscribed to the WABA's webhooks:
// every fourth seeded customer is not.
func (st *setupState) isSubscribed(ord int) bool {
	if v, ok := st.subscribed[ord]; ok {
		return v
	}
	return ord%4 != 3
}

// shareOf is the WABA's share: a third of the seeded customers have one
// that funds them (verified), a sixth one that does not (billed
// elsewhere), the rest none.
func (st *setupState) shareOf(ord int) *share {
	if sh, ok := st.shares[ord]; ok {
		return sh
	}
	if ord%3 == 1 || (ord%3 == 2 && ord%2 == 1) {
		return nil
	}
	return &share{
		id: strconv.Itoa(allocationIDBase + ord), line: DemoCreditLineID,
		credential: strconv.Itoa(credentialIDBase + ord), business: customerBusinessID(ord),
		currency: "USD", funds: ord%3 == 0,
	}
}

// primaryFunding is the WABA's primary_funding_id: the shared credential
// when the share funds it, the customer's own otherwise, "" for a
// customer that pays nothing yet.
func (st *setupState) primaryFunding(ord int) string {
	sh := st.shareOf(ord)
	switch {
	case sh != nil && !sh.deleted && sh.funds:
		return sh.credential
	case sh != nil:
		return strconv.Itoa(ownFundingBase + ord)
	}
	return ""
}

// shareByID finds a share by its allocation config ID.
func (st *setupState) shareByID(w *world, id string) (int, *share, bool) {
	n, err := strconv.Atoi(id)
	if err != nil {
		return 0, nil, false
	}
	for ord, sh := range st.shares {
		if sh != nil && sh.id == id {
			return ord, sh, true
		}
	}
	ord := n - allocationIDBase
	if ord < 0 || ord >= w.wabas.count() {
		return 0, nil, false
	}
	if _, changed := st.shares[ord]; changed {
		return 0, nil, false
	}
	sh := st.shareOf(ord)
	return ord, sh, sh != nil
}

// lineByID finds one of our credit lines.
func (st *setupState) lineByID(id string) (creditLine, bool) {
	i := slices.IndexFunc(st.lines, func(l creditLine) bool { return l.id == id })
	if i < 0 {
		return creditLine{}, false
	}
	return st.lines[i], true
}

// granted filters scopes down to the ones the token still has.
func (st *setupState) granted(scopes []string) []string {
	return slices.DeleteFunc(slices.Clone(scopes), func(s string) bool { return st.withoutScopes[s] })
}

// RemoveScope takes a permission away from the sandbox's token: debug_token
// stops listing it and the calls that need it are refused (code 200).
func (s *Sandbox) RemoveScope(scope string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.setup.withoutScopes[scope] = true
}

// Verifications lists the callback verifications Meta would have made.
func (s *Sandbox) Verifications() []Verification {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.state.setup.verifications)
}

// AppAccessToken is the app access token the sandbox accepts.
func (s *Sandbox) AppAccessToken() string { return s.opts.AppID + "|" + s.appSecret() }

// appSecret is the app's secret: Options.AppSecret, else DemoAppSecret.
func (s *Sandbox) appSecret() string {
	if s.opts.AppSecret != "" {
		return s.opts.AppSecret
	}
	return DemoAppSecret
}

// controlScopes is POST /_sandbox/scopes: {"remove":"scope"}.
func (s *Sandbox) controlScopes(w http.ResponseWriter, body []byte) {
	var in struct {
		Remove string `json:"remove"`
	}
	if !decodeControl(w, body, &in, `{"remove":"business_management"}`) {
		return
	}
	if in.Remove == "" {
		controlError(w, http.StatusBadRequest, "remove names the scope the token loses, e.g. business_management")
		return
	}
	s.RemoveScope(in.Remove)
	controlJSON(w, http.StatusOK, map[string]string{"removed": in.Remove})
}
