package graph

import "net/url"

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
// app, which the OpenAPI form names as partner_app_id. The optional
// rejection_reason and reason are not sent. The deactivation edges take no
// required parameter in either form, so their body is always empty.
func (a Action) Body(f BodyForm, appID string) url.Values {
	if f != FormOpenAPI {
		return nil
	}
	switch a {
	case ActionAccept:
		return url.Values{"partner_app_id": {appID}}
	case ActionReject:
		return url.Values{"request_type": {RequestTypePartnership}, "partner_app_id": {appID}}
	}
	return nil
}

// hasTwoForms says whether the two forms differ for the action, so that
// sending the other one after a refused parameter could change anything.
func (a Action) hasTwoForms(appID string) bool {
	return appID != "" && len(a.Body(FormOpenAPI, appID)) > 0
}
