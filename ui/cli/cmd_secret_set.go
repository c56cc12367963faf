package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"mps/store"
)

func newSecretSetCommand(a *app) *cobra.Command {
	var withValue bool
	cmd := &cobra.Command{
		Use:   "set " + secretNamesSynopsis,
		Short: "Store the app secret, the webhook verify token or the store password in the OS keyring",
		Long: "Reads the value from a hidden prompt, or from standard input with --with-value\n" +
			"(mps secret set app-secret --with-value < secret.txt). The app secret switches on\n" +
			"appsecret_proof and checks webhook signatures; the verify token answers Meta's\n" +
			"webhook handshake; the store password is the PostgreSQL role's, for a --store URL\n" +
			"(which never holds it). The app secret and the verify token are refused while\n" +
			store.EnvAppSecret + " (or " + store.EnvVerifyToken + ") is set, because the environment always wins over\n" +
			"the keyring; the store password comes first, then PGPASSWORD, then a pgpass file.\n" +
			"The value is never printed.",
		ValidArgsFunction: completeArgs(1, secretNameList()...),
		RunE: a.runs(func(ctx context.Context, s *Session, args []string) error {
			return s.runSecretSet(ctx, args[0], withValue)
		}),
	}
	cmd.Flags().BoolVar(&withValue, "with-value", false, "read the value from standard input")
	return cmd
}

func (s *Session) runSecretSet(ctx context.Context, arg string, withValue bool) error {
	if err := s.refuseDemo(); err != nil {
		return err
	}
	n, err := parseSecretName(arg)
	if err != nil {
		return err
	}
	in := secretInput{kind: n.kind, command: "secret set " + n.name, stdinFlag: "--with-value", whereFrom: n.whereFrom}
	if err := in.refuseEnvOverride(s); err != nil {
		return err
	}
	if err := in.checkCanRead(s, withValue); err != nil {
		return err
	}
	value, err := s.readSecret(ctx, in, withValue)
	if err != nil {
		return err
	}
	if err := s.secrets.Save(n.kind, value); err != nil {
		return fmt.Errorf("nothing was stored: %w", err)
	}
	_, err = fmt.Fprintf(s.stdout, "Stored the %s of profile %q in the %s.\n", n.kind, s.settings.Profile, keyringPlace(n.kind, s.settings.Profile))
	return err
}
