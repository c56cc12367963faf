package ui

import "mps/graph"

// TabID names a tab. Results carry the tab that asked for them.
type TabID int

const (
	TabSolutions TabID = iota
	TabPending
	TabPartners
	TabCustomers
	// Tabs added later (Events) take the next IDs.
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
}

// confirmMsg opens the confirm dialog for an allowed action.
type confirmMsg struct{ Request actionRequest }

// dialogClosedMsg is the confirm dialog's answer.
type dialogClosedMsg struct {
	Confirmed bool
	Request   actionRequest
}

// actionDoneMsg is the outcome of an action POST and the read that follows it.
type actionDoneMsg struct {
	Request actionRequest
	Err     error // the POST's error; nil when it succeeded
	Unknown bool  // the POST may or may not have taken effect
	After   *graph.Solution
	ReadErr error // the follow-up read failed
}

// noticeMsg puts a line in the message area; Bad makes it an error line.
type noticeMsg struct {
	Text string
	Bad  bool
}

// inspectMsg asks the root to open the inspector on a solution.
type inspectMsg struct{ Solution graph.Solution }

// openSolutionMsg asks the root to show a solution: switch to the Solutions
// tab, select it and open the inspector.
type openSolutionMsg struct {
	Solution graph.Solution
}

// clockTickMsg redraws countdowns while throttled.
type clockTickMsg struct{}
