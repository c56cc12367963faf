package cli

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mps/graph/sandbox"
)

func TestCompletions(t *testing.T) {
	cases := []struct {
		words   []string
		partial string
		want    []string
	}{
		{nil, "so", []string{"solutions", "solution"}},
		{nil, "pro", []string{"profile"}}, // once, though several commands start with it
		{[]string{"profile"}, "s", []string{"show", "set"}},
		{[]string{"--demo", "webhook"}, "", []string{"serve"}},
		{[]string{"solutions"}, "--ro", []string{"--role"}},
		{[]string{"solutions", "--role"}, "", []string{"owner", "partner"}},
		{[]string{"solutions", "--json", "--state"}, "pending", []string{"pending", "pending-deactivation"}},
		{[]string{"solutions", "--state"}, "RE", []string{"REJECTED"}},
		{[]string{"solutions", "--state"}, "PENDING", []string{"PENDING_DEACTIVATION", "PENDING"}},
		{[]string{"events", "--field"}, "acc", []string{"account_update"}},
		{[]string{"events", "--since"}, "", nil}, // an open value
		{[]string{"secret", "set"}, "", []string{"app-secret", "verify-token"}},
		{[]string{"secret", "set", "app-secret"}, "", nil}, // its one argument is given
		{[]string{"completion"}, "", []string{"bash", "zsh", "fish"}},
		{[]string{"profile", "unset", "app-id"}, "", []string{"app-id", "business-id", "api-version", "graph-url"}},
		{[]string{"accept"}, "", nil}, // a solution ID: nothing to offer offline
		{[]string{"no-such-command"}, "", nil},
	}
	for _, c := range cases {
		got := completions(c.words, c.partial)
		if !slices.Equal(sorted(got), sorted(c.want)) {
			t.Errorf("completions(%q, %q) = %q, want %q", c.words, c.partial, got, c.want)
		}
	}
}

// Every flag a command declares, and every global one, is offered after it.
func TestCompletionsOfferEveryFlag(t *testing.T) {
	for _, cmd := range commands() {
		fs := newFlagSet("")
		var g globalFlags
		g.bind(fs)
		cmd.Setup(fs)
		got := completions(strings.Fields(cmd.Name), "--")
		var want []string
		fs.VisitAll(func(f *flag.Flag) { want = append(want, "--"+f.Name) })
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("mps %s --<tab>: %q, want %q", cmd.Name, got, want)
		}
	}
}

func TestCompleteNeverOpensTheKeyring(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	before := h.keyring.Calls()
	r := h.mustRun(completeCommand, "profile", "")
	if lines := strings.Fields(r.stdout); !slices.Contains(lines, "show") || !slices.Contains(lines, "add-partner") {
		t.Fatalf("mps __complete profile '': %q", r.stdout)
	}
	if h.keyring.Calls() != before || len(h.sandbox.Requests()) != 0 {
		t.Fatalf("completing used the keyring (%d calls) or Graph (%d requests)", h.keyring.Calls()-before, len(h.sandbox.Requests()))
	}
}

func TestCompletionScriptForUnknownShell(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run("completion", "tcsh")
	wantExit(t, r, ExitUsage, "completion", "tcsh")
	if !strings.Contains(r.stderr, "bash, zsh, fish") {
		t.Fatalf("the error does not name the shells: %s", r.stderr)
	}
}

// Each shell's script, loaded by the real shell with the built mps on its
// PATH, completes as a person pressing tab would see: after "mps profile s",
// after "mps solutions --role " and after "mps --demo secret delete v".
// zsh's completion system needs a terminal, so there compadd and compdef
// are stand-ins that print what the script hands them; bash and fish run
// their own completion machinery.
func TestCompletionScriptsInTheirShells(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	want := []string{"set show", "owner partner", "verify-token"}
	shells := []struct {
		shell string
		args  []string
	}{
		{"bash", []string{"--noprofile", "--norc", "-c", `source <(mps completion bash) || exit 9
tab() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _mps_complete; echo "${COMPREPLY[*]}"; }
tab mps profile s; tab mps solutions --role ''; tab mps --demo secret delete v`}},
		{"zsh", []string{"-f", "-c", `compdef() {}; compadd() { [[ $1 == -a ]] && print -r -- "${(@P)2}"; }
source <(mps completion zsh) || exit 9
tab() { words=("$@"); CURRENT=$#; _mps_complete; }
tab mps profile s; tab mps solutions --role ''; tab mps --demo secret delete v`}},
		{"fish", []string{"--no-config", "-c", `mps completion fish | source
for line in 'mps profile s' 'mps solutions --role ' 'mps --demo secret delete v'
  echo (complete -C $line)
end`}},
	}
	bin := buildMPS(t)
	for _, sh := range shells {
		t.Run(sh.shell, func(t *testing.T) {
			path, err := exec.LookPath(sh.shell)
			if err != nil {
				t.Skipf("no %s here (.ci/run installs it)", sh.shell)
			}
			cmd := exec.Command(path, sh.args...)
			cmd.Env = []string{"PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + t.TempDir()}
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", sh.shell, err, out)
			}
			got := strings.Split(strings.TrimSpace(string(out)), "\n")
			for i := range got {
				got[i] = strings.Join(sorted(strings.Fields(got[i])), " ")
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s completion gave %q, want %q", sh.shell, got, want)
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
