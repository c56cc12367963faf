package cli

import (
	"fmt"
	"io"
	"strings"
)

func writeRootHelp(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`mps runs WhatsApp Multi-Partner Solutions through Meta's Graph API.

Usage:
  mps [global flags]                     open the dashboard
  mps [global flags] COMMAND [flags]     run one command (tables, or JSON with --json)

Commands:
`)
	width := 0
	for _, c := range commands() {
		width = max(width, len(synopsis(c)))
	}
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, synopsis(c), c.Summary)
	}
	b.WriteString("\nGlobal flags (each also read from the environment; the flag wins):\n")
	var g globalFlags
	fs := newFlagSet("mps")
	g.bind(fs)
	writeFlagHelp(&b, fs, true)
	b.WriteString(`  --version              print mps's version

The token comes from MPS_TOKEN, else from the OS keyring (see mps login);
there is no --token flag. MPS_APP_SECRET (or mps secret set app-secret)
switches on appsecret_proof.
NO_COLOR turns colour off.
MPS_DEBUG=api writes one line per HTTP request to Graph on stderr (time,
method, path without secrets, status, duration, fbtrace_id, retry), or to
the file MPS_DEBUG_FILE names (created 0600, appended to); the dashboard
needs MPS_DEBUG_FILE.

Exit codes: 0 ok, 1 error, 2 usage error or refused/cancelled action,
4 authentication needed or token rejected.

Run "mps COMMAND --help" for a command's flags.
`)
	_, err := io.WriteString(w, b.String())
	return err
}

func synopsis(c Command) string {
	if c.Args == "" {
		return c.Name
	}
	return c.Name + " " + c.Args
}

func writeCommandHelp(w io.Writer, c Command) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: mps %s [flags]\n\n%s.\n", synopsis(c), c.Summary)
	if c.Detail != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(c.Detail))
	}
	fs := newFlagSet("mps " + c.Name)
	c.Setup(fs)
	own := &strings.Builder{}
	writeFlagHelp(own, fs, false)
	if own.Len() > 0 {
		fmt.Fprintf(&b, "\nFlags:\n%s", own)
	}
	b.WriteString("\nGlobal flags such as --profile and --app-id work here too; see mps --help.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// runHelp serves "mps help" and "mps help COMMAND".
func runHelp(env Env, words []string) error {
	if len(words) == 0 {
		return writeRootHelp(env.Stdout)
	}
	c, _, ok := findCommand(words)
	if !ok {
		return usageErrorf("Run `mps --help` to see the commands.", "unknown command %q", text80(strings.Join(words, " ")))
	}
	return writeCommandHelp(env.Stdout, c)
}
