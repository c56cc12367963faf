package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/ui/act"
	"mps/ui/readmodel"
)

// appBusinessClient is appClient with the profile's business ID, which
// the command needs too.
func (s *Session) appBusinessClient() (appID, businessID string, c *graph.Client, err error) {
	if appID, c, err = s.appClient(); err != nil {
		return "", "", nil, err
	}
	businessID, err = s.requireBusinessID()
	return appID, businessID, c, err
}

// checklistReads reads the onboarding checklist's facts once per WABA and
// check for this run.
func (s *Session) checklistReads(ctx context.Context, solutions map[string]*graph.Solution) (*readmodel.ChecklistReads, error) {
	appID, businessID, c, err := s.appBusinessClient()
	if err != nil {
		return nil, err
	}
	return &readmodel.ChecklistReads{Client: c, AppID: appID, BusinessID: businessID, Now: s.env.Now, Solutions: solutions}, nil
}

// previewOut is where a change's preview goes: stderr when stdout carries JSON.
func (s *Session) previewOut(asJSON bool) io.Writer {
	if asJSON {
		return s.stderr
	}
	return s.stdout
}

type creditShareJSON struct {
	AllocationConfigID string `json:"allocation_config_id"`
	WABAID             string `json:"waba_id"`
	CreditLineID       string `json:"credit_line_id"`
	Currency           string `json:"currency"`
	Verified           bool   `json:"verified"`
}

func newCreditShareCommand(a *app) *cobra.Command {
	var currency, line string
	var asJSON bool
	cmd := a.changeCommand(&cobra.Command{
		Use:   "share WABA_ID",
		Short: "Share our credit line with a customer's WABA",
		Long: "POST /{credit-line-id}/whatsapp_credit_sharing_and_attach with waba_id and waba_currency\n" +
			"(" + strings.Join(graph.CreditCurrencies(), ", ") + "), after confirmation (--yes in scripts), once, journaled.\n" +
			"Once attached, a WABA's credit line cannot be changed. The share is then verified: the\n" +
			"allocation's receiving_credential must name the WABA's primary_funding_id.\n" +
			"Without --credit-line, the business's only credit line is used.\n" + creditDetail,
	}, func(ctx context.Context, s *Session, args []string, yes bool) error {
		return s.shareCredit(ctx, args[0], strings.ToUpper(currency), line, yes, asJSON)
	})
	fs := cmd.Flags()
	fs.StringVar(&currency, "currency", "", "bill the WABA in `CURRENCY`: "+strings.Join(graph.CreditCurrencies(), ", "))
	fs.StringVar(&line, "credit-line", "", "the credit line's `ID` (`mps credit lines`)")
	jsonFlag(fs, &asJSON)
	return cmd
}

func (s *Session) shareCredit(ctx context.Context, wabaID, currency, line string, yes, asJSON bool) error {
	if err := requireID("WABA", wabaID); err != nil {
		return err
	}
	if !graph.ValidCurrency(currency) {
		return usageErrorf("Give --currency one of "+strings.Join(graph.CreditCurrencies(), ", ")+".", "%q is not a currency a shared credit line bills in", oneLine(currency))
	}
	line, err := s.creditLineFor(ctx, line)
	if err != nil {
		return err
	}
	reads, err := s.checklistReads(ctx, nil)
	if err != nil {
		return err
	}
	now, err := reads.CreditShare(ctx, wabaID)
	if err != nil {
		return setupRefusal(err)
	}
	if now.Verified {
		return refusedf("WABA %s already bills to our credit line (share %s); a WABA's credit line cannot be changed. Nothing was sent", wabaID, now.Share.ID)
	}
	f := newFields()
	f.add("Action", "Share credit line "+line+" with WABA "+wabaID)
	f.add("Currency", currency)
	f.add("Now", "primary funding "+orDash(now.PrimaryFundingID))
	f.add("Note", "Once attached, a WABA's credit line cannot be changed.")
	if err := f.write(s.previewOut(asJSON)); err != nil {
		return err
	}
	if err := s.confirmSend(ctx, yes, "share the credit line", "Share credit line "+line+" with WABA "+wabaID+" in "+currency+"?"); err != nil {
		return err
	}
	var share *graph.CreditShare
	ch := act.Change{Action: "credit-share", ObjectID: wabaID, ObjectName: "credit line " + line + " in " + currency, StateBefore: "primary funding " + orDash(now.PrimaryFundingID)}
	if err := s.record(ctx, ch, func(ctx context.Context) error {
		var err error
		share, err = reads.Client.ShareCredit(ctx, line, wabaID, currency)
		return err
	}); err != nil {
		return err
	}
	out := creditShareJSON{AllocationConfigID: share.AllocationConfigID, WABAID: wabaID, CreditLineID: line, Currency: currency}
	out.Verified, err = readmodel.VerifyShare(ctx, reads.Client, share)
	if asJSON {
		if werr := writeJSON(s.stdout, out); werr != nil {
			return werr
		}
	}
	if err != nil {
		return fmt.Errorf("the credit line was shared (allocation %s), but verifying it failed: %w", share.AllocationConfigID, err)
	}
	if asJSON {
		return nil
	}
	verdict := "verified: the WABA's primary funding is the shared credential"
	if !out.Verified {
		verdict = "not verified yet: the WABA's primary funding is not the shared credential; check with `mps credit status " + wabaID + "`"
	}
	_, err = fmt.Fprintf(s.stdout, "Done: credit line %s shared with WABA %s (allocation %s), %s.\n", line, wabaID, share.AllocationConfigID, verdict)
	return err
}

func newCreditRevokeCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := a.changeCommand(&cobra.Command{
		Use:   "revoke ALLOCATION_ID",
		Short: "Revoke a share of our credit line",
		Long: "DELETE /{allocation-config-id}, after confirmation (--yes in scripts), once, journaled.\n" +
			"It applies to every WABA of the receiving business shared with us.\n" + creditDetail,
	}, func(ctx context.Context, s *Session, args []string, yes bool) error {
		return s.revokeCredit(ctx, args[0], yes, asJSON)
	})
	jsonFlag(cmd.Flags(), &asJSON)
	return cmd
}

func (s *Session) revokeCredit(ctx context.Context, id string, yes, asJSON bool) error {
	c, err := s.clientFor("allocation config", id)
	if err != nil {
		return err
	}
	alloc, err := c.Allocation(ctx, id)
	if err != nil {
		return setupRefusal(err)
	}
	if alloc.Revoked() {
		return refusedf("share %s is already revoked. Nothing was sent", id)
	}
	business := orDash(alloc.ReceivingBusiness.ID)
	f := newFields()
	f.add("Action", "Revoke credit share "+id)
	f.add("Receiving business", business)
	f.add("Note", "This applies to all of business "+business+"'s WABAs shared with us: none of them bills to our credit line afterwards.")
	if err := f.write(s.previewOut(asJSON)); err != nil {
		return err
	}
	if err := s.confirmSend(ctx, yes, "revoke the share", "Revoke credit share "+id+" for every WABA of business "+business+"?"); err != nil {
		return err
	}
	ch := act.Change{Action: "credit-revoke", ObjectID: id, ObjectName: "credit share for business " + business, StateBefore: orDash(alloc.RequestStatus)}
	if err := s.record(ctx, ch, func(ctx context.Context) error { return c.RevokeAllocation(ctx, id) }); err != nil {
		return err
	}
	if asJSON {
		return writeJSON(s.stdout, map[string]any{"allocation_config_id": id, "revoked": true})
	}
	_, err = fmt.Fprintf(s.stdout, "Done: credit share %s revoked for business %s.\n", id, business)
	return err
}
