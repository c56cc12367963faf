package graph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The length Graph allows for a solution's name, in characters.
const (
	SolutionNameMin = 2
	SolutionNameMax = 75
)

// PermissionMessaging is the one permission a solution's creator chooses:
// exactly one side holds it.
const PermissionMessaging = "MESSAGING"

// Sender is the side of a new solution that holds MESSAGING.
type Sender int

const (
	SenderUnset   Sender = iota // not chosen yet
	SenderUs                    // our app, the solution's owner
	SenderPartner               // the Solution Partner's app
)

func (s Sender) String() string {
	switch s {
	case SenderUs:
		return "us"
	case SenderPartner:
		return "partner"
	}
	return "unset"
}

// ParseSender reads "us" or "partner", in any case.
func ParseSender(text string) (Sender, bool) {
	if s, ok := labelOf(strings.TrimSpace(text), SenderUs, SenderPartner); ok {
		return s, true
	}
	return SenderUnset, false
}

// Meaning says what choosing the side means for the customers' messages.
func (s Sender) Meaning() string {
	switch s {
	case SenderUs:
		return "Our app holds MESSAGING: we send the customers' messages, and our credit line pays."
	case SenderPartner:
		return "The Solution Partner's app holds MESSAGING: it sends the customers' messages, and its credit line pays."
	}
	return "Choose who sends messages: us or the partner."
}

// NewSolution is a solution to create, as a person gives it. Our app is
// the owner; PartnerAppID is the app invited to it.
type NewSolution struct {
	Name         string
	PartnerAppID string
	Messaging    Sender
}

// SolutionInputError says which part of a NewSolution is wrong and why, in
// a sentence a person can read. Nothing was sent.
type SolutionInputError struct {
	Field  string // "name", "partner app", "messaging"
	Reason string
}

func (e *SolutionInputError) Error() string { return e.Reason }

// Normalized is the solution as it is sent: name and partner app ID
// without surrounding spaces.
func (n NewSolution) Normalized() NewSolution {
	n.Name = strings.TrimSpace(n.Name)
	n.PartnerAppID = strings.TrimSpace(n.PartnerAppID)
	return n
}

// Check applies every rule to the solution, in the order a form asks for
// its parts; ourAppID is the app that will own it. It is nil when the
// solution may be sent.
func (n NewSolution) Check(ourAppID string) error {
	if err := CheckSolutionName(n.Name); err != nil {
		return err
	}
	if err := CheckPartnerAppID(n.PartnerAppID, ourAppID); err != nil {
		return err
	}
	return CheckSender(n.Messaging)
}

// CheckSolutionName is the name rule: 2 to 75 characters once the spaces
// around it are trimmed, and nothing that cannot be shown on one line.
func CheckSolutionName(name string) error {
	refuse := func(format string, args ...any) error {
		return &SolutionInputError{Field: "name", Reason: fmt.Sprintf(format, args...)}
	}
	name = strings.TrimSpace(name)
	if !utf8.ValidString(name) {
		return refuse("the name is not valid UTF-8 text")
	}
	if strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return refuse("the name contains a control character (a line break or a tab); keep it on one line")
	}
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return refuse("give the solution a name of %d to %d characters", SolutionNameMin, SolutionNameMax)
	case n < SolutionNameMin:
		return refuse("the name has 1 character; a solution's name needs %d to %d", SolutionNameMin, SolutionNameMax)
	case n > SolutionNameMax:
		return refuse("the name has %d characters; a solution's name has at most %d", n, SolutionNameMax)
	}
	return nil
}

// CheckPartnerAppID is the partner app rule: an app ID (digits only),
// and not our own app, which is the owner.
func CheckPartnerAppID(id, ourAppID string) error {
	refuse := func(format string, args ...any) error {
		return &SolutionInputError{Field: "partner app", Reason: fmt.Sprintf(format, args...)}
	}
	id = strings.TrimSpace(id)
	switch {
	case id == "":
		return refuse("give the partner's app ID (digits only)")
	case !ValidID(id):
		return refuse("%q is not an app ID: app IDs are digits only, at most %d of them", shorten(sanitize(id), 40), maxIDLength)
	case id == ourAppID:
		return refuse("%s is our own app, which owns the solution: the partner is the other app", id)
	}
	return nil
}

// CheckSender is the MESSAGING rule: exactly one side holds it, so one
// must be chosen.
func CheckSender(s Sender) error {
	if s != SenderUs && s != SenderPartner {
		return &SolutionInputError{Field: "messaging", Reason: "choose who sends messages: us or the partner (exactly one side holds MESSAGING)"}
	}
	return nil
}

// Permissions are the owner_permissions and partner_permissions sent:
// MESSAGING on the chosen side, nothing on the other. Graph adds the base
// permissions itself. Neither list is nil.
func (n NewSolution) Permissions() (owner, partner []string) {
	owner, partner = []string{}, []string{}
	switch n.Messaging {
	case SenderUs:
		owner = append(owner, PermissionMessaging)
	case SenderPartner:
		partner = append(partner, PermissionMessaging)
	}
	return owner, partner
}
