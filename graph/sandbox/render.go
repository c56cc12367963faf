package sandbox

import "mps/graph"

// object is a JSON object that keeps its keys in the order they were asked for.
type object []member

type member struct {
	key string
	val any
}

// MarshalJSON implements json.Marshaler.
func (o object) MarshalJSON() ([]byte, error) { return appendJSON(nil, o) }

// getter renders one field of a T; f carries the field's modifiers and subfields.
type getter[T any] func(c *call, v T, f field) (any, *apiError)

// node is a Graph node type: its name for errors, its default fields, and
// how to render each field it has.
type node[T any] struct {
	name     string
	defaults []field
	fields   map[string]getter[T]
}

// render builds the object with the fields asked for, or the defaults.
// A field asked for twice is rendered once. Like Graph, the id comes back
// even when it was not asked for.
func render[T any](c *call, n *node[T], v T, fs []field) (object, *apiError) {
	if fs == nil {
		fs = n.defaults
	}
	if _, hasID := n.fields["id"]; hasID && !duplicateField(fs, "id") {
		fs = append(fs[:len(fs):len(fs)], field{name: "id", limit: -1})
	}
	out := make(object, 0, len(fs))
	for i, f := range fs {
		if duplicateField(fs[:i], f.name) {
			continue
		}
		get, ok := n.fields[f.name]
		if !ok {
			return nil, errNoField(f.name, n.name)
		}
		val, err := get(c, v, f)
		if err != nil {
			return nil, err
		}
		out = append(out, member{f.name, val})
	}
	return out, nil
}

func duplicateField(before []field, name string) bool {
	for _, f := range before {
		if f.name == name {
			return true
		}
	}
	return false
}

// scalar renders a plain value; subfields or a limit on it are an error.
func scalar[T any](get func(T) any) getter[T] {
	return func(_ *call, v T, f field) (any, *apiError) {
		if f.hasSub || f.limit >= 0 {
			return nil, errInvalid("Field %s is a plain value: it takes no subfields and no limit", f.name)
		}
		return get(v), nil
	}
}

// nested renders an object-valued field with the given node.
func nested[T, U any](n func() *node[U], get func(*call, T) U) getter[T] {
	return func(c *call, v T, f field) (any, *apiError) {
		if f.limit >= 0 {
			return nil, errInvalid("Field %s is an object, not an edge: it takes no limit", f.name)
		}
		return render(c, n(), get(c, v), f.sub)
	}
}

// mustFields parses a constant fields list.
func mustFields(src string) []field {
	fs, err := parseFields(src)
	if err != nil {
		panic("sandbox: bad constant fields " + src + ": " + err.Error())
	}
	return fs
}

// schema holds the node types; built once per sandbox, read-only after.
type schema struct {
	solution *node[*solution]
	partner  *node[rowOf]
	app      *node[*app]
	waba     *node[graph.WABA]
	business *node[*app]
	me       *node[*app]
}

// rowOf is a partner row with the solution it belongs to.
type rowOf struct {
	sol *solution
	row *partnerRow
}

func newSchema() *schema {
	sc := &schema{}
	sc.app = &node[*app]{name: "Application", defaults: mustFields("link,name,id"), fields: map[string]getter[*app]{
		"id":   scalar(func(a *app) any { return a.ID }),
		"name": scalar(func(a *app) any { return a.Name }),
		"link": scalar(func(a *app) any { return a.Link }),
	}}
	sc.business = &node[*app]{name: "Business", defaults: mustFields("id,name"), fields: map[string]getter[*app]{
		"id":   scalar(func(a *app) any { return a.business }),
		"name": scalar(func(a *app) any { return a.businessName }),
	}}
	sc.me = &node[*app]{name: "User", defaults: mustFields("id,name"), fields: map[string]getter[*app]{
		"id":   scalar(func(a *app) any { return systemUserID(a) }),
		"name": scalar(func(a *app) any { return a.Name + " system user" }),
	}}
	appNode := func() *node[*app] { return sc.app }
	sc.partner = &node[rowOf]{name: "WhatsAppBusinessSolutionPartner", defaults: mustFields("partner_app,status,id"),
		fields: map[string]getter[rowOf]{
			"id":                  scalar(func(r rowOf) any { return r.row.id }),
			"status":              scalar(func(r rowOf) any { return r.row.status }),
			"partner_permissions": scalar(func(r rowOf) any { return nonNil(r.row.perms) }),
			"partner_app":         nested(appNode, func(c *call, r rowOf) *app { return c.world.appOrStub(r.row.app) }),
		}}
	sc.solution = &node[*solution]{name: "WhatsAppBusinessSolution", defaults: mustFields("name,status,status_for_pending_request,id"),
		fields: map[string]getter[*solution]{
			"id":                         scalar(func(s *solution) any { return s.id }),
			"name":                       scalar(func(s *solution) any { return s.name }),
			"status":                     scalar(func(s *solution) any { return s.status }),
			"status_for_pending_request": scalar(func(s *solution) any { return s.pending }),
			"owner_permissions":          scalar(func(s *solution) any { return nonNil(s.ownerPerms) }),
			"owner_app":                  nested(appNode, func(c *call, s *solution) *app { return c.world.appOrStub(s.owner) }),
			"partners":                   func(c *call, s *solution, f field) (any, *apiError) { return c.partnersEdge(s, f) },
		}}
	sc.waba = &node[graph.WABA]{name: "WhatsAppBusinessAccount", defaults: mustFields(graph.WABAFields),
		fields: map[string]getter[graph.WABA]{
			"id":                         scalar(func(w graph.WABA) any { return w.ID }),
			"name":                       scalar(func(w graph.WABA) any { return w.Name }),
			"timezone_id":                scalar(func(w graph.WABA) any { return w.TimezoneID }),
			"business_type":              scalar(func(w graph.WABA) any { return w.BusinessType }),
			"message_template_namespace": scalar(func(w graph.WABA) any { return w.MessageTemplateNamespace }),
		}}
	return sc
}

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// appOrStub returns the app, or one carrying only the ID when it is not known.
func (w *world) appOrStub(id string) *app {
	if a, ok := w.apps[id]; ok {
		return a
	}
	return &app{App: graph.App{ID: id}}
}

// systemUserID is the ID of the system user behind our token.
func systemUserID(a *app) string { return "100" + a.ID }
