package cli

import (
	"flag"
	"io"
	"slices"
	"strings"

	"mps/graph/webhook"
)

// completeCommand is the hidden command the shell scripts of `mps
// completion` call: `mps __complete WORD... PARTIAL` prints, one a line,
// the words that may stand where PARTIAL is. It reads nothing but the
// command table, so completing never touches the keyring or the network.
const completeCommand = "__complete"

func runComplete(w io.Writer, words []string) error {
	partial := ""
	if len(words) > 0 {
		partial, words = words[len(words)-1], words[:len(words)-1]
	}
	for _, c := range completions(words, partial) {
		if _, err := io.WriteString(w, c+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// completions returns what may follow words (the ones typed before the
// cursor, without "mps") and starts with partial.
func completions(words []string, partial string) []string {
	fs := newFlagSet("mps")
	var g globalFlags
	g.bind(fs)
	positional, pendingFlag := splitWords(fs, words)
	cmd, rest, found := findCommand(positional)
	if found {
		cmd.Setup(fs)
		// Flags the command declares may have been read as positionals
		// before the command was known: read the words again.
		positional, pendingFlag = splitWords(fs, words)
		_, rest, _ = findCommand(positional)
	}
	var candidates []string
	switch {
	case pendingFlag != nil:
		candidates = flagChoices(pendingFlag.Name)
	case strings.HasPrefix(partial, "-"):
		fs.VisitAll(func(f *flag.Flag) { candidates = append(candidates, "--"+f.Name) })
	case found:
		if len(rest) < cmd.NArgs || cmd.NArgs == anyNumber {
			candidates = cmd.Choices
		}
	default:
		candidates = nextCommandWords(positional)
	}
	var out []string
	for _, c := range candidates {
		if strings.HasPrefix(c, partial) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// splitWords separates the positional words from flags and their values,
// and returns the flag still waiting for its value, if the last word is one.
func splitWords(fs *flag.FlagSet, words []string) (positional []string, pending *flag.Flag) {
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "--" {
			return append(positional, words[i+1:]...), nil
		}
		if !strings.HasPrefix(w, "-") || w == "-" {
			positional = append(positional, w)
			continue
		}
		name := strings.TrimLeft(w, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil || isBoolFlag(f) {
			continue
		}
		if i == len(words)-1 {
			return positional, f
		}
		i++ // its value
	}
	return positional, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// nextCommandWords are the words that continue a command name from the
// words typed so far: the first words of every command at the start, the
// second words of a group ("profile" -> "set", "show", ...) after it.
func nextCommandWords(typed []string) []string {
	var out []string
	if len(typed) == 0 {
		out = append(out, "help")
	}
	for _, c := range commands() {
		name := strings.Fields(c.Name)
		if len(name) > len(typed) && equalWords(name[:len(typed)], typed) {
			out = append(out, name[len(typed)])
		}
	}
	return out
}

// flagChoices are the values a flag takes, where they are a known few.
func flagChoices(name string) []string {
	switch name {
	case "state":
		return stateChoices()
	case "role":
		return []string{"owner", "partner"}
	case "field":
		return webhook.KnownFields()
	case "event":
		return webhook.KnownEvents()
	}
	return nil
}
