package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/ui/act"
)

// createFlags are mps create's answers to the form's three questions.
type createFlags struct {
	name, partnerApp, messaging string
	yes, asJSON                 bool
}

func newCreateCommand(a *app) *cobra.Command {
	var f createFlags
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a solution owned by our app and invite a partner app to it",
		Long: "Creates a Multi-Partner Solution (POST /{app-id}/whatsapp_business_solution) owned by\n" +
			"our app, inviting the partner app, with MESSAGING on the side --messaging names: the side\n" +
			"that holds it sends the customers' messages, and its credit line pays. The new solution\n" +
			"is Pending until the partner accepts it.\n\n" +
			"The name (2 to 75 characters), the partner app ID (digits, not our own app) and the side\n" +
			"are checked before anything is sent (exit 2). mps reads the partner app's name and shows\n" +
			"what will be created, then asks y/N on a terminal; without a terminal it sends nothing\n" +
			"unless --yes is given. The POST is sent once and never resent: when its answer is lost,\n" +
			"mps lists our solutions and says whether one with that name and partner exists now.\n\n" +
			"With --json: the new solution as `mps solution --json` prints it.",
		RunE: a.runs(func(ctx context.Context, s *Session, _ []string) error {
			return s.runCreate(ctx, f)
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&f.name, "name", "", fmt.Sprintf("the solution's `NAME`, %d to %d characters", graph.SolutionNameMin, graph.SolutionNameMax))
	fl.StringVar(&f.partnerApp, "partner-app", "", "the partner's app `ID` (digits), invited to the solution")
	fl.StringVar(&f.messaging, "messaging", "", "who holds MESSAGING, sends the messages and pays: `us|partner`")
	fl.BoolVar(&f.yes, "yes", false, "create it without asking (needed when stdin is not a terminal)")
	jsonFlag(fl, &f.asJSON)
	return cmd
}

// newSolutionOf checks the flags as the form checks its fields; nothing
// has been sent when it refuses.
func newSolutionOf(f createFlags, ourAppID string) (graph.NewSolution, error) {
	want := graph.NewSolution{Name: f.name, PartnerAppID: f.partnerApp}
	if f.messaging != "" {
		sender, ok := graph.ParseSender(f.messaging)
		if !ok {
			return want, usageErrorf("Pass --messaging us or --messaging partner: exactly one side holds MESSAGING.",
				"--messaging %q is not us or partner", oneLine(f.messaging))
		}
		want.Messaging = sender
	}
	want = want.Normalized()
	if err := want.Check(ourAppID); err != nil {
		flag := map[string]string{"name": "--name", "partner app": "--partner-app", "messaging": "--messaging"}
		field := "the solution"
		if ie, ok := errors.AsType[*graph.SolutionInputError](err); ok {
			field = flag[ie.Field]
		}
		return want, usageErrorf("Fix "+field+"; nothing was sent.", "%v", err)
	}
	return want, nil
}

func (s *Session) runCreate(ctx context.Context, f createFlags) error {
	appID, err := s.requireAppID()
	if err != nil {
		return err
	}
	want, err := newSolutionOf(f, appID)
	if err != nil {
		return err
	}
	c, err := s.Client()
	if err != nil {
		return err
	}
	// The preview goes to stderr under --json, so stdout holds only JSON.
	preview := s.stdout
	if f.asJSON {
		preview = s.stderr
	}
	if err := writeCreatePreview(preview, want, appID, partnerAppName(ctx, c, want.PartnerAppID)); err != nil {
		return err
	}
	label := fmt.Sprintf("solution %q with partner app %s", want.Name, want.PartnerAppID)
	if err := s.confirmSend(ctx, f.yes, "create "+label, "Create "+label+"?"); err != nil {
		return err
	}
	actor, err := s.actor(ctx)
	if err != nil {
		return err
	}
	done, err := actor.Create(ctx, want)
	if err != nil {
		return err
	}
	if done.JournalErr != nil {
		s.warning(sentence(oneLine("the journal could not record the outcome of the create: " + done.JournalErr.Error())))
	}
	switch {
	case done.Unknown():
		return reportCreateUnknown(done)
	case done.Err != nil:
		return done.Err
	case done.ReadErr != nil:
		return fmt.Errorf("the solution was created, but reading it again failed; `mps solutions --role owner` lists it: %w", done.ReadErr)
	}
	if f.asJSON {
		obj, err := solutionDetailJSON(done.Solution, appID)
		if err != nil {
			return err
		}
		return writeJSON(s.stdout, obj)
	}
	then := "."
	if done.Solution.State() == graph.StatePending {
		then = " until the partner accepts it."
	}
	_, err = fmt.Fprintf(s.stdout, "Created %s. It is %s%s\n", solutionLabel(done.Solution), s.colour.bold(oneLine(done.Solution.StateLabel())), then)
	return err
}

// partnerAppName is the partner app as the preview names it: its name, or
// why it could not be read. Graph refuses the create itself when the app
// does not exist; the read only helps the person see whom they invite.
func partnerAppName(ctx context.Context, c *graph.Client, id string) string {
	name, err := c.AppName(ctx, id)
	switch {
	case err != nil:
		return id + " (its name could not be read: " + oneLine(err.Error()) + ")"
	case name == "":
		return id + " (Graph gave no name)"
	}
	return fmt.Sprintf("%s (%s)", oneLine(name), id)
}

// writeCreatePreview says exactly what will be created.
func writeCreatePreview(w io.Writer, want graph.NewSolution, ourAppID, partner string) error {
	f := newFields()
	f.add("Action", "Create a solution")
	f.add("Name", want.Name)
	f.add("Owner app", ourAppID+" (our app)")
	f.add("Partner app", partner)
	f.add("Messaging", "held by "+want.Messaging.String())
	f.add("What it means", want.Messaging.Meaning())
	f.add("Then", "The solution is Pending until the partner accepts it; the POST is sent once.")
	return f.write(w)
}

// reportCreateUnknown says what the list read after a lost answer found.
// Nothing was sent again.
func reportCreateUnknown(done act.Created) error {
	label := fmt.Sprintf("solution %q with partner app %s", done.Want.Name, done.Want.PartnerAppID)
	const never = "mps did not resend it."
	switch {
	case done.Solution != nil:
		return &exitError{code: ExitError, hint: fmt.Sprintf("Check it with `mps solution %s`; %s", done.Solution.ID, never),
			msg: fmt.Sprintf("outcome unknown: the create's answer was lost, but the solutions listed after hold %s (%s), now %s",
				label, done.Solution.ID, oneLine(done.Solution.StateLabel()))}
	case done.ReadErr != nil:
		return &exitError{code: ExitError, err: done.ReadErr, hint: "List them with `mps solutions --role owner` before creating it again; " + never,
			msg: fmt.Sprintf("outcome unknown: the create's answer was lost, and listing the solutions after failed (%v)", done.ReadErr)}
	}
	return &exitError{code: ExitError, hint: "Check with `mps solutions --role owner`, then create it again if it is still missing; " + never,
		msg: fmt.Sprintf("outcome unknown: the create's answer was lost, and the solutions listed after do not hold %s", label)}
}
