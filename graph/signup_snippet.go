package graph

import (
	"fmt"
	"strings"
	"time"
)

// SignupVersion is the Embedded Signup version a snippet is written for.
type SignupVersion int

const (
	// SignupV4 is Meta's current version and the default. It is chosen by
	// the login configuration (config_id) having the products in it, not
	// by extras. Meta's pages disagree about its extras: the versions page
	// says they are purposely empty, the implementation page still shows
	// extras: {setup: {}}. How v4 takes solutionID is not documented, so
	// the snippet keeps extras.setup.solutionID, the guide's documented
	// place (graph-api-notes.md, Embedded Signup).
	SignupV4 SignupVersion = 4
	// SignupV3 is the older shape: extras also carry featureType and
	// sessionInfoVersion '3'. Meta ends v2 and v3 in October 2026.
	SignupV3 SignupVersion = 3
)

// ParseSignupVersion reads "4" or "3" (a leading "v" is allowed).
func ParseSignupVersion(text string) (SignupVersion, bool) {
	switch strings.TrimPrefix(strings.ToLower(strings.TrimSpace(text)), "v") {
	case "4":
		return SignupV4, true
	case "3":
		return SignupV3, true
	}
	return 0, false
}

// signupV3Ends is the day Meta ends Embedded Signup v2 and v3; most of its
// pages name the 15th of October 2026.
func signupV3Ends() time.Time { return time.Date(2026, time.October, 15, 0, 0, 0, 0, time.UTC) }

// SignupV3Notice is what choosing v3 means, said as of now.
func SignupV3Notice(now time.Time) string {
	if now.Before(signupV3Ends()) {
		return "Embedded Signup v3 is the older shape: Meta ends v2 and v3 in October 2026 (most of its pages say the 15th). Use v4 (the default) for new work."
	}
	return "Embedded Signup v3 is the older shape: Meta ended v2 and v3 in October 2026 (most of its pages say the 15th), so this snippet may no longer work. Use v4 (the default)."
}

// ConfigIDPlaceholder stands in a snippet for the login configuration's ID
// until one is given.
const ConfigIDPlaceholder = "<CONFIGURATION_ID>"

// SignupSnippet is the guide's Embedded Signup code (step 5) for one
// solution: FB.login with the login configuration and the solution ID in
// extras.setup.solutionID, and the button that launches it.
type SignupSnippet struct {
	Version    SignupVersion
	SolutionID string
	ConfigID   string // ConfigIDPlaceholder when none was given
	Script     string // the <script> element
	Button     string // the <button> element
}

// HTML is the whole snippet, as the guide shows it: the script, then the
// button.
func (s SignupSnippet) HTML() string { return s.Script + "\n\n" + s.Button + "\n" }

// LoginOptions are the options FB.login is called with, as JSON would
// carry them.
func (s SignupSnippet) LoginOptions() map[string]any {
	extras := map[string]any{"setup": map[string]any{"solutionID": s.SolutionID}}
	if s.Version == SignupV3 {
		extras["featureType"] = ""
		extras["sessionInfoVersion"] = "3"
	}
	return map[string]any{
		"config_id":                      s.ConfigID,
		"response_type":                  "code",
		"override_default_response_type": true,
		"extras":                         extras,
	}
}

// SignupRefusal says why customers cannot onboard through the solution
// now, so an Embedded Signup for it would only show them an error; "" when
// they can. Only Active and Pending deactivation solutions onboard: a
// solution keeps onboarding until its deactivation is accepted.
func (s *Solution) SignupRefusal() string {
	switch s.State() {
	case StateActive, StatePendingDeactivation:
		return ""
	case StatePending:
		return "the solution is Pending: it onboards customers only once the partner accepts it"
	}
	return fmt.Sprintf("the solution is %s: only Active and Pending deactivation solutions onboard customers, and Embedded Signup shows anyone else an error", clean(s.StateLabel()))
}

// CanOnboard reports whether customers can onboard through the solution.
func (s *Solution) CanOnboard() bool { return s.SignupRefusal() == "" }

// BuildSignupSnippet writes the snippet for solution sol with the login
// configuration configID ("" puts ConfigIDPlaceholder in its place). It
// refuses a solution that cannot onboard, and IDs that are not Graph IDs,
// since both go into the page's JavaScript.
func BuildSignupSnippet(sol *Solution, configID string, v SignupVersion) (SignupSnippet, error) {
	if err := checkID("solution", sol.ID); err != nil {
		return SignupSnippet{}, err
	}
	configID = strings.TrimSpace(configID)
	if configID == "" {
		configID = ConfigIDPlaceholder
	} else if err := checkID("login configuration", configID); err != nil {
		return SignupSnippet{}, err
	}
	if v != SignupV4 && v != SignupV3 {
		return SignupSnippet{}, fmt.Errorf("graph: Embedded Signup version %d is not 4 or 3", int(v))
	}
	if reason := sol.SignupRefusal(); reason != "" {
		return SignupSnippet{}, fmt.Errorf("no Embedded Signup for solution %s: %s", sol.ID, reason)
	}
	s := SignupSnippet{Version: v, SolutionID: sol.ID, ConfigID: configID}
	s.Script = signupScript(s)
	s.Button = `<button id="login-btn" style="background-color:green; padding:10px 20px; color:#fff;">` + "\n" +
		"  Launch Embedded Signup\n" +
		"</button>"
	return s, nil
}

// signupScript is the guide's script; the IDs are digits (or the
// placeholder), so they need no escaping inside the quotes.
func signupScript(s SignupSnippet) string {
	var extra string
	if s.Version == SignupV3 {
		extra = ",\n        featureType: '',\n        sessionInfoVersion: '3'"
	}
	return fmt.Sprintf(`<script type="text/javascript">
  document.getElementById('login-btn').onclick = () =>
    FB.login(response => {}, {
      config_id: '%s',
      response_type: 'code',
      override_default_response_type: true,
      extras: {
        setup: {
          solutionID: '%s'  // Solution ID goes here
        }%s
      }
    });
</script>`, s.ConfigID, s.SolutionID, extra)
}

// OnboardingSolutions are the solutions in list that can onboard
// customers now. When there is more than one, each Embedded Signup must
// carry the right one's ID, or a customer is onboarded under the wrong
// solution (the guide's step 5).
func OnboardingSolutions(list []Solution) []Solution {
	var out []Solution
	for i := range list {
		if list[i].CanOnboard() {
			out = append(out, list[i])
		}
	}
	return out
}

// SignupWarning is the guide's caution for a snippet of solutionID when
// our app's solutions (list) hold more than one that onboards; "" when
// there is only the one.
func SignupWarning(list []Solution, solutionID string) string {
	onboarding := OnboardingSolutions(list)
	if len(onboarding) < 2 {
		return ""
	}
	return fmt.Sprintf("our app has %d solutions that onboard customers (Active or Pending deactivation): put this snippet, with solution ID %s, only where the customers of that solution sign up, or they are onboarded under the wrong solution",
		len(onboarding), clean(solutionID))
}
