package readmodel

import (
	"cmp"
	"context"
	"slices"
	"time"

	"mps/store/eventlog"
)

// The guide: a Tech Provider in a partner solution may onboard at most 200
// new customers in a rolling one-week period.
const (
	OnboardingLimit  = 200
	OnboardingWindow = 7 * 24 * time.Hour
	// nearPercent is where the gauge starts to warn.
	nearPercent = 80
)

// Level is how close a count is to the limit.
type Level int

const (
	LevelOK      Level = iota
	LevelNear          // at or above 80% of the limit
	LevelAtLimit       // at or above the limit
)

// String is "ok", "near" or "at limit".
func (l Level) String() string {
	switch l {
	case LevelNear:
		return "near"
	case LevelAtLimit:
		return "at limit"
	}
	return "ok"
}

// LevelOf grades count against limit.
func LevelOf(count, limit int) Level {
	switch {
	case count >= limit:
		return LevelAtLimit
	case count*100 >= limit*nearPercent:
		return LevelNear
	}
	return LevelOK
}

// SolutionCount is one solution's onboardings in the window.
type SolutionCount struct {
	SolutionID string
	Count      int
	Level      Level
}

// Gauge is the onboarding count of the last rolling week. The log cannot
// tell whether a customer was new to the platform, so the count is an upper
// bound of what Meta counts against the limit.
type Gauge struct {
	Since       time.Time
	Limit       int
	Total       int
	Level       Level
	PerSolution []SolutionCount // most onboardings first
}

// NewGauge grades the counts of the week that ends at now.
func NewGauge(now time.Time, total int, perSolution map[string]int) Gauge {
	g := Gauge{Since: now.Add(-OnboardingWindow), Limit: OnboardingLimit, Total: total, Level: LevelOf(total, OnboardingLimit)}
	for id, n := range perSolution {
		g.PerSolution = append(g.PerSolution, SolutionCount{SolutionID: id, Count: n, Level: LevelOf(n, OnboardingLimit)})
	}
	slices.SortFunc(g.PerSolution, func(a, b SolutionCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.SolutionID, b.SolutionID))
	})
	return g
}

// ReadGauge counts the PARTNER_ADDED events of the week that ends at now.
func ReadGauge(ctx context.Context, log *eventlog.Log, now time.Time) (Gauge, error) {
	total, per, err := log.CountPartnerAdded(ctx, now.Add(-OnboardingWindow))
	if err != nil {
		return Gauge{}, err
	}
	return NewGauge(now, total, per), nil
}
