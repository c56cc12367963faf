package ui

import (
	"slices"

	"mps/graph"
)

// listVersion counts the changes of a list, so that a view over it knows
// whether to draw anything and whether rows added at the end are all
// that changed since it last drew.
type listVersion struct {
	version uint64 // moves on every change
	redrawn uint64 // the version of the last change other than rows added at the end
}

// grew notes rows added at the end, or a change that leaves the rows as
// they are (the load state, a solution known but not listed).
func (v *listVersion) grew() { v.version++ }

// reshaped notes a change to rows already there: their order, contents or number.
func (v *listVersion) reshaped() {
	v.version++
	v.redrawn = v.version
}

// Version moves whenever the list or its load state changes.
func (v *listVersion) Version() uint64 { return v.version }

// viewMark is what a view last drew of a list.
type viewMark struct {
	version uint64
	shown   int // the list's length then
}

// since says how a view marked m catches up with the list, now n long:
// moved is false when nothing changed; else redraw says every row must be
// drawn again (from is 0), or, when false, that the rows from index from
// on are new. It moves the mark.
func (v *listVersion) since(m *viewMark, n int) (from int, redraw, moved bool) {
	if m.version == v.version {
		return 0, false, false
	}
	redraw = v.redrawn > m.version || m.shown > n
	if !redraw {
		from = m.shown
	}
	m.version, m.shown = v.version, n
	return from, redraw, true
}

// Solutions is the one copy of our app's solution list, held in the
// shared context; the tabs, the inspector and a WABA's solution list draw
// from it. Only the root's Update changes it, through the App's
// solutionsToViews and putSolution (solutionChanged), which close a stale
// dialog too.
type Solutions struct {
	listVersion
	list []graph.Solution // in ID order (graph.SortSolutions)
	// known is every solution as last learned, listed or not (a WABA's
	// solution list, a jump from the Events tab): a fresh copy that
	// answered only its default fields keeps the role, the other side's
	// app and the permissions a solution's read or an earlier list brought
	// (graph.KeepKnown), so a role once known never goes back to unknown.
	known map[string]graph.Solution
	load  loadState

	// The load under way.
	pages int // its pages put in the list so far
	// quiet says it is a periodic one: its pages wait in incoming and go
	// in the list together when it ends, so the rows change once.
	quiet    bool
	incoming []graph.Solution
	// late holds solutions read after their webhooks while the load ran;
	// they go in when it ends, so that it neither drops nor repeats them.
	late []graph.Solution
}

func newSolutions() *Solutions {
	return &Solutions{known: map[string]graph.Solution{}, load: loadState{loading: true}}
}

// List is the solutions in ID order. The slice is the data's own: read it,
// do not keep it past the message being handled.
func (d *Solutions) List() []graph.Solution { return d.list }

// Solution is the latest copy of a solution, listed or only read.
func (d *Solutions) Solution(id string) (graph.Solution, bool) {
	s, ok := d.known[id]
	return s, ok
}

// Loading says whether a load of the list is under way.
func (d *Solutions) Loading() bool { return d.load.loading }

// learn merges a solution with what was known of it and remembers it.
func (d *Solutions) learn(s graph.Solution) graph.Solution {
	s = graph.KeepKnown(s, d.known[s.ID])
	d.known[s.ID] = s
	return s
}

// startLoad begins a new load; quiet for the periodic one.
func (d *Solutions) startLoad(quiet bool) {
	d.load.loading = true
	d.pages, d.quiet, d.incoming = 0, quiet, nil
	d.late = nil // this load is asked after those reads
	d.grew()
}

// page puts a page of the load in the list: in place of the list when
// first, else added to it.
func (d *Solutions) page(items []graph.Solution, first bool) {
	fresh := make([]graph.Solution, len(items))
	for i, s := range items {
		fresh[i] = d.learn(s)
	}
	graph.SortSolutions(fresh)
	if first {
		d.list = fresh
		d.reshaped()
		return
	}
	// The two role chains' pages interleave: a page that sorts after every
	// row is added at the end; others make every row be drawn again.
	inOrder := len(d.list) == 0 || len(fresh) == 0 || graph.CompareIDs(d.list[len(d.list)-1].ID, fresh[0].ID) < 0
	d.list = append(d.list, fresh...)
	if inOrder {
		d.grew()
		return
	}
	graph.SortSolutions(d.list)
	d.reshaped()
}

// put learns a fresh copy of one solution and puts it in the list where
// the list has it; add puts it in the list also when it lacks it.
func (d *Solutions) put(s graph.Solution, add bool) {
	s = d.learn(s)
	i, listed := slices.BinarySearchFunc(d.list, s.ID, func(e graph.Solution, id string) int { return graph.CompareIDs(e.ID, id) })
	switch {
	case listed:
		d.list[i] = s
		d.reshaped()
	case !add:
		d.grew() // the copy known changed: a view of a solution not listed redraws
	case i == len(d.list):
		d.list = append(d.list, s)
		d.grew()
	default:
		d.list = slices.Insert(d.list, i, s)
		d.reshaped()
	}
}

// finish ends the load, well or not, and hands back the reads that
// waited for it.
func (d *Solutions) finish(err error) (late []graph.Solution) {
	d.load = loadState{err: err, done: true}
	late, d.late = d.late, nil
	d.quiet, d.incoming = false, nil
	d.grew()
	return late
}

// holdLate keeps a read for the end of the load under way, if any.
func (d *Solutions) holdLate(s graph.Solution) bool {
	if !d.load.loading {
		return false
	}
	d.late = append(d.late, s)
	return true
}

// Customers is the one copy of the onboarded WABAs the Customers tab
// loads (under its partner business filter), held in the shared context
// for that tab and the inspector's customer names.
type Customers struct {
	listVersion
	list  []graph.WABA // in the order Graph listed them
	index map[string]int
	load  loadState
	pages int // pages of the load under way received so far
	// late holds webhook changes that wait for the load under way.
	late []wabaChange
}

// wabaChange is one customer a webhook added (waba, as read) or removed.
type wabaChange struct {
	waba    *graph.WABA
	removed string
}

func newCustomers() *Customers {
	return &Customers{index: map[string]int{}}
}

// List is the WABAs as listed; see Solutions.List.
func (d *Customers) List() []graph.WABA { return d.list }

// Len is how many WABAs are held.
func (d *Customers) Len() int { return len(d.list) }

// WABA is a held WABA by ID.
func (d *Customers) WABA(id string) (graph.WABA, bool) {
	i, ok := d.index[id]
	if !ok {
		return graph.WABA{}, false
	}
	return d.list[i], true
}

// Loaded is how many WABAs the load shows: none of a new load before its
// first page, whose rows are those of the load before.
func (d *Customers) Loaded() int {
	if d.load.loading && d.pages == 0 {
		return 0
	}
	return len(d.list)
}

func (d *Customers) startLoad() {
	d.load = loadState{loading: true, done: d.load.done}
	d.pages = 0
	d.late = nil // this load is asked after them
	d.grew()
}

// page takes a page of the load under way; a failed first page keeps the
// WABAs held.
func (d *Customers) page(items []graph.WABA, err error) {
	if err != nil && d.pages == 0 {
		return
	}
	if d.pages == 0 {
		d.list, d.index = nil, map[string]int{}
		d.reshaped()
	} else {
		d.grew()
	}
	d.pages++
	for _, w := range items {
		d.index[w.ID] = len(d.list)
		d.list = append(d.list, w)
	}
}

// finish ends the load and applies the changes that waited for it.
func (d *Customers) finish(err error) {
	d.load = loadState{err: err, done: true}
	late := d.late
	d.late = nil
	for _, c := range late {
		d.change(c)
	}
	d.grew()
}

// change applies a webhook's change now, or when the load under way ends,
// so that the load neither drops it nor lists the WABA twice.
func (d *Customers) change(c wabaChange) {
	if d.load.loading {
		d.late = append(d.late, c)
		return
	}
	if c.waba == nil {
		i, ok := d.index[c.removed]
		if !ok {
			return
		}
		delete(d.index, c.removed)
		d.list = slices.Delete(d.list, i, i+1)
		for j := i; j < len(d.list); j++ {
			d.index[d.list[j].ID] = j
		}
		d.reshaped()
		return
	}
	if i, ok := d.index[c.waba.ID]; ok {
		d.list[i] = *c.waba
		d.reshaped()
		return
	}
	d.index[c.waba.ID] = len(d.list)
	d.list = append(d.list, *c.waba)
	d.grew()
}
