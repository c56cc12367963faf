package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"mps/graph"
	"mps/ui/text"
)

// statusBar is the line that says where we are: profile, app, API version,
// rate-limit usage and when the data was last read.
type statusBar struct {
	usage       graph.Usage
	lastRefresh time.Time
	notes       []string // what tabs report there (statusNoter), such as the onboarding gauge
}

// usageText is the rate-limit part: the highest percentage the server
// reported, or the countdown while throttled.
func (b statusBar) usageText(now time.Time) string {
	if left := b.usage.ThrottledUntil.Sub(now); left > 0 {
		return "throttled, " + left.Round(time.Second).String() + " left"
	}
	worst := -1
	if a := b.usage.App; a != nil {
		worst = max(a.CallCount, a.TotalTime, a.TotalCPUTime)
	}
	for _, entries := range b.usage.BusinessUseCase {
		for _, e := range entries {
			worst = max(worst, e.CallCount, e.TotalTime, e.TotalCPUTime)
		}
	}
	if worst < 0 {
		// Graph sends the headers only once usage is noticeable.
		return "usage low"
	}
	return fmt.Sprintf("usage %d%%", worst)
}

// throttled says whether a countdown is running.
func (b statusBar) throttled(now time.Time) bool { return b.usage.ThrottledUntil.After(now) }

func (b statusBar) View(c *Context, width int) string {
	now := c.Now()
	parts := []string{"profile " + text.Sanitize(c.Profile)}
	if c.Demo {
		parts[0] = "DEMO"
	}
	parts = append(parts, "app "+text.Sanitize(c.AppID), text.Sanitize(c.APIVersion), b.usageText(now))
	parts = append(parts, b.notes...)
	if b.lastRefresh.IsZero() {
		parts = append(parts, "not refreshed yet")
	} else {
		parts = append(parts, "refreshed "+b.lastRefresh.Format("15:04:05"))
	}
	line := text.Truncate(" "+strings.Join(parts, " │ "), width)
	return c.Styles.StatusBar.Render(line + strings.Repeat(" ", max(0, width-lipgloss.Width(line))))
}
