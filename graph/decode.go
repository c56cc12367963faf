package graph

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// decode turns an answer into out, or into the error it carries. Nothing in
// it panics on hostile input: every shape of body ends in a value or an
// error.
func (r *response) decode(token string, out any) error {
	if err := r.failure(token); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if len(bytes.TrimSpace(r.body)) == 0 {
		return r.bodyError("the answer was empty")
	}
	if err := json.Unmarshal(r.body, out); err != nil {
		return r.bodyError("the answer did not have the expected shape: " + clean(err.Error()))
	}
	return nil
}

// failure is the error an answer carries: Graph's error object (on any
// status), or a BodyError for a non-2xx answer without one or a 2xx answer
// that is not JSON. It is nil for a 2xx answer that is JSON or empty.
func (r *response) failure(token string) error {
	body := bytes.TrimSpace(r.body)
	isJSON := json.Valid(body)
	if isJSON && len(body) > 0 && body[0] == '{' {
		var envelope struct {
			Error json.RawMessage `json:"error"`
		}
		if json.Unmarshal(body, &envelope) == nil && len(envelope.Error) > 0 && string(envelope.Error) != "null" {
			return r.graphError(envelope.Error, token)
		}
	}
	switch {
	case r.status >= 300 && r.status < 400:
		return r.bodyError("Graph answered with a redirect, which mps does not follow")
	case r.status < 200 || r.status >= 300:
		if !isJSON {
			return r.bodyError("the response was not JSON")
		}
		return r.bodyError("the response carried no Graph error object")
	case len(body) > 0 && !isJSON:
		return r.bodyError("the response was not valid JSON (malformed or cut short)")
	}
	return nil
}

func (r *response) bodyError(problem string) *BodyError {
	return &BodyError{HTTPStatus: r.status, ContentType: r.contentType, Problem: problem}
}

// graphError reads Graph's error object leniently: fields of the wrong type
// are skipped rather than losing the whole error.
func (r *response) graphError(raw json.RawMessage, token string) *Error {
	e := parseErrorObject(raw)
	e.HTTPStatus = r.status
	e.redact(token)
	if e.Class() == ClassThrottled && r.header != nil {
		e.RetryAfter = RegainAccessIn(ParseBUCUsage(r.header.Get("X-Business-Use-Case-Usage")))
	}
	return e
}

func parseErrorObject(raw json.RawMessage) *Error {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return &Error{Message: text}
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return &Error{Message: "Graph sent an error that mps could not read"}
	}
	e := &Error{
		Message:     jsonString(fields["message"]),
		Type:        jsonString(fields["type"]),
		Code:        jsonInt(fields["code"]),
		Subcode:     jsonInt(fields["error_subcode"]),
		UserTitle:   jsonString(fields["error_user_title"]),
		UserMessage: jsonString(fields["error_user_msg"]),
		FBTraceID:   jsonString(fields["fbtrace_id"]),
		IsTransient: jsonBool(fields["is_transient"]),
	}
	if data, ok := fields["error_data"]; ok {
		_ = json.Unmarshal(data, &e.ErrorData)
	}
	return e
}

// redact removes the token from every text field, error_data included.
func (e *Error) redact(token string) {
	for _, field := range []*string{&e.Message, &e.Type, &e.UserTitle, &e.UserMessage, &e.FBTraceID} {
		*field = redactToken(*field, token)
	}
	if e.ErrorData == nil || token == "" {
		return
	}
	data, err := json.Marshal(e.ErrorData)
	if err != nil || !bytes.Contains(data, []byte(token)) {
		return
	}
	e.ErrorData = nil
	_ = json.Unmarshal(bytes.ReplaceAll(data, []byte(token), []byte(redacted)), &e.ErrorData)
}

func jsonString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

// jsonInt accepts a number or a numeric string; anything else is 0.
func jsonInt(raw json.RawMessage) int {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return 0
	}
	switch n := v.(type) {
	case float64:
		if n >= math.MinInt32 && n <= math.MaxInt32 {
			return int(n)
		}
	case string:
		if i, err := strconv.Atoi(strings.TrimSpace(n)); err == nil {
			return i
		}
	}
	return 0
}

func jsonBool(raw json.RawMessage) bool {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return false
	}
	switch b := v.(type) {
	case bool:
		return b
	case string:
		return strings.EqualFold(b, "true")
	}
	return false
}
