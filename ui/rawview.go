package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// rawTarget is what the raw key shows: a Graph node read again with the
// fields mps asks for, or JSON at hand (an event's payload as received).
type rawTarget struct {
	what, id string
	fields   string          // the fields to read; "" when raw is at hand
	raw      json.RawMessage // the JSON at hand
	open     func() tea.Cmd  // what enter opens from the view; nil for nothing
	openWhat string          // what enter opens, for the header
}

// rawSource is a tab whose selected row has JSON of its own at hand (an
// event); the other tabs' rows are read from Graph by their ID.
type rawSource interface {
	SelectedRaw() (rawTarget, bool)
}

// rawFields are the fields a node is read with, by what it is.
func rawFields(what string) string {
	switch what {
	case "solution":
		return graph.SolutionFields
	case "WABA":
		return graph.WABAFields
	case "partner app":
		return graph.AppFields
	}
	return ""
}

// rawTargetNow is what the raw key would show: the inspector's solution,
// the event under the cursor, or the selected row's node.
func (a *App) rawTargetNow() (rawTarget, bool) {
	if a.inspector != nil {
		return rawTarget{what: "solution", id: a.inspector.sol.ID, fields: graph.SolutionFields}, true
	}
	if s, ok := a.activeTab().(rawSource); ok {
		return s.SelectedRaw()
	}
	c, ok := a.activeTab().(idCopier)
	if !ok {
		return rawTarget{}, false
	}
	sel, ok := c.SelectedID()
	if !ok || rawFields(sel.what) == "" || !graph.ValidID(sel.id) {
		return rawTarget{}, false
	}
	return rawTarget{what: sel.what, id: sel.id, fields: rawFields(sel.what)}, true
}

func (a *App) rawRefused() string {
	if _, ok := a.rawTargetNow(); !ok {
		return "Nothing to show raw: select a solution, a WABA, a partner app or an event."
	}
	return ""
}

// showRaw opens the raw view on what is selected, reading it when needed.
func (a *App) showRaw() tea.Cmd {
	target, _ := a.rawTargetNow()
	a.raw = &rawView{ctx: a.ctx, target: target, height: a.bodyHeight()}
	if target.fields == "" {
		a.raw.take(target.raw, nil)
		return nil
	}
	return a.raw.read(a.nextSeq())
}

// rawMsg is the node read for the raw view.
type rawMsg struct {
	seq uint64
	raw json.RawMessage
	err error
}

// rawView shows JSON as Graph or the webhook sent it, indented, sanitised
// and scrollable; y copies it.
type rawView struct {
	ctx     *Shared
	target  rawTarget
	seq     uint64
	loading bool
	err     error
	raw     json.RawMessage
	pretty  []string // the indented JSON's lines, sanitised
	offset  int
	height  int
	lines   int // the body's length as last drawn
}

func (r *rawView) read(seq uint64) tea.Cmd {
	r.seq, r.loading, r.err = seq, true, nil
	ctx, c, t := r.ctx.Ctx, r.ctx.Client, r.target
	return func() tea.Msg {
		raw, err := c.RawNode(ctx, t.what, t.id, t.fields)
		return rawMsg{seq: seq, raw: raw, err: err}
	}
}

func (r *rawView) take(raw json.RawMessage, err error) {
	r.loading, r.err, r.raw = false, err, raw
	var b bytes.Buffer
	if json.Indent(&b, raw, "", "  ") != nil {
		b.Reset()
		b.Write(raw) // shown as received, sanitised
	}
	r.pretty = nil
	for _, line := range strings.Split(b.String(), "\n") {
		r.pretty = append(r.pretty, text.Sanitize(line))
	}
}

func (r *rawView) Bindings() []Binding {
	k := r.ctx.Keys
	out := []Binding{
		{Key: described(k.Back, "close"), Handler: withoutCmd(func() { r.ctx.host.closeRaw() })},
		{Key: described(k.Copy, "copy the JSON"), Handler: withCmd(r.copy), Disabled: r.copyRefused},
	}
	if r.target.open != nil {
		out = append(out, Binding{Key: described(k.Open, "open "+r.target.openWhat), Handler: withCmd(r.target.open)})
	}
	if r.target.fields != "" {
		out = append(out, Binding{Key: described(k.Refresh, "read again"), Handler: withCmd(func() tea.Cmd { return r.read(r.ctx.host.nextSeq()) })})
	}
	return slices.Concat(out, moveBindings(k, r.scroll))
}

func (r *rawView) copyRefused() string {
	if len(r.raw) == 0 {
		return "Nothing to copy yet: the JSON is still being read."
	}
	return ""
}

// copy puts the JSON on the clipboard in one line, sanitised: nothing the
// server sent reaches it as a control character.
func (r *rawView) copy() tea.Cmd {
	var b bytes.Buffer
	if json.Compact(&b, r.raw) != nil {
		b.Reset()
		b.Write(r.raw)
	}
	one := text.Sanitize(b.String())
	return tea.Batch(tea.SetClipboard(one), func() tea.Msg {
		return NoticeMsg{Text: fmt.Sprintf("Copied the %s's JSON (%d bytes) to the clipboard.", r.target.what, len(one))}
	})
}

func (r *rawView) scroll(k tea.KeyPressMsg) {
	r.offset = scrollTo(r.ctx.Keys, k, r.offset, r.height, r.lines-r.height)
}

func (r *rawView) wheel(down bool) {
	r.offset = wheelTo(down, r.offset, r.lines-r.height)
}

// View draws the visible part in width x height.
func (r *rawView) View(width, height int) string {
	st, m := r.ctx.Styles, r.ctx.Measure
	r.height = height
	head := fmt.Sprintf("Raw JSON of %s %s", r.target.what, text.Sanitize(r.target.id))
	if r.target.fields == "" {
		head += " as received"
	} else {
		head += " as Graph sent it"
	}
	hint := "y copies · esc closes"
	if r.target.open != nil {
		hint = "enter opens " + r.target.openWhat + " · " + hint
	}
	body := []string{st.Header.Render(m.Truncate(head, width)), st.Muted.Render(m.Truncate(hint, width))}
	switch {
	case r.loading:
		body = append(body, "Reading…")
	case r.err != nil:
		body = append(body, st.Error.Render(m.Wrap(describeError(r.ctx, "Reading the "+r.target.what, r.err), width)))
	}
	for _, line := range r.pretty {
		body = append(body, strings.Split(m.Wrap(line, width), "\n")...)
	}
	r.lines = len(body)
	r.offset = within(r.offset, r.lines-height)
	end := min(r.offset+height, len(body))
	return strings.Join(body[r.offset:end], "\n")
}
