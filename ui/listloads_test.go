package ui

import (
	"net/url"
	"strings"

	"mps/graph/sandbox"
)

// startsListLoad says whether a request is the first of a load of our
// app's solution list. A load reads two role chains side by side
// (graph.AppSolutionPages), so it is counted by the first page of its
// role=OWNER chain: one per load, whatever the pages.
func startsListLoad(r sandbox.Request) bool {
	if r.Method != "GET" || !strings.HasSuffix(r.Path, "/whatsapp_business_solutions") {
		return false
	}
	q, _ := url.ParseQuery(r.RawQuery)
	return q.Get("role") == "OWNER" && q.Get("after") == ""
}
