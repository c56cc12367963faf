package webhook

// Error is one of this package's sentinel errors; a constant, so no code can
// reassign it. Compare with errors.Is.
type Error string

func (e Error) Error() string { return string(e) }

// Signature errors. A missing signature and a wrong one get different HTTP
// statuses (401 and 403).
const (
	ErrNoSignature  Error = "webhook: no " + SignatureHeader + " header"
	ErrBadSignature Error = "webhook: " + SignatureHeader + " does not match the body"
	ErrNoAppSecret  Error = "webhook: no app secret configured"
)

// ErrMalformed is wrapped by Parse when the body is not a JSON object.
const ErrMalformed Error = "webhook: payload is not a JSON object"
