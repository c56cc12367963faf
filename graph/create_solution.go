package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// createEdge is the edge of our app that a new solution is POSTed to.
const createEdge = "whatsapp_business_solution"

// CreateSolution creates a solution owned by appID (POST
// /{app-id}/whatsapp_business_solution) and returns its ID. The new
// solution starts as INITIATED (Pending) until the partner answers.
//
// The solution is checked first (NewSolution.Check); a refusal there, or
// a bad app ID, sends nothing. The POST is sent once and never retried.
// When its outcome cannot be known, the error is a *CreateUnknownError
// (IsUnknownOutcome is true): look for the solution with LookForCreated
// rather than sending it again, or it may be created twice.
func (c *Client) CreateSolution(ctx context.Context, appID string, s NewSolution) (string, error) {
	if err := checkID("app", appID); err != nil {
		return "", err
	}
	s = s.Normalized()
	if err := s.Check(appID); err != nil {
		return "", err
	}
	owner, partner := s.Permissions()
	form := url.Values{
		"solution_name":       {s.Name},
		"partner_app_id":      {s.PartnerAppID},
		"owner_permissions":   {formArray(owner)},
		"partner_permissions": {formArray(partner)},
	}
	unknown := func(cause error) error {
		return &CreateUnknownError{Name: s.Name, PartnerAppID: s.PartnerAppID, Err: cause}
	}
	r := request{method: http.MethodPost, segments: []string{appID, createEdge}, form: form}
	resp, _, err := c.postOnce(ctx, r, "creating the solution", unknown)
	if err != nil {
		return "", err
	}
	id, ok := createdID(resp.body)
	if !ok {
		return "", unknown(errors.New("graph: the server answered success without a solution_id"))
	}
	return id, nil
}

// formArray is a list as Graph takes an array in a form post: a JSON
// array, such as ["MESSAGING"] or [].
func formArray(list []string) string {
	if list == nil {
		list = []string{}
	}
	b, _ := json.Marshal(list) // strings only: cannot fail
	return string(b)
}

// createdID reads {"solution_id":"..."}; the ID may come as a string or a
// number. ok is false when there is no valid ID.
func createdID(body []byte) (string, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimSpace(body), &fields) != nil {
		return "", false
	}
	id := strings.Trim(string(bytes.TrimSpace(fields["solution_id"])), `"`)
	return id, ValidID(id)
}

// CreateUnknownError says a create POST was sent but its result could not
// be known: the solution may exist now. It must not be sent again before
// the solutions are read (LookForCreated).
type CreateUnknownError struct {
	Name         string
	PartnerAppID string
	Err          error // the cause; never a reason to retry by itself
}

func (e *CreateUnknownError) Error() string {
	return fmt.Sprintf("graph: creating solution %q with partner app %s: outcome unknown: list the solutions before trying again (%v)",
		clean(e.Name), clean(e.PartnerAppID), e.Err)
}
func (e *CreateUnknownError) Unwrap() error { return e.Err }
func (*CreateUnknownError) outcomeUnknown() {}

// FindCreated picks, from solutions read after a create, the one the
// create made: the same name (spaces around it aside) with a partner row
// for partnerAppID. A Pending one wins over others, since a new solution
// starts Pending, and among equals the one with the greatest ID, since
// Graph's IDs grow over time (nothing promises it). Solutions read
// without their partner rows cannot match.
func FindCreated(list []Solution, name, partnerAppID string) (Solution, bool) {
	name, partnerAppID = strings.TrimSpace(name), strings.TrimSpace(partnerAppID)
	var best *Solution
	better := func(s *Solution) bool {
		if best == nil {
			return true
		}
		if pending, bestPending := s.State() == StatePending, best.State() == StatePending; pending != bestPending {
			return pending
		}
		return CompareIDs(s.ID, best.ID) > 0
	}
	for i := range list {
		s := &list[i]
		if strings.TrimSpace(s.Name) == name && hasPartnerApp(s, partnerAppID) && better(s) {
			best = s
		}
	}
	if best == nil {
		return Solution{}, false
	}
	return *best, true
}

func hasPartnerApp(s *Solution, appID string) bool {
	for _, row := range s.Partners {
		if row.PartnerApp != nil && row.PartnerApp.ID == appID {
			return true
		}
	}
	return false
}

// LookForCreated reads the solutions appID owns and says whether the one
// that want describes exists (FindCreated), after a create whose outcome
// was unknown. A solution of that name that the list gave without its
// partner rows is read by itself. It sends nothing that changes anything.
func (c *Client) LookForCreated(ctx context.Context, appID string, want NewSolution) (*Solution, error) {
	want = want.Normalized()
	list, err := c.AppSolutions(ctx, appID, SolutionQuery{Role: RoleOwner, Detailed: true})
	if err != nil {
		return nil, err
	}
	for i := range list {
		if strings.TrimSpace(list[i].Name) != want.Name || len(list[i].Partners) > 0 {
			continue
		}
		full, err := c.Solution(ctx, list[i].ID)
		if err != nil {
			return nil, err
		}
		full.ListedRole = list[i].ListedRole
		list[i] = *full
	}
	found, ok := FindCreated(list, want.Name, want.PartnerAppID)
	if !ok {
		return nil, nil
	}
	return &found, nil
}
