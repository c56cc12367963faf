package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// benchApp is the app at 120x40 on the Customers tab holding n WABAs,
// fed as pages without any IO.
func benchApp(b *testing.B, n int) *App {
	b.Helper()
	client, err := graph.New(graph.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		b.Fatal(err)
	}
	app := NewApp(Config{Client: client, AppID: "1", BusinessID: "2", Now: fixedNow, NoColor: true})
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	app.Update(keyMsg("4"))
	tab := app.activeTab().(*customersTab)
	tab.Refresh() // takes a sequence number; its command is not run
	const pageSize = 100
	for start := 0; start < n; start += pageSize {
		page := make([]graph.WABA, 0, pageSize)
		for i := start; i < min(start+pageSize, n); i++ {
			page = append(page, graph.WABA{ID: fmt.Sprint(100000000 + i), Name: fmt.Sprintf("Customer %d", i), TimezoneID: "71", MessageTemplateNamespace: "ns"})
		}
		app.Update(pageMsg[graph.WABA]{Origin: Origin{Tab: TabCustomers, Seq: tab.seq}, Items: page, Done: start+pageSize >= n})
	}
	if tab.loaded() != n {
		b.Fatalf("loaded %d of %d", tab.loaded(), n)
	}
	return app
}

func BenchmarkFrame(b *testing.B) {
	for _, n := range []int{100, 10_000, 100_000} {
		app := benchApp(b, n)
		b.Run(fmt.Sprintf("view/rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = app.View()
			}
		})
		b.Run(fmt.Sprintf("move+view/rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			down, up := keyMsg("j"), keyMsg("k")
			i := 0
			for b.Loop() {
				if i%2 == 0 {
					app.Update(down)
				} else {
					app.Update(up)
				}
				i++
				_ = app.View()
			}
		})
	}
}
