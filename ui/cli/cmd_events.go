package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"mps/graph/webhook"
	"mps/store/eventlog"
)

func newEventsCommand(a *app) *cobra.Command {
	var since, field, event string
	cmd := a.listCommand(&cobra.Command{
		Use:   "events",
		Short: "List the webhook events stored in the profile's event log",
		Long: "Oldest first. --since keeps events received within DURATION (such as 90m, 24h or 7d).\n" +
			"With --json: one JSON array, one object per stored change, with the parsed fields\n" +
			"and the change's raw payload under \"raw\".\n" + demoLogDetail + csvDetail,
	}, func(ctx context.Context, s *Session, _ []string, format outputFormat) error {
		q, err := eventQuery(field, event)
		if err != nil {
			return err
		}
		if since != "" {
			d, err := parseSince(since)
			if err != nil {
				return usageErrorf("Give --since like 90m, 24h or 7d.", "%v", err)
			}
			q.Since = s.env.Now().Add(-d)
		}
		return listEvents(ctx, s, q, format)
	})
	fs := cmd.Flags()
	fs.StringVar(&since, "since", "", "only events received within `DURATION` (90m, 24h, 7d)")
	fs.StringVar(&field, "field", "", "only this webhook `FIELD` (partner_solutions, account_update, ...)")
	mustComplete(cmd, "field", completeFrom(webhook.KnownFields()...))
	fs.StringVar(&event, "event", "", "only this `EVENT` (SOLUTION_CREATED, PARTNER_ADDED, ...)")
	mustComplete(cmd, "event", completeFrom(webhook.KnownEvents()...))
	return cmd
}

// eventQuery checks --field and --event against the names mps knows, ignoring
// case, and stores them as Graph spells them.
func eventQuery(field, event string) (eventlog.Query, error) {
	var q eventlog.Query
	var ok bool
	if field != "" {
		if q.Field, ok = webhook.LookupField(field); !ok {
			return q, usageErrorf("Use one of: "+strings.Join(webhook.KnownFields(), ", ")+".", "unknown --field %q", text80(field))
		}
	}
	if event != "" {
		if q.Event, ok = webhook.LookupEvent(event); !ok {
			return q, usageErrorf("Use one of: "+strings.Join(webhook.KnownEvents(), ", ")+".", "unknown --event %q", text80(event))
		}
	}
	return q, nil
}

// parseSince reads a Go duration, or a whole number of days such as "7d".
func parseSince(v string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > 36500 {
			return 0, fmt.Errorf("--since %q is not a number of days", text80(v))
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--since %q is not a positive duration", text80(v))
	}
	return d, nil
}

func listEvents(ctx context.Context, s *Session, q eventlog.Query, format outputFormat) error {
	log, path, err := s.openEventLogIfAny(ctx)
	if err != nil {
		return err
	}
	var events []eventlog.Event
	if log != nil {
		defer log.Close()
		if events, err = log.List(ctx, q); err != nil {
			return err
		}
	}
	none := "No events match."
	if log == nil {
		none = fmt.Sprintf("No events yet: `mps webhook serve` stores them in %s.", path)
	}
	return s.printList(format, rowsOutputAs(events, toEventJSON, none, []string{"ID", "RECEIVED", "EVENT", "SOLUTION", "WABA", "STATUS"},
		func(e eventlog.Event) []string {
			name := webhook.EventName(e.Field, e.Event)
			if !e.Known {
				name += " (stored raw)"
			}
			return []string{strconv.FormatInt(e.ID, 10), e.Received.In(time.Local).Format("2006-01-02 15:04:05"), name, e.SolutionID, e.WABAID, e.Status}
		}))
}

// eventJSON is one stored change in `mps events --json`.
type eventJSON struct {
	ID              int64           `json:"id"`
	DedupKey        string          `json:"dedup_key"`
	Received        time.Time       `json:"received"`
	EntryTime       *time.Time      `json:"entry_time"` // null when the entry had no readable time
	EntryID         string          `json:"entry_id"`
	Object          string          `json:"object"`
	Field           string          `json:"field"`
	Event           string          `json:"event"`
	SolutionID      string          `json:"solution_id"`
	WABAID          string          `json:"waba_id"`
	SolutionStatus  string          `json:"solution_status"`
	OwnerBusinessID string          `json:"owner_business_id"`
	PartnerAppID    string          `json:"partner_app_id"`
	BusinessIDs     []string        `json:"solution_partner_business_ids"`
	Understood      bool            `json:"understood"`
	Raw             json.RawMessage `json:"raw"`
}

func toEventJSON(e eventlog.Event) eventJSON {
	out := eventJSON{
		ID: e.ID, DedupKey: e.Key, Received: e.Received, EntryID: e.EntryID, Object: e.Object,
		Field: e.Field, Event: e.Event, SolutionID: e.SolutionID, WABAID: e.WABAID, SolutionStatus: e.Status,
		OwnerBusinessID: e.OwnerBusinessID, PartnerAppID: e.PartnerAppID, BusinessIDs: nonNil(e.BusinessIDs),
		Understood: e.Known, Raw: e.Raw,
	}
	if !e.EntryTime.IsZero() {
		t := e.EntryTime
		out.EntryTime = &t
	}
	if !json.Valid(e.Raw) {
		out.Raw, _ = json.Marshal(string(e.Raw)) // a string always encodes
	}
	return out
}
