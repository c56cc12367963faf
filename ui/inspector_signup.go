package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/ui/text"
)

// signupView is the inspector showing its solution's Embedded Signup
// snippet (e) instead of the solution; it keeps where the solution's view
// was scrolled to, for when it closes.
type signupView struct {
	solutionOffset int
}

// signupRefused is why e does nothing on this solution, or "".
func (in *inspector) signupRefused() string {
	if reason := in.sol.SignupRefusal(); reason != "" {
		return "No Embedded Signup snippet: " + reason + "."
	}
	return ""
}

func (in *inspector) openSignup() {
	in.signup = &signupView{solutionOffset: in.offset}
	in.offset = 0
}

func (in *inspector) closeSignup() {
	in.offset = in.signup.solutionOffset
	in.signup = nil
}

// signupSnippet is the snippet as graph writes it for the solution as it
// stands, with the profile's config ID or the placeholder.
func (in *inspector) signupSnippet() (graph.SignupSnippet, error) {
	return graph.BuildSignupSnippet(&in.sol, in.ctx.ConfigID, graph.SignupV4)
}

// signupBindings are the keys while the snippet shows: close it, copy it,
// scroll.
func (in *inspector) signupBindings() []Binding {
	k := in.ctx.Keys
	own := []Binding{
		{Key: described(k.Back, "back to the solution"), Handler: withoutCmd(in.closeSignup)},
		{Key: described(k.Copy, "copy the snippet"), Handler: withCmd(in.copySignup)},
	}
	return append(own, moveBindings(k, in.scroll)...)
}

// copySignup puts the whole snippet on the clipboard (OSC 52). Its text is
// mps's own with digits-only IDs, so nothing the server sent reaches it.
func (in *inspector) copySignup() tea.Cmd {
	s, err := in.signupSnippet()
	if err != nil {
		return noticeCmd("Nothing copied: "+err.Error(), true)
	}
	return tea.Batch(tea.SetClipboard(s.HTML()), noticeCmd("Copied the Embedded Signup snippet for solution "+s.SolutionID+" to the clipboard.", false))
}

func noticeCmd(text string, bad bool) tea.Cmd {
	return func() tea.Msg { return NoticeMsg{Text: text, Bad: bad} }
}

// signupLines draws the snippet with what to know before using it.
func (in *inspector) signupLines(width int) []string {
	st := in.ctx.Styles
	wrap := func(s string) string { return in.ctx.Measure.Wrap(s, width) }
	out := []string{in.ctx.Measure.Truncate(st.Header.Render("Embedded Signup for "+text.Sanitize(in.sol.Name)+" (v4)"), width)}
	s, err := in.signupSnippet()
	if err != nil {
		out = append(out, st.Error.Render(wrap(err.Error())))
		return strings.Split(strings.Join(out, "\n"), "\n")
	}
	if in.ctx.ConfigID == "" {
		out = append(out, st.Highlight.Render(wrap("No login configuration ID is set: the snippet shows "+graph.ConfigIDPlaceholder+". Set it with `mps profile set --config-id ID` (or MPS_CONFIG_ID) and open mps again.")))
	}
	if w := graph.SignupWarning(in.ctx.Solutions.List(), s.SolutionID); w != "" {
		out = append(out, st.Highlight.Render(wrap("Note: "+w+".")))
	}
	out = append(out, st.Muted.Render(wrap("y copies it; `mps signup-snippet "+s.SolutionID+"` prints it, --es-version 3 for the older shape.")), "")
	out = append(out, strings.Split(s.HTML(), "\n")...)
	return strings.Split(strings.Join(out, "\n"), "\n")
}
