package ui

import (
	"fmt"
	"strings"

	"mps/graph"
	"mps/store/journal"
	"mps/ui/text"
)

// actionWords says what a journal entry's action did, and what it tried,
// with %s for its object: "accepted %s", "accept %s".
func actionWords(action string) (did, tried string) {
	switch action {
	case "accept":
		return "accepted %s", "accept %s"
	case "reject":
		return "rejected %s", "reject %s"
	case "deactivate":
		return "asked to deactivate %s", "ask to deactivate %s"
	case "accept-deactivation":
		return "accepted the deactivation of %s", "accept the deactivation of %s"
	case "reject-deactivation":
		return "rejected the deactivation of %s", "reject the deactivation of %s"
	case "create":
		return "created %s", "create %s"
	case "waba-subscribe":
		return "subscribed our app to WABA %s", "subscribe our app to WABA %s"
	case "credit-share":
		return "shared %s", "share %s"
	case "credit-revoke":
		return "revoked the %s", "revoke the %s"
	case "webhook-subscribe":
		return "changed the %s", "change the %s"
	}
	other := strings.ReplaceAll(text.Sanitize(action), "%", "%%") + " on %s"
	return other, other
}

// teammateNotice says who did what in an entry another mps finished:
// `ana@example.com accepted "Northwind × Lucky Shrub": now Active`.
// Everything in it came from the shared store, so all of it is sanitised.
// An entry that sent nothing changed nothing, and makes no notice ("").
func teammateNotice(e journal.Entry) string {
	who := text.Sanitize(e.User)
	if who == "" || who == "unknown" {
		who = "A teammate"
	}
	object := text.Sanitize(e.ObjectID)
	if e.ObjectName != "" {
		object = `"` + text.Sanitize(e.ObjectName) + `"`
	}
	didWords, triedWords := actionWords(e.Action)
	did, tried := fmt.Sprintf(didWords, object), fmt.Sprintf(triedWords, object)
	switch e.Outcome {
	case journal.Done:
		if e.StateAfter == "" {
			return who + " " + did
		}
		return who + " " + did + ": now " + text.Sanitize(e.StateAfter)
	case journal.Refused:
		line := who + " tried to " + tried + ": Graph refused it (" + entryOutcome(e) + ")"
		if e.Refusal.Message != "" {
			line += ": " + text.Sanitize(e.Refusal.Message)
		}
		return line
	case journal.Unknown:
		return who + " tried to " + tried + ": the outcome is unknown"
	}
	return ""
}

// changesSolution says whether an entry's action is on a solution (the
// solution actions and create), which is then read again.
func changesSolution(e journal.Entry) bool {
	_, ok := graph.ParseAction(e.Action)
	return (ok || e.Action == "create") && e.ObjectID != ""
}
