package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// controlPrefix is where the control surface lives. It needs no token and
// is never logged or faulted, so that end-to-end tests of the real binary
// can steer a standalone sandbox:
//
//	POST   /_sandbox/faults    a FaultJSON: switch a fault on
//	DELETE /_sandbox/faults    switch every fault off
//	GET    /_sandbox/faults    the faults still on
//	GET    /_sandbox/requests  the request log, as a JSON array of Request
//	DELETE /_sandbox/requests  empty the log
//	POST   /_sandbox/scopes    {"remove":"business_management"}: RemoveScope, the token loses that permission
//	POST   /_sandbox/onboard   {"solution_id":"..."}: OnboardCustomer; answers the WABA
//	POST   /_sandbox/incoming  {"name":"..."}: CreateIncomingRequest; answers {"id":"..."}
//	POST   /_sandbox/solution  {"id","name","status","status_for_pending_request"}: rename and/or set the status
//	PUT    /_sandbox/action_bodies  {"rule":"any"|"openapi"|"guide"}: the form action POSTs must use (ActionBodies)
//	GET    /_sandbox/action_bodies  the rule in force
//	GET    /_sandbox/lists     {"default_fields_only":bool}: whether the solution lists ignore fields=
//	POST   /_sandbox/lists     {"default_fields_only":true}: switch that on (false: off)
//	PUT    /_sandbox/messaging {"rule":"one-side"|"both-sides"}: how many sides of a new solution may hold MESSAGING (MessagingRule)
//	GET    /_sandbox/messaging the rule in force
//	PUT    /_sandbox/partner_answer  {"answer":"accept"|"reject"|"none","after":"5s"}: how the partner answers every solution we create from now on (SetPartnerAnswer)
//	GET    /_sandbox/partner_answer  that rule
//	POST   /_sandbox/partner_answer  {"solution_id":"...","answer":"accept"|"reject","after":"2s"}: the partner answers one solution we own (AnswerAsPartner)
const controlPrefix = "/_sandbox/"

// FaultJSON is a Fault as the control surface reads it. Kind is a name
// such as "transient" (see FaultKind.String); Latency is a Go duration
// such as "1.5s".
type FaultJSON struct {
	Kind          FaultKind `json:"kind"`
	Method        string    `json:"method,omitempty"`
	PathContains  string    `json:"path_contains,omitempty"`
	Param         string    `json:"param,omitempty"`
	Times         int       `json:"times,omitempty"`
	Latency       string    `json:"latency,omitempty"`
	RegainMinutes int       `json:"regain_minutes,omitempty"`
	ForeignHost   string    `json:"foreign_host,omitempty"`
}

func (fj FaultJSON) fault() (Fault, error) {
	f := Fault{Kind: fj.Kind, Method: fj.Method, PathContains: fj.PathContains, Param: fj.Param, Times: fj.Times,
		RegainMinutes: fj.RegainMinutes, ForeignHost: fj.ForeignHost}
	if fj.Kind == 0 {
		return f, fmt.Errorf("kind is required, e.g. \"transient\"")
	}
	if fj.Latency != "" {
		d, err := time.ParseDuration(fj.Latency)
		if err != nil {
			return f, fmt.Errorf("latency %q is not a duration such as \"2s\"", fj.Latency)
		}
		f.Latency = d
	}
	return f, nil
}

func faultToJSON(f Fault) FaultJSON {
	fj := FaultJSON{Kind: f.Kind, Method: f.Method, PathContains: f.PathContains, Param: f.Param, Times: f.Times,
		RegainMinutes: f.RegainMinutes, ForeignHost: f.ForeignHost}
	if f.Latency > 0 {
		fj.Latency = f.Latency.String()
	}
	return fj
}

func (s *Sandbox) serveControl(w http.ResponseWriter, r *http.Request) {
	route := r.Method + " " + r.URL.Path[len(controlPrefix)-1:]
	body := readBody(r)
	switch route {
	case "POST /faults":
		var fj FaultJSON
		if !decodeControl(w, body, &fj, `{"kind":"transient","times":2}`) {
			return
		}
		f, err := fj.fault()
		if err != nil {
			controlError(w, http.StatusBadRequest, err.Error())
			return
		}
		s.AddFault(f)
		controlJSON(w, http.StatusCreated, faultToJSON(f))
	case "DELETE /faults":
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	case "GET /faults":
		out := []FaultJSON{}
		for _, f := range s.Faults() {
			out = append(out, faultToJSON(f))
		}
		controlJSON(w, http.StatusOK, out)
	case "GET /requests":
		out := s.Requests()
		if out == nil {
			out = []Request{}
		}
		controlJSON(w, http.StatusOK, out)
	case "DELETE /requests":
		s.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	case "POST /scopes":
		s.controlScopes(w, body)
	case "POST /onboard":
		var in struct {
			SolutionID string `json:"solution_id"`
		}
		if !decodeControl(w, body, &in, `{"solution_id":"..."}`) {
			return
		}
		waba, err := s.OnboardCustomer(in.SolutionID)
		if err != nil {
			controlError(w, http.StatusConflict, err.Error())
			return
		}
		controlJSON(w, http.StatusCreated, waba)
	case "POST /incoming":
		var in struct {
			Name string `json:"name"`
		}
		if !decodeControl(w, body, &in, `{"name":"..."}`) {
			return
		}
		controlJSON(w, http.StatusCreated, map[string]string{"id": s.CreateIncomingRequest(in.Name)})
	case "POST /solution":
		s.controlSolution(w, body)
	case "PUT /action_bodies":
		rule, ok := decodeRule(w, body, bodiesNames())
		if !ok {
			return
		}
		s.SetActionBodies(ActionBodies(rule))
		controlJSON(w, http.StatusOK, map[string]string{"rule": ActionBodies(rule).String()})
	case "GET /action_bodies":
		controlJSON(w, http.StatusOK, map[string]string{"rule": s.ActionBodies().String()})
	case "GET /lists", "POST /lists":
		s.controlLists(w, r, body)
	case "GET /messaging", "PUT /messaging":
		s.controlMessaging(w, r, body)
	case "GET /partner_answer", "PUT /partner_answer", "POST /partner_answer":
		s.controlPartnerAnswer(w, r, body)
	default:
		controlError(w, http.StatusNotFound, "no such control endpoint: "+route)
	}
}

func (s *Sandbox) controlSolution(w http.ResponseWriter, body []byte) {
	var in struct {
		ID      string  `json:"id"`
		Name    *string `json:"name"`
		Status  string  `json:"status"`
		Pending string  `json:"status_for_pending_request"`
	}
	if !decodeControl(w, body, &in, `{"id":"...","name":"...","status":"...","status_for_pending_request":"..."}`) {
		return
	}
	if _, ok := s.Solution(in.ID); !ok {
		controlError(w, http.StatusNotFound, "no solution "+in.ID)
		return
	}
	if in.Name != nil {
		s.SetSolutionName(in.ID, *in.Name)
	}
	if in.Status != "" {
		s.SetSolutionStatus(in.ID, in.Status, in.Pending)
	}
	sol, _ := s.Solution(in.ID)
	controlJSON(w, http.StatusOK, sol)
}

func controlJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func controlError(w http.ResponseWriter, status int, msg string) {
	controlJSON(w, status, map[string]string{"error": msg})
}

// decodeControl reads a JSON body into v, or answers 400 with the shape
// expected and reports false.
func decodeControl(w http.ResponseWriter, body []byte, v any, shape string) bool {
	if err := json.Unmarshal(body, v); err != nil {
		controlError(w, http.StatusBadRequest, "body must look like "+shape+": "+err.Error())
		return false
	}
	return true
}
