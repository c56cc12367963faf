package sandbox

import "net/http"

// Meta's reference promises only the default fields on the solution list
// edges (GET /{app}/whatsapp_business_solutions and GET /{waba}/solutions):
// name, status, status_for_pending_request and id. With the switch on, those
// edges answer exactly those and ignore any fields= expansion, as the
// stand-in in issue 10 did; role=OWNER|PARTNER still filters, and the
// solution's own GET /{solution}?fields=... still expands.

// SetListDefaultFieldsOnly switches the default-fields-only lists on or off
// while the sandbox runs (Options.ListDefaultFieldsOnly sets it at start).
func (s *Sandbox) SetListDefaultFieldsOnly(on bool) { s.listDefaultsOnly.Store(on) }

// ListDefaultFieldsOnly reports whether the solution lists ignore fields=.
func (s *Sandbox) ListDefaultFieldsOnly() bool { return s.listDefaultsOnly.Load() }

// listFields is the fields a solution list item is rendered with: those
// asked for, or nil (the defaults) while the switch is on.
func (c *call) listFields(asked []field) []field {
	if c.s.ListDefaultFieldsOnly() {
		return nil
	}
	return asked
}

// listFieldsJSON is the switch as the control surface reads and answers it.
type listFieldsJSON struct {
	DefaultFieldsOnly *bool `json:"default_fields_only"`
}

// controlLists serves GET and POST /_sandbox/lists.
func (s *Sandbox) controlLists(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Method == http.MethodPost {
		var in listFieldsJSON
		if !decodeControl(w, body, &in, `{"default_fields_only":true}`) {
			return
		}
		if in.DefaultFieldsOnly == nil {
			controlError(w, http.StatusBadRequest, `body must look like {"default_fields_only":true}`)
			return
		}
		s.SetListDefaultFieldsOnly(*in.DefaultFieldsOnly)
	}
	on := s.ListDefaultFieldsOnly()
	controlJSON(w, http.StatusOK, listFieldsJSON{DefaultFieldsOnly: &on})
}
