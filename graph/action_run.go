package graph

import (
	"context"
	"errors"
)

// ActionCall is one confirmed action and what sending it needs.
type ActionCall struct {
	SolutionID string
	Action     Action
	// AppID is our app: the OpenAPI form's partner_app_id, and the side
	// whose role decides, after a refusal, whether the action is still
	// allowed.
	AppID string
	// Role is our side as known when the action was confirmed; it stands
	// in when the read after a refusal does not show our side.
	Role Role
	// Reason is sent as the action's optional reason when given
	// (Action.ReasonParam); check it first with Action.CheckReason.
	Reason string
}

// ActionOutcome is what an action did, as Graph answered and as the
// solution reads afterwards.
type ActionOutcome struct {
	Result  *ActionResult // the answer of the POST that succeeded
	Err     error         // the last POST's error; nil when it succeeded
	Unknown bool          // the last POST may or may not have taken effect
	Posts   int           // POSTs sent: 0 when none left the machine, 2 after a refused form
	Form    BodyForm      // the form of the last POST
	After   *Solution     // the solution read after the POST; nil when not read
	ReadErr error         // the read after the POST failed
	// Now is the verdict on the action against After when Graph refused
	// it: not allowed means the solution changed elsewhere (or our side
	// did), and its Reason says how things stand.
	Now *Verdict
}

// StateChanged says Graph refused the action because the solution is no
// longer in a state, or our side no longer one, that allows it.
func (o ActionOutcome) StateChanged() bool {
	return o.Err != nil && !o.Unknown && o.Now != nil && !o.Now.Allowed
}

// RunAction is the whole of an action: it sends the POST once, never
// retries it, reads the solution again, and returns the state after, the
// error, and whether the outcome is unknown.
//
// A refusal is classified by that read, never by Graph's message: if the
// action is no longer allowed, the solution changed elsewhere. If it still
// is, and Graph refused a parameter (code 100), the refused POST changed
// nothing, and the other documented body form is sent once; the form Graph
// accepts is tried first from then on. Nothing is sent again after an
// unknown outcome.
func (c *Client) RunAction(ctx context.Context, call ActionCall) ActionOutcome {
	var out ActionOutcome
	out.Form = c.acceptedForm()
	for {
		res, sent, err := c.post(ctx, call.SolutionID, call.Action, call.Action.Body(out.Form, call.AppID, call.Reason))
		out.Result, out.Err = res, err
		out.Unknown = IsUnknownOutcome(err)
		if sent {
			out.Posts++
		}
		if !sent {
			return out
		}
		if err == nil {
			c.rememberForm(out.Form)
		}
		out.After, out.ReadErr = c.Solution(ctx, call.SolutionID)
		if err == nil || out.Unknown || out.After == nil {
			return out
		}
		role := RoleOf(out.After, call.AppID)
		if role == RoleUnknown {
			role = call.Role
		}
		v := Check(call.Action, out.After.State(), role)
		out.Now = &v
		if !v.Allowed || out.Posts > 1 || !parameterRefused(err) || !call.Action.hasTwoForms(call.AppID) {
			return out
		}
		out.Form = out.Form.other()
	}
}

// parameterRefused is Graph's invalid-parameter refusal: code 100 that is
// not "no such object" (subcode 33).
func parameterRefused(err error) bool {
	var ge *Error
	return errors.As(err, &ge) && ge.Code == 100 && ge.Subcode != 33
}

func (c *Client) acceptedForm() BodyForm {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.form
}

func (c *Client) rememberForm(f BodyForm) {
	c.mu.Lock()
	c.form = f
	c.mu.Unlock()
}
