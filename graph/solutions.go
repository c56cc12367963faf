package graph

import (
	"context"
	"iter"
	"net/url"
)

// solutionListFields are the default fields of a solution list, asked for
// explicitly so that the answer does not depend on Graph's defaults.
const solutionListFields = "id,name,status,status_for_pending_request"

// partnerRowFields are the fields of a partners edge row.
const partnerRowFields = "id,partner_app{id,name,link},partner_permissions,status"

// SolutionQuery narrows the app's solution list.
type SolutionQuery struct {
	Role     Role // RoleOwner or RolePartner: that side only; otherwise both
	Detailed bool // expand owner_app, permissions and partner rows in the same paged request
	Limit    int  // page size; 0 means the largest
}

// AppSolutions returns every solution on every page, in ID order (see
// SortSolutions), and, with an error, the solutions read before it.
func (c *Client) AppSolutions(ctx context.Context, appID string, q SolutionQuery) ([]Solution, error) {
	all, err := collect(c.AppSolutionPages(ctx, appID, q))
	SortSolutions(all)
	return all, err
}

// Solution reads one solution with owner app, permissions and partner rows in one request.
func (c *Client) Solution(ctx context.Context, id string) (*Solution, error) {
	return readNode[Solution](ctx, c, "solution", id, SolutionFields)
}

// PartnerPages pages through GET /{solution}/partners.
func (c *Client) PartnerPages(ctx context.Context, solutionID string) iter.Seq2[Page[PartnerRow], error] {
	return edgePages[PartnerRow](ctx, c, "solution", solutionID, "partners", url.Values{"fields": {partnerRowFields}}, 0)
}

// Partners returns every partner row.
func (c *Client) Partners(ctx context.Context, solutionID string) ([]PartnerRow, error) {
	return collect(c.PartnerPages(ctx, solutionID))
}

// WABASolutionPages pages through GET /{waba}/solutions.
func (c *Client) WABASolutionPages(ctx context.Context, wabaID string) iter.Seq2[Page[Solution], error] {
	return edgePages[Solution](ctx, c, "WABA", wabaID, "solutions", url.Values{"fields": {solutionListFields}}, 0)
}

// WABASolutions returns every solution that onboarded the WABA.
func (c *Client) WABASolutions(ctx context.Context, wabaID string) ([]Solution, error) {
	return collect(c.WABASolutionPages(ctx, wabaID))
}
