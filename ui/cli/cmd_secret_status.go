package cli

import (
	"cmp"
	"errors"

	"mps/store"
)

const (
	secretStatusShort = "Show where the app secret, the webhook verify token and the store password come from (masked)"
	secretStatusLong  = "The first two come from their environment variables (" + store.EnvAppSecret + ", " + store.EnvVerifyToken + ") when set,\n" +
		"else from the profile's keyring entry; the store password from the keyring, else\n" +
		"PostgreSQL's PGPASSWORD or pgpass file. Exits 1 when the keyring cannot be read."
)

func (s *Session) runSecretStatus([]string) error {
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
