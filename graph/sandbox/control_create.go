package sandbox

import (
	"fmt"
	"net/http"
	"time"
)

// controlMessaging serves GET and PUT /_sandbox/messaging.
func (s *Sandbox) controlMessaging(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Method == http.MethodPut {
		rule, ok := decodeRule(w, body, messagingRuleNames())
		if !ok {
			return
		}
		s.SetMessagingRule(MessagingRule(rule))
	}
	controlJSON(w, http.StatusOK, map[string]string{"rule": s.MessagingRule().String()})
}

// partnerAnswerJSON is a PartnerAnswer as the control surface reads it,
// for one solution when SolutionID is set.
type partnerAnswerJSON struct {
	SolutionID string `json:"solution_id,omitempty"`
	Answer     string `json:"answer"`
	After      string `json:"after,omitempty"`
}

func (in partnerAnswerJSON) read() (PartnerAnswer, error) {
	reply, ok := ParsePartnerReply(in.Answer)
	if !ok {
		return PartnerAnswer{}, fmt.Errorf("answer %q is not one of %s", in.Answer, partnerReplyNames().oneOf())
	}
	a := PartnerAnswer{Reply: reply}
	if in.After != "" {
		d, err := time.ParseDuration(in.After)
		if err != nil || d < 0 {
			return a, fmt.Errorf("after %q is not a duration such as \"5s\"", in.After)
		}
		a.After = d
	}
	return a, nil
}

// controlPartnerAnswer serves /_sandbox/partner_answer: PUT sets the rule
// for solutions created from now on, GET reads it, POST answers one.
func (s *Sandbox) controlPartnerAnswer(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Method == http.MethodGet {
		a := s.PartnerAnswerRule()
		controlJSON(w, http.StatusOK, partnerAnswerJSON{Answer: a.Reply.String(), After: a.After.String()})
		return
	}
	var in partnerAnswerJSON
	if !decodeControl(w, body, &in, `{"answer":"accept","after":"5s"}`) {
		return
	}
	a, err := in.read()
	if err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	if r.Method == http.MethodPut {
		s.SetPartnerAnswer(a)
		controlJSON(w, http.StatusOK, partnerAnswerJSON{Answer: a.Reply.String(), After: a.After.String()})
		return
	}
	if err := s.AnswerAsPartner(in.SolutionID, a.Reply, a.After); err != nil {
		controlError(w, http.StatusNotFound, err.Error())
		return
	}
	controlJSON(w, http.StatusAccepted, in)
}

// decodeRule reads {"rule":"<name>"} for a switch whose values names
// spells, or answers 400 with the names it takes and reports false.
func decodeRule(w http.ResponseWriter, body []byte, names enumNames) (int, bool) {
	var in struct {
		Rule string `json:"rule"`
	}
	if !decodeControl(w, body, &in, `{"rule":"`+names[1]+`"}`) {
		return 0, false
	}
	rule, ok := names.parse(in.Rule)
	if !ok {
		controlError(w, http.StatusBadRequest, fmt.Sprintf("rule %q is not one of %s", in.Rule, names.oneOf()))
	}
	return rule, ok
}
