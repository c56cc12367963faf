package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"mps/store"
)

func newProfileUnsetCommand(a *app) *cobra.Command {
	cmd := a.leafCommand("unset FIELD...", "Remove saved values from the profile: "+strings.Join(unsetFieldNames(), ", "),
		profileUnsetLong, (*Session).runProfileUnset)
	cmd.ValidArgsFunction = completeArgs(-1, unsetFieldNames()...)
	return cmd
}

const profileUnsetLong = "The inverse of `mps profile set`: removes each FIELD from the profile in the config\n" +
	"file (mode 0600, replaced atomically). A value that is not saved is left alone and\n" +
	"reported. An unset API version or Graph URL falls back to the default; an\n" +
	"environment variable that still provides a value keeps winning. For example:\n" +
	"  mps --profile staging profile unset business-id graph-url"

// unsetFieldName is the FIELD that names f: its flag without the dashes.
func unsetFieldName(f profileField) string {
	return strings.TrimPrefix(f.flag, "--")
}

func unsetFieldNames() []string {
	var names []string
	for _, f := range profileFields(store.Settings{}, &store.Profile{}) {
		names = append(names, unsetFieldName(f))
	}
	return names
}

func (s *Session) runProfileUnset(names []string) error {
	valid := unsetFieldNames()
	hint := "FIELD is one or more of: " + strings.Join(valid, ", ") + "."
	if len(names) == 0 {
		return usageErrorf(hint, "mps profile unset needs at least one FIELD")
	}
	for _, name := range names {
		if !slices.Contains(valid, name) {
			return usageErrorf(hint, "unknown profile field %q", text80(name))
		}
	}
	var removed, notSaved, envVars []string
	_, err := s.editProfile(func(p *store.Profile) (bool, error) {
		removed, notSaved, envVars = nil, nil, nil
		for _, f := range profileFields(s.settings, p) {
			if !slices.Contains(names, unsetFieldName(f)) {
				continue
			}
			if strings.TrimSpace(s.env.Getenv(f.envVar)) != "" {
				envVars = append(envVars, f.envVar)
			}
			if *f.field == "" {
				notSaved = append(notSaved, f.label)
				continue
			}
			removed = append(removed, f.label+" "+oneLine(*f.field))
			*f.field = ""
		}
		return len(removed) > 0, nil
	})
	if err != nil {
		return err
	}
	profile := s.settings.Profile
	if len(removed) > 0 {
		fmt.Fprintf(s.stdout, "Removed from profile %q (%s): %s.\n", profile, store.ConfigPath(s.env.ConfigDir), strings.Join(removed, ", "))
	}
	if len(notSaved) > 0 {
		fmt.Fprintf(s.stdout, "Not saved in profile %q, nothing to remove: %s.\n", profile, strings.Join(notSaved, ", "))
	}
	for _, v := range envVars {
		fmt.Fprintf(s.stderr, "mps: note: %s is set, and it still provides the value until you unset it.\n", v)
	}
	return nil
}
