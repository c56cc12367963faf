package ui

import (
	"errors"
	"fmt"
	"strings"

	"mps/graph"
	"mps/ui/text"
)

// describeError turns an error into one line that says what went wrong and
// what to do (graph's advice, in the dashboard's words). Server text is
// sanitised; Graph's codes and fbtrace_id are kept.
func describeError(c *Shared, what string, err error) string {
	if err == nil {
		return ""
	}
	var missing missingIDError
	if errors.As(err, &missing) {
		return what + " failed: " + missing.Error() + "."
	}
	if host, down := unreachableHost(err); down {
		return what + " failed: " + storeDownText(host)
	}
	if !graph.FromClient(err) {
		// A failure on this machine (the event log, say): its own text
		// says what went wrong, and Graph had no part in it.
		return fmt.Sprintf("%s failed: %s. %s", what, text.Sanitize(err.Error()), c.adviceWords().Else)
	}
	var fromGraph *graph.Error
	if !errors.As(err, &fromGraph) {
		return fmt.Sprintf("%s failed. %s (%s)", what, graph.Advice(err, c.adviceWords()), text.Sanitize(err.Error()))
	}
	return fmt.Sprintf("%s failed. %s Graph said: %s", what, graph.Advice(err, c.adviceWords()), text.Sanitize(errorDetail(err)))
}

// adviceWords are the dashboard's ways out, for graph's table of advice.
func (c *Shared) adviceWords() graph.Words {
	return graph.Words{
		Login:  c.LoginHint,
		Retry:  "press r to try again",
		Resume: "then mps loads again by itself (the status bar counts down)",
		Else:   "Press r to try again.",
	}
}

// errorDetail is the error's message with Graph's identifiers.
func errorDetail(err error) string {
	var ge *graph.Error
	if !errors.As(err, &ge) {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString(ge.Message)
	if ge.UserMessage != "" && ge.UserMessage != ge.Message {
		b.WriteString(" — " + ge.UserMessage)
	}
	fmt.Fprintf(&b, " (code %d", ge.Code)
	if ge.Subcode != 0 {
		fmt.Fprintf(&b, ", subcode %d", ge.Subcode)
	}
	if ge.FBTraceID != "" {
		fmt.Fprintf(&b, ", fbtrace_id %s", ge.FBTraceID)
	}
	b.WriteString(")")
	return b.String()
}
