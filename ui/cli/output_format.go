package cli

import "github.com/spf13/pflag"

// outputFormat is how a list command prints its list.
type outputFormat int

const (
	formatTable outputFormat = iota // aligned columns for a person
	formatJSON
	formatCSV
)

// formatFlags are a list command's --json and --csv.
type formatFlags struct{ json, csv bool }

func (f *formatFlags) bind(fs *pflag.FlagSet) {
	jsonFlag(fs, &f.json)
	fs.BoolVar(&f.csv, "csv", false, "print CSV (a header row, then every row with whole cells) instead of a table")
}

// format is the output asked for; asking for both is a usage error, found
// before anything is read.
func (f *formatFlags) format() (outputFormat, error) {
	switch {
	case f.json && f.csv:
		return formatTable, usageErrorf("Pick one of --json and --csv.", "--json and --csv cannot be used together")
	case f.json:
		return formatJSON, nil
	case f.csv:
		return formatCSV, nil
	}
	return formatTable, nil
}

// jsonUsage is --json's help for commands whose output is not one list.
const jsonUsage = "print JSON with Graph's own field names instead of a table"

// jsonFlag alone is for commands whose output is not one list.
func jsonFlag(fs *pflag.FlagSet, asJSON *bool) {
	fs.BoolVar(asJSON, "json", false, jsonUsage)
}

// csvDetail is what each list command's help says of --csv.
const csvDetail = "With --csv: the table's columns as CSV, header row first, no cell cut short.\n" + csvFormulaNote

const csvFormulaNote = "A CSV cell a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading '."
