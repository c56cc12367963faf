package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"mps/graph/sandbox"
	"mps/store"
)

// complete asks `mps __complete` in-process what may stand where partial
// is after words, as the shell scripts do, and returns the candidates
// without their descriptions or cobra's closing directive line.
func (h *harness) complete(words []string, partial string) []string {
	h.t.Helper()
	r := h.mustRun(append(append([]string{cobra.ShellCompRequestCmd}, words...), partial)...)
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if line == "" || strings.HasPrefix(line, ":") {
			continue
		}
		value, _, _ := strings.Cut(line, "\t")
		out = append(out, value)
	}
	return out
}

func TestCompletions(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	cases := []struct {
		words   []string
		partial string
		want    []string
	}{
		{nil, "so", []string{"solutions", "solution"}},
		{nil, "pro", []string{"profile"}}, // once, though several commands start with it
		{[]string{"profile"}, "s", []string{"show", "set"}},
		{[]string{"--demo", "webhook"}, "", []string{"serve", "subscribe", "subscriptions"}},
		{[]string{"solutions"}, "--ro", []string{"--role"}},
		{[]string{"solutions", "--role"}, "", []string{"owner", "partner"}},
		{[]string{"solutions", "--json", "--state"}, "pending", []string{"pending", "pending-deactivation"}},
		{[]string{"solutions", "--state"}, "RE", []string{"REJECTED"}},
		{[]string{"solutions", "--state"}, "PENDING", []string{"PENDING_DEACTIVATION", "PENDING"}},
		{[]string{"events", "--field"}, "acc", []string{"account_update"}},
		{[]string{"events", "--event"}, "PARTNER_AD", []string{"PARTNER_ADDED"}},
		{[]string{"events", "--since"}, "", nil}, // an open value
		{[]string{"secret", "set"}, "", []string{"app-secret", "verify-token", "store-password"}},
		{[]string{"secret", "set", "app-secret"}, "", nil}, // its one argument is given
		{[]string{"completion"}, "", []string{"bash", "zsh", "fish", "powershell"}},
		{[]string{"profile", "unset", "app-id"}, "", []string{"app-id", "business-id", "api-version", "graph-url", "config-id", "store"}},
		{[]string{"store"}, "", []string{"migrate", "copy"}},
		{[]string{"store", "copy"}, "--f", []string{"--from"}},
		{[]string{"--store"}, "postgres", []string{"postgres://"}},
		{[]string{"store", "copy", "--to"}, "postgres", []string{"postgres://"}},
		{[]string{"--api-version"}, "v25", []string{"v25.0"}},
		{[]string{"help", "secret"}, "st", []string{"status"}},
		{[]string{"accept"}, "", nil}, // a solution ID: nothing to offer offline
		{[]string{"no-such-command"}, "", nil},
	}
	for _, c := range cases {
		got := h.complete(c.words, c.partial)
		if !slices.Equal(sorted(got), sorted(c.want)) {
			t.Errorf("completions(%q, %q) = %q, want %q", c.words, c.partial, got, c.want)
		}
	}
}

// --profile offers the profiles the config file holds, and --partner the
// partners of the profile named, read from the file alone.
func TestCompletionOffersSavedProfiles(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	h.mustRun("--profile", "staging", "profile", "set", "--app-id", "123")
	h.mustRun("--profile", "prod-eu", "profile", "add-partner", "456")
	before := h.keyring.Calls()
	if got, want := h.complete([]string{"solutions", "--profile"}, ""), []string{"default", "prod-eu", "staging"}; !slices.Equal(got, want) {
		t.Errorf("--profile <tab>: %q, want %q", got, want)
	}
	if got := h.complete([]string{"--profile"}, "st"); !slices.Equal(got, []string{"staging"}) {
		t.Errorf("--profile st<tab>: %q", got)
	}
	h.mustRun("--profile", "prod-eu", "profile", "add-partner", "789", "--name", "Acme")
	if got := h.complete([]string{"--profile", "prod-eu", "customers", "--partner"}, ""); !slices.Equal(got, []string{"456", "789"}) {
		t.Errorf("--profile prod-eu customers --partner <tab>: %q", got)
	}
	h.env[store.EnvProfile] = "prod-eu"
	r := h.mustRun(cobra.ShellCompRequestCmd, "reconcile", "--partner", "7")
	if !strings.HasPrefix(r.stdout, "789\tAcme\n") {
		t.Errorf("MPS_PROFILE=prod-eu reconcile --partner 7<tab>: %q", r.stdout)
	}
	delete(h.env, store.EnvProfile)
	if got := h.complete([]string{"customers", "--partner"}, ""); len(got) != 0 {
		t.Errorf("the default profile has no partners, but --partner offers %q", got)
	}
	if h.keyring.Calls() != before {
		t.Error("completing --profile used the keyring")
	}
}

// Every flag a command declares, and every global one, is offered after it.
func TestCompletionsOfferEveryFlag(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	var visit func(cmd *cobra.Command)
	visit = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			visit(sub)
		}
		if !cmd.Runnable() || cmd.Hidden {
			return
		}
		cmd.InitDefaultHelpFlag()
		words := strings.Fields(strings.TrimPrefix(cmd.CommandPath(), "mps"))
		got := h.complete(words, "--")
		var want []string
		for _, fs := range []*pflag.FlagSet{cmd.LocalFlags(), cmd.InheritedFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { want = append(want, "--"+f.Name) })
		}
		if len(want) < 9 || !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("mps %s --<tab>: %q, want %q", words, got, want)
		}
	}
	visit(newRootCommand(&app{env: Env{}.withDefaults()}))
}

func TestCompleteNeverOpensTheKeyring(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	before := h.keyring.Calls()
	if got := h.complete([]string{"profile"}, ""); !slices.Contains(got, "show") || !slices.Contains(got, "add-partner") {
		t.Fatalf("mps __complete profile '': %q", got)
	}
	h.complete([]string{"solutions", "--state"}, "")
	h.complete([]string{"accept"}, "")
	if h.keyring.Calls() != before || len(h.sandbox.Requests()) != 0 {
		t.Fatalf("completing used the keyring (%d calls) or Graph (%d requests)", h.keyring.Calls()-before, len(h.sandbox.Requests()))
	}
}

func TestCompletionScriptForUnknownShell(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	r := h.run("completion", "tcsh")
	wantExit(t, r, ExitUsage, "completion", "tcsh")
	if !strings.Contains(r.stderr, "bash, zsh, fish, powershell") {
		t.Fatalf("the error does not name the shells: %s", r.stderr)
	}
}

// There is no PowerShell to run it in here: the script must at least be
// the one that registers mps with PowerShell and asks mps __complete.
func TestCompletionScriptForPowerShell(t *testing.T) {
	h := newHarness(t, sandbox.Options{})
	script := h.mustRun("completion", "powershell").stdout
	for _, want := range []string{"Register-ArgumentCompleter", "-CommandName 'mps'", cobra.ShellCompRequestCmd} {
		if !strings.Contains(script, want) {
			t.Errorf("the powershell script lacks %q", want)
		}
	}
	if len(h.sandbox.Requests()) != 0 {
		t.Error("writing the script sent requests")
	}
}

// Each shell's script, loaded by the real shell with the built mps on its
// PATH, completes as a person pressing tab would see: after "mps profile s",
// after "mps solutions --role " and after "mps --demo secret delete v".
// zsh's completion system needs a terminal, so there _describe and compdef
// are stand-ins that print what the script hands them (the values, without
// their descriptions). bash runs its own completion machinery, with a
// stand-in for the bash-completion package's _get_comp_words_by_ref when
// that is not installed; fish runs its own, descriptions cut off.
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
declare -F _get_comp_words_by_ref >/dev/null || _get_comp_words_by_ref() {
  words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
}
compopt() { :; } # outside a completion the builtin only complains
tab() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); __start_mps; echo "${COMPREPLY[*]}"; }
tab mps profile s; tab mps solutions --role ''; tab mps --demo secret delete v`}},
		{"zsh", []string{"-f", "-c", `compdef() {}; compadd() {}
_describe() { while [[ $1 == -* ]]; do shift; done; local c; for c in "${(@P)2}"; do print -rn -- "${c%%:*} "; done; print; }
source <(mps completion zsh) || exit 9
tab() { words=("$@"); CURRENT=$#; _mps; }
tab mps profile s; tab mps solutions --role ''; tab mps --demo secret delete v`}},
		{"fish", []string{"--no-config", "-c", `mps completion fish | source
for line in 'mps profile s' 'mps solutions --role ' 'mps --demo secret delete v'
  echo (complete -C $line | string split -f1 \t)
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
