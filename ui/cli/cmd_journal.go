package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store/journal"
)

func newJournalCommand(a *app) *cobra.Command {
	var since, solution string
	cmd := a.listCommand(&cobra.Command{
		Use:   "journal",
		Short: "List the actions mps sent for the profile, newest first, with their outcomes",
		Long: "Every action mps sends is recorded before it goes and completed after: who sent it\n" +
			"(the token's user), from which state, why (the reason), and the outcome: done, refused\n" +
			"(with Graph's code and fbtrace_id), unknown, or not sent. One left in flight by a mps that\n" +
			"stopped is completed at the next start by reading the solution again.\n" +
			"--since keeps actions started within DURATION (such as 90m, 24h or 7d).\n" +
			"With --json: one JSON array, one object per action.\n" + csvDetail,
	}, func(ctx context.Context, s *Session, _ []string, format outputFormat) error {
		var q journal.Query
		if since != "" {
			d, err := parseSince(since)
			if err != nil {
				return usageErrorf("Give --since like 90m, 24h or 7d.", "%v", err)
			}
			q.Since = s.env.Now().Add(-d)
		}
		if solution != "" {
			if !graph.ValidID(solution) {
				return usageErrorf("Give the solution's numeric ID, as `mps solutions` shows it.", "--solution %q is not a Graph ID", text80(solution))
			}
			q.ObjectID = solution
		}
		return listJournal(ctx, s, q, format)
	})
	fs := cmd.Flags()
	fs.StringVar(&since, "since", "", "only actions started within `DURATION` (90m, 24h, 7d)")
	fs.StringVar(&solution, "solution", "", "only the actions on this `SOLUTION_ID`")
	return cmd
}

func listJournal(ctx context.Context, s *Session, q journal.Query, format outputFormat) error {
	entries, path, err := s.readJournal(ctx, q)
	if err != nil {
		return err
	}
	none := "No actions match."
	switch {
	case s.demo != nil:
		none = "No actions yet in this run: the demo keeps its journal only while it runs (the dashboard's History shows it)."
	case path != "":
		none = fmt.Sprintf("No actions yet: mps records each one it sends in %s.", path)
	}
	return s.printList(format, rowsOutputAs(entries, toJournalJSON, none, []string{"STARTED", "ACTION", "SOLUTION", "NAME", "BEFORE", "AFTER", "OUTCOME", "USER"},
		func(e journal.Entry) []string {
			return []string{localMinute(e.Started), e.Action, e.ObjectID, e.ObjectName, e.StateBefore, e.StateAfter, outcomeText(e), e.User}
		}))
}

// readJournal reads the run's journal; where names it when there is none
// yet.
func (s *Session) readJournal(ctx context.Context, q journal.Query) (entries []journal.Entry, where string, err error) {
	j, where, err := s.openJournalIfAny(ctx)
	if j == nil || err != nil {
		return nil, where, err
	}
	entries, err = j.List(ctx, q)
	return entries, "", err
}

// outcomeText is the outcome as the table shows it, with Graph's code for
// a refusal and the reason when one was given.
func outcomeText(e journal.Entry) string {
	text := string(e.Outcome)
	switch e.Outcome {
	case journal.InFlight:
		text = "in flight (outcome not seen yet)"
	case journal.NotSent:
		text = "not sent"
	case journal.Refused:
		if e.Refusal.Code != 0 {
			text += fmt.Sprintf(" (code %d)", e.Refusal.Code)
		}
	}
	if e.Reason != "" {
		text += "; reason: " + e.Reason
	}
	return text
}

// journalJSON is one action in `mps journal --json`.
type journalJSON struct {
	ID           int64         `json:"id"`
	Started      time.Time     `json:"started"`
	Profile      string        `json:"profile"`
	AppID        string        `json:"app_id"`
	Host         string        `json:"host"`
	User         string        `json:"user"`
	Action       string        `json:"action"`
	SolutionID   string        `json:"solution_id"`
	SolutionName string        `json:"solution_name"`
	StateBefore  string        `json:"state_before"`
	Reason       string        `json:"reason"`
	Outcome      string        `json:"outcome"`
	Error        *journalError `json:"error"` // null unless Graph refused or the POST failed
	StateAfter   string        `json:"state_after"`
	Finished     *time.Time    `json:"finished"` // null while in flight
	Note         string        `json:"note"`
}

type journalError struct {
	Code      int    `json:"code"`
	Subcode   int    `json:"error_subcode"`
	FBTraceID string `json:"fbtrace_id"`
	Message   string `json:"message"`
}

func toJournalJSON(e journal.Entry) journalJSON {
	out := journalJSON{
		ID: e.ID, Started: e.Started, Profile: e.Profile, AppID: e.AppID, Host: e.Host, User: e.User,
		Action: e.Action, SolutionID: e.ObjectID, SolutionName: e.ObjectName, StateBefore: e.StateBefore,
		Reason: e.Reason, Outcome: string(e.Outcome), StateAfter: e.StateAfter, Note: e.Note,
	}
	if e.Refusal != (journal.Refusal{}) {
		out.Error = &journalError{Code: e.Refusal.Code, Subcode: e.Refusal.Subcode, FBTraceID: e.Refusal.FBTraceID, Message: e.Refusal.Message}
	}
	if !e.Finished.IsZero() {
		f := e.Finished
		out.Finished = &f
	}
	return out
}
