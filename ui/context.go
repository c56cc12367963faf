package ui

import (
	"context"
	"os"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mps/graph"
	"mps/store/eventlog"
	"mps/ui/text"
)

// Config is what the command line hands to the app.
type Config struct {
	Client             *graph.Client
	AppID              string
	BusinessID         string
	Profile            string
	APIVersion         string
	PartnerBusinessIDs []string // the choices of the Customers filter
	Demo               bool
	Now                func() time.Time
	// LoginHint says how to get a new token, e.g. "run `mps login` or set MPS_TOKEN".
	LoginHint string
	// FirstSeen says when mps first learned of a solution's request (from
	// the webhook event log, say). Nil, or false, means the age is unknown:
	// Graph does not report when a request was made.
	FirstSeen func(solutionID string) (time.Time, bool)
	// SeenWABAs reads the WABAs that PARTNER_ADDED webhooks reported (the
	// event log), for the inspector's customers. Nil means no event log is
	// configured. It does IO: call it only inside a tea.Cmd.
	SeenWABAs func(context.Context) ([]eventlog.SeenWABA, error)
	// ExtraTabs builds tabs shown after the four built-in ones (the Events
	// tab, say). Each gets the shared context.
	ExtraTabs []func(*Context) Tab
	// Refresh is how often the solution list reloads by itself; 0 never.
	// The command line keeps it at 30 s or more (Graph's rate limits).
	Refresh time.Duration
	// NoColor forces the colourless theme; NO_COLOR in the environment does too.
	NoColor bool
}

// Context is what every tab and dialog shares: the client, the IDs, the
// theme and keys, the size, and how the terminal measures text. It is passed
// by pointer and changed only by the root model's Update.
type Context struct {
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
	// Solutions and Customers are the one copy of the data: every view
	// draws from them, and redraws when their Version moves.
	Solutions *Solutions
	Customers *Customers
}

func newContext(ctx context.Context, cfg Config) *Context {
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
	return &Context{
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
}
