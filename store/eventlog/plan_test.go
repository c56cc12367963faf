package eventlog

import (
	"database/sql"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// planLine is one row of EXPLAIN QUERY PLAN.
type planLine struct {
	id, parent int
	detail     string
}

func explain(t *testing.T, l *Log, r read) []planLine {
	t.Helper()
	return queryAll(t, l, func(rows *sql.Rows) (planLine, error) {
		var p planLine
		var unused int
		return p, rows.Scan(&p.id, &p.parent, &unused, &p.detail)
	}, "EXPLAIN QUERY PLAN "+r.sql, r.args...)
}

// correlatedColumns are the columns a statement's subqueries match against
// the outer row ("e2.waba_id = e.waba_id"): a subquery run per row must
// search its index on them, or it reads the log once per row.
func correlatedColumns(sql string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(\w+)\.(\w+)\s*=\s*(\w+)\.(\w+)`).FindAllStringSubmatch(sql, -1) {
		if m[1] != m[3] && m[2] == m[4] && !slices.Contains(out, m[2]) {
			out = append(out, m[2])
		}
	}
	return out
}

// planProblems says what in a plan reads the events table row by row: a
// SCAN of it (with or without an index: either reads every row) unless the
// read lists the whole log, or a correlated subquery whose search does not
// narrow on the correlated column.
func planProblems(plan []planLine, correlated []string, whole bool) []string {
	children := map[int][]planLine{}
	for _, p := range plan {
		children[p.parent] = append(children[p.parent], p)
	}
	var problems []string
	var inCorrelated func(id int, where string)
	inCorrelated = func(id int, where string) {
		for _, c := range children[id] {
			if strings.HasPrefix(c.detail, "SEARCH ") {
				for _, col := range correlated {
					if !strings.Contains(c.detail, col+"=?") {
						problems = append(problems, fmt.Sprintf("%s: %q is run per row and does not search on %s", where, c.detail, col))
					}
				}
			}
			inCorrelated(c.id, where)
		}
	}
	for _, p := range plan {
		if strings.HasPrefix(p.detail, "SCAN ") && !whole {
			problems = append(problems, fmt.Sprintf("%q reads every row", p.detail))
		}
		if strings.HasPrefix(p.detail, "CORRELATED ") {
			inCorrelated(p.id, p.detail)
		}
	}
	return problems
}

func planText(plan []planLine) string {
	var b strings.Builder
	for _, p := range plan {
		fmt.Fprintf(&b, "  %d<-%d %s\n", p.id, p.parent, p.detail)
	}
	return b.String()
}

// Every read the package runs (statements.go lists them) searches an index:
// none scans the events table, and none runs a subquery per row that
// searches more than that row's entries. The log is empty, and not ANALYZEd,
// as a new one is, so the plan is the one every log gets.
func TestEveryReadSearchesAnIndex(t *testing.T) {
	checkPlans(t, logs().Temp(t))
}

// checkPlans fails t for each read whose plan on l reads row by row.
func checkPlans(t *testing.T, l *Log) {
	t.Helper()
	for _, r := range reads() {
		plan := explain(t, l, r)
		t.Logf("%s:\n%s", r.name, planText(plan))
		for _, p := range planProblems(plan, correlatedColumns(r.sql), r.whole) {
			t.Errorf("%s: %s\nplan:\n%s", r.name, p, planText(plan))
		}
	}
}

// The check itself catches the plans that made `mps reconcile` quadratic:
// a SCAN, and a per-WABA subquery that searched the event index only.
func TestPlanProblemsCatchesScansAndUnnarrowedCorrelatedSearches(t *testing.T) {
	for name, c := range map[string]struct {
		plan       []planLine
		correlated []string
	}{
		"scan":             {[]planLine{{2, 0, "SCAN events"}}, nil},
		"scan of an index": {[]planLine{{2, 0, "SCAN e USING COVERING INDEX events_waba"}}, nil},
		"per-row search on the event only": {[]planLine{
			{2, 0, "SEARCH e USING INDEX events_event (event=? AND field=?)"},
			{8, 0, "CORRELATED SCALAR SUBQUERY 1"},
			{12, 8, "SEARCH e2 USING INDEX events_event (event=? AND field=?)"},
		}, []string{"waba_id"}},
	} {
		if len(planProblems(c.plan, c.correlated, false)) == 0 {
			t.Errorf("%s: no problem found in %s", name, planText(c.plan))
		}
	}
	good := []planLine{
		{2, 0, "SEARCH e USING INDEX events_event_waba (event=? AND field=? AND waba_id>?)"},
		{8, 0, "CORRELATED SCALAR SUBQUERY 1"},
		{12, 8, "SEARCH e2 USING INDEX events_event_waba (event=? AND field=? AND waba_id=?)"},
	}
	if p := planProblems(good, []string{"waba_id"}, false); len(p) != 0 {
		t.Errorf("problems in a good plan: %v", p)
	}
}

// reads holds every statement the package's code runs on the events table:
// each query call (database/sql's, or the Log's query and queryRow, which
// put it in the engine's dialect) takes a constant that reads lists,
// List's statement from listSQL, or a literal that does not touch the
// events table (PRAGMAs).
func TestReadsListsEveryQueryTheCodeRuns(t *testing.T) {
	listed := map[string]bool{}
	for _, r := range reads() {
		listed[r.sql] = true
	}
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, v := range vs.Values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[vs.Names[i].Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
			return true
		})
	}
	calls := 0
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			if name := sel.Sel.Name; !strings.HasPrefix(name, "Query") && name != "query" && name != "queryRow" {
				return true
			}
			calls++
			at := fset.Position(call.Pos())
			switch arg := call.Args[1].(type) {
			case *ast.Ident:
				if v, ok := consts[arg.Name]; ok && !listed[v] {
					t.Errorf("%s: %s runs %s, which reads() does not list", at, sel.Sel.Name, arg.Name)
				} else if !ok && arg.Name != "stmt" {
					t.Errorf("%s: %s runs %s: use a constant in statements.go", at, sel.Sel.Name, arg.Name)
				}
			case *ast.BasicLit:
				if strings.Contains(arg.Value, "events") {
					t.Errorf("%s: %s runs a literal on the events table: move it to statements.go", at, sel.Sel.Name)
				}
			default:
				t.Errorf("%s: %s runs a statement built in place: build it in statements.go", at, sel.Sel.Name)
			}
			return true
		})
	}
	if calls < 4 {
		t.Fatalf("found %d query calls; the check is not looking at the package's code", calls)
	}
}
