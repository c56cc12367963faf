package cli

import "flag"

// outputFormat is how a list command prints its list.
type outputFormat int

const (
	formatTable outputFormat = iota // aligned columns for a person
	formatJSON
	formatCSV
)

// formatFlags are a list command's --json and --csv.
type formatFlags struct{ json, csv *bool }

func listFormatFlags(fs *flag.FlagSet) formatFlags {
	return formatFlags{
		json: jsonFlag(fs),
		csv:  fs.Bool("csv", false, "print CSV (a header row, then every row with whole cells) instead of a table"),
	}
}

// format is the output asked for; asking for both is a usage error, found
// before anything is read.
func (f formatFlags) format() (outputFormat, error) {
	switch {
	case *f.json && *f.csv:
		return formatTable, usageErrorf("Pick one of --json and --csv.", "--json and --csv cannot be used together")
	case *f.json:
		return formatJSON, nil
	case *f.csv:
		return formatCSV, nil
	}
	return formatTable, nil
}

// jsonFlag alone is for commands whose output is not one list.
func jsonFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("json", false, "print JSON with Graph's own field names instead of a table")
}

// csvDetail is what each list command's help says of --csv.
const csvDetail = "With --csv: the table's columns as CSV, header row first, no cell cut short.\n" + csvFormulaNote

const csvFormulaNote = "A CSV cell a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading '."
