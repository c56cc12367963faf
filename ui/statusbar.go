package ui

import (
	"fmt"
	"strings"
	"time"

	"mps/graph"
	"mps/ui/text"
)

// statusBar is the line that says where we are: profile, app, API version,
// rate-limit usage and when the data was last read.
type statusBar struct {
	usage       graph.Usage
	lastRefresh time.Time
	nextRefresh time.Time // when the periodic reload is due; zero when none is
	notes       []string  // what tabs report there (statusNoter), such as the onboarding gauge
	alert       string    // first, before all else: the shared store does not answer
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

func (b statusBar) View(c *Shared, width int) string {
	line := c.Measure.Truncate(b.fit(c, width), width)
	return c.Styles.StatusBar.Render(line + strings.Repeat(" ", max(0, width-c.Measure.Width(line))))
}

// fit is the fullest line that fits: labels and the countdown to the next
// reload, then short values and the countdown, then short values only.
func (b statusBar) fit(c *Shared, width int) string {
	var line string
	for _, form := range []struct{ short, countdown bool }{{false, true}, {true, true}, {true, false}} {
		if !form.countdown && b.nextRefresh.IsZero() {
			break // the line without a countdown was the one just tried
		}
		line = b.line(c, form.short, form.countdown)
		if c.Measure.Width(line) <= width {
			break
		}
	}
	return line
}

func (b statusBar) line(c *Shared, short, countdown bool) string {
	parts := b.parts(c, short)
	if countdown && !b.nextRefresh.IsZero() {
		parts = append(parts, countdownText(b.nextRefresh.Sub(c.Now()), short))
	}
	if short {
		return " " + strings.Join(parts, "│")
	}
	return " " + strings.Join(parts, " │ ")
}

// parts are the bar's fields; short drops their labels for narrow screens.
func (b statusBar) parts(c *Shared, short bool) []string {
	label := func(name, value string) string {
		if short {
			return value
		}
		return name + " " + value
	}
	profile := label("profile", text.Sanitize(c.Profile))
	if c.Demo {
		profile = "DEMO"
	}
	parts := []string{profile, label("app", text.Sanitize(c.AppID)), text.Sanitize(c.APIVersion), b.usageText(c.Now())}
	if b.alert != "" {
		parts = append([]string{b.alert}, parts...)
	}
	parts = append(parts, b.notes...)
	switch {
	case b.lastRefresh.IsZero() && short:
		parts = append(parts, "not loaded")
	case b.lastRefresh.IsZero():
		parts = append(parts, "not refreshed yet")
	default:
		parts = append(parts, label("refreshed", b.lastRefresh.Format("15:04:05")))
	}
	return parts
}
