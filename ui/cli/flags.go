package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // mps prints its own errors and help
	fs.Usage = func() {}
	return fs
}

// parseInterleaved parses flags wherever they stand among the positional
// arguments ("mps solution 123 --json"), and returns the positionals.
// Everything after "--" is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// writeFlagHelp lists fs's flags, or only the global ones or only the
// others, as "  --name VALUE  usage" lines.
func writeFlagHelp(w io.Writer, fs *flag.FlagSet, globals bool) {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		if isGlobal(f.Name) != globals {
			return
		}
		valueName, usage := flag.UnquoteUsage(f)
		left := "--" + f.Name
		if valueName != "" {
			left += " " + strings.ToUpper(valueName)
		}
		lines = append(lines, line{left, usage})
		width = max(width, len(left))
	})
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, l.left, l.usage)
	}
}
