package ui

import "mps/graph"

// TabID names a tab. Results carry the tab that asked for them.
type TabID int

const (
	TabSolutions TabID = iota
	TabPending
	TabPartners
	TabCustomers
	TabEvents  // there when an event log is configured
	TabHistory // there when a journal is configured
)

// Origin tags a result with who asked and which request it answers; a
// result whose Seq is not the asker's current one is stale and dropped.
type Origin struct {
	Tab TabID
	Seq uint64
}

func (o Origin) origin() Origin { return o }

// pageMsg is one page of a list, and the way to ask for the next one.
type pageMsg[T any] struct {
	Origin
	Items []T
	Err   error
	Done  bool      // no page follows
	more  *pager[T] // set when another page can be asked for
}

// solutionReadMsg answers a read of one solution (the inspector's refresh).
type solutionReadMsg struct {
	Origin
	ID       string
	Solution *graph.Solution
	Err      error
}

// wabaSolutionsMsg answers GET /{waba}/solutions.
type wabaSolutionsMsg struct {
	Origin
	WABAID    string
	Solutions []graph.Solution
	Err       error
}

// actionRequest is an action a person asked for on a solution.
type actionRequest struct {
	Action   graph.Action
	Solution graph.Solution
	Role     graph.Role
	Reason   string // the dialog's reason line, for the actions that take one
}

// dialogClosedMsg is the confirm dialog's answer, which its Update returns.
type dialogClosedMsg struct {
	Confirmed bool
	Request   actionRequest
	Create    *createRequest // set when the dialog asked about a create
	Setup     *setupRequest  // set when it asked about a customer's setup fix
}

// actionDoneMsg is the outcome of an action: its POST and the read after.
type actionDoneMsg struct {
	Request actionRequest
	Outcome graph.ActionOutcome
	// NotSent says why nothing was sent: the journal could not record the
	// action first.
	NotSent error
	// JournalErr says the outcome could not be recorded; the next start
	// of mps reads the solution and records it.
	JournalErr error
}

// storeErr is what the action found of the journal: it could not record
// the action first, or its outcome after; nil when it did both.
func (m actionDoneMsg) storeErr() error {
	if m.NotSent != nil {
		return m.NotSent
	}
	return m.JournalErr
}

// inspectMsg asks the root to open the inspector on a solution.
type inspectMsg struct{ Solution graph.Solution }

// Messages a tab (or the program, through Send) can use to steer the app.
// They are exported so that tabs written elsewhere, such as the Events
// tab, can react to what they see.

// NoticeMsg puts a line in the message area; Bad makes it an error line.
type NoticeMsg struct {
	Text string
	Bad  bool
}

// OpenSolutionMsg switches to the Solutions tab, selects the solution and
// opens the inspector on it, which reads it afresh. Solution is optional: a
// known copy to show while the read runs.
type OpenSolutionMsg struct {
	ID       string
	Solution *graph.Solution
}

// ShowWABAMsg switches to the Customers tab and selects the WABA, when it
// is loaded.
type ShowWABAMsg struct{ ID string }

// ReloadMsg reloads what a tab shows (the shared solution list for the
// Solutions, Pending and Partners tabs), as r does; Reason, when set, is
// shown as a notice.
type ReloadMsg struct {
	Tab    TabID
	Reason string
}

// refreshedMsg says a tab finished loading, for the status bar's time.
type refreshedMsg struct{}

// clockTickMsg redraws countdowns while throttled.
type clockTickMsg struct{}
