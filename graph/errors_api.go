package graph

// Surface of the error model; bodies are being filled in.

// Class is how mps reacts to an error.
type Class int

const (
	ClassUnknown Class = iota
	ClassTransient
	ClassThrottled
	ClassAuth
	ClassPermission
	ClassInvalid
)

// Error is Graph's error object plus the HTTP status.
type Error struct {
	HTTPStatus  int    `json:"-"`
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode,omitempty"`
	UserTitle   string `json:"error_user_title,omitempty"`
	UserMessage string `json:"error_user_msg,omitempty"`
	FBTraceID   string `json:"fbtrace_id,omitempty"`
	IsTransient bool   `json:"is_transient,omitempty"`
	ErrorData   any    `json:"error_data,omitempty"`
}

func (e *Error) Error() string { return e.Message }

// Class classifies by code, subcode and is_transient.
func (e *Error) Class() Class { return ClassUnknown }

// ClassOf classifies any error: *Error, network errors, or others.
func ClassOf(err error) Class { return ClassUnknown }

// IsUnknownOutcome reports whether err means an action POST may or may not
// have taken effect.
func IsUnknownOutcome(err error) bool { return false }
