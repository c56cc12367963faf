package sandbox

import (
	"encoding/json"
	"fmt"
	"sync"
)

// usageCounters count calls, for the usage headers Graph sends once usage
// becomes noticeable.
type usageCounters struct {
	mu       sync.Mutex
	calls    int
	byObject map[string]int
}

// bucBudget is WhatsApp Business Management's hourly call budget per WABA.
const bucBudget = 200

// countCall counts an authenticated call and sets the usage headers:
// X-App-Usage once the app has used 1% of its budget, and
// X-Business-Use-Case-Usage for business and WABA objects once their use
// reaches 5%. The numbers never reach 100: throttling is a fault.
func (s *Sandbox) countCall(c *call) {
	s.usage.mu.Lock()
	s.usage.calls++
	appPct := min(99, s.usage.calls*100/s.opts.UsageBudget)
	object, bucPct := "", 0
	if id := c.segs[0]; s.isBusinessUseCaseObject(id) {
		if s.usage.byObject == nil {
			s.usage.byObject = map[string]int{}
		}
		s.usage.byObject[id]++
		object, bucPct = id, min(99, s.usage.byObject[id]*100/bucBudget)
	}
	s.usage.mu.Unlock()
	if appPct >= 1 {
		c.header.Set("X-App-Usage", appUsage(appPct, appPct/2, appPct/3))
	}
	if bucPct >= 5 {
		c.header.Set("X-Business-Use-Case-Usage", businessUsage(object, bucPct, 0))
	}
}

func (s *Sandbox) isBusinessUseCaseObject(id string) bool {
	if id == s.opts.BusinessID {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.state.wabas.ordinalOf(id)
	return ok
}

func appUsage(calls, total, cpu int) string {
	return fmt.Sprintf(`{"call_count":%d,"total_time":%d,"total_cputime":%d}`, calls, total, cpu)
}

func businessUsage(object string, pct, regainMinutes int) string {
	b, _ := json.Marshal(map[string][]map[string]any{object: {{
		"type": "whatsapp_business_management", "call_count": pct, "total_cputime": pct / 2,
		"total_time": pct / 2, "estimated_time_to_regain_access": regainMinutes,
	}}})
	return string(b)
}
