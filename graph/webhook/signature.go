package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// SignatureHeader is the header Meta signs deliveries with.
const SignatureHeader = "X-Hub-Signature-256"

const signaturePrefix = "sha256="

// Sign returns the X-Hub-Signature-256 value for body: "sha256=" and the hex
// HMAC-SHA256 of the raw bytes keyed by the app secret.
func Sign(body []byte, appSecret string) string {
	return signaturePrefix + hex.EncodeToString(mac(body, appSecret))
}

// VerifySignature checks header against the raw body. The comparison runs in
// constant time on the decoded MAC bytes.
func VerifySignature(body []byte, header, appSecret string) error {
	if appSecret == "" {
		return ErrNoAppSecret
	}
	header = strings.TrimSpace(header)
	if header == "" {
		return ErrNoSignature
	}
	if len(header) < len(signaturePrefix) || !strings.EqualFold(header[:len(signaturePrefix)], signaturePrefix) {
		return ErrBadSignature
	}
	got, err := hex.DecodeString(header[len(signaturePrefix):])
	if err != nil {
		return ErrBadSignature
	}
	if !hmac.Equal(got, mac(body, appSecret)) {
		return ErrBadSignature
	}
	return nil
}

func mac(body []byte, secret string) []byte {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write(body)
	return h.Sum(nil)
}
