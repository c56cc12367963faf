package ui

import (
	"fmt"

	"mps/graph"
	"mps/ui/text"
)

// fixKind is which checklist item a fix sets right.
type fixKind int

const (
	fixSubscribe fixKind = iota // our app to the WABA's webhooks
	fixCredit                   // our credit line shared with the WABA
)

// setupRequest is a fix asked for on a Customers row, with what the read
// before its dialog found, and, for a share, the line and currency chosen
// in the dialog.
type setupRequest struct {
	Kind      fixKind
	WABAID    string
	WABAName  string
	OtherApps int                // subscribe: the apps subscribed now
	Funding   string             // credit: the WABA's primary funding now
	Lines     []graph.CreditLine // credit: our business's credit lines
	LineAt    int
	// CurrencyAt is the chosen currency in graph.CreditCurrencies; -1
	// until one is chosen, since none is a safe default for a line that
	// cannot be changed.
	CurrencyAt int
}

func (r setupRequest) line() string {
	if r.LineAt < len(r.Lines) {
		return r.Lines[r.LineAt].ID
	}
	return ""
}

func (r setupRequest) currency() string {
	if all := graph.CreditCurrencies(); r.CurrencyAt >= 0 && r.CurrencyAt < len(all) {
		return all[r.CurrencyAt]
	}
	return ""
}

func (r setupRequest) title() string {
	if r.Kind == fixCredit {
		return "Share our credit line"
	}
	return "Subscribe our app"
}

func (r setupRequest) summary() string {
	return "WABA: " + text.Sanitize(r.WABAName) + " (" + text.Sanitize(r.WABAID) + ")"
}

// nextCurrency and nextLine are the share dialog's choices.
func (r *setupRequest) nextCurrency() {
	r.CurrencyAt = (r.CurrencyAt + 1) % len(graph.CreditCurrencies())
}

func (r *setupRequest) nextLine() {
	if len(r.Lines) > 0 {
		r.LineAt = (r.LineAt + 1) % len(r.Lines)
	}
}

// body is what the dialog confirms, as plain lines before wrapping.
func (r setupRequest) body(appID string) []string {
	if r.Kind == fixSubscribe {
		return []string{"", r.summary(),
			fmt.Sprintf("Now:  our app not subscribed, %d other apps are (read just now)", r.OtherApps),
			"", "POST /" + text.Sanitize(r.WABAID) + "/subscribed_apps: app " + text.Sanitize(appID) + " receives the WABA's webhooks, at the app's default callback URL."}
	}
	line := "Credit line: " + text.Sanitize(r.line())
	if name := r.Lines[r.LineAt].LegalEntityName; name != "" {
		line += " (" + text.Sanitize(name) + ")"
	}
	if len(r.Lines) > 1 {
		line += fmt.Sprintf(" · %d of %d, L for the next", r.LineAt+1, len(r.Lines))
	}
	currency := "Currency: not chosen: press c (AUD EUR GBP IDR INR USD)"
	if c := r.currency(); c != "" {
		currency = "Currency: " + c + " · c for the next"
	}
	return []string{"", r.summary(), "Now:  primary funding " + text.Sanitize(orDash(r.Funding)) + " (read just now)", "",
		line, currency, "", "The share is then verified: the allocation's receiving credential must be the WABA's primary funding."}
}
