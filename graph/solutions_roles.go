package graph

import (
	"context"
	"iter"
	"net/url"
)

// The solution list edge answers only its default fields unless Graph
// honours fields= expansion there, which nothing promises (graph-api-notes:
// "A list may answer only its default fields"). Its role=OWNER and
// role=PARTNER filters say our side without expansion, so the list is read
// as those two chains, side by side, always: our role then never depends on
// the expansion, and no per-solution request is needed to learn it. The
// cost is at most one page more than one unfiltered chain
// (⌈owner/100⌉ + ⌈partner/100⌉ ≤ ⌈all/100⌉ + 1), and the wall time is the
// longer chain's. The expansion is still asked for (Detailed), and kept
// when Graph honours it: it brings the other side's app and permissions.

// AppSolutionPages pages through GET /{app}/whatsapp_business_solutions,
// each solution marked with the side the list put it on (ListedRole). With
// q.Role set it is that role's chain alone; otherwise both chains at once,
// their pages yielded as they arrive, a solution listed by both only once.
func (c *Client) AppSolutionPages(ctx context.Context, appID string, q SolutionQuery) iter.Seq2[Page[Solution], error] {
	if err := checkID("app", appID); err != nil {
		return failed[Solution](err)
	}
	if q.Role.Known() {
		return c.roleChain(ctx, appID, q, q.Role)
	}
	chain := func(r Role) func(context.Context) iter.Seq2[Page[Solution], error] {
		return func(ctx context.Context) iter.Seq2[Page[Solution], error] { return c.roleChain(ctx, appID, q, r) }
	}
	return listedOnce(sideBySide(ctx, chain(RoleOwner), chain(RolePartner)))
}

// roleChain is one role-filtered chain of pages, its solutions marked with role.
func (c *Client) roleChain(ctx context.Context, appID string, q SolutionQuery, role Role) iter.Seq2[Page[Solution], error] {
	query := url.Values{"fields": {solutionListFields}, "role": {map[Role]string{RoleOwner: "OWNER", RolePartner: "PARTNER"}[role]}}
	if q.Detailed {
		query.Set("fields", SolutionFields)
	}
	return func(yield func(Page[Solution], error) bool) {
		for page, err := range pages[Solution](ctx, c, get(query, appID, "whatsapp_business_solutions"), q.Limit) {
			for i := range page.Data {
				page.Data[i].ListedRole = role
			}
			if !yield(page, err) {
				return
			}
		}
	}
}

// listedOnce drops a solution already yielded: a server that ignored role=
// would list every solution in both chains.
func listedOnce(seq iter.Seq2[Page[Solution], error]) iter.Seq2[Page[Solution], error] {
	return func(yield func(Page[Solution], error) bool) {
		seen := map[string]bool{}
		for page, err := range seq {
			kept := page.Data[:0:0]
			for _, s := range page.Data {
				if !seen[s.ID] {
					seen[s.ID] = true
					kept = append(kept, s)
				}
			}
			page.Data = kept
			if !yield(page, err) {
				return
			}
		}
	}
}

// MarkRoles marks each solution of list with our side as the app's
// role-filtered lists say it (the two chains, default fields only), for
// lists that cannot be filtered by role, such as GET /{waba}/solutions.
// A solution the app's lists do not hold keeps what it had.
func (c *Client) MarkRoles(ctx context.Context, appID string, list []Solution) error {
	listed, err := c.AppSolutions(ctx, appID, SolutionQuery{})
	if err != nil {
		return err
	}
	roles := make(map[string]Role, len(listed))
	for _, s := range listed {
		roles[s.ID] = s.ListedRole
	}
	for i := range list {
		if r, ok := roles[list[i].ID]; ok {
			list[i].ListedRole = r
		}
	}
	return nil
}
