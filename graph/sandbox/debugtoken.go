package sandbox

import (
	"crypto/hmac"
	"time"
)

// debugToken is GET /debug_token?input_token=T (also reached as a POST with
// method=GET, which keeps the token out of the URL). Caller holds s.mu.
func (c *call) debugToken() (any, *apiError) {
	input := c.params.Get("input_token")
	if input == "" {
		return nil, errInvalid("The parameter input_token is required")
	}
	if !hmac.Equal([]byte(input), []byte(c.s.opts.Token)) {
		return object{{"data", object{
			{"error", object{{"code", 190}, {"message", "Invalid OAuth access token - Cannot parse access token"}}},
			{"is_valid", false},
			{"scopes", []string{}},
		}}}, nil
	}
	w := c.world
	ours := w.apps[w.us]
	var targets []string
	for ord := range min(3, w.wabas.count()) {
		targets = append(targets, wabaID(ord))
	}
	grant := func(scope string, ids []string) object {
		g := object{{"scope", scope}}
		if ids != nil {
			g = append(g, member{"target_ids", ids})
		}
		return g
	}
	return object{{"data", object{
		{"app_id", w.us},
		{"type", "SYSTEM_USER"},
		{"application", ours.Name},
		{"data_access_expires_at", 0},
		{"expires_at", 0},
		{"is_valid", true},
		{"issued_at", c.s.opts.Now().Add(-24 * time.Hour).Unix()},
		{"scopes", w.setup.granted([]string{"business_management", "whatsapp_business_management", "whatsapp_business_messaging", "public_profile"})},
		{"granular_scopes", []object{
			grant("business_management", nil),
			grant("whatsapp_business_management", targets),
			grant("whatsapp_business_messaging", targets),
		}},
		{"user_id", systemUserID(ours)},
	}}}, nil
}
