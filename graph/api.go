package graph

// This file is the client's public surface. The bodies are being filled in;
// every signature here is what the rest of mps codes against.

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"time"
)

var errNotYet = errors.New("graph: not implemented yet")

// Version is mps's version, sent in the User-Agent.
const Version = "0.1.0"

// DefaultBaseURL and DefaultAPIVersion are used when no option says otherwise.
const (
	DefaultBaseURL    = "https://graph.facebook.com"
	DefaultAPIVersion = "v25.0"
	MaxPageSize       = 100
)

// TokenSource returns the access token; it is called lazily, per request.
type TokenSource func(ctx context.Context) (string, error)

// Clock is the time source (tests pass a fake).
type Clock interface {
	Now() time.Time
	// After is like time.After.
	After(d time.Duration) <-chan time.Time
}

// RetryPolicy bounds retries of idempotent GETs.
type RetryPolicy struct {
	MaxAttempts int           // including the first; 1 disables retries
	BaseDelay   time.Duration // first backoff
	MaxDelay    time.Duration // cap on one backoff
	MaxElapsed  time.Duration // cap on the whole call, waits included
	MaxThrottle time.Duration // longest wait mps accepts when throttled
}

// Option configures a Client.
type Option func(*Client) error

// Client talks to the Graph API. It is safe for concurrent use.
type Client struct{}

// New builds a client.
func New(opts ...Option) (*Client, error) { return &Client{}, nil }

func WithBaseURL(u string) Option           { return nil }
func WithAPIVersion(v string) Option        { return nil }
func WithTokenSource(ts TokenSource) Option { return nil }
func WithAppSecret(secret string) Option    { return nil }
func WithHTTPClient(hc *http.Client) Option { return nil }
func WithClock(c Clock) Option              { return nil }
func WithRetryPolicy(p RetryPolicy) Option  { return nil }

// SolutionQuery narrows the app's solution list.
type SolutionQuery struct {
	Role     Role // RoleUnknown lists both sides
	Detailed bool // expand owner_app, permissions and partner rows in the same paged request
	Limit    int  // page size; 0 means the largest
}

// AppSolutionPages pages through GET /{app}/whatsapp_business_solutions.
func (c *Client) AppSolutionPages(ctx context.Context, appID string, q SolutionQuery) iter.Seq2[Page[Solution], error] {
	return nil
}

// AppSolutions returns every solution on every page.
func (c *Client) AppSolutions(ctx context.Context, appID string, q SolutionQuery) ([]Solution, error) {
	return nil, errNotYet
}

// Solution reads one solution with owner app, permissions and partner rows in one request.
func (c *Client) Solution(ctx context.Context, id string) (*Solution, error) { return nil, errNotYet }

// PartnerPages pages through GET /{solution}/partners.
func (c *Client) PartnerPages(ctx context.Context, solutionID string) iter.Seq2[Page[PartnerRow], error] {
	return nil
}

// Partners returns every partner row.
func (c *Client) Partners(ctx context.Context, solutionID string) ([]PartnerRow, error) {
	return nil, errNotYet
}

// WABASolutionPages pages through GET /{waba}/solutions.
func (c *Client) WABASolutionPages(ctx context.Context, wabaID string) iter.Seq2[Page[Solution], error] {
	return nil
}

// WABASolutions returns every solution that onboarded the WABA.
func (c *Client) WABASolutions(ctx context.Context, wabaID string) ([]Solution, error) {
	return nil, errNotYet
}

// ClientWABAPages pages through GET /{business}/client_whatsapp_business_accounts,
// filtered to WABAs shared with every one of partnerBusinessIDs when any are given.
func (c *Client) ClientWABAPages(ctx context.Context, businessID string, partnerBusinessIDs []string) iter.Seq2[Page[WABA], error] {
	return nil
}

// ClientWABAs returns every onboarded WABA.
func (c *Client) ClientWABAs(ctx context.Context, businessID string, partnerBusinessIDs []string) ([]WABA, error) {
	return nil, errNotYet
}

// Me reads GET /me.
func (c *Client) Me(ctx context.Context) (*Me, error) { return nil, errNotYet }

// DebugToken inspects the client's own token (GET /debug_token), keeping the
// token out of the URL.
func (c *Client) DebugToken(ctx context.Context) (*TokenInfo, error) { return nil, errNotYet }

// ActionResult is what an action POST answered, in any documented shape.
type ActionResult struct {
	Success  bool
	Message  string
	Solution *Solution // set when the answer was the solution object
	Raw      []byte
}

// Do sends the action's POST exactly once. It is never retried. An outcome
// that cannot be known (timeout or reset after sending, or 5xx) is an error
// for which IsUnknownOutcome is true: read the solution again.
func (c *Client) Do(ctx context.Context, solutionID string, a Action) (*ActionResult, error) {
	return nil, errNotYet
}

// Usage is the latest rate-limit usage the server reported.
type Usage struct {
	App             *AppUsage             // X-App-Usage, nil when absent
	BusinessUseCase map[string][]BUCUsage // X-Business-Use-Case-Usage by object ID
	ThrottledUntil  time.Time             // zero unless mps is waiting out a throttle
	At              time.Time             // when it was read
}

// AppUsage is X-App-Usage (percentages).
type AppUsage struct {
	CallCount    int `json:"call_count"`
	TotalTime    int `json:"total_time"`
	TotalCPUTime int `json:"total_cputime"`
}

// BUCUsage is one entry of X-Business-Use-Case-Usage.
type BUCUsage struct {
	Type                        string `json:"type"`
	CallCount                   int    `json:"call_count"`
	TotalCPUTime                int    `json:"total_cputime"`
	TotalTime                   int    `json:"total_time"`
	EstimatedTimeToRegainAccess int    `json:"estimated_time_to_regain_access"` // minutes
}

// Usage returns the latest usage values.
func (c *Client) Usage() Usage { return Usage{} }

// ValidID reports whether id is a Graph object ID mps will put in a path (digits only).
func ValidID(id string) bool { return false }
