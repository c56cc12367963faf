package cli

import (
	"context"

	"github.com/spf13/cobra"

	"mps/store"
)

// profileOut is `mps profile show --json`: the resolved values, and under
// "sources" where each came from (a flag, an environment variable, the
// profile in the config file, or "default").
type profileOut struct {
	Profile    string          `json:"profile"`
	ConfigFile string          `json:"config_file"`
	InConfig   bool            `json:"in_config_file"`
	AppID      string          `json:"app_id"`
	BusinessID string          `json:"business_id"`
	APIVersion string          `json:"api_version"`
	GraphURL   string          `json:"graph_url"`
	ConfigID   string          `json:"config_id"`
	Store      string          `json:"store"`    // a postgres:// URL (never with a password) or the SQLite directory
	Partners   []store.Partner `json:"partners"` // only ever from the config file
	Sources    profileSources  `json:"sources"`
}

type profileSources struct {
	Profile    string `json:"profile"`
	AppID      string `json:"app_id"`
	BusinessID string `json:"business_id"`
	APIVersion string `json:"api_version"`
	GraphURL   string `json:"graph_url"`
	ConfigID   string `json:"config_id"`
	Store      string `json:"store"`
}

func newProfileShowCommand(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Show the profile's IDs, partners, API version, Graph URL and store, and where each came from",
		Long:  "A flag wins over the environment, which wins over the profile in the config file, then the default.",
		RunE: a.runs(func(ctx context.Context, s *Session, _ []string) error {
			if err := s.refuseDemo(); err != nil {
				return err
			}
			out := s.profileOut()
			if asJSON {
				return writeJSON(s.stdout, out)
			}
			return writeProfile(s, out)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of a list")
	return cmd
}

func (s *Session) profileOut() profileOut {
	set := s.settings
	where, _ := s.storeLocation() // without a state directory: not set
	return profileOut{
		Profile:    set.Profile,
		ConfigFile: store.ConfigPath(s.env.ConfigDir),
		InConfig:   set.InConfig,
		AppID:      set.AppID,
		BusinessID: set.BusinessID,
		APIVersion: set.APIVersion,
		GraphURL:   set.GraphURL,
		ConfigID:   set.ConfigID,
		Store:      where.String(),
		Partners:   nonNil(set.Partners),
		Sources: profileSources{
			Profile:    set.Sources.Profile,
			AppID:      set.Sources.AppID,
			BusinessID: set.Sources.BusinessID,
			APIVersion: set.Sources.APIVersion,
			GraphURL:   set.Sources.GraphURL,
			ConfigID:   set.Sources.ConfigID,
			Store:      where.source,
		},
	}
}

func writeProfile(s *Session, out profileOut) error {
	f := newFields()
	f.add("Profile", withSource(out.Profile, out.Sources.Profile))
	file := out.ConfigFile
	if !out.InConfig {
		file += "  (no entry for this profile yet)"
	}
	f.add("Config file", file)
	f.add("App ID", withSource(orNotSet(out.AppID), out.Sources.AppID))
	f.add("Business ID", withSource(orNotSet(out.BusinessID), out.Sources.BusinessID))
	f.add("API version", withSource(out.APIVersion, out.Sources.APIVersion))
	f.add("Graph URL", withSource(out.GraphURL, out.Sources.GraphURL))
	f.add("Config ID", withSource(orNotSet(out.ConfigID), out.Sources.ConfigID))
	f.add("Store", withSource(orNotSet(out.Store), out.Sources.Store))
	if len(out.Partners) == 0 {
		f.add("Partners", "none (add with `mps profile add-partner BUSINESS_ID`)")
	}
	for _, p := range out.Partners {
		f.add("Partner", p.BusinessID+"  "+p.Name)
	}
	return f.write(s.stdout)
}
