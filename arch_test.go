package main

// The house rules that the compiler does not keep (DESIGN.md, "The house"):
// the arrows between graph, store and ui, who may import the sandbox, what
// the binary links, and no package-level mutable state. They live here, beside main, because this is the
// one package that depends on all the others and belongs to none of the
// rooms the rules are about.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const (
	sandboxPkg     = "mps/graph/sandbox"
	sandboxTestPkg = "mps/graph/sandbox/sandboxtest"
)

// demoFiles are the only production files that may import the sandbox: the
// demo's assembly, which serves it on loopback for --demo. Keyed by
// package, then by file name in that package.
func demoFiles() map[string][]string {
	return map[string][]string{
		"mps/ui/cli": {"demo.go", "demo_state.go"},
	}
}

// listedPackage is the part of `go list -json` the rules read.
type listedPackage struct {
	ImportPath   string
	Dir          string
	GoFiles      []string
	Imports      []string
	TestImports  []string
	XTestImports []string

	// fileImports is filled for the packages allowed to import the
	// sandbox: each production file's own imports.
	fileImports map[string][]string
}

func TestHouseRules(t *testing.T) {
	pkgs := listModule(t)
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages; the rules would hold vacuously", len(pkgs))
	}
	for _, v := range houseViolations(pkgs) {
		t.Error(v)
	}
}

// TestNoPackageLevelState keeps package-level variables out of production
// code: state belongs to a value someone made and owns. A sentinel error
// and a blank interface check are the exceptions.
func TestNoPackageLevelState(t *testing.T) {
	fset := token.NewFileSet()
	files := 0
	for _, p := range listModule(t) {
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files++
			for _, v := range packageStateIn(fset, f) {
				t.Error(v)
			}
		}
	}
	if files < 50 {
		t.Fatalf("read only %d production files; the rule would hold vacuously", files)
	}
}

// TestBinaryLinksNoTestCode keeps testing and net/http/httptest out of the
// shipped binary on every platform we build for.
func TestBinaryLinksNoTestCode(t *testing.T) {
	for _, goos := range []string{"linux", "darwin", "windows"} {
		out := goTool(t, []string{"GOOS=" + goos}, "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".")
		deps := map[string][]string{}
		for line := range strings.Lines(string(out)) {
			fields := strings.Fields(line)
			deps[fields[0]] = fields[1:]
		}
		if _, ok := deps["mps/ui/cli"]; !ok {
			t.Fatalf("GOOS=%s: go list -deps . does not reach mps/ui/cli; is this the module root?\n%s", goos, out)
		}
		for _, v := range binaryViolations(deps) {
			t.Errorf("GOOS=%s: %s", goos, v)
		}
	}
}

// TestHouseRulesCatchEachBreach feeds the checker one breach of each rule,
// so a checker that stopped looking would fail here and not pass above.
func TestHouseRulesCatchEachBreach(t *testing.T) {
	pkgs := []listedPackage{
		{ImportPath: "mps/graph", Imports: []string{"mps/ui/text"}},
		{ImportPath: "mps/graph/webhook", TestImports: []string{"mps/store/eventlog"}},
		{ImportPath: "mps/store/eventlog", Imports: []string{"mps/graph"}},
		{ImportPath: "mps/store", XTestImports: []string{"mps/ui"}},
		{ImportPath: "mps", Imports: []string{"mps/ui/cli", "mps/ui", "mps/store"}},
		{ImportPath: "mps/ui/table", Imports: []string{sandboxPkg}},
		{ImportPath: "mps/ui", Imports: []string{sandboxPkg}, fileImports: map[string][]string{
			"tab_pending.go": {sandboxPkg},
		}},
		{ImportPath: "mps/ui/cli", Imports: []string{sandboxPkg}, fileImports: map[string][]string{
			"demo.go": {sandboxPkg},
		}},
		{ImportPath: "mps/ui/cli", Imports: []string{sandboxTestPkg}},
		// Allowed: tests, the demo's own file, and the helper.
		{ImportPath: "mps/ui/e2e", TestImports: []string{sandboxPkg, sandboxTestPkg}},
		{ImportPath: "mps/graph", XTestImports: []string{sandboxPkg}},
		{ImportPath: sandboxTestPkg, Imports: []string{sandboxPkg}},
	}
	got := houseViolations(pkgs)
	want := []string{
		"mps/graph imports mps/ui/text: graph and store never import ui",
		"mps/graph/webhook (its tests) imports mps/store/eventlog: graph and store never import each other",
		"mps/store/eventlog imports mps/graph: graph and store never import each other",
		"mps/store (its tests) imports mps/ui: graph and store never import ui",
		"main imports mps/ui: main holds the signals and cli.Main only",
		"main imports mps/store: main holds the signals and cli.Main only",
		"mps/ui/table imports mps/graph/sandbox: only tests and the demo's assembly",
		"mps/ui imports mps/graph/sandbox: only tests and the demo's assembly",
		"mps/ui/cli imports mps/graph/sandbox/sandboxtest: only tests",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d violations, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("violation %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
	bin := binaryViolations(map[string][]string{
		"mps/ui/cli":        {"fmt", "mps/ui/text"},
		"mps/ui/text":       {"testing", "net/http/httptest"},
		"fmt":               nil,
		"testing":           nil,
		"net/http/httptest": {"net/http"},
		"net/http":          nil,
	})
	wantBin := []string{
		"the mps binary links testing, imported by mps/ui/text: production code never imports test code",
		"the mps binary links net/http/httptest, imported by mps/ui/text:",
	}
	if len(bin) != len(wantBin) || !strings.HasPrefix(bin[0], wantBin[0]) || !strings.HasPrefix(bin[1], wantBin[1]) {
		t.Errorf("binary check:\n got %q\nwant %q", bin, wantBin)
	}
	if clean := binaryViolations(map[string][]string{"mps/ui/cli": {"fmt"}, "fmt": nil}); clean != nil {
		t.Errorf("binary check flags a clean binary: %q", clean)
	}
}

func TestPackageStateRuleCatchesABreach(t *testing.T) {
	const src = `package p

import ("errors"; "fmt"; "io"; "other")

var ErrGone = errors.New("gone")
var errLate = fmt.Errorf("late: %w", ErrGone)
var ErrAlias = other.ErrGone
var ErrMade = other.ErrMaker()
var _ io.Reader = (*reader)(nil)
var cache = map[string]int{}
var (
	errCount int
	names = []string{"a"}
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	got := packageStateIn(fset, f)
	want := []string{
		"p.go:8:5: package-level var ErrMade", "p.go:10:5: package-level var cache",
		"p.go:12:2: package-level var errCount", "p.go:13:2: package-level var names",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %d violations", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("violation %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}

// packageStateIn names f's package-level variables other than sentinel
// errors (an err or Err name made by errors.New or fmt.Errorf, or another
// package's Err value) and blank ones.
func packageStateIn(fset *token.FileSet, f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if n.Name == "_" || (i < len(vs.Values) && isSentinelError(n.Name, vs.Values[i])) {
					continue
				}
				out = append(out, fmt.Sprintf("%s: package-level var %s: make it a const, a function, or a field of the value that owns it",
					fset.Position(n.Pos()), n.Name))
			}
		}
	}
	return out
}

func isSentinelError(name string, value ast.Expr) bool {
	if !strings.HasPrefix(name, "err") && !strings.HasPrefix(name, "Err") {
		return false
	}
	switch v := value.(type) {
	case *ast.CallExpr:
		return isCallTo(v.Fun, "errors", "New") || isCallTo(v.Fun, "fmt", "Errorf")
	case *ast.SelectorExpr:
		return strings.HasPrefix(v.Sel.Name, "Err") // another package's sentinel
	}
	return false
}

func isCallTo(fun ast.Expr, pkg, name string) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg && sel.Sel.Name == name
}

// houseViolations names each broken rule, the package that breaks it and
// what to do, in the order the packages are listed.
func houseViolations(pkgs []listedPackage) []string {
	var out []string
	for _, p := range pkgs {
		for _, imp := range importsOf(p) {
			who := p.ImportPath
			if imp.test {
				who += " (its tests)"
			}
			switch {
			case (inRoom(p.ImportPath, "mps/graph") || inRoom(p.ImportPath, "mps/store")) && inRoom(imp.path, "mps/ui"):
				out = append(out, fmt.Sprintf("%s imports %s: graph and store never import ui (arrows: main -> ui/cli -> ui -> graph, store); move the code it needs down into graph or store", who, imp.path))
			case inRoom(p.ImportPath, "mps/graph") && inRoom(imp.path, "mps/store"),
				inRoom(p.ImportPath, "mps/store") && inRoom(imp.path, "mps/graph"):
				out = append(out, fmt.Sprintf("%s imports %s: graph and store never import each other; join them in ui, where both meet", who, imp.path))
			case p.ImportPath == "mps" && !imp.test && inRoom(imp.path, "mps") && imp.path != "mps/ui/cli":
				out = append(out, fmt.Sprintf("main imports %s: main holds the signals and cli.Main only; the command line (ui/cli) builds everything else", imp.path))
			}
		}
		out = append(out, sandboxViolations(p)...)
	}
	return out
}

// sandboxViolations: the sandbox ships in the binary for --demo only, and
// its test helper ships nowhere.
func sandboxViolations(p listedPackage) []string {
	var out []string
	if p.ImportPath == sandboxTestPkg {
		return nil
	}
	if slices.Contains(p.Imports, sandboxTestPkg) {
		out = append(out, fmt.Sprintf("%s imports %s: only tests may; it links package testing into the binary", p.ImportPath, sandboxTestPkg))
	}
	if !slices.Contains(p.Imports, sandboxPkg) {
		return out
	}
	allowed, isDemoPkg := demoFiles()[p.ImportPath]
	if !isDemoPkg {
		return append(out, fmt.Sprintf("%s imports %s: only tests and the demo's assembly (%s) may; take a graph.Client or an interface instead, or list the file in demoFiles if it is part of the demo", p.ImportPath, sandboxPkg, demoFileList()))
	}
	files := make([]string, 0, len(p.fileImports))
	for f := range p.fileImports {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		if slices.Contains(p.fileImports[f], sandboxPkg) && !slices.Contains(allowed, f) {
			out = append(out, fmt.Sprintf("%s/%s imports %s: only tests and the demo's assembly (%s) may; take a graph.Client or an interface instead, or list the file in demoFiles if it is part of the demo", p.ImportPath, f, sandboxPkg, demoFileList()))
		}
	}
	return out
}

// binaryViolations names each test package the binary links and the
// packages that import it; deps maps each dependency to its imports.
func binaryViolations(deps map[string][]string) []string {
	var out []string
	for _, test := range []string{"testing", "net/http/httptest"} {
		if _, linked := deps[test]; !linked {
			continue
		}
		var importers []string
		for pkg, imports := range deps {
			if slices.Contains(imports, test) {
				importers = append(importers, pkg)
			}
		}
		slices.Sort(importers)
		out = append(out, fmt.Sprintf("the mps binary links %s, imported by %s: production code never imports test code; keep that import in _test.go files or in a package that only tests import", test, strings.Join(importers, ", ")))
	}
	return out
}

type importEdge struct {
	path string
	test bool
}

// importsOf is every mps import of p, its tests' included, each once.
func importsOf(p listedPackage) []importEdge {
	var out []importEdge
	seen := map[string]bool{}
	add := func(paths []string, test bool) {
		for _, path := range paths {
			if !inRoom(path, "mps") || path == p.ImportPath || seen[path] {
				continue
			}
			seen[path] = true
			out = append(out, importEdge{path, test})
		}
	}
	add(p.Imports, false)
	add(p.TestImports, true)
	add(p.XTestImports, true)
	return out
}

// inRoom reports whether path is room or a package under it.
func inRoom(path, room string) bool {
	return path == room || strings.HasPrefix(path, room+"/")
}

func demoFileList() string {
	var files []string
	for pkg, names := range demoFiles() {
		for _, n := range names {
			files = append(files, strings.TrimPrefix(pkg, "mps/")+"/"+n)
		}
	}
	slices.Sort(files)
	return strings.Join(files, ", ")
}

// listModule lists every package of the module with its imports, and the
// per-file imports of the packages that may import the sandbox.
func listModule(t *testing.T) []listedPackage {
	t.Helper()
	out := goTool(t, nil, "list", "-json=ImportPath,Dir,GoFiles,Imports,TestImports,XTestImports", "./...")
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading go list -json: %v", err)
		}
		if _, ok := demoFiles()[p.ImportPath]; ok {
			p.fileImports = parseFileImports(t, p.Dir, p.GoFiles)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func parseFileImports(t *testing.T, dir string, files []string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], path)
		}
	}
	return out
}

// goTool runs the go command in the module root with extra environment.
func goTool(t *testing.T, env []string, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the house rules need the go tool on PATH: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(cmd.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}
