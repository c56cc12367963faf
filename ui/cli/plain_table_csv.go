package cli

import (
	"encoding/csv"
	"io"
	"strings"
)

// writeCSV writes the header and every row as CSV, quoted as RFC 4180
// says, with whole cells and never a colour.
func (t *plainTable) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if !t.noHeader {
		if err := cw.Write(t.header); err != nil {
			return err
		}
	}
	for _, row := range t.rows {
		safe := make([]string, len(row))
		for i, cell := range row {
			safe[i] = spreadsheetText(cell)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// spreadsheetText keeps a spreadsheet from running a cell as a formula
// (OWASP's advice on CSV injection): WABA and solution names are chosen by
// other businesses, so a cell that starts with =, +, -, @, tab or carriage
// return gets a leading single quote, as does one where =, +, - or @
// follows leading spaces or tabs (spreadsheets trim them and run the rest).
func spreadsheetText(cell string) string {
	if cell == "" {
		return cell
	}
	first := strings.TrimLeft(cell, " \t")
	if strings.ContainsRune("\t\r", rune(cell[0])) || (first != "" && strings.ContainsRune("=+-@", rune(first[0]))) {
		return "'" + cell
	}
	return cell
}
