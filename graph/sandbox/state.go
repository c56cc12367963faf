package sandbox

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Changes are what the sandbox's data holds that its seed does not, one
// JSON record per object: a solution, the app's subscription, a WABA's
// subscription or share, a customer added or removed, a scope taken away,
// a partner's answer still to come, and the counters new IDs come from.
// The demo keeps them between runs (ApplyChanges puts them back), and
// merges records by key when two runs changed different objects. Records
// equal to the seed's are left out, so the seed's own Changes are empty.
type Changes map[string]json.RawMessage

// The record keys; a WABA is named by its ordinal, which its ID encodes.
const (
	keySolution     = "solution/" // + solution ID
	keyNextSolution = "solutions/next"
	keyAppSub       = "app_subscription"
	keyWABA         = "waba/" // + ordinal + one of the suffixes below
	keySubscribed   = "/subscribed"
	keyShare        = "/share"
	keyGone         = "/gone"
	keyOnboarded    = "/onboarded" // a customer added since the seed: its solutions
	keyNextShare    = "shares/next"
	keyScope        = "scope/"  // + scope, when the token lost it
	keyAnswer       = "answer/" // + solution ID: the partner's answer to come
)

type solutionRecord struct {
	Name             string          `json:"name"`
	Status           string          `json:"status"`
	Pending          string          `json:"pending"`
	Owner            string          `json:"owner"`
	OwnerPermissions []string        `json:"owner_permissions"`
	Partners         []partnerRecord `json:"partners"`
	Reason           string          `json:"reason,omitempty"`
}

type partnerRecord struct {
	ID          string   `json:"id"`
	App         string   `json:"app"`
	Permissions []string `json:"permissions"`
	Status      string   `json:"status"`
}

type appSubRecord struct {
	CallbackURL string   `json:"callback_url"`
	Active      bool     `json:"active"`
	Fields      []string `json:"fields"`
}

// shareRecord is a WABA's share; null in its record means none.
type shareRecord struct {
	ID         string `json:"id"`
	Line       string `json:"line"`
	Credential string `json:"credential"`
	Business   string `json:"business"`
	Currency   string `json:"currency"`
	Deleted    bool   `json:"deleted,omitempty"`
	Funds      bool   `json:"funds"`
}

type answerRecord struct {
	Reply string    `json:"reply"`
	At    time.Time `json:"at"`
}

// scheduledAnswer is a partner's answer to a solution we created, due at.
type scheduledAnswer struct {
	reply PartnerReply
	at    time.Time
}

// Changes lists what differs from the seed (see Changes).
func (s *Sandbox) Changes() Changes {
	seed := seedWorld(s.opts).records()
	s.mu.Lock()
	now := s.state.records()
	s.mu.Unlock()
	maps.DeleteFunc(now, func(k string, v json.RawMessage) bool { return bytes.Equal(seed[k], v) })
	return now
}

// ApplyChanges puts changes back over the seed: the sandbox's data becomes
// the seed with those records. A record it cannot read leaves the data as
// it was and says which. A partner's answer that fell due meanwhile is
// applied at once, the others are scheduled.
func (s *Sandbox) ApplyChanges(c Changes) error {
	w := seedWorld(s.opts)
	if err := w.apply(c); err != nil {
		return err
	}
	s.mu.Lock()
	s.state = w
	due := maps.Clone(w.answers)
	s.mu.Unlock()
	now := s.opts.Now()
	for _, id := range slices.Sorted(maps.Keys(due)) {
		a := due[id]
		if !a.at.After(now) {
			s.partnerReplies(id, a.reply)
		} else {
			s.schedule(id, a.reply, a.at.Sub(now))
		}
	}
	return nil
}

// records is every record of w's state that can change. Caller holds s.mu.
func (w *world) records() Changes {
	out := Changes{}
	put := func(key string, v any) {
		data, err := json.Marshal(v)
		if err == nil { // the records are plain data: Marshal cannot fail
			out[key] = data
		}
	}
	for _, sol := range w.solutions {
		rec := solutionRecord{Name: sol.name, Status: sol.status, Pending: sol.pending, Owner: sol.owner,
			OwnerPermissions: sol.ownerPerms, Reason: sol.reason}
		for _, p := range sol.partners {
			rec.Partners = append(rec.Partners, partnerRecord{ID: p.id, App: p.app, Permissions: p.perms, Status: p.status})
		}
		put(keySolution+sol.id, rec)
	}
	put(keyNextSolution, w.nextSol)
	st := w.setup
	put(keyAppSub, appSubRecord{CallbackURL: st.appSub.callback, Active: st.appSub.active, Fields: st.appSub.fields})
	for ord, v := range st.subscribed {
		put(wabaKey(ord, keySubscribed), v)
	}
	for ord, sh := range st.shares {
		var rec *shareRecord
		if sh != nil {
			rec = &shareRecord{ID: sh.id, Line: sh.line, Credential: sh.credential, Business: sh.business,
				Currency: sh.currency, Deleted: sh.deleted, Funds: sh.funds}
		}
		put(wabaKey(ord, keyShare), rec)
	}
	put(keyNextShare, st.nextShare)
	for ord := range w.wabas.gone {
		put(wabaKey(ord, keyGone), true)
	}
	for ord := w.wabas.seeded; ord < w.wabas.count(); ord++ {
		var ids []string
		for _, i := range w.wabas.solutionsOf(ord) {
			ids = append(ids, w.solutions[i].id)
		}
		put(wabaKey(ord, keyOnboarded), ids)
	}
	for scope := range st.withoutScopes {
		put(keyScope+scope, true)
	}
	for id, a := range w.answers {
		put(keyAnswer+id, answerRecord{Reply: a.reply.String(), At: a.at})
	}
	return out
}

func wabaKey(ord int, suffix string) string { return keyWABA + strconv.Itoa(ord) + suffix }

// apply puts the records into w, a fresh seed: the solutions first, then
// the customers added (in ordinal order), then the rest, which name them.
func (w *world) apply(c Changes) error {
	keys := slices.Sorted(maps.Keys(c))
	rank := func(k string) int {
		switch {
		case strings.HasPrefix(k, keySolution):
			return 0
		case strings.HasSuffix(k, keyOnboarded):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		if r := rank(a) - rank(b); r != 0 {
			return r
		}
		return compareRecordKeys(a, b)
	})
	for _, k := range keys {
		if err := w.applyRecord(k, c[k]); err != nil {
			return fmt.Errorf("record %q: %w", k, err)
		}
	}
	return nil
}

// compareRecordKeys orders keys of one kind by the numbers in them, as
// the IDs and ordinals grow by creation: shorter first, then by text.
func compareRecordKeys(a, b string) int {
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
}

func (w *world) applyRecord(k string, raw json.RawMessage) error {
	st := w.setup
	switch {
	case strings.HasPrefix(k, keySolution):
		return w.applySolution(strings.TrimPrefix(k, keySolution), raw)
	case k == keyNextSolution:
		return decodeRecord(raw, &w.nextSol)
	case k == keyNextShare:
		return decodeRecord(raw, &st.nextShare)
	case k == keyAppSub:
		var rec appSubRecord
		if err := decodeRecord(raw, &rec); err != nil {
			return err
		}
		st.appSub = appSubscription{callback: rec.CallbackURL, active: rec.Active, fields: rec.Fields}
	case strings.HasPrefix(k, keyScope):
		st.withoutScopes[strings.TrimPrefix(k, keyScope)] = true
	case strings.HasPrefix(k, keyAnswer):
		return w.applyAnswer(strings.TrimPrefix(k, keyAnswer), raw)
	case strings.HasPrefix(k, keyWABA):
		return w.applyWABA(strings.TrimPrefix(k, keyWABA), raw)
	default:
		return fmt.Errorf("not a record the sandbox keeps")
	}
	return nil
}

func (w *world) applySolution(id string, raw json.RawMessage) error {
	var rec solutionRecord
	if err := decodeRecord(raw, &rec); err != nil {
		return err
	}
	if !allDigits(id) || !allDigits(rec.Owner) || len(rec.Partners) == 0 {
		return fmt.Errorf("a solution needs a numeric ID, its owner app and a partner row")
	}
	sol, known := w.solution(id)
	if !known {
		sol = &solution{id: id}
		w.addSolution(sol)
	}
	sol.name, sol.status, sol.pending, sol.owner = rec.Name, rec.Status, rec.Pending, rec.Owner
	sol.ownerPerms, sol.reason, sol.partners = rec.OwnerPermissions, rec.Reason, nil
	for _, p := range rec.Partners {
		if !allDigits(p.ID) || !allDigits(p.App) {
			return fmt.Errorf("a partner row needs numeric IDs")
		}
		sol.partners = append(sol.partners, partnerRow{id: p.ID, app: p.App, perms: p.Permissions, status: p.Status})
	}
	return nil
}

func (w *world) applyAnswer(id string, raw json.RawMessage) error {
	var rec answerRecord
	if err := decodeRecord(raw, &rec); err != nil {
		return err
	}
	reply, ok := ParsePartnerReply(rec.Reply)
	if _, known := w.solution(id); !ok || !known {
		return fmt.Errorf("an answer needs a solution the sandbox has and a reply of %s", partnerReplyNames())
	}
	w.answers[id] = scheduledAnswer{reply: reply, at: rec.At}
	return nil
}

func (w *world) applyWABA(k string, raw json.RawMessage) error {
	digits, rest, _ := strings.Cut(k, "/")
	suffix := "/" + rest
	ord, err := strconv.Atoi(digits)
	if err != nil || ord < 0 || !allDigits(digits) {
		return fmt.Errorf("not a WABA's record")
	}
	st := w.setup
	if suffix == keyOnboarded {
		var ids []string
		if err := decodeRecord(raw, &ids); err != nil {
			return err
		}
		if ord != w.wabas.count() || len(w.wabas.patterns) == 0 {
			return fmt.Errorf("customer %d is not the next one the sandbox would add", ord)
		}
		var sols []int
		for _, id := range ids {
			i, ok := w.byID[id]
			if !ok {
				return fmt.Errorf("no solution %s", id)
			}
			sols = append(sols, i)
		}
		w.wabas.add(w.wabas.patternFor(w, sols))
		return nil
	}
	if ord >= w.wabas.count() {
		return fmt.Errorf("no customer %d", ord)
	}
	switch suffix {
	case keySubscribed:
		var v bool
		if err := decodeRecord(raw, &v); err != nil {
			return err
		}
		st.subscribed[ord] = v
	case keyShare:
		var rec *shareRecord
		if err := decodeRecord(raw, &rec); err != nil {
			return err
		}
		st.shares[ord] = nil
		if rec != nil {
			st.shares[ord] = &share{id: rec.ID, line: rec.Line, credential: rec.Credential, business: rec.Business,
				currency: rec.Currency, deleted: rec.Deleted, funds: rec.Funds}
		}
	case keyGone:
		w.wabas.remove(ord)
	default:
		return fmt.Errorf("not a WABA's record")
	}
	return nil
}

func decodeRecord(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("cannot read it: %w", err)
	}
	return nil
}
