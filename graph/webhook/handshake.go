package webhook

import (
	"crypto/subtle"
	"net/url"
)

// VerifyHandshake answers Meta's subscription check
// (?hub.mode=subscribe&hub.verify_token=V&hub.challenge=C). It returns the
// challenge and true only when the mode is subscribe, a challenge is present
// and V equals verifyToken, compared in constant time. An empty verifyToken
// never matches.
func VerifyHandshake(query url.Values, verifyToken string) (challenge string, ok bool) {
	if verifyToken == "" || query.Get("hub.mode") != "subscribe" {
		return "", false
	}
	challenge = query.Get("hub.challenge")
	if challenge == "" {
		return "", false
	}
	if subtle.ConstantTimeCompare([]byte(query.Get("hub.verify_token")), []byte(verifyToken)) != 1 {
		return "", false
	}
	return challenge, true
}
