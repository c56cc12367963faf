package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
)

const creditDetail = "The token needs business_management (a system user with the Admin or Financial Editor role)."

func newCreditCommand(a *app) *cobra.Command {
	return groupCommand("credit", "Share our credit line with customers (Solution Partners, the guide's step 7)",
		newCreditLinesCommand(a), newCreditShareCommand(a), newCreditStatusCommand(a), newCreditRevokeCommand(a))
}

func newCreditLinesCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "lines",
		Short: "List our business's credit lines",
		Long:  "GET /{business-id}/extendedcredits: each credit line's ID and legal entity.\n" + creditDetail,
	}, func(ctx context.Context, s *Session, _ []string, asJSON bool) error {
		lines, err := s.readCreditLines(ctx)
		if err != nil {
			return err
		}
		format := formatTable
		if asJSON {
			format = formatJSON
		}
		return s.printList(format, rowsOutput(lines, "The business has no credit lines.", []string{"CREDIT LINE", "LEGAL ENTITY"},
			func(l graph.CreditLine) []string { return []string{l.ID, l.LegalEntityName} }))
	})
}

func (s *Session) readCreditLines(ctx context.Context) ([]graph.CreditLine, error) {
	businessID, err := s.requireBusinessID()
	if err != nil {
		return nil, err
	}
	c, err := s.Client()
	if err != nil {
		return nil, err
	}
	lines, err := c.CreditLines(ctx, businessID)
	return lines, setupRefusal(err)
}

// creditLineFor is the credit line to use: the one given, or the
// business's only one.
func (s *Session) creditLineFor(ctx context.Context, given string) (string, error) {
	if given != "" {
		return given, requireID("credit line", given)
	}
	lines, err := s.readCreditLines(ctx)
	if err != nil {
		return "", err
	}
	switch len(lines) {
	case 0:
		return "", &exitError{code: ExitError, msg: "the business has no credit line to share", hint: "Set one up in Business Settings > Payments first."}
	case 1:
		return lines[0].ID, nil
	}
	ids := make([]string, len(lines))
	for i, l := range lines {
		ids[i] = l.ID
	}
	return "", usageErrorf("Pick one with --credit-line: "+strings.Join(ids, ", ")+".", "the business has %d credit lines", len(lines))
}

type creditStatusJSON struct {
	WABAID             string `json:"waba_id"`
	PrimaryFundingID   string `json:"primary_funding_id"`
	AllocationConfigID string `json:"allocation_config_id,omitempty"`
	Verified           bool   `json:"verified"`
}

func newCreditStatusCommand(a *app) *cobra.Command {
	return a.jsonCommand(&cobra.Command{
		Use:   "status WABA_ID",
		Short: "Whether our credit line is shared with a WABA, and verified",
		Long: "A share is verified when the allocation's receiving_credential names the WABA's\n" +
			"primary_funding_id: GET /{waba-id}?fields=primary_funding_id against the shares of our\n" +
			"credit lines (GET /{credit-line-id}/owning_credit_allocation_configs).\n" + creditDetail,
	}, func(ctx context.Context, s *Session, args []string, asJSON bool) error {
		st, err := s.creditStatus(ctx, args[0])
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(s.stdout, st)
		}
		f := newFields()
		f.add("WABA", st.WABAID)
		f.add("Primary funding", orDash(st.PrimaryFundingID))
		f.add("Share", orDash(st.AllocationConfigID))
		verdict := "not shared by our credit lines: `mps credit share " + st.WABAID + " --currency C`"
		if st.Verified {
			verdict = "shared and verified"
		}
		f.add("Credit line", verdict)
		return f.write(s.stdout)
	})
}

func (s *Session) creditStatus(ctx context.Context, wabaID string) (creditStatusJSON, error) {
	out := creditStatusJSON{WABAID: wabaID}
	reads, err := s.checklistReads(ctx, nil)
	if err != nil {
		return out, err
	}
	if err := requireID("WABA", wabaID); err != nil {
		return out, err
	}
	st, err := reads.CreditShare(ctx, wabaID)
	if err != nil {
		return out, setupRefusal(err)
	}
	out.PrimaryFundingID, out.Verified = st.PrimaryFundingID, st.Verified
	if st.Verified {
		out.AllocationConfigID = st.Share.ID
	}
	return out, nil
}
