package ui

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"mps/graph"
	"mps/graph/sandbox"
)

func TestJShowsASolutionAsGraphSentItAndYCopiesIt(t *testing.T) {
	h := newHarness(t, 120, 40)
	s := h.selectRow("Lucky Shrub storefront")
	before := mark(h.sb)
	h.press("J")
	wantReads(t, requestsSince(h.sb, before), graph.SolutionFields, s.ID)
	h.wantScreen("Raw JSON of solution "+s.ID+" as Graph sent it", `"id": "`+s.ID+`"`, `"name": "Lucky Shrub storefront"`)
	var clip []string
	_, cmd := h.app.Update(keyMsg("y"))
	for _, m := range flatten(cmd) {
		if v, ok := clipboardText(m); ok {
			clip = append(clip, v)
		}
	}
	if len(clip) == 0 {
		t.Fatal("y in the raw view put nothing on the clipboard")
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(clip[0]), &got); err != nil || got["id"] != s.ID {
		t.Fatalf("the clipboard got %q (%v), want the solution's JSON", clip[0], err)
	}
	h.press("esc")
	if h.app.raw != nil || h.app.activeTab().ID() != TabSolutions {
		t.Fatal("esc left the raw view open")
	}
}

func TestJOnAWABAAndAPartnerApp(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.press("4")
	waba := h.cursorID()
	h.press("J")
	h.wantScreen("Raw JSON of WABA "+waba, `"id": "`+waba+`"`)
	h.press("esc", "3")
	app := h.cursorID()
	h.press("J")
	h.wantScreen("Raw JSON of partner app "+app, `"id": "`+app+`"`)
}

// An event's raw view is its payload as received, and enter there opens
// its solution; esc from the solution comes back to the Events tab.
func TestJOnAnEventShowsItsPayloadAndOffersItsSolution(t *testing.T) {
	h, _ := logHarness(t, sandbox.Options{}, guideEvents(t, fixedNow(), "guide_partner_solutions_created.json")...)
	_, pos := h.eventsTab()
	h.press(strconv.Itoa(pos + 1))
	h.wantScreen("J payload")
	before := mark(h.sb)
	h.press("J")
	if n := len(requestsSince(h.sb, before)); n != 0 {
		t.Fatalf("the payload at hand was read from Graph (%d requests)", n)
	}
	h.wantScreen("as received", "enter opens solution", `"event": "SOLUTION_CREATED"`)
	h.press("enter")
	if h.app.raw != nil || h.app.inspector == nil {
		t.Fatalf("enter in the payload opened no solution:\n%s", h.screen())
	}
	h.press("esc")
	if h.app.activeTab().ID() != TabEvents {
		t.Fatalf("esc went to %s, want Events", h.app.activeTab().Title())
	}
}

// A hostile value in the JSON is drawn inert.
func TestRawViewSanitises(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.app.raw = &rawView{ctx: h.app.ctx, target: rawTarget{what: "event", id: "1"}}
	h.app.raw.take(json.RawMessage("{\"name\":\"evil\x1b]52;c;AAAA\x07x\"}"), nil) // not JSON: shown as received
	h.wantScreen("evil")
	if s := h.app.Render(); strings.Contains(s, "\x1b]52") {
		t.Fatalf("the raw view drew an escape sequence: %q", s)
	}
}
