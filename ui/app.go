package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mps/graph"
)

// App is the root model: the tabs, the dialog or inspector that has focus,
// the filter line, help and the status bar.
type App struct {
	ctx       *Shared
	tabs      []Tab
	active    int
	dialog    *confirmDialog
	inspector *inspector
	raw       *rawView    // the raw JSON view, over the inspector or the tab
	doctor    *doctorView // the setup checks (!), over the tab; nil without a doctor
	doctorOn  bool
	filter    filterLine
	filtering bool
	jump      *filterLine // the ID being typed after :, nil when not jumping
	help      help.Model
	helpCache helpMemo
	fullHelp  bool
	spinner   spinner.Model
	spinning  bool
	ticking   bool // the throttle countdown clock runs
	status    statusBar
	notice    string
	noticeBad bool
	noticeAt  time.Time
	// noticeGen counts the notices set; noticeTimed is the one whose
	// expiry is scheduled (two may be set at the same instant).
	noticeGen, noticeTimed uint64
	asking                 *askState       // an action key whose solution is being read
	inFlight               map[string]bool // solutions whose action is being sent
	form                   *createForm     // the new solution being filled in (n)
	creating               *createRequest  // the create being sent
	sides                  sideReads       // the reads that fill in what a list lacked
	// selectNew is a created solution for the cursor to go to once the
	// solution list holds it.
	selectNew string

	seq       uint64 // last sequence number handed out
	solSeq    uint64 // the solution list load whose pages are wanted
	solCancel context.CancelFunc
	auto      autoRefresh

	helpOffset int // the first line of ? shown

	alerts alerts

	feed  journalFeed // another mps's changes to the shared journal
	store storeHealth // whether the shared store answers

	// back is the way back: the views left by a jump, last on top.
	back []place
}

// NewApp builds the app with a background context (tests use it directly).
func NewApp(cfg Config) *App { return newApp(context.Background(), cfg) }

func newApp(ctx context.Context, cfg Config) *App {
	c := newShared(ctx, cfg)
	a := &App{ctx: c, help: help.New(), spinner: spinner.New(spinner.WithSpinner(spinner.Dot))}
	a.auto.every = cfg.Refresh
	c.host = a
	a.tabs = newTabs(c)
	if cfg.Doctor != nil {
		a.doctor = newDoctorView(c)
	}
	a.layout()
	return a
}

// newTabs lists the tabs in order; the Events tab is there whenever an
// event log is configured. A new tab is one more line here.
func newTabs(c *Shared) []Tab {
	tabs := []Tab{
		newSolutionsTab(c),
		newPendingTab(c),
		newPartnersTab(c),
		newCustomersTab(c),
	}
	if c.EventLog.configured() {
		tabs = append(tabs, newEventsTab(c))
	}
	if c.Journal != nil {
		tabs = append(tabs, newHistoryTab(c))
	}
	c.Keys.JumpTab.SetHelp(fmt.Sprintf("1-%d", min(len(tabs), 9)), "go to tab")
	return tabs
}

func (a *App) nextSeq() uint64 {
	a.seq++
	return a.seq
}

// Init starts every load at once; nothing waits for the terminal.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.reloadSolutions(), a.startSpinner(), a.followJournal()}
	for _, t := range a.tabs {
		cmds = append(cmds, t.Init())
	}
	return tea.Batch(cmds...)
}

// reloadSolutions starts a new load of the app's solution list; pages of
// the previous one are dropped from now on.
func (a *App) reloadSolutions() tea.Cmd { return a.loadSolutionList(false) }

// loadSolutionList starts a load; a quiet one is the periodic reload,
// whose rows change once, when it ends.
func (a *App) loadSolutionList(quiet bool) tea.Cmd {
	if a.solCancel != nil {
		a.solCancel()
	}
	ctx, cancel := context.WithCancel(a.ctx.Ctx)
	a.solCancel = cancel
	a.solSeq = a.nextSeq()
	a.ctx.Solutions.startLoad(quiet)
	a.ctx.LoadAsked[TabSolutions] = a.ctx.Now()
	return loadSolutions(ctx, a.ctx, Origin{Tab: TabSolutions, Seq: a.solSeq})
}

func (a *App) startSpinner() tea.Cmd {
	if a.spinning {
		return nil
	}
	a.spinning = true
	return a.spinner.Tick
}

func (a *App) busy() bool {
	if a.ctx.Solutions.Loading() || a.asking != nil || len(a.inFlight) > 0 || a.creating != nil || a.form.busy() || (a.inspector != nil && (a.inspector.loading || a.inspector.onboarded.loading)) {
		return true
	}
	for _, t := range a.tabs {
		if t.Busy() {
			return true
		}
	}
	return false
}

// syncViews has every view catch up with the shared data; a view whose
// data did not move does nothing.
func (a *App) syncViews() {
	for _, t := range a.tabs {
		if v, ok := t.(dataView); ok {
			v.syncData()
		}
	}
	if a.inspector != nil {
		a.inspector.syncData()
	}
}

func (a *App) activeTab() Tab { return a.tabs[a.active] }

// Update routes a message. A key goes to the dialog first, then the
// filter, then the bindings of the inspector or the active tab, then the
// global ones (handleKey); results go to whoever asked for them.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	shown := a.inspector
	cmd := a.update(msg)
	a.syncViews()
	a.selectCreated()
	a.expireNotice()
	if shown != nil && a.inspector != shown {
		shown.close() // closed, or replaced by another solution's
	}
	if a.ctx.Client != nil {
		a.status.usage = a.ctx.Client.Usage()
	}
	a.status.notes = a.statusNotes()
	a.status.alert = a.store.note()
	a.status.nextRefresh = a.nextRefresh()
	extra := []tea.Cmd{a.timeNotice(), a.watchRequests(), a.lazyReads(), a.readSides()}
	if a.busy() {
		extra = append(extra, a.startSpinner())
	}
	if !a.ticking && a.status.throttled(a.ctx.Now()) {
		a.ticking = true
		extra = append(extra, tickClock())
	}
	return a, tea.Batch(append(extra, cmd)...)
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	var health tea.Cmd
	if r, ok := msg.(storeResult); ok {
		health = a.storeSaw(r.storeErr())
	}
	return tea.Batch(health, a.route(msg))
}

func (a *App) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.ctx.Width, a.ctx.Height = msg.Width, msg.Height
		a.layout()
		return nil
	case tea.ModeReportMsg:
		if reportsGraphemeClustering(msg) {
			a.setWidthMethod(ansi.GraphemeWidth)
		}
		return nil
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseMsg:
		return a.handleMouse(msg)
	case tea.PasteMsg:
		switch {
		case a.dialog != nil:
			if a.dialog.editing() {
				a.dialog.edit(msg)
			}
		case a.form != nil:
			a.form.paste(msg)
		case a.jump != nil:
			a.jump.Update(msg)
		case a.filtering:
			return a.updateFilter(msg)
		}
		return nil
	case spinner.TickMsg:
		if !a.busy() {
			a.spinning = false
			return nil
		}
		var cmd tea.Cmd
		a.spinner, cmd = a.spinner.Update(msg)
		return cmd
	case clockTickMsg:
		if a.status.throttled(a.ctx.Now()) {
			return tickClock()
		}
		a.ticking = false
		return nil
	case pageMsg[graph.Solution]:
		if msg.Tab == TabSolutions {
			return a.solutionsPage(msg)
		}
	case solutionReadMsg:
		if msg.Tab == askTab {
			return a.asked(msg)
		}
		if msg.Tab == sidesTab {
			a.sidesRead(msg)
			return nil
		}
		if msg.Tab == inspectorTab {
			if a.inspector == nil {
				return nil
			}
			if msg.Seq == a.inspector.seq && msg.Solution != nil {
				a.solutionChanged(*msg.Solution)
			}
			return a.inspector.Update(msg)
		}
	case wabaSolutionsMsg:
		if c := a.customers(); c != nil {
			c.takeSolutions(msg, a.solutionChanged)
		}
		return nil
	case onboardedMsg:
		if a.inspector != nil {
			a.inspector.Update(msg)
		}
		return nil
	case actionDoneMsg:
		return a.actionDone(msg)
	case appNameMsg:
		if a.form != nil {
			a.form.takeAppName(msg)
		}
		return nil
	case createDoneMsg:
		return a.createDone(msg)
	case doctorMsg:
		if a.doctor != nil {
			a.doctor.take(msg)
		}
		return nil
	case setupAskedMsg:
		return a.setupAsked(msg)
	case setupDoneMsg:
		return a.setupDone(msg)
	case journalMsg:
		if msg.Tab == inspectorTab {
			if a.inspector != nil {
				a.inspector.takeActions(msg)
			}
			return nil
		}
	case inspectMsg:
		return a.openSolution(msg.Solution, false)
	case OpenSolutionMsg:
		return a.openSolution(a.knownSolution(msg), true)
	case ShowWABAMsg:
		return a.showWABA(msg.ID)
	case jumpReadMsg:
		return a.jumpRead(msg)
	case appNews:
		return msg.apply(a)
	case ReloadMsg:
		return a.reload(msg)
	case refreshTickMsg:
		return a.refreshTick(msg)
	case refreshedMsg:
		a.status.lastRefresh = a.ctx.Now()
		return nil
	case rawMsg:
		if a.raw != nil && msg.seq == a.raw.seq {
			a.raw.take(msg.raw, msg.err)
		}
		return nil
	case browserMsg:
		a.browserOpened(msg)
		return nil
	case NoticeMsg:
		a.setNotice(msg.Text, msg.Bad)
		return nil
	}
	if o, ok := msg.(interface{ origin() Origin }); ok {
		return a.routeToTab(o.origin().Tab, msg)
	}
	if a.dialog == nil && a.inspector == nil && a.raw == nil {
		return a.activeTab().Update(msg)
	}
	return nil
}

func (a *App) routeToTab(id TabID, msg tea.Msg) tea.Cmd {
	for _, t := range a.tabs {
		if t.ID() == id {
			return t.Update(msg)
		}
	}
	return nil
}

// solutionsPage hands a page of the shared solution list to every tab that
// draws from it, and asks for the next page.
func (a *App) solutionsPage(msg pageMsg[graph.Solution]) tea.Cmd {
	if msg.Seq != a.solSeq {
		return msg.more.discard()
	}
	d := a.ctx.Solutions
	if d.quiet {
		return a.quietPage(msg)
	}
	// A load that fails before its first page keeps the rows on screen.
	if msg.Err == nil || d.pages > 0 {
		first := d.pages == 0
		d.pages++
		a.solutionsToViews(msg.Items, first)
	}
	if msg.Err != nil || msg.Done {
		return a.solutionsDone(msg.Err)
	}
	return msg.more.nextPage(msg.Origin)
}

// solutionsDone ends a load of the solution list, well or not, and starts
// the countdown to the periodic reload from now.
func (a *App) solutionsDone(err error) tea.Cmd {
	switch {
	case err == nil:
		a.status.lastRefresh = a.ctx.Now()
	case !a.ctx.Solutions.quiet || a.notice == "" || a.ctx.Now().Sub(a.noticeAt) >= noticeHold:
		// A periodic reload's failure does not replace a notice just shown.
		a.setNotice(describeError(a.ctx, "Loading solutions", err), true)
	}
	for _, s := range a.ctx.Solutions.finish(err) {
		a.solutionRead(s)
	}
	return tea.Batch(resumeAfterThrottle(a.ctx, err, TabSolutions), a.scheduleRefresh())
}
