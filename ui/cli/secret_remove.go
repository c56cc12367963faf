package cli

import (
	"errors"
	"fmt"

	"mps/store"
)

// removeSecret deletes one of the profile's secrets from the keyring,
// saying whether there was one, and notes when its environment variable
// still provides it.
func (s *Session) removeSecret(kind store.SecretKind) error {
	profile := s.settings.Profile
	err := s.secrets.Delete(kind)
	switch {
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(s.stdout, "No %s was stored for profile %q; nothing to remove.\n", kind, profile)
	case err != nil:
		return err
	default:
		fmt.Fprintf(s.stdout, "Removed the %s of profile %q from the %s.\n", kind, profile, keyringPlace(kind, profile))
	}
	if s.secrets.EnvSet(kind) {
		fmt.Fprintf(s.stderr, "mps: note: %s is still set, and mps will keep using it until you unset it.\n", kind.EnvVar())
	}
	return nil
}
