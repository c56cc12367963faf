package cli

import (
	"context"

	"mps/graph"
	"mps/store"
	"mps/ui/act"
)

// appTokenClient is a client whose token is the app access token
// {app-id}|{app-secret}, which the app's webhook subscriptions need. The
// secret comes from the keyring or the environment (the demo's from its
// sandbox) and goes only in the Authorization header.
func (s *Session) appTokenClient() (string, *graph.Client, error) {
	appID, err := s.requireAppID()
	if err != nil {
		return "", nil, err
	}
	secret := func(context.Context) (string, error) {
		if s.demo != nil {
			return s.demo.secret, nil
		}
		sec, err := s.secrets.Lookup(store.AppSecret)
		if err != nil {
			// The store's text says how to set it; logging in again would not help.
			return "", &exitError{code: ExitError, err: err, msg: "the app's webhook subscriptions need the app access token, built from the app secret: " + err.Error()}
		}
		return sec.Value, nil
	}
	c, err := s.newClient(s.tokenSource(), graph.WithAppAccessToken(appID, secret))
	return appID, c, err
}

// webhookVerifyToken is the token Meta echoes when it verifies the callback: the
// one `mps webhook serve` answers the handshake with.
func (s *Session) webhookVerifyToken() (string, error) {
	if s.demo != nil {
		return "demo-verify-token", nil
	}
	sec, err := s.secrets.Lookup(store.VerifyToken)
	if err != nil {
		return "", localError("Set it with `mps secret set verify-token` (or "+store.EnvVerifyToken+"), the same one `mps webhook serve` answers with.", err)
	}
	return sec.Value, nil
}

// record sends one setup change through the session's journal: it is
// recorded before it goes and its outcome after; send makes the call once.
func (s *Session) record(ctx context.Context, ch act.Change, send func(context.Context) error) error {
	actor, err := s.actor(ctx)
	if err != nil {
		return err
	}
	var sendErr error
	_, journalErr, err := actor.Record(ctx, ch, func(ctx context.Context) act.Effect {
		sendErr = send(ctx)
		return act.EffectOf(sendErr)
	})
	if err != nil {
		return err
	}
	if journalErr != nil {
		s.warning(sentence(oneLine("the journal could not record the outcome: " + journalErr.Error())))
	}
	return setupRefusal(sendErr)
}

// setupRefusal says plainly what a refusal for a missing business_management
// permission means (credit lines need it), and what to do after a change
// of unknown outcome.
func setupRefusal(err error) error {
	if graph.IsUnknownOutcome(err) {
		// Its own text names the read that tells; the general advice
		// speaks of solutions.
		return &exitError{code: ExitError, err: err, msg: err.Error(), hint: "mps did not resend it."}
	}
	if message, ok := act.LacksBusinessManagement(err); ok {
		return &exitError{code: ExitError, err: err, msg: "Graph refused: the token lacks the business_management permission (" + oneLine(message) + ")",
			hint: act.BusinessManagementHint}
	}
	return err
}

// appTokenRefusal is what a refusal of the app access token means: the app
// secret it was built from is wrong (logging in again would not help).
func appTokenRefusal(err error) error {
	if graph.ClassOf(err) != graph.ClassAuth {
		return err
	}
	return &exitError{code: ExitError, err: err, msg: "Graph refused the app access token: " + oneLine(err.Error()),
		hint: "Check the app secret (App Dashboard > App settings > Basic) and store it again with `mps secret set app-secret`."}
}
