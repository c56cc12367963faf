package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store"
)

// Completions from the config file: they read that file only, never the
// keyring or the network, and offer nothing when it cannot be read.

// savedProfiles offers the profiles in the config file.
func (g *globalFlags) savedProfiles(env Env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names := []string{store.DefaultProfile}
		if cfg, ok := loadConfigQuietly(env); ok {
			for name := range cfg.Profiles {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return completeFrom(slices.Compact(names)...)(cmd, args, typed)
	}
}

// savedPartners offers the partner businesses saved in the profile the
// command line names (by --profile or the environment), with their names.
func (g *globalFlags) savedPartners(env Env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		cfg, ok := loadConfigQuietly(env)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		set, err := store.Resolve(g.values, env.Getenv, cfg, store.Values{APIVersion: graph.DefaultAPIVersion})
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var partners []string
		for _, p := range set.Partners {
			if p.Name == "" {
				partners = append(partners, p.BusinessID)
			} else {
				partners = append(partners, cobra.CompletionWithDesc(p.BusinessID, oneLine(p.Name)))
			}
		}
		return completeFrom(partners...)(cmd, args, typed)
	}
}

func loadConfigQuietly(env Env) (store.Config, bool) {
	if env.ConfigDir == "" {
		return store.Config{}, false
	}
	cfg, err := store.LoadConfig(env.ConfigDir)
	return cfg, err == nil
}

// savedStores offers for --store the stores saved in any profile and the
// start of a PostgreSQL URL, and lets the shell complete a directory.
func savedStores(env Env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		stores := []string{"postgres://"}
		if cfg, ok := loadConfigQuietly(env); ok {
			for _, name := range cfg.ProfileNames() {
				if p, _ := cfg.Profile(name); p.Store != "" {
					stores = append(stores, cobra.CompletionWithDesc(p.Store, "profile "+name))
				}
			}
		}
		offer, _ := completeFrom(stores...)(cmd, args, typed)
		if store.IsStoreURL(typed) {
			return offer, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
		}
		return offer, cobra.ShellCompDirectiveFilterDirs
	}
}
