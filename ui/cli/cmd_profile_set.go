package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"mps/store"
)

func newProfileSetCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "set",
		Short: "Save the --app-id, --business-id, --api-version, --graph-url, --config-id and --store given here in the profile",
		Long: "Takes the values of the global flags --app-id, --business-id, --api-version,\n" +
			"--graph-url, --config-id (Embedded Signup's login configuration) and --store (the\n" +
			"shared store: a postgres:// URL without its password, or a directory) given on this\n" +
			"command line (never from the environment), checks\n" +
			"them, and writes them to the profile in the config file (mode 0600, replaced\n" +
			"atomically). Values not given stay as they are. For example:\n" +
			"  mps --profile staging profile set --app-id 123 --api-version v25.0\n" +
			"  mps profile set --store 'postgres://mps@db.example.com/mps'",
		RunE: a.runs(func(ctx context.Context, s *Session, _ []string) error {
			return s.runProfileSet()
		}),
	}
}

// profileField is a profile value that a global flag can set.
type profileField struct {
	flag, envVar, label string
	value, source       string  // as resolved
	field               *string // in the profile being edited
}

func profileFields(set store.Settings, p *store.Profile) []profileField {
	return []profileField{
		{"--app-id", store.EnvAppID, "app ID", set.AppID, set.Sources.AppID, &p.AppID},
		{"--business-id", store.EnvBusinessID, "business ID", set.BusinessID, set.Sources.BusinessID, &p.BusinessID},
		{"--api-version", store.EnvAPIVersion, "API version", set.APIVersion, set.Sources.APIVersion, &p.APIVersion},
		{"--graph-url", store.EnvGraphURL, "Graph URL", set.GraphURL, set.Sources.GraphURL, &p.GraphURL},
		{"--config-id", store.EnvConfigID, "config ID", set.ConfigID, set.Sources.ConfigID, &p.ConfigID},
		{"--store", store.EnvStore, "store", set.Store, set.Sources.Store, &p.Store},
	}
}

func (s *Session) runProfileSet() error {
	var given []profileField
	_, err := s.editProfile(func(p *store.Profile) (bool, error) {
		for _, f := range profileFields(s.settings, p) {
			// The resolved value is already checked and normalised (v25.0, no trailing slash).
			if f.source == f.flag {
				*f.field = f.value
				given = append(given, f)
			}
		}
		if len(given) == 0 {
			return false, usageErrorf("For example: mps profile set --app-id 123 --business-id 456.",
				"mps profile set needs at least one of --app-id, --business-id, --api-version, --graph-url, --config-id or --store")
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	var saved []string
	for _, f := range given {
		saved = append(saved, f.label+" "+f.value)
	}
	fmt.Fprintf(s.stdout, "Saved in profile %q (%s): %s.\n", s.settings.Profile, store.ConfigPath(s.env.ConfigDir), strings.Join(saved, ", "))
	for _, f := range given {
		if strings.TrimSpace(s.env.Getenv(f.envVar)) != "" {
			fmt.Fprintf(s.stderr, "mps: note: %s is set, and it wins over the profile until you unset it.\n", f.envVar)
		}
	}
	return nil
}
