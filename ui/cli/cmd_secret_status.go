package cli

import (
	"cmp"
	"context"
	"errors"

	"github.com/spf13/cobra"

	"mps/store"
)

func newSecretStatusCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show where the app secret, the webhook verify token and the store password come from (masked)",
		Long: "The first two come from their environment variables (" + store.EnvAppSecret + ", " + store.EnvVerifyToken + ") when set,\n" +
			"else from the profile's keyring entry; the store password from the keyring, else\n" +
			"PostgreSQL's PGPASSWORD or pgpass file. Exits 1 when the keyring cannot be read.",
		RunE: a.runs(func(ctx context.Context, s *Session, _ []string) error {
			return s.runSecretStatus()
		}),
	}
}

func (s *Session) runSecretStatus() error {
	if err := s.refuseDemo(); err != nil {
		return err
	}
	profile := s.settings.Profile
	f := newFields()
	f.add("Profile", profile)
	var unreadable error
	for _, n := range secretNames() {
		sec, err := s.secrets.Lookup(n.kind)
		switch {
		case err == nil:
			from := keyringPlace(n.kind, profile)
			if sec.Source.FromEnv() {
				from = sec.Source.EnvVar
			}
			f.add(n.label, store.MaskToken(sec.Value)+" from "+from)
		case errors.Is(err, store.ErrNotFound):
			f.add(n.label, "not set (run `mps secret set "+n.name+"`, or "+n.kind.Otherwise()+")")
		default:
			f.add(n.label, "unknown: the keyring could not be read")
			unreadable = cmp.Or(unreadable, err)
		}
	}
	if err := f.write(s.stdout); err != nil {
		return err
	}
	return unreadable
}
