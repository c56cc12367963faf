package webhook

import (
	"net/url"
	"testing"
)

func TestVerifyHandshake(t *testing.T) {
	const token = "verify-me"
	tests := []struct {
		name          string
		query         string
		token         string
		wantChallenge string
		wantOK        bool
	}{
		{"right token", "hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444", token, "1158201444", true},
		{"wrong token", "hub.mode=subscribe&hub.verify_token=verify-mf&hub.challenge=1158201444", token, "", false},
		{"token prefix", "hub.mode=subscribe&hub.verify_token=verify&hub.challenge=1", token, "", false},
		{"wrong mode", "hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1", token, "", false},
		{"missing mode", "hub.verify_token=verify-me&hub.challenge=1", token, "", false},
		{"missing token", "hub.mode=subscribe&hub.challenge=1", token, "", false},
		{"missing challenge", "hub.mode=subscribe&hub.verify_token=verify-me", token, "", false},
		{"nothing", "", token, "", false},
		{"no token configured", "hub.mode=subscribe&hub.verify_token=&hub.challenge=1", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := VerifyHandshake(q, tt.token)
			if got != tt.wantChallenge || ok != tt.wantOK {
				t.Fatalf("VerifyHandshake = %q, %v; want %q, %v", got, ok, tt.wantChallenge, tt.wantOK)
			}
		})
	}
}
