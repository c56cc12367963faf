package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"path"
	"strings"
	"sync/atomic"
)

// maxBodyBytes caps every response body mps reads.
const maxBodyBytes = 8 << 20

// request is one Graph call before the token is known.
type request struct {
	method   string
	segments []string   // path after the version; IDs already validated
	query    url.Values // nil for none
	form     url.Values // POST body; nil sends an empty body
	// inputToken adds the access token to the form as input_token (for
	// debug_token), so that it travels in the body and never in the URL.
	inputToken bool
	retry      int // how many times this request was tried before, for the debug log
}

func get(query url.Values, segments ...string) request {
	return request{method: http.MethodGet, segments: segments, query: query}
}

// readNode reads one object by its ID with the given fields (GET /{id});
// what names the kind of object when the ID is refused.
func readNode[T any](ctx context.Context, c *Client, what, id, fields string) (*T, error) {
	if err := checkID(what, id); err != nil {
		return nil, err
	}
	var node T
	if err := c.fetch(ctx, get(url.Values{"fields": {fields}}, id), &node); err != nil {
		return nil, err
	}
	return &node, nil
}

// response is a read answer: status, headers and the capped body.
type response struct {
	status      int
	contentType string
	header      http.Header
	body        []byte
}

// accessToken asks the token source, refusing tokens that cannot go in a
// header.
func (c *Client) accessToken(ctx context.Context) (string, error) {
	if c.token == nil {
		return "", &tokenError{errors.New("no token source is configured")}
	}
	token, err := c.token(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", &tokenError{err}
	}
	token = strings.TrimSpace(token)
	if token == "" {
		return "", &tokenError{errors.New("the token is empty")}
	}
	for i := 0; i < len(token); i++ {
		if token[i] <= ' ' || token[i] == 0x7f {
			return "", &tokenError{errors.New("the token contains spaces or control characters")}
		}
	}
	return token, nil
}

// endpoint is the URL of a call: the client's own base URL, the version
// prefix, the path segments and the query. The token is never part of it;
// only its HMAC (appsecret_proof) is, when an app secret is set.
func (c *Client) endpoint(r request, token string) *url.URL {
	u := *c.base
	u.Path = path.Join(append([]string{"/", c.base.Path, c.version}, r.segments...)...)
	u.RawPath = ""
	q := url.Values{}
	for k, v := range r.query {
		q[k] = append([]string(nil), v...)
	}
	if c.appSecret != "" {
		q.Set("appsecret_proof", appSecretProof(token, c.appSecret))
	}
	u.RawQuery = q.Encode()
	return &u
}

// appSecretProof is the hex HMAC-SHA256 of the token keyed by the app secret.
func appSecretProof(token, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(token))
	return hex.EncodeToString(mac.Sum(nil))
}

// send makes exactly one HTTP exchange and reads the capped body. sent
// reports whether the whole request was written to the connection, which
// is what decides whether a failed POST may have taken effect.
func (c *Client) send(ctx context.Context, r request, token string) (resp *response, sent bool, err error) {
	u := c.endpoint(r, token)
	var body io.Reader = http.NoBody
	form := r.form
	if r.inputToken {
		form = url.Values{}
		for k, v := range r.form {
			form[k] = v
		}
		form.Set("input_token", token)
	}
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	exchange, cancel := context.WithTimeoutCause(ctx, c.timeout, errNoAnswer)
	defer cancel() // after the body is read: the timeout covers it too
	var wrote atomic.Bool
	traced := httptrace.WithClientTrace(exchange, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				wrote.Store(true)
			}
		},
	})
	req, err := http.NewRequestWithContext(traced, r.method, u.String(), body)
	if err != nil {
		return nil, false, fmt.Errorf("graph: building %s %s: %s", r.method, u.Path, redactToken(err.Error(), token))
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("User-Agent", "mps/"+Version)
	req.Header.Set("Accept", "application/json")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}

	var (
		httpResp *http.Response
		data     []byte
	)
	if c.debug != nil {
		start := c.clock.Now()
		defer func() {
			c.debug.record(exchangeRecord{at: start, duration: c.clock.Now().Sub(start), method: r.method, url: u,
				retry: r.retry, resp: httpResp, body: data, err: err}, token)
		}()
	}
	httpResp, err = c.http.Do(req)
	if err != nil {
		return nil, wrote.Load(), c.netError(ctx, exchange, r.method, u.Path, "", err, token)
	}
	defer httpResp.Body.Close()
	c.noteUsage(httpResp.Header)
	data, err = io.ReadAll(io.LimitReader(httpResp.Body, maxBodyBytes+1))
	resp = &response{
		status:      httpResp.StatusCode,
		contentType: httpResp.Header.Get("Content-Type"),
		header:      httpResp.Header,
		body:        data,
	}
	if err != nil {
		reading := fmt.Sprintf(" reading the answer (HTTP %d)", httpResp.StatusCode)
		return nil, true, c.netError(ctx, exchange, r.method, u.Path, reading, err, token)
	}
	if len(data) > maxBodyBytes {
		return nil, true, &BodyError{HTTPStatus: resp.status, ContentType: resp.contentType,
			Problem: fmt.Sprintf("response too large (over %d MiB); nothing was read from it", maxBodyBytes>>20)}
	}
	return resp, true, nil
}

// errNoAnswer is the cause of an exchange's context when the client's
// timeout ended it.
var errNoAnswer = errors.New("no answer within the timeout")

// netError wraps a transport failure. A cancelled ctx is the caller's own
// doing and is returned as such, not as a network failure; the end of
// exchange (ctx with the client's timeout) is a timeout.
func (c *Client) netError(ctx, exchange context.Context, method, urlPath, doing string, err error, token string) error {
	if ctx.Err() != nil {
		return fmt.Errorf("graph: %s %s%s: %w", method, urlPath, doing, ctx.Err())
	}
	if errors.Is(context.Cause(exchange), errNoAnswer) {
		msg := fmt.Sprintf("graph: %s %s%s: %s did not answer within %s", method, urlPath, doing, c.base.Host, c.timeout)
		return &NetError{msg: sanitize(msg), err: err, timeout: true}
	}
	cause := err
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		cause = urlErr.Err
	}
	msg := fmt.Sprintf("graph: %s %s%s: %v", method, urlPath, doing, cause)
	return &NetError{msg: scrubTokens(redactToken(msg, token)), err: err}
}
