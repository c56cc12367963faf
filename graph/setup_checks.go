package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// CheckStatus is how a setup check came out.
type CheckStatus string

const (
	CheckPass CheckStatus = "pass"
	CheckWarn CheckStatus = "warn"
	CheckFail CheckStatus = "fail"
)

// SetupCheck is one line of the doctor: what was checked, how it came out, what
// was seen, and what to do when it did not pass.
type SetupCheck struct {
	Name   string      `json:"name"`
	Status CheckStatus `json:"status"`
	Detail string      `json:"detail"`
	Fix    string      `json:"fix,omitempty"`
}

// AnyFailed reports whether a check failed.
func AnyFailed(checks []SetupCheck) bool {
	return slices.ContainsFunc(checks, func(c SetupCheck) bool { return c.Status == CheckFail })
}

// SilenceWarning is how long the event log may stay silent while solutions
// are Active before the doctor warns.
const SilenceWarning = 7 * 24 * time.Hour

// tokenExpiryWarning is how close to its expiry a token is worth a warning.
const tokenExpiryWarning = 7 * 24 * time.Hour

// DoctorFacts is what the doctor's checks are decided from; the caller
// gathers them (each with the error that kept it unknown).
type DoctorFacts struct {
	Now time.Time

	Token    *TokenInfo
	TokenErr error
	// CreditLines says credit lines are in use (we are the Solution
	// Partner of a solution), so business_management is required.
	CreditLines bool

	APIVersion       string
	VersionNote      string // how long the version stays usable
	VersionWarn      bool
	NewerVersion     string // "" when none is newer
	Subscriptions    []AppSubscription
	SubscribeErr     error
	SubscribeCommand string // how to subscribe the app, for the fix

	LastWebhook     time.Time // zero: none in the log
	EventLogErr     error
	ActiveSolutions int

	Reconciled   bool
	ReconcileErr error
	OnlyInAPI    int // listed by the API, never reported by a webhook
	OnlyInLog    int // reported by a webhook, not listed by the API
}

// DoctorChecks decides every check the guide's requirements name.
func DoctorChecks(f DoctorFacts) []SetupCheck {
	checks := tokenChecks(f)
	checks = append(checks, versionCheck(f), subscriptionCheck(f), eventLogCheck(f))
	if f.Reconciled || f.ReconcileErr != nil {
		checks = append(checks, reconcileCheck(f))
	}
	return checks
}

func tokenChecks(f DoctorFacts) []SetupCheck {
	const login = "Log in again with a valid token: mps login."
	if f.TokenErr != nil {
		return []SetupCheck{{Name: "token", Status: CheckFail, Detail: "cannot inspect the token: " + f.TokenErr.Error(), Fix: login}}
	}
	t := f.Token
	if t == nil || !t.IsValid {
		return []SetupCheck{{Name: "token", Status: CheckFail, Detail: "Graph says the token is not valid", Fix: login}}
	}
	valid := SetupCheck{Name: "token", Status: CheckPass, Detail: "valid, type " + orUnknown(t.Type)}
	if t.Type != "SYSTEM_USER" {
		valid.Status = CheckWarn
		valid.Fix = "A system user token is recommended: Business Settings > System users."
	}
	expiry := SetupCheck{Name: "token expiry", Status: CheckPass, Detail: "never expires"}
	if t.ExpiresAt > 0 {
		at := time.Unix(t.ExpiresAt, 0).UTC()
		expiry.Detail = "expires " + at.Format(time.RFC3339)
		switch left := at.Sub(f.Now); {
		case left <= 0:
			expiry.Status, expiry.Detail, expiry.Fix = CheckFail, "expired "+at.Format(time.RFC3339), login
		case left < tokenExpiryWarning:
			expiry.Status, expiry.Fix = CheckWarn, "Renew it before then, or use a system user token that does not expire."
		}
	}
	required := []string{"whatsapp_business_management", "whatsapp_business_messaging"}
	if f.CreditLines {
		required = append(required, "business_management")
	}
	var missing []string
	for _, s := range required {
		if !slices.Contains(t.Scopes, s) {
			missing = append(missing, s)
		}
	}
	scopes := SetupCheck{Name: "token scopes", Status: CheckPass, Detail: "has " + strings.Join(required, ", ")}
	if len(missing) > 0 {
		scopes.Status, scopes.Detail = CheckFail, "missing "+strings.Join(missing, ", ")
		scopes.Fix = "Grant the token these permissions (App Review must have approved them), then mps login."
	}
	create := SetupCheck{Name: "manage_app_solution", Status: CheckPass, Detail: "the token may create solutions"}
	if !slices.Contains(t.Scopes, "manage_app_solution") {
		create.Status, create.Detail = CheckWarn, "the token lacks manage_app_solution: creating solutions through embedded creation will fail"
		create.Fix = "Add manage_app_solution to the token if you create solutions."
	}
	return []SetupCheck{valid, expiry, scopes, create}
}

func versionCheck(f DoctorFacts) SetupCheck {
	c := SetupCheck{Name: "API version", Status: CheckPass, Detail: f.APIVersion + ": " + f.VersionNote}
	if f.VersionWarn {
		c.Status, c.Fix = CheckWarn, "Move to "+DefaultAPIVersion+": mps profile set --api-version "+DefaultAPIVersion+"."
	}
	if f.NewerVersion != "" {
		c.Detail += "; " + f.NewerVersion + " is out"
	}
	return c
}

func subscriptionCheck(f DoctorFacts) SetupCheck {
	c := SetupCheck{Name: "webhook subscription"}
	fix := "Subscribe the app: " + f.SubscribeCommand
	if f.SubscribeErr != nil {
		c.Status, c.Detail = CheckFail, "cannot read the app's subscriptions: "+f.SubscribeErr.Error()
		c.Fix = "Store the app secret (mps secret set app-secret): the read needs the app access token."
		return c
	}
	sub, ok := WABASubscription(f.Subscriptions)
	switch missing := sub.MissingFields(); {
	case !ok:
		c.Status, c.Detail, c.Fix = CheckFail, "the app is not subscribed to "+WebhookObject, fix
	case !sub.Active:
		c.Status, c.Detail, c.Fix = CheckFail, "the subscription to "+WebhookObject+" is not active (callback "+orUnknown(sub.CallbackURL)+")", fix
	case len(missing) > 0:
		c.Status, c.Fix = CheckFail, fix
		c.Detail = fmt.Sprintf("the subscription lacks %s (callback %s)", strings.Join(missing, ", "), orUnknown(sub.CallbackURL))
	default:
		c.Status = CheckPass
		c.Detail = fmt.Sprintf("%s: %s, callback %s", WebhookObject, strings.Join(sub.FieldNames(), ", "), sub.CallbackURL)
	}
	return c
}

func eventLogCheck(f DoctorFacts) SetupCheck {
	c := SetupCheck{Name: "event log", Status: CheckPass}
	if f.EventLogErr != nil {
		c.Status, c.Detail = CheckWarn, "cannot read the event log: "+f.EventLogErr.Error()
		c.Fix = "Check the store (`mps store --help`), or start `mps webhook serve`."
		var hinted interface{ Hint() string }
		if errors.As(f.EventLogErr, &hinted) && hinted.Hint() != "" {
			c.Fix = hinted.Hint() // what the store's own error says to do
		}
		return c
	}
	serve := "Check that mps webhook serve is reachable at the subscription's callback URL."
	if f.LastWebhook.IsZero() {
		c.Detail = "no webhook has arrived yet"
		if f.ActiveSolutions > 0 {
			c.Status, c.Fix = CheckWarn, serve
		}
		return c
	}
	ago := f.Now.Sub(f.LastWebhook)
	c.Detail = "last webhook " + f.LastWebhook.UTC().Format(time.RFC3339)
	if ago >= SilenceWarning && f.ActiveSolutions > 0 {
		c.Status, c.Fix = CheckWarn, serve
		c.Detail += fmt.Sprintf(", %d days ago, while %d solutions are Active", int(ago.Hours()/24), f.ActiveSolutions)
	}
	return c
}

func reconcileCheck(f DoctorFacts) SetupCheck {
	c := SetupCheck{Name: "onboarded customers", Status: CheckPass}
	if f.ReconcileErr != nil {
		c.Status, c.Detail, c.Fix = CheckWarn, "cannot reconcile: "+f.ReconcileErr.Error(), "Run mps reconcile for the details."
		return c
	}
	c.Detail = fmt.Sprintf("%d listed by the API but never reported by a webhook; %d reported but not listed", f.OnlyInAPI, f.OnlyInLog)
	if f.OnlyInAPI+f.OnlyInLog > 0 {
		c.Status, c.Fix = CheckWarn, "Run mps reconcile to see which customers, then check the webhook subscription."
	}
	return c
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
