package sandbox

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"mps/graph"
)

// tokenFits refuses the app access token everywhere but the app's
// subscriptions and debug_token, and other tokens on the subscriptions.
func (c *call) tokenFits() *apiError {
	subs := len(c.segs) == 2 && c.segs[1] == "subscriptions" && c.segs[0] == c.s.opts.AppID
	switch {
	case subs && !c.appToken:
		return errAppTokenNeeded()
	case !subs && c.appToken && !(len(c.segs) == 1 && c.segs[0] == "debug_token"):
		return errUserTokenNeeded()
	}
	return nil
}

// needScope refuses the call when the token lacks scope. Caller holds s.mu.
func (c *call) needScope(scope string) *apiError {
	if c.world.setup.withoutScopes[scope] {
		return errNeedsScope(scope)
	}
	return nil
}

// readSetup answers the GETs of webhook subscriptions and credit lines;
// ok is false for every other GET. Caller holds s.mu.
func (c *call) readSetup(fs []field) (out any, err *apiError, ok bool) {
	if len(c.segs) > 2 {
		return nil, nil, false
	}
	w, st := c.world, c.world.setup
	id, edge := c.segs[0], ""
	if len(c.segs) == 2 {
		edge = c.segs[1]
	}
	ord, isWABA := w.wabas.ordinalOf(id)
	switch {
	case id == w.us && edge == "subscriptions":
		return c.appSubscriptions(), nil, true
	case isWABA && edge == "subscribed_apps":
		if err := c.needScope("whatsapp_business_management"); err != nil {
			return nil, err, true
		}
		out, err := c.subscribedApps(ord)
		return out, err, true
	case isWABA && edge == "" && slices.ContainsFunc(fs, func(f field) bool { return f.name == "primary_funding_id" }):
		out, err := c.wabaFunding(ord, fs)
		return out, err, true
	case id == w.business && edge == "extendedcredits":
		if err := c.needScope("business_management"); err != nil {
			return nil, err, true
		}
		out, err := c.list(span(len(st.lines)), nil, func(i int) (object, *apiError) {
			return object{{"id", st.lines[i].id}, {"legal_entity_name", st.lines[i].legalName}}, nil
		})
		return out, err, true
	case edge == "owning_credit_allocation_configs":
		if _, known := st.lineByID(id); !known {
			return nil, nil, false
		}
		if err := c.needScope("business_management"); err != nil {
			return nil, err, true
		}
		out, err := c.allocationList(id)
		return out, err, true
	}
	if edge != "" || isWABA {
		return nil, nil, false
	}
	if _, sh, found := st.shareByID(w, id); found {
		if err := c.needScope("business_management"); err != nil {
			return nil, err, true
		}
		return renderShare(sh), nil, true
	}
	return nil, nil, false
}

func (c *call) appSubscriptions() any {
	sub := c.world.setup.appSub
	var data []any
	if sub.callback != "" {
		fields := make([]any, 0, len(sub.fields))
		for _, f := range sub.fields {
			fields = append(fields, object{{"name", f}, {"version", c.version}})
		}
		data = append(data, object{{"object", graph.WebhookObject}, {"callback_url", sub.callback}, {"active", sub.active}, {"fields", fields}})
	}
	return object{{"data", append([]any{}, data...)}}
}

func (c *call) subscribedApps(ord int) (any, *apiError) {
	var apps intList
	if c.world.setup.isSubscribed(ord) {
		apps = intList{0}
	}
	ours := c.world.apps[c.world.us]
	return c.list(apps, nil, func(int) (object, *apiError) {
		return object{{"whatsapp_business_api_data", object{{"id", ours.ID}, {"name", ours.Name}, {"link", ours.Link}}}}, nil
	})
}

// wabaFunding is GET /{waba}?fields=primary_funding_id; like Graph, an unset
// field is left out.
func (c *call) wabaFunding(ord int, fs []field) (any, *apiError) {
	out := object{}
	for _, f := range fs {
		switch f.name {
		case "primary_funding_id":
			if id := c.world.setup.primaryFunding(ord); id != "" {
				out = append(out, member{"primary_funding_id", id})
			}
		case "id":
		default:
			return nil, errNoField(f.name, c.s.schema.waba.name)
		}
	}
	return append(out, member{"id", wabaID(ord)}), nil
}

func (c *call) allocationList(line string) (any, *apiError) {
	w, st := c.world, c.world.setup
	var ords intList
	for ord := range w.wabas.count() {
		if sh := st.shareOf(ord); sh != nil && sh.line == line && w.wabas.listed(ord) {
			ords = append(ords, ord)
		}
	}
	if want := c.params.Get("receiving_business_id"); want != "" {
		ords = slices.DeleteFunc(ords, func(ord int) bool { return st.shareOf(ord).business != want })
	}
	return c.list(ords, nil, func(ord int) (object, *apiError) { return renderShare(st.shareOf(ord)), nil })
}

func renderShare(sh *share) object {
	status := "ACTIVE"
	if sh.deleted {
		status = "DELETED"
	}
	return object{{"id", sh.id}, {"receiving_business", object{{"id", sh.business}}},
		{"receiving_credential", object{{"id", sh.credential}}}, {"request_status", status}}
}

// actSetup answers the POSTs of webhook subscriptions and credit lines; ok
// is false for every other POST.
func (c *call) actSetup() (out any, err *apiError, ok bool) {
	if len(c.segs) != 2 {
		return nil, nil, false
	}
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	c.world = s.state
	w, st := c.world, c.world.setup
	id, edge := c.segs[0], c.segs[1]
	switch ord, isWABA := w.wabas.ordinalOf(id); {
	case id == w.us && edge == "subscriptions":
		out, err := c.subscribe()
		return out, err, true
	case isWABA && edge == "subscribed_apps":
		if err := c.needScope("whatsapp_business_management"); err != nil {
			return nil, err, true
		}
		if o := c.params.Get("override_callback_uri"); len(o) > 200 {
			return nil, errInvalid("Param override_callback_uri must be at most 200 characters long"), true
		}
		st.subscribed[ord] = true
		return object{{"success", true}}, nil, true
	case edge == "whatsapp_credit_sharing_and_attach":
		if _, known := st.lineByID(id); !known {
			return nil, errNoObject("post", id), true
		}
		out, err := c.shareCredit(id)
		return out, err, true
	}
	return nil, nil, false
}

// subscribe is POST /{app}/subscriptions. Meta verifies the callback at
// once; the sandbox records that call instead of making it.
func (c *call) subscribe() (any, *apiError) {
	p := c.params
	if obj := p.Get("object"); obj != graph.WebhookObject {
		return nil, errInvalid("Param object must be %s for WhatsApp webhooks", graph.WebhookObject)
	}
	callback := p.Get("callback_url")
	u, perr := url.Parse(callback)
	if callback == "" || perr != nil || u.Scheme != "https" || u.Host == "" {
		return nil, errInvalid("Param callback_url must be a valid https URL")
	}
	if p.Get("verify_token") == "" {
		return nil, errInvalid("The parameter verify_token is required")
	}
	var fields []string
	for f := range strings.SplitSeq(p.Get("fields"), ",") {
		if f = strings.TrimSpace(f); f != "" && !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return nil, errInvalid("The parameter fields is required")
	}
	st := c.world.setup
	st.verifications = append(st.verifications, Verification{CallbackURL: callback, VerifyToken: p.Get("verify_token"), At: c.s.opts.Now()})
	st.appSub = appSubscription{callback: callback, active: true, fields: fields}
	return object{{"success", true}}, nil
}

func (c *call) shareCredit(line string) (any, *apiError) {
	if err := c.needScope("business_management"); err != nil {
		return nil, err
	}
	w, st := c.world, c.world.setup
	waba, cur := c.params.Get("waba_id"), c.params.Get("waba_currency")
	ord, ok := w.wabas.ordinalOf(waba)
	switch {
	case waba == "":
		return nil, errInvalid("The parameter waba_id is required")
	case !ok:
		return nil, errNoObject("post", waba)
	case !graph.ValidCurrency(cur):
		return nil, errInvalid("Param waba_currency must be one of {%s}", strings.Join(graph.CreditCurrencies(), ", "))
	}
	if sh := st.shareOf(ord); sh != nil && !sh.deleted {
		return nil, errBadTransition("The WhatsApp Business Account %s already has a credit line attached; it cannot be changed", waba)
	}
	st.nextShare++
	sh := &share{
		id: strconv.Itoa(allocationIDBase + 5_000_000 + st.nextShare), line: line,
		credential: strconv.Itoa(credentialIDBase + 5_000_000 + st.nextShare),
		business:   customerBusinessID(ord), currency: cur, funds: true,
	}
	st.shares[ord] = sh
	return object{{"allocation_config_id", sh.id}, {"waba_id", waba}}, nil
}

// deleteSetup is DELETE /{allocation-config-id}: the share ends for every
// WABA of that business.
func (c *call) deleteSetup() (any, *apiError) {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	c.world = s.state
	if len(c.segs) != 1 {
		return nil, errUnsupported("delete")
	}
	st := c.world.setup
	ord, sh, ok := st.shareByID(c.world, c.segs[0])
	if !ok || sh.deleted {
		return nil, errNoObject("delete", c.segs[0])
	}
	if err := c.needScope("business_management"); err != nil {
		return nil, err
	}
	revoked := *sh
	revoked.deleted = true
	st.shares[ord] = &revoked
	return object{{"success", true}}, nil
}
