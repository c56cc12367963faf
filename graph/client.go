package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Version is mps's version, sent in the User-Agent.
const Version = "0.1.0"

// DefaultBaseURL and DefaultAPIVersion are used when no option says otherwise.
const (
	DefaultBaseURL    = "https://graph.facebook.com"
	DefaultAPIVersion = "v25.0"
	MaxPageSize       = 100
	// DefaultTimeout bounds each HTTP exchange, from connecting to the
	// last byte of the answer.
	DefaultTimeout = 30 * time.Second
)

// TokenSource returns the access token; it is called lazily, per request.
type TokenSource func(ctx context.Context) (string, error)

// Option configures a Client.
type Option func(*Client) error

// Client talks to the Graph API. It is safe for concurrent use.
type Client struct {
	base       *url.URL
	version    string
	token      TokenSource
	appSecret  string
	http       *http.Client
	timeout    time.Duration // per HTTP exchange
	clock      Clock
	retry      RetryPolicy
	onThrottle func(wait time.Duration) // told before each throttle wait
	debug      *debugLog                // nil: no debug log

	mu    sync.Mutex
	usage Usage
	form  BodyForm // the action body form Graph last accepted
}

// New builds a client. Without WithTokenSource every call fails with an
// authentication error that tells the person how to log in.
func New(opts ...Option) (*Client, error) {
	base, _ := url.Parse(DefaultBaseURL)
	c := &Client{
		base:    base,
		version: DefaultAPIVersion,
		http:    DefaultHTTPClient(),
		timeout: DefaultTimeout,
		clock:   SystemClock{},
		retry:   DefaultRetryPolicy(),
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// DefaultHTTPClient is the *http.Client New uses: bounded connect and TLS
// times, and no redirects (Graph answers JSON and never needs one;
// following one could carry the request elsewhere). The whole exchange is
// bounded by the client's timeout (WithTimeout), not here.
func DefaultHTTPClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	transport.TLSHandshakeTimeout = 10 * time.Second
	transport.MaxIdleConnsPerHost = 8
	return &http.Client{
		Transport: transport,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// WithBaseURL points the client at another Graph host, such as the sandbox.
func WithBaseURL(u string) Option {
	return func(c *Client) error {
		parsed, err := url.Parse(strings.TrimRight(u, "/"))
		if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
			return fmt.Errorf("graph: base URL %q must be an http or https URL such as %s", sanitize(u), DefaultBaseURL)
		}
		if parsed.User != nil || parsed.RawQuery != "" || parsed.Fragment != "" {
			return fmt.Errorf("graph: base URL %q must not carry credentials, a query or a fragment", parsed.Redacted())
		}
		c.base = parsed
		return nil
	}
}

// WithAPIVersion picks the Graph API version, such as "v25.0".
func WithAPIVersion(v string) Option {
	return func(c *Client) error {
		if !validVersion(v) {
			return fmt.Errorf("graph: API version %q should look like %s", sanitize(v), DefaultAPIVersion)
		}
		c.version = v
		return nil
	}
}

// WithTokenSource sets where the access token comes from.
func WithTokenSource(ts TokenSource) Option {
	return required(ts == nil, "token source", func(c *Client) { c.token = ts })
}

// WithAppSecret switches on appsecret_proof for every call.
func WithAppSecret(secret string) Option {
	return setter(func(c *Client) { c.appSecret = secret })
}

// WithHTTPClient replaces the default *http.Client.
func WithHTTPClient(hc *http.Client) Option {
	return required(hc == nil, "http client", func(c *Client) { c.http = hc })
}

// WithTimeout bounds each HTTP exchange (DefaultTimeout unless given). A
// read that times out is not retried: the error names the host and the
// timeout. An action POST that times out after it was sent has an unknown
// outcome.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) error {
		if d <= 0 {
			return fmt.Errorf("graph: timeout must be more than zero, got %s", d)
		}
		c.timeout = d
		return nil
	}
}

// WithClock replaces the system clock (tests pass a fake).
func WithClock(clk Clock) Option {
	return required(clk == nil, "clock", func(c *Client) { c.clock = clk })
}

// WithThrottleNotice has the client report each throttle wait before it
// starts, so that a command can say why it has gone quiet.
func WithThrottleNotice(notice func(wait time.Duration)) Option {
	return setter(func(c *Client) { c.onThrottle = notice })
}

// setter is the Option that applies set.
func setter(set func(c *Client)) Option {
	return func(c *Client) error {
		set(c)
		return nil
	}
}

// required is setter for a value that must not be nil: it refuses, naming
// what, when isNil.
func required(isNil bool, what string, set func(c *Client)) Option {
	if isNil {
		return func(*Client) error { return errors.New("graph: " + what + " is nil") }
	}
	return setter(set)
}

// WithRetryPolicy replaces DefaultRetryPolicy.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *Client) error {
		if p.MaxAttempts < 1 {
			return fmt.Errorf("graph: retry policy needs MaxAttempts of at least 1, got %d", p.MaxAttempts)
		}
		if p.BaseDelay < 0 || p.MaxDelay < 0 || p.MaxElapsed < 0 || p.MaxThrottle < 0 {
			return errors.New("graph: retry policy durations must not be negative")
		}
		c.retry = p
		return nil
	}
}

// BaseURL is the Graph host the client talks to.
func (c *Client) BaseURL() string { return c.base.String() }

// APIVersion is the version prefix of every path, such as "v25.0".
func (c *Client) APIVersion() string { return c.version }

// validVersion accepts "v" + digits + "." + digits, such as v25.0.
func validVersion(v string) bool {
	major, minor, ok := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	return ok && strings.HasPrefix(v, "v") && isDigits(major) && isDigits(minor) && len(major) <= 3 && len(minor) <= 2
}
