package graph

import (
	"context"
	"net/http"
	"testing"
)

const stubPending = `{"id":"123","name":"S","status":"INITIATED","status_for_pending_request":"PENDING_ACTIVATION","owner_app":{"id":"9"},"partners":{"data":[{"id":"5","partner_app":{"id":"77"}}]}}`

// stubAction answers every action POST with post and every read with the
// pending request, and counts the POSTs.
func stubAction(t *testing.T, post reply) (ActionOutcome, int) {
	t.Helper()
	srv := newStub(t, func(_ int, r *http.Request) reply {
		if r.Method == http.MethodPost {
			return post
		}
		return reply{body: stubPending}
	})
	cl, _ := newTestClient(t, srv)
	out := cl.RunAction(context.Background(), ActionCall{SolutionID: "123", Action: ActionAccept, AppID: "77", Role: RolePartner})
	posts := 0
	for _, r := range srv.requests() {
		if r.Method == http.MethodPost {
			posts++
		}
	}
	return out, posts
}

// When Graph refuses both forms' parameters, two POSTs went out, no more.
func TestRunActionBothFormsRefused(t *testing.T) {
	out, posts := stubAction(t, reply{status: 400, body: graphErrorBody(100, 0, "Invalid parameter")})
	if out.Err == nil || out.Unknown || out.StateChanged() || posts != 2 || out.Posts != 2 {
		t.Fatalf("outcome %+v after %d POSTs; want the refusal after 2", out, posts)
	}
}

// A 5xx carrying code 100 leaves the outcome unknown: even though the read
// after it finds the action still allowed, the other form is not sent.
func TestRunActionUnknownCode100IsNotResent(t *testing.T) {
	out, posts := stubAction(t, reply{status: 500, body: graphErrorBody(100, 0, "The parameter partner_app_id is required")})
	if !out.Unknown || posts != 1 || out.After == nil {
		t.Fatalf("outcome %+v after %d POSTs; want an unknown outcome, read again, after 1 POST", out, posts)
	}
}
