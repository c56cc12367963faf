package graph

import (
	"errors"
	"fmt"
	"net/url"
	"unicode"
	"unicode/utf8"
)

// BodyForm is one of the two documented ways to send an action's
// parameters. The guide POSTs every action with no body; Meta's OpenAPI
// description gives accept and reject parameters (graph-api-notes.md,
// "Action bodies disagree too").
type BodyForm int

const (
	FormGuide   BodyForm = iota // no body
	FormOpenAPI                 // partner_app_id, and request_type for reject
)

func (f BodyForm) String() string {
	if f == FormOpenAPI {
		return "OpenAPI form"
	}
	return "guide form"
}

// other is the form to try when Graph refused this one's parameters.
func (f BodyForm) other() BodyForm { return 1 - f }

// Request types of the OpenAPI form's reject.
const (
	RequestTypePartnership  = "PARTNERSHIP_REQUEST"
	RequestTypeDeactivation = "DEACTIVATION_REQUEST"
)

// Body is the action's form body in form f; nil means no body. appID is our
// app, which the OpenAPI form names as partner_app_id. reason, when given,
// goes as the action's optional reason parameter (ReasonParam) in either
// form. The deactivation edges take no required parameter in either form.
func (a Action) Body(f BodyForm, appID, reason string) url.Values {
	body := url.Values{}
	if f == FormOpenAPI {
		switch a {
		case ActionAccept:
			body.Set("partner_app_id", appID)
		case ActionReject:
			body.Set("request_type", RequestTypePartnership)
			body.Set("partner_app_id", appID)
		}
	}
	if p := a.ReasonParam(); p != "" && reason != "" {
		body.Set(p, reason)
	}
	if len(body) == 0 {
		return nil
	}
	return body
}

// ReasonParam is the optional free-text parameter the action takes in
// Meta's OpenAPI description: rejection_reason for reject, reason for
// send_deactivation_request; "" for an action that takes none.
func (a Action) ReasonParam() string {
	switch a {
	case ActionReject:
		return "rejection_reason"
	case ActionRequestDeactivation:
		return "reason"
	}
	return ""
}

// MaxReasonLength is the longest reason mps sends, in characters. Meta
// documents no limit; a short paragraph is what a partner reads.
const MaxReasonLength = 500

// CheckReason says what is wrong with a reason for the action, or nil:
// only reject and request deactivation take one, of at most
// MaxReasonLength characters, on one line of printable text.
func (a Action) CheckReason(reason string) error {
	if reason == "" {
		return nil
	}
	if a.ReasonParam() == "" {
		return fmt.Errorf("%s takes no reason: only reject and deactivate do", a.Command())
	}
	if n := utf8.RuneCountInString(reason); n > MaxReasonLength {
		return fmt.Errorf("the reason is %d characters long; at most %d are sent", n, MaxReasonLength)
	}
	for _, r := range reason {
		if unicode.IsControl(r) {
			return errors.New("the reason must be one line of text, without control characters")
		}
	}
	if !utf8.ValidString(reason) {
		return errors.New("the reason is not valid UTF-8 text")
	}
	return nil
}

// hasTwoForms says whether the two forms differ for the action, so that
// sending the other one after a refused parameter could change anything.
func (a Action) hasTwoForms(appID string) bool {
	return appID != "" && len(a.Body(FormOpenAPI, appID, "")) > 0
}
