package graph

import (
	"encoding/json"
	"net/http"
	"time"
)

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

// ThrottleFallback is how long mps holds off after a throttling answer
// that does not say how long to wait (code 4 with X-App-Usage at 100%, or
// 80008 without estimated_time_to_regain_access) once it stops retrying.
const ThrottleFallback = 30 * time.Second

// maxUsageHeader keeps a hostile header from costing much to parse; 32
// objects of a few entries fit easily.
const maxUsageHeader = 64 << 10

// ParseAppUsage reads an X-App-Usage value; nil when absent or unreadable.
func ParseAppUsage(value string) *AppUsage {
	if value == "" || len(value) > maxUsageHeader {
		return nil
	}
	var u AppUsage
	if json.Unmarshal([]byte(value), &u) != nil {
		return nil
	}
	return &u
}

// ParseBUCUsage reads an X-Business-Use-Case-Usage value; nil when absent or
// unreadable.
func ParseBUCUsage(value string) map[string][]BUCUsage {
	if value == "" || len(value) > maxUsageHeader {
		return nil
	}
	var u map[string][]BUCUsage
	if json.Unmarshal([]byte(value), &u) != nil || len(u) == 0 {
		return nil
	}
	return u
}

// RegainAccessIn is the longest estimated_time_to_regain_access in the
// usage, as a duration; zero when none is given.
func RegainAccessIn(buc map[string][]BUCUsage) time.Duration {
	longest := 0
	for _, entries := range buc {
		for _, e := range entries {
			longest = max(longest, e.EstimatedTimeToRegainAccess)
		}
	}
	// Guard against absurd values overflowing a Duration.
	longest = min(longest, 7*24*60)
	return time.Duration(longest) * time.Minute
}

// noteUsage records the usage headers of a response. Absent headers mean
// usage is low, so they clear the previous values.
func (c *Client) noteUsage(h http.Header) {
	app := ParseAppUsage(h.Get("X-App-Usage"))
	buc := ParseBUCUsage(h.Get("X-Business-Use-Case-Usage"))
	now := c.clock.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.usage.App = app
	c.usage.BusinessUseCase = buc
	c.usage.At = now
}

// setThrottledUntil records a throttle deadline; a later one already
// recorded (another call's longer wait) stands.
func (c *Client) setThrottledUntil(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.After(c.usage.ThrottledUntil) {
		c.usage.ThrottledUntil = t
	}
}

// clearThrottledUntil ends the countdown if it is still the deadline t.
func (c *Client) clearThrottledUntil(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !t.IsZero() && c.usage.ThrottledUntil.Equal(t) {
		c.usage.ThrottledUntil = time.Time{}
	}
}

// Usage returns the latest usage values.
func (c *Client) Usage() Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	u := c.usage
	if u.App != nil {
		app := *u.App
		u.App = &app
	}
	if u.BusinessUseCase != nil {
		copied := make(map[string][]BUCUsage, len(u.BusinessUseCase))
		for k, v := range u.BusinessUseCase {
			copied[k] = append([]BUCUsage(nil), v...)
		}
		u.BusinessUseCase = copied
	}
	return u
}
