package cli

import (
	"cmp"
	"errors"

	"mps/store"
)

const (
	secretStatusShort = "Show where the app secret and the webhook verify token come from (masked)"
	secretStatusLong  = "Each comes from its environment variable (" + store.EnvAppSecret + ", " + store.EnvVerifyToken + ") when set,\n" +
		"else from the profile's keyring entry. Exits 1 when the keyring cannot be read."
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
			f.add(n.label, "not set (run `mps secret set "+n.name+"`, or set "+n.kind.EnvVar()+")")
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
