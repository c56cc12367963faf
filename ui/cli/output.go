package cli

import (
	"context"
	"fmt"
	"iter"

	"mps/graph"
)

// listOutput is one list to print: as a JSON array with --json, as CSV
// with --csv (just the header row when the list is empty, so scripts still
// get the columns), else as a table, or a line saying there is nothing.
type listOutput struct {
	count int
	json  func() (any, error) // the JSON array
	table func() *plainTable
	none  string // e.g. "No customers."
}

// rowsOutput is the listOutput of items that go to JSON as they are, an
// empty list as [], and to the table one row each.
func rowsOutput[T any](items []T, none string, header []string, row func(T) []string) listOutput {
	return listOutput{
		count: len(items),
		none:  none,
		json:  func() (any, error) { return nonNil(items), nil },
		table: func() *plainTable {
			t := newPlainTable(header...)
			for _, item := range items {
				t.add(row(item)...)
			}
			return t
		},
	}
}

// rowsOutputAs is rowsOutput for items that go to JSON as toJSON makes
// them.
func rowsOutputAs[T, J any](items []T, toJSON func(T) J, none string, header []string, row func(T) []string) listOutput {
	l := rowsOutput(items, none, header, row)
	l.json = func() (any, error) { return mapped(items, toJSON), nil }
	return l
}

func (s *Session) printList(format outputFormat, l listOutput) error {
	switch format {
	case formatJSON:
		v, err := l.json()
		if err != nil {
			return err
		}
		return writeJSON(s.stdout, v)
	case formatCSV:
		return l.table().writeCSV(s.stdout)
	}
	if l.count == 0 {
		_, err := fmt.Fprintln(s.stdout, l.none)
		return err
	}
	return l.table().write(s.stdout)
}

// clientFor checks a positional ID, then returns the client to use it with.
func (s *Session) clientFor(what, id string) (*graph.Client, error) {
	if err := requireID(what, id); err != nil {
		return nil, err
	}
	return s.Client()
}

// readByID checks a positional ID, then reads every page of what pages
// lists for it; the client comes back for further calls.
func readByID[T any](ctx context.Context, s *Session, kind, id, what string,
	pages func(*graph.Client, context.Context, string) iter.Seq2[graph.Page[T], error]) (*graph.Client, []T, error) {
	c, err := s.clientFor(kind, id)
	if err != nil {
		return nil, nil, err
	}
	all, err := readPages(s, what, pages(c, ctx, id))
	return c, all, err
}

// appClient returns the profile's app ID, which the command needs, and the
// client to use it with.
func (s *Session) appClient() (string, *graph.Client, error) {
	appID, err := s.requireAppID()
	if err != nil {
		return "", nil, err
	}
	c, err := s.Client()
	return appID, c, err
}
