package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"mps/graph"
)

func (c *call) route() (any, *apiError) {
	if err := c.tokenFits(); err != nil {
		return nil, err
	}
	switch c.method {
	case http.MethodGet:
		c.s.mu.Lock()
		defer c.s.mu.Unlock()
		c.world = c.s.state
		return c.read()
	case http.MethodPost:
		return c.act()
	case http.MethodDelete:
		return c.deleteSetup()
	}
	return nil, errUnsupported(strings.ToLower(c.method))
}

func errUnknownPath(path string) *apiError {
	return &apiError{status: http.StatusBadRequest, Type: typeOAuth, Code: 2500, Message: "Unknown path components: " + path}
}

// fields parses the request's fields parameter; nil means the defaults.
func (c *call) fields() ([]field, *apiError) {
	fs, err := parseFields(c.params.Get("fields"))
	if err != nil {
		return nil, errInvalid("%s", err.Error())
	}
	return fs, nil
}

// read answers a GET. Caller holds s.mu.
func (c *call) read() (any, *apiError) {
	fs, err := c.fields()
	if err != nil {
		return nil, err
	}
	if out, err, ok := c.readSetup(fs); ok {
		return out, err
	}
	id := c.segs[0]
	switch {
	case len(c.segs) == 1 && id == "me":
		return render(c, c.s.schema.me, c.world.apps[c.world.us], fs)
	case len(c.segs) == 1 && id == "debug_token":
		return c.debugToken()
	case len(c.segs) > 2:
		return nil, errUnknownPath("/" + strings.Join(c.segs[1:], "/"))
	case !allDigits(id):
		return nil, errNoObject("get", id)
	}
	w := c.world
	edge := ""
	if len(c.segs) == 2 {
		edge = c.segs[1]
	}
	if sol, ok := w.visibleSolution(id); ok {
		switch edge {
		case "":
			return render(c, c.s.schema.solution, sol, fs)
		case "partners":
			return c.partnerList(sol, fs)
		}
		return nil, errNoField(edge, c.s.schema.solution.name)
	}
	if a, ok := w.apps[id]; ok {
		switch {
		case edge == "":
			return render(c, c.s.schema.app, a, fs)
		case edge == "whatsapp_business_solutions" && id == w.us:
			return c.solutionList(fs)
		case edge == "whatsapp_business_solutions":
			return nil, errPermission("The app %s is not ours: a token can list only its own app's solutions", id)
		}
		return nil, errNoField(edge, c.s.schema.app.name)
	}
	if id == w.business {
		switch edge {
		case "":
			return render(c, c.s.schema.business, w.apps[w.us], fs)
		case "client_whatsapp_business_accounts":
			return c.clientWABAs(fs)
		}
		return nil, errNoField(edge, c.s.schema.business.name)
	}
	if ord, ok := w.wabas.ordinalOf(id); ok {
		switch edge {
		case "":
			return render(c, c.s.schema.waba, w.wabas.waba(ord), fs)
		case "solutions":
			return c.wabaSolutions(ord, fs)
		}
		return nil, errNoField(edge, c.s.schema.waba.name)
	}
	return nil, errNoObject("get", id)
}

// solutionList is GET /{app}/whatsapp_business_solutions.
func (c *call) solutionList(fs []field) (any, *apiError) {
	w := c.world
	var want graph.Role
	switch role := strings.ToUpper(c.params.Get("role")); role {
	case "":
	case "OWNER":
		want = graph.RoleOwner
	case "PARTNER":
		want = graph.RolePartner
	default:
		return nil, errInvalid("Param role must be one of {OWNER, PARTNER}")
	}
	keep := func(ord int) bool {
		r := w.roleIn(w.solutions[ord])
		return r != graph.RoleUnknown && (want == graph.RoleUnknown || r == want)
	}
	fs = c.listFields(fs)
	return c.list(span(len(w.solutions)), keep, func(ord int) (object, *apiError) {
		return render(c, c.s.schema.solution, w.solutions[ord], fs)
	})
}

// wabaSolutions is GET /{waba}/solutions.
func (c *call) wabaSolutions(ord int, fs []field) (any, *apiError) {
	w := c.world
	keep := func(i int) bool { return w.roleIn(w.solutions[i]) != graph.RoleUnknown }
	fs = c.listFields(fs)
	return c.list(intList(w.wabas.solutionsOf(ord)), keep, func(i int) (object, *apiError) {
		return render(c, c.s.schema.solution, w.solutions[i], fs)
	})
}

// partnerList is GET /{solution}/partners.
func (c *call) partnerList(sol *solution, fs []field) (any, *apiError) {
	return c.list(span(len(sol.partners)), nil, func(i int) (object, *apiError) {
		return render(c, c.s.schema.partner, rowOf{sol, &sol.partners[i]}, fs)
	})
}

// clientWABAs is GET /{business}/client_whatsapp_business_accounts, with
// the filtering parameter: WABAs shared with ALL the given partner businesses.
func (c *call) clientWABAs(fs []field) (any, *apiError) {
	ws := &c.world.wabas
	partners, err := readPartnerFilter(c.params.Get("filtering"))
	if err != nil {
		return nil, err
	}
	var src ordinals = span(ws.count())
	keep := ws.listed
	if len(partners) > 0 {
		// Walk the shortest per-business list and check the others.
		smallest := partners[0]
		for _, b := range partners[1:] {
			if len(ws.byBusiness[b]) < len(ws.byBusiness[smallest]) {
				smallest = b
			}
		}
		src = int32s(ws.byBusiness[smallest])
		keep = func(ord int) bool {
			if !ws.listed(ord) {
				return false
			}
			for _, b := range partners {
				if !ws.shares(ord, b) {
					return false
				}
			}
			return true
		}
	}
	return c.list(src, keep, func(ord int) (object, *apiError) {
		return render(c, c.s.schema.waba, ws.waba(ord), fs)
	})
}

type filterClause struct {
	Field    string          `json:"field"`
	Operator string          `json:"operator"`
	Value    json.RawMessage `json:"value"`
}

// readPartnerFilter reads `[{"field":"partners","operator":"ALL","value":[ids]}]`.
func readPartnerFilter(raw string) ([]string, *apiError) {
	if raw == "" {
		return nil, nil
	}
	var clauses []filterClause
	if err := json.Unmarshal([]byte(raw), &clauses); err != nil {
		return nil, errInvalid(`Param filtering must be a JSON array such as [{"field":"partners","operator":"ALL","value":["<business id>"]}]`)
	}
	var ids []string
	for _, cl := range clauses {
		if cl.Field != "partners" {
			return nil, errInvalid("Filtering field %q is not supported; use partners", cl.Field)
		}
		if cl.Operator != "ALL" {
			return nil, errInvalid("Filtering operator %q is not supported for partners; use ALL", cl.Operator)
		}
		var values []string
		if err := json.Unmarshal(cl.Value, &values); err != nil {
			return nil, errInvalid("Filtering value for partners must be an array of business portfolio IDs")
		}
		ids = append(ids, values...)
	}
	return ids, nil
}

type intList []int

func (s intList) Len() int     { return len(s) }
func (s intList) At(i int) int { return s[i] }

// list renders one page of src as Graph's list envelope.
func (c *call) list(src ordinals, keep func(int) bool, item func(int) (object, *apiError)) (any, *apiError) {
	pa, err := readPageArgs(c.params)
	if err != nil {
		return nil, err
	}
	win := paginate(src, keep, pa)
	items := make([]any, 0, len(win.ords))
	for _, ord := range win.ords {
		obj, err := item(ord)
		if err != nil {
			return nil, err
		}
		items = append(items, obj)
	}
	return envelope(items, win, pageLinks{base: c.base, path: c.r.URL.Path, query: c.query}, pa.limit), nil
}

// partnersEdge renders the partners field of a solution: an edge with its
// own paging, honouring .limit(n).
func (c *call) partnersEdge(sol *solution, f field) (any, *apiError) {
	limit := DefaultPageSize
	if f.limit >= 0 {
		limit = clampLimit(f.limit)
	}
	win := paginate(span(len(sol.partners)), nil, pageArgs{limit: limit})
	items := make([]any, 0, len(win.ords))
	for _, i := range win.ords {
		obj, err := render(c, c.s.schema.partner, rowOf{sol, &sol.partners[i]}, f.sub)
		if err != nil {
			return nil, err
		}
		items = append(items, obj)
	}
	q := url.Values{}
	if tok := c.query.Get("access_token"); tok != "" {
		q.Set("access_token", tok)
	}
	links := pageLinks{base: c.base, path: "/" + c.version + "/" + sol.id + "/partners", query: q}
	return envelope(items, win, links, limit), nil
}

// allDigits reports whether id looks like a Graph object ID.
func allDigits(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}
