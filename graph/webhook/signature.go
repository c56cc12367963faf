package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

// SignatureHeader is the header Meta signs deliveries with.
const SignatureHeader = "X-Hub-Signature-256"

const signaturePrefix = "sha256="

// Signature errors. A missing signature and a wrong one get different HTTP
// statuses (401 and 403).
var (
	ErrNoSignature  = errors.New("webhook: no " + SignatureHeader + " header")
	ErrBadSignature = errors.New("webhook: " + SignatureHeader + " does not match the body")
	ErrNoAppSecret  = errors.New("webhook: no app secret configured")
)

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
