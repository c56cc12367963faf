package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
	"mps/store/eventlog"
	"mps/ui/act"
	"mps/ui/readmodel"
)

// doctorMsg answers the doctor's view's read of the checks.
type doctorMsg struct {
	Origin
	Checks []graph.SetupCheck
	Err    error
}

func readDoctor(ctx context.Context, c *Shared, o Origin) tea.Cmd {
	doctor := c.Doctor
	return func() tea.Msg {
		checks, err := doctor(ctx)
		return doctorMsg{Origin: o, Checks: checks, Err: err}
	}
}

// customerSolutionsMsg is the event log's word on which solution
// onboarded each WABA, for whether the credit item applies, and its
// reports themselves, for the customers the API does not list and for
// which customers are the newest.
type customerSolutionsMsg struct {
	Origin
	SolutionOf map[string]string
	Seen       []eventlog.SeenWABA
	Err        error
}

func readCustomerSolutions(ctx context.Context, c *Shared, o Origin) tea.Cmd {
	seen := c.seenWABAs
	return func() tea.Msg {
		msg := customerSolutionsMsg{Origin: o, SolutionOf: map[string]string{}}
		if seen == nil {
			return msg
		}
		list, err := seen(ctx)
		if err != nil && !errors.Is(err, eventlog.ErrNoLog) {
			msg.Err = err
		}
		for _, s := range list {
			msg.SolutionOf[s.WABAID] = s.SolutionID
		}
		msg.Seen = list
		return msg
	}
}

// checklistMsg answers the checklist's reads of some customers: each one's
// checklist and when it was read.
type checklistMsg struct {
	Origin
	IDs   []string
	Lists []graph.Checklist
	At    []time.Time
}

func readChecklists(ctx context.Context, reads *readmodel.ChecklistReads, o Origin, customers []readmodel.Customer) tea.Cmd {
	return func() tea.Msg {
		msg := checklistMsg{Origin: o, Lists: reads.CheckAll(ctx, customers)}
		for _, c := range customers {
			msg.IDs = append(msg.IDs, c.WABA.ID)
			msg.At = append(msg.At, reads.CheckedAt(c.WABA.ID))
		}
		return msg
	}
}

// setupAskedMsg is the read before a fix's dialog: the WABA's state as
// read just now and, for a share, our credit lines.
type setupAskedMsg struct {
	Request setupRequest
	Done    bool // nothing to do: already subscribed, or billed to our line
	Err     error
}

// readBeforeFix reads, fresh, what the fix's dialog shows.
func readBeforeFix(ctx context.Context, c *Shared, req setupRequest) tea.Cmd {
	reads := newChecklistReads(c, nil)
	return func() tea.Msg {
		msg := setupAskedMsg{Request: req}
		switch req.Kind {
		case fixSubscribe:
			apps, err := c.Client.SubscribedApps(ctx, req.WABAID)
			msg.Err, msg.Done = err, graph.AppSubscribed(apps, c.AppID)
			msg.Request.OtherApps = len(apps)
		case fixCredit:
			st, err := reads.CreditShare(ctx, req.WABAID)
			if err != nil {
				msg.Err = err
				return msg
			}
			msg.Request.Funding, msg.Done = st.PrimaryFundingID, st.Verified
			msg.Request.Lines, msg.Err = c.Client.CreditLines(ctx, c.BusinessID)
			if msg.Err == nil && len(msg.Request.Lines) == 0 {
				msg.Err = errors.New("the business has no credit line to share; set one up in Business Settings > Payments first")
			}
		}
		return msg
	}
}

// setupDoneMsg is a fix's outcome: the POST, then the read that verifies it.
type setupDoneMsg struct {
	Request    setupRequest
	NotSent    error // the journal could not record it first: nothing went
	JournalErr error
	Err        error // the POST's
	Verified   bool  // the read after found it done
	VerifyErr  error
	At         time.Time
}

// sendFix sends the fix once through the journal, then reads it back.
func sendFix(ctx context.Context, c *Shared, req setupRequest) tea.Cmd {
	return func() tea.Msg {
		msg := setupDoneMsg{Request: req}
		var share *graph.CreditShare
		ch := act.Change{Action: "waba-subscribe", ObjectID: req.WABAID, StateBefore: "not subscribed"}
		if req.Kind == fixCredit {
			ch = act.Change{Action: "credit-share", ObjectID: req.WABAID, ObjectName: "credit line " + req.line() + " in " + req.currency(),
				StateBefore: "primary funding " + orDash(req.Funding)}
		}
		_, msg.JournalErr, msg.NotSent = c.actor.Record(ctx, ch, func(ctx context.Context) act.Effect {
			if req.Kind == fixCredit {
				share, msg.Err = c.Client.ShareCredit(ctx, req.line(), req.WABAID, req.currency())
			} else {
				msg.Err = c.Client.SubscribeWABA(ctx, req.WABAID)
			}
			return act.EffectOf(msg.Err)
		})
		if msg.NotSent != nil || msg.Err != nil {
			return msg
		}
		if req.Kind == fixCredit {
			msg.Verified, msg.VerifyErr = readmodel.VerifyShare(ctx, c.Client, share)
		} else {
			apps, err := c.Client.SubscribedApps(ctx, req.WABAID)
			msg.Verified, msg.VerifyErr = graph.AppSubscribed(apps, c.AppID), err
		}
		msg.At = c.Now()
		return msg
	}
}

// newChecklistReads is one refresh's cache of the checklist's reads.
func newChecklistReads(c *Shared, solutions map[string]*graph.Solution) *readmodel.ChecklistReads {
	return &readmodel.ChecklistReads{Client: c.Client, AppID: c.AppID, BusinessID: c.BusinessID, Now: c.Now, Solutions: solutions}
}
