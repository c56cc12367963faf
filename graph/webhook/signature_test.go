package webhook

import (
	"errors"
	"strings"
	"testing"
)

func TestVerifySignature(t *testing.T) {
	body := []byte(`{"object":"whatsapp_business_account","entry":[]}`)
	const secret = "app-secret"
	good := Sign(body, secret)
	if !strings.HasPrefix(good, "sha256=") || len(good) != len("sha256=")+64 {
		t.Fatalf("Sign gave %q, want sha256= and 64 hex digits", good)
	}
	changed := append([]byte(nil), body...)
	changed[len(changed)-2] = ' '
	tests := []struct {
		name   string
		body   []byte
		header string
		secret string
		want   error
	}{
		{"valid", body, good, secret, nil},
		{"valid with upper-case prefix", body, "SHA256=" + good[7:], secret, nil},
		{"valid with upper-case hex", body, "sha256=" + strings.ToUpper(good[7:]), secret, nil},
		{"missing", body, "", secret, ErrNoSignature},
		{"blank", body, "   ", secret, ErrNoSignature},
		{"wrong secret", body, Sign(body, "other"), secret, ErrBadSignature},
		{"body changed after signing", changed, good, secret, ErrBadSignature},
		{"sha1 header", body, "sha1=" + good[7:47], secret, ErrBadSignature},
		{"not hex", body, "sha256=zz" + good[9:], secret, ErrBadSignature},
		{"truncated", body, good[:len(good)-2], secret, ErrBadSignature},
		{"prefix only", body, "sha256=", secret, ErrBadSignature},
		{"no secret configured", body, good, "", ErrNoAppSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := VerifySignature(tt.body, tt.header, tt.secret)
			if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Fatalf("VerifySignature = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestSignatureErrorsNeverNameTheSecret(t *testing.T) {
	const secret = "s3cr3t-value"
	for _, h := range []string{"", "sha256=00", Sign([]byte("x"), "nope")} {
		if err := VerifySignature([]byte("y"), h, secret); err == nil || strings.Contains(err.Error(), secret) {
			t.Fatalf("header %q: err %v", h, err)
		}
	}
}
