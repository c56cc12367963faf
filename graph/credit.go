package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// CreditCurrencies are the currencies a shared credit line may bill a WABA in.
func CreditCurrencies() []string { return []string{"AUD", "EUR", "GBP", "IDR", "INR", "USD"} }

// ValidCurrency reports whether cur is one of CreditCurrencies.
func ValidCurrency(cur string) bool { return slices.Contains(CreditCurrencies(), cur) }

// CreditLine is one of our business's credit lines (extendedcredits).
type CreditLine struct {
	ID              string `json:"id"`
	LegalEntityName string `json:"legal_entity_name,omitempty"`
}

// CreditShare is what sharing a credit line with a WABA answered.
type CreditShare struct {
	AllocationConfigID string `json:"allocation_config_id"`
	WABAID             string `json:"waba_id"`
}

// AllocationConfig is one share of a credit line.
type AllocationConfig struct {
	ID                  string  `json:"id"`
	ReceivingCredential NodeRef `json:"receiving_credential"`
	ReceivingBusiness   NodeRef `json:"receiving_business"`
	RequestStatus       string  `json:"request_status,omitempty"`
}

// CredentialID is the receiving credential's ID, or "".
func (a AllocationConfig) CredentialID() string { return a.ReceivingCredential.ID }

// Revoked says the share was revoked (request_status DELETED).
func (a AllocationConfig) Revoked() bool { return strings.EqualFold(a.RequestStatus, "DELETED") }

// NodeRef is a reference to another node, sent as {"id":...,"name":...}
// or as a bare ID string; both decode.
type NodeRef struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// UnmarshalJSON implements json.Unmarshaler.
func (n *NodeRef) UnmarshalJSON(b []byte) error {
	var id string
	if json.Unmarshal(b, &id) == nil {
		*n = NodeRef{ID: id}
		return nil
	}
	type plain NodeRef
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*n = NodeRef(p)
	return nil
}

const allocationFields = "id,receiving_business,receiving_credential,request_status"

// CreditLines reads GET /{business-id}/extendedcredits. It needs the
// business_management permission.
func (c *Client) CreditLines(ctx context.Context, businessID string) ([]CreditLine, error) {
	return collect(edgePages[CreditLine](ctx, c, "business", businessID, "extendedcredits", url.Values{"fields": {"id,legal_entity_name"}}, 0))
}

// ShareCredit is POST /{credit-line-id}/whatsapp_credit_sharing_and_attach.
// Once attached, the WABA's credit line cannot be changed. Sent once, never
// retried.
func (c *Client) ShareCredit(ctx context.Context, creditLineID, wabaID, currency string) (*CreditShare, error) {
	if err := checkID("credit line", creditLineID); err != nil {
		return nil, err
	}
	if err := checkID("WABA", wabaID); err != nil {
		return nil, err
	}
	if !ValidCurrency(currency) {
		return nil, fmt.Errorf("graph: currency %q is not one of %s", shorten(sanitize(currency), 8), strings.Join(CreditCurrencies(), ", "))
	}
	form := url.Values{"waba_id": {wabaID}, "waba_currency": {currency}}
	r := request{method: http.MethodPost, segments: []string{creditLineID, "whatsapp_credit_sharing_and_attach"}, form: form}
	var out CreditShare
	what := "sharing credit line " + creditLineID + " with WABA " + wabaID
	if err := c.change(ctx, r, what, "mps credit status "+wabaID, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Allocation reads GET /{allocation-config-id} with receiving_credential (what
// verifies a share), receiving_business and request_status.
func (c *Client) Allocation(ctx context.Context, allocationID string) (*AllocationConfig, error) {
	return readNode[AllocationConfig](ctx, c, "allocation config", allocationID, allocationFields)
}

// PrimaryFunding reads GET /{waba-id}?fields=primary_funding_id: the
// credential the WABA is billed through, "" when none.
func (c *Client) PrimaryFunding(ctx context.Context, wabaID string) (string, error) {
	node, err := readNode[struct {
		PrimaryFundingID string `json:"primary_funding_id"`
	}](ctx, c, "WABA", wabaID, "primary_funding_id")
	if err != nil {
		return "", err
	}
	return node.PrimaryFundingID, nil
}

// Allocations reads GET /{credit-line-id}/owning_credit_allocation_configs.
func (c *Client) Allocations(ctx context.Context, creditLineID string) ([]AllocationConfig, error) {
	return collect(edgePages[AllocationConfig](ctx, c, "credit line", creditLineID, "owning_credit_allocation_configs", url.Values{"fields": {allocationFields}}, 0))
}

// RevokeAllocation is DELETE /{allocation-config-id}. It applies to every
// WABA of the receiving business shared with us. Sent once, never retried.
func (c *Client) RevokeAllocation(ctx context.Context, allocationID string) error {
	if err := checkID("allocation config", allocationID); err != nil {
		return err
	}
	r := request{method: http.MethodDelete, segments: []string{allocationID}}
	return c.change(ctx, r, "revoking credit allocation "+allocationID, "mps credit lines", nil)
}

// ShareVerified is the guide's verification of a share: the allocation's
// receiving credential is the WABA's primary funding source.
func ShareVerified(allocation AllocationConfig, primaryFundingID string) bool {
	return primaryFundingID != "" && !allocation.Revoked() && allocation.CredentialID() == primaryFundingID
}

// ShareOf finds, among our credit lines' allocations, the one that funds a
// WABA whose primary funding is primaryFundingID; ok is false when none
// verifies.
func ShareOf(allocations []AllocationConfig, primaryFundingID string) (AllocationConfig, bool) {
	for _, a := range allocations {
		if ShareVerified(a, primaryFundingID) {
			return a, true
		}
	}
	return AllocationConfig{}, false
}
