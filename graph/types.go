// Package graph is mps's client for the parts of Meta's Graph API that
// Multi-Partner Solutions use: typed values, errors, paging, retries and the
// domain rules that decide what a person may do with a solution.
package graph

import (
	"bytes"
	"encoding/json"
)

// App is an app as the Graph API names it inside a solution.
type App struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Link string `json:"link,omitempty"`
}

// Solution is a partner solution. Enum fields keep the server's raw strings so
// that values Meta adds later are shown rather than lost.
type Solution struct {
	ID               string      `json:"id"`
	Name             string      `json:"name,omitempty"`
	Status           string      `json:"status,omitempty"`
	PendingRequest   string      `json:"status_for_pending_request,omitempty"`
	OwnerApp         *App        `json:"owner_app,omitempty"`
	OwnerPermissions []string    `json:"owner_permissions,omitempty"`
	Partners         PartnerRows `json:"partners,omitempty"`
	// ListedRole is our side as Graph said it by listing the solution under
	// role=OWNER or role=PARTNER (AppSolutionPages). It is not a Graph
	// field; RoleOf falls back on it when the solution names neither side.
	ListedRole Role `json:"-"`
}

// PartnerRow is one row of a solution's partners edge.
type PartnerRow struct {
	ID                 string   `json:"id"`
	PartnerApp         *App     `json:"partner_app,omitempty"`
	PartnerPermissions []string `json:"partner_permissions,omitempty"`
	Status             string   `json:"status,omitempty"`
}

// PartnerRows decodes both the expanded edge form ({"data":[...],"paging":...})
// and a plain array, and always encodes as a plain array.
type PartnerRows []PartnerRow

// UnmarshalJSON implements json.Unmarshaler.
func (p *PartnerRows) UnmarshalJSON(b []byte) error {
	trimmed := bytes.TrimSpace(b)
	if bytes.Equal(trimmed, []byte("null")) {
		*p = nil
		return nil
	}
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var rows []PartnerRow
		if err := json.Unmarshal(trimmed, &rows); err != nil {
			return err
		}
		*p = rows
		return nil
	}
	var edge struct {
		Data []PartnerRow `json:"data"`
	}
	if err := json.Unmarshal(trimmed, &edge); err != nil {
		return err
	}
	*p = edge.Data
	return nil
}

// WABA is a WhatsApp Business Account onboarded through a solution, as
// client_whatsapp_business_accounts lists it.
type WABA struct {
	ID                       string `json:"id"`
	Name                     string `json:"name,omitempty"`
	TimezoneID               string `json:"timezone_id,omitempty"`
	BusinessType             string `json:"business_type,omitempty"`
	MessageTemplateNamespace string `json:"message_template_namespace,omitempty"`
}

// Cursors are a page's opaque positions.
type Cursors struct {
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// Paging is Graph's paging block. Next is kept only to know whether more
// pages exist; it is never requested, because it may name another host and
// often carries an access token.
type Paging struct {
	Cursors  Cursors `json:"cursors"`
	Next     string  `json:"next,omitempty"`
	Previous string  `json:"previous,omitempty"`
}

// Page is one page of a list.
type Page[T any] struct {
	Data   []T     `json:"data"`
	Paging *Paging `json:"paging,omitempty"`
	// more says that pages of another list follow in the same sequence
	// (lists read side by side, see sideBySide).
	more bool
}

// HasNext reports whether another page follows: the server says so, or
// another list read beside this one has pages still to come.
func (p Page[T]) HasNext() bool { return p.more || p.Paging != nil && p.Paging.Next != "" }

// Me is what GET /me says about the token's owner.
type Me struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// TokenInfo is the data block of GET /debug_token.
type TokenInfo struct {
	AppID       string   `json:"app_id,omitempty"`
	Type        string   `json:"type,omitempty"`
	Application string   `json:"application,omitempty"`
	ExpiresAt   int64    `json:"expires_at,omitempty"` // unix seconds; 0 means never
	IsValid     bool     `json:"is_valid"`
	Scopes      []string `json:"scopes,omitempty"`
	UserID      string   `json:"user_id,omitempty"`
	Granular    []struct {
		Scope     string   `json:"scope"`
		TargetIDs []string `json:"target_ids,omitempty"`
	} `json:"granular_scopes,omitempty"`
}

// Graph's status vocabularies. Other values will appear; they are kept raw.
const (
	StatusDraft               = "DRAFT"
	StatusInitiated           = "INITIATED"
	StatusPending             = "PENDING"
	StatusActive              = "ACTIVE"
	StatusRejected            = "REJECTED"
	StatusDeactivated         = "DEACTIVATED"
	StatusPendingDeactivation = "PENDING_DEACTIVATION"

	PendingActivation   = "PENDING_ACTIVATION"
	PendingDeactivation = "PENDING_DEACTIVATION"
	PendingNone         = "NONE"

	PartnerStatusAccepted         = "ACCEPTED"
	PartnerStatusNotificationSent = "NOTIFICATION_SENT"
)

// SolutionFields asks, in one request, for a solution and everything the
// inspector needs (field expansion).
const SolutionFields = "id,name,status,status_for_pending_request,owner_app{id,name,link},owner_permissions,partners{id,partner_app{id,name,link},partner_permissions,status}"

// WABAFields are the fields of a client WABA row.
const WABAFields = "id,name,timezone_id,business_type,message_template_namespace"
