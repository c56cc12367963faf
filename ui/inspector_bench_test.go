package ui

import (
	"fmt"
	"testing"
	"time"

	"mps/graph"
	"mps/store/eventlog"
)

// BenchmarkInspectorCustomers draws an inspector whose solution onboarded
// 200 customers, names joined from 10,000 loaded ones, scrolling as it goes.
func BenchmarkInspectorCustomers(b *testing.B) {
	app := benchApp(b, 10_000)
	in := newInspector(app.ctx, graph.Solution{ID: "9", Name: "Bench"}, 1)
	in.wabaName = app.customerName
	seen := make([]eventlog.SeenWABA, 200)
	for i := range seen {
		seen[i] = eventlog.SeenWABA{WABAID: fmt.Sprint(100000000 + i*7), SolutionID: "9", FirstSeen: fixedNow().Add(-time.Duration(i) * time.Hour)}
	}
	in.onboarded = onboardedState{seen: seen}
	down := keyMsg("j")
	b.ReportAllocs()
	for b.Loop() {
		in.Update(down)
		_ = in.View(120, 40)
	}
}
