package ui

import (
	"context"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mps/graph"
	"mps/store/eventlog"
	"mps/store/journal"
	"mps/ui/act"
	"mps/ui/readmodel"
	"mps/ui/text"
)

// Config is what the command line hands to the app.
type Config struct {
	Client             *graph.Client
	AppID              string
	BusinessID         string
	Profile            string
	APIVersion         string
	ConfigID           string   // the Embedded Signup login configuration; "" shows a placeholder
	PartnerBusinessIDs []string // the choices of the Customers filter
	// PartnerNames are the names the profile saved for partner businesses
	// (`profile add-partner --name`), by ID; shown beside the IDs.
	PartnerNames map[string]string
	Demo         bool
	Now          func() time.Time
	// LoginHint says how to get a new token, e.g. "run `mps login` or set MPS_TOKEN".
	LoginHint string
	// Journal records every action before it is sent and its outcome
	// after; without one, actions are not sent.
	Journal journal.Journal
	// EventLog is the webhook event log the dashboard reads: the Events
	// tab, the ages of pending requests and a solution's onboarded
	// customers. Its zero value means none.
	EventLog EventLog
	// Refresh is how often the solution list reloads by itself; 0 never.
	// The command line keeps it at 30 s or more (Graph's rate limits).
	Refresh time.Duration
	// OpenURL opens a URL in the browser; nil is the system's opener
	// (xdg-open, open, rundll32). It runs in a tea.Cmd.
	OpenURL func(ctx context.Context, url string) error
	// Alert is how the terminal is told of a new request that needs our
	// answer (AlertStyleFor); AlertOff, the zero value, tells nothing.
	Alert AlertStyle
	// Doctor reads the setup checks `mps doctor` makes, for the Setup
	// tab; nil leaves the tab out. It does IO: called only in a tea.Cmd.
	Doctor func(context.Context) ([]graph.SetupCheck, error)
	// Checklist has the Customers tab show each customer's onboarding
	// checklist, read lazily for the rows on screen, with its fixes.
	// These reads count against Graph's per-WABA limits.
	Checklist bool
	// NoColor forces the colourless theme; NO_COLOR in the environment does too.
	NoColor bool
}

// Shared is what every tab and dialog shares: the client, the IDs, the
// theme and keys, the size, and how the terminal measures text. It is passed
// by pointer and changed only by the root model's Update.
type Shared struct {
	Config
	Ctx    context.Context
	Styles Styles
	Keys   KeyMap
	Width  int
	Height int
	// Measure counts cells as the renderer does: wcwidth until the terminal
	// reports grapheme clustering (mode 2027). Text whose width is computed
	// (cut, padded) goes through it, so that columns line up.
	Measure text.Measure
	// LoadAsked says when the solution list (TabSolutions) and the customers
	// (TabCustomers) were last asked of Graph, set by whatever starts the
	// load: a webhook event from well before then is already in them.
	LoadAsked map[TabID]time.Time
	// since learns from the events the Events tab reads when each
	// solution's status began (the age of a pending request); nil
	// without an event log. Graph does not report when a request was made.
	since *readmodel.StatusSince
	// seenWABAs reads the WABAs that PARTNER_ADDED webhooks reported, for
	// the inspector's customers; nil without an event log. It does IO:
	// call it only inside a tea.Cmd.
	seenWABAs func(context.Context) ([]eventlog.SeenWABA, error)
	// actor sends the actions, journaled (ui/act).
	actor *act.Actor
	// after wakes the app after a while (tea.Tick, set by Run); nil never
	// does, for tests that step the clock themselves.
	after func(time.Duration, tea.Msg) tea.Cmd
	// host is the root model, for the bindings that act through it.
	host host
	// Solutions and Customers are the one copy of the data: every view
	// draws from them, and redraws when their Version moves.
	Solutions *Solutions
	Customers *Customers
}

func newShared(ctx context.Context, cfg Config) *Shared {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.LoginHint == "" {
		cfg.LoginHint = "run `mps login` (or set MPS_TOKEN), then press r"
	}
	if cfg.Profile == "" {
		cfg.Profile = "default"
	}
	if cfg.APIVersion == "" {
		cfg.APIVersion = graph.DefaultAPIVersion
	}
	noColor := cfg.NoColor || os.Getenv("NO_COLOR") != ""
	c := &Shared{
		Config:    cfg,
		Ctx:       ctx,
		Styles:    NewStyles(noColor),
		Keys:      DefaultKeyMap(),
		Width:     80,
		Height:    24,
		Measure:   text.Measure{Method: ansi.WcWidth},
		LoadAsked: map[TabID]time.Time{},
		Solutions: newSolutions(),
		Customers: newCustomers(),
	}
	c.actor = &act.Actor{Client: cfg.Client, Journal: cfg.Journal, Profile: cfg.Profile, AppID: cfg.AppID, Now: cfg.Now}
	if cfg.EventLog.configured() {
		c.since = &readmodel.StatusSince{}
		c.seenWABAs = seenWABAsIn(cfg.EventLog.Open)
	}
	return c
}

// firstSeen says when mps first learned of a solution's current status
// from the event log; false when it does not know.
func (c *Shared) firstSeen(solutionID string) (time.Time, bool) {
	if c.since == nil {
		return time.Time{}, false
	}
	return c.since.Since(solutionID)
}
