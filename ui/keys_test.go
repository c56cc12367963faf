package ui

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"mps/graph/sandbox"
	"mps/store/journal"
)

// helpColumns reads the columns ? drew (at a width where they share one
// row): each titled column's key → description, "✗" kept on keys that
// do nothing now.
func helpColumns(t *testing.T, screen string) map[string]map[string]string {
	t.Helper()
	lines := strings.Split(screen, "\n")
	head := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "Here") {
			head = i
			break
		}
	}
	if head < 0 {
		t.Fatalf("no key columns on screen:\n%s", screen)
	}
	heading := []rune(lines[head])
	type col struct {
		title string
		start int
	}
	var cols []col
	for i := 0; i < len(heading); i++ {
		if heading[i] != ' ' && (i == 0 || heading[i-1] == ' ') {
			end := i
			for end < len(heading) && heading[end] != ' ' {
				end++
			}
			cols = append(cols, col{string(heading[i:end]), i})
			i = end
		}
	}
	out := map[string]map[string]string{}
	for _, c := range cols {
		out[c.title] = map[string]string{}
	}
	for _, l := range lines[head+1:] {
		if strings.TrimSpace(l) == "" {
			break
		}
		r := []rune(l)
		for i, c := range cols {
			end := len(r)
			if i+1 < len(cols) {
				end = min(cols[i+1].start, len(r))
			}
			if c.start >= end {
				continue
			}
			cell := strings.Fields(string(r[c.start:end]))
			if len(cell) == 0 {
				continue
			}
			out[c.title][cell[0]] = strings.Join(cell[1:], " ")
		}
	}
	return out
}

func keysIn(col map[string]string) []string { return slices.Sorted(maps.Keys(col)) }

func sorted(keys ...string) []string { return slices.Sorted(slices.Values(keys)) }

// eventsHarness has the four tabs and an Events tab over an empty log.
func eventsHarness(t *testing.T, width, height int) (*harness, int) {
	h, _ := logHarness(t, sandbox.Options{})
	h.resize(width, height)
	_, pos := h.eventsTab()
	return h, pos
}

// ? lists the keys that work where you are, and only those: Pending has
// no state or role filter, Events has its field filter and reconciliation,
// and a mode of a tab lists its own.
func TestHelpListsTheKeysOfWhatHasFocus(t *testing.T) {
	moving := sorted("↑/k", "↓/j", "pgup", "pgdn", "g", "G")
	sorting := sorted("↑/k", "↓/j", "pgup", "pgdn", "g", "G", "<", ">", "~") // a tab's table also sorts
	everywhere := sorted("?", "q", "/", ":", "r", "y", "Y", "ctrl+y", "J", "B")
	for _, c := range []struct {
		name  string
		keys  []string // pressed before ?
		here  []string
		moves []string
		every []string
	}{
		{"solutions", []string{"1"}, sorted("s", "S", "o", "O", "enter", "n", "a", "x", "D"), sorting, everywhere},
		{"history", []string{"6"}, sorted("enter"), moving, everywhere},
		{"the create form's messaging", []string{"1", "n", "enter", "enter"}, sorted("esc", "tab/↓", "shift+tab/↑", "←/→/space", "enter"), nil, sorted("?")},
		{"pending", []string{"2"}, sorted("enter", "a", "x", "D"), sorting, everywhere},
		{"partners", []string{"3"}, sorted("enter"), sorting, everywhere},
		{"partners, an app's solutions", []string{"3", "enter"}, sorted("enter", "esc"), sorting, everywhere},
		{"customers", []string{"4"}, sorted("p", "enter"), sorting, everywhere},
		{"customers, a WABA's solutions", []string{"4", "enter"}, sorted("enter", "esc"), sorting, everywhere},
		{"events", []string{"5"}, sorted("f", "c", "enter"), sorting, everywhere},
		{"events, the reconciliation", []string{"5", "c"}, sorted("c", "esc", "enter"), sorting, everywhere},
		{"inspector", []string{"2", "enter"}, sorted("esc", "r", "a", "x", "D", "e"), moving, sorted("?", "q", ":", "y", "Y", "ctrl+y", "J", "B")},
		{"raw view", []string{"1", "J"}, sorted("esc", "y", "r"), moving, sorted("?", "q")},
		{"dialog", []string{"2", "a"}, sorted("y", "n/esc", "tab/←/→", "enter"), nil, sorted("?")},
		{"dialog with a reason", []string{"2", "x"}, sorted("y", "n/esc", "tab/←/→", "enter", "r"), nil, sorted("?")},
		{"a filter in force", []string{"1", "/", "Lucky", "enter"}, sorted("s", "S", "o", "O", "enter", "n", "a", "x", "D"), sorting, sorted("?", "q", "/", ":", "r", "y", "Y", "ctrl+y", "esc", "J", "B")},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, _ := eventsHarness(t, 160, 40)
			for _, k := range c.keys {
				if len(k) > 1 && k != "enter" {
					h.typeText(k)
					continue
				}
				h.press(k)
			}
			h.press("?")
			cols := helpColumns(t, h.screen())
			here := keysIn(cols["Here"])
			for i, k := range here {
				here[i] = strings.TrimSuffix(k, notNowMark)
			}
			if !slices.Equal(here, c.here) {
				t.Errorf("? lists %v here, want %v:\n%s", keysIn(cols["Here"]), c.here, h.screen())
			}
			if got := keysIn(cols["Moving"]); !slices.Equal(got, c.moves) {
				t.Errorf("? lists %v for moving, want %v", got, c.moves)
			}
			if got := keysIn(cols["Everywhere"]); !slices.Equal(got, c.every) {
				t.Errorf("? lists %v everywhere, want %v:\n%s", got, c.every, h.screen())
			}
		})
	}
}

// The footer is drawn from the same bindings as ?: each key it names is
// on ? with the same words.
func TestFooterAgreesWithHelp(t *testing.T) {
	for _, keys := range [][]string{{"1"}, {"2"}, {"3"}, {"3", "enter"}, {"4"}, {"4", "enter"}, {"5"}, {"5", "c"}, {"6"}, {"2", "enter"}, {"2", "a"}, {"2", "x"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			h, _ := eventsHarness(t, 300, 40)
			h.press(keys...)
			lines := strings.Split(h.screen(), "\n")
			// A footer too long for the width ends in " …" after the
			// last entry that fits.
			footer := strings.TrimSuffix(strings.TrimSpace(lines[len(lines)-1]), " …")
			h.press("?")
			listed := map[string]string{}
			for _, col := range helpColumns(t, h.screen()) {
				maps.Copy(listed, col)
			}
			entries := strings.Split(footer, " • ")
			if len(entries) < 3 {
				t.Fatalf("footer %q lists too little", footer)
			}
			for _, e := range entries {
				k, desc, _ := strings.Cut(e, " ")
				got, ok := listed[k]
				if !ok {
					got, ok = listed[k+notNowMark]
				}
				if !ok || strings.TrimSuffix(got, " "+notNowMark) != desc {
					t.Errorf("the footer says %q; ? says %q for %s:\n%s", e, got, k, h.screen())
				}
			}
		})
	}
}

// A key that cannot act on the selected solution says why, dims in ?,
// and sends nothing at all: not even the read before asking.
func TestDisabledActionKeySaysWhyAndSendsNothing(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.selectRow("Social Brew retail") // Active, and we are the partner
	before := len(h.sb.Requests())
	h.press("D")
	h.wantScreen("Cannot request deactivation \"Social Brew retail\": only the owner can request deactivation.")
	h.press("a")
	h.wantScreen("only a pending request can be accepted")
	if n := len(h.sb.Requests()) - before; n != 0 || h.app.asking != nil || h.app.dialog != nil {
		t.Fatalf("disabled keys sent %d requests (asking %v, dialog %v)", n, h.app.asking, h.app.dialog)
	}
	h.press("?")
	here := helpColumns(t, h.screen())["Here"]
	if here["D"+notNowMark] == "" && !strings.HasSuffix(here["D"], notNowMark) {
		t.Fatalf("? does not mark D as not working now: %v\n%s", here, h.screen())
	}
	h.wantScreen(notNowMark + " D: Cannot request deactivation \"Social Brew retail\"")
}

// The tables move by the app's key map: rebinding Down in the Shared's
// keys moves every list on the new key, and no longer on the old one,
// and ? says so.
func TestTablesMoveByTheAppKeyMap(t *testing.T) {
	h := newHarness(t, 120, 40)
	for _, name := range []string{"first", "second"} { // rows for History
		if _, err := h.app.ctx.Journal.Begin(context.Background(), journal.Entry{Action: "reject", ObjectName: name, Started: fixedNow()}); err != nil {
			t.Fatal(err)
		}
	}
	app := NewApp(h.app.ctx.Config)
	app.ctx.Keys.Down = key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "down"))
	app.tabs = newTabs(app.ctx)
	h.app = app
	h.resize(120, 40)
	h.run(app.Init())
	for i, tab := range app.tabs {
		h.press(strconv.Itoa(i + 1))
		cursor := func() int {
			switch tab := tab.(type) {
			case *solutionsTab:
				return tab.table.Cursor()
			case *pendingTab:
				return tab.table.Cursor()
			case *partnersTab:
				return tab.apps.Cursor()
			case *customersTab:
				return tab.wabas.Cursor()
			case *historyTab:
				return tab.table.Cursor()
			}
			t.Fatalf("tab %T", tab)
			return 0
		}
		start := cursor()
		h.press("j")
		if cursor() != start {
			t.Fatalf("%s: j still moves after Down was rebound", tab.Title())
		}
		h.press("J")
		if cursor() == start {
			t.Fatalf("%s: J (the new Down) did not move the cursor", tab.Title())
		}
	}
	h.press("?")
	if got := helpColumns(t, h.screen())["Moving"]["J"]; got != "down" {
		t.Fatalf("? lists J as %q, want down:\n%s", got, h.screen())
	}
}

// Help taller than the screen scrolls with the movement keys.
func TestHelpScrollsOnASmallScreen(t *testing.T) {
	h := newHarness(t, 60, 15)
	h.press("?")
	h.wantScreen("more lines")
	h.wantScreenLacks("go to tab", "the small screen shows all of ? at once")
	h.press("G")
	h.wantScreen("go to tab")
	h.press("esc")
	if h.app.fullHelp {
		t.Fatal("esc did not close the help")
	}
}

// p names the partner businesses the profile has a name for.
func TestSavedPartnerNamesShowBesideTheirIDs(t *testing.T) {
	ids := sandbox.DemoPartnerBusinessIDs()
	h := newHarnessAdjusted(t, 160, 40, func(c *Config) {
		c.PartnerNames = map[string]string{ids[0]: "Acme Partners"}
	})
	h.press("4")
	h.wantScreen("p: all / Acme Partners (" + ids[0] + ")")
	h.press("p")
	h.wantScreen("partner business Acme Partners (" + ids[0] + ")")
	if len(ids) > 1 && strings.Contains(h.screen(), "("+ids[1]+")") {
		t.Fatalf("an unnamed partner business shows a name:\n%s", h.screen())
	}
}

// p with no partner business in the profile says so instead of nothing.
func TestPartnerKeyWithoutPartnerBusinessesSaysWhy(t *testing.T) {
	h := newHarnessAdjusted(t, 120, 40, func(c *Config) { c.PartnerBusinessIDs = nil })
	h.press("4")
	before := len(h.sb.Requests())
	h.press("p")
	h.wantScreen("The profile names no partner business to filter by.")
	if n := len(h.sb.Requests()) - before; n != 0 {
		t.Fatalf("p reloaded the customers: %d requests", n)
	}
}
