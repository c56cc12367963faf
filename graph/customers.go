package graph

import (
	"context"
	"encoding/json"
	"iter"
	"net/url"
)

// partnersFilter is one entry of the filtering parameter.
type partnersFilter struct {
	Field    string   `json:"field"`
	Operator string   `json:"operator"`
	Value    []string `json:"value"`
}

// ClientWABAPages pages through GET /{business}/client_whatsapp_business_accounts,
// filtered to WABAs shared with every one of partnerBusinessIDs when any are given.
func (c *Client) ClientWABAPages(ctx context.Context, businessID string, partnerBusinessIDs []string) iter.Seq2[Page[WABA], error] {
	query := url.Values{"fields": {WABAFields}}
	if len(partnerBusinessIDs) > 0 {
		for _, id := range partnerBusinessIDs {
			if err := checkID("partner business", id); err != nil {
				return failed[WABA](err)
			}
		}
		filter, err := json.Marshal([]partnersFilter{{Field: "partners", Operator: "ALL", Value: partnerBusinessIDs}})
		if err != nil {
			return failed[WABA](err)
		}
		query.Set("filtering", string(filter))
	}
	return edgePages[WABA](ctx, c, "business", businessID, "client_whatsapp_business_accounts", query, 0)
}

// ClientWABAs returns every onboarded WABA.
func (c *Client) ClientWABAs(ctx context.Context, businessID string, partnerBusinessIDs []string) ([]WABA, error) {
	return collect(c.ClientWABAPages(ctx, businessID, partnerBusinessIDs))
}

// ClientWABA reads one WABA with the fields of the client list
// (GET /{waba-id}), as a webhook that names it asks: cheaper than the list
// when one customer changed.
func (c *Client) ClientWABA(ctx context.Context, wabaID string) (*WABA, error) {
	return readNode[WABA](ctx, c, "WABA", wabaID, WABAFields)
}
