package cli

import (
	"github.com/spf13/cobra"

	"mps/graph"
	"mps/store"
)

// globalFlags are the flags every command accepts, before or after its
// name. Each also comes from the environment; store.Resolve merges them.
type globalFlags struct {
	values   store.Values
	demo     bool
	noNotify bool // the dashboard's terminal notifications are off
}

// bind declares the global flags on root, for it and every command below.
func (g *globalFlags) bind(root *cobra.Command, env Env) {
	fs := root.PersistentFlags()
	fs.StringVar(&g.values.Profile, "profile", "", "`NAME` of the profile to use (env "+store.EnvProfile+`, default "default")`)
	fs.StringVar(&g.values.AppID, "app-id", "", "our Meta `APP_ID` (env "+store.EnvAppID+")")
	fs.StringVar(&g.values.BusinessID, "business-id", "", "our business portfolio `ID` (env "+store.EnvBusinessID+")")
	fs.StringVar(&g.values.GraphURL, "graph-url", "", "Graph API base `URL` (env "+store.EnvGraphURL+", default "+store.DefaultGraphURL+")")
	fs.StringVar(&g.values.APIVersion, "api-version", "", "Graph API `VERSION`, such as v25.0 (env "+store.EnvAPIVersion+")")
	fs.StringVar(&g.values.ConfigID, "config-id", "", "the Embedded Signup login configuration's `ID`, for signup snippets (env "+store.EnvConfigID+")")
	fs.StringVar(&g.values.Refresh, "refresh", "", "how often the dashboard reloads the solution list, a `DURATION` such as 90s; 0 or off turns it off (env "+store.EnvRefresh+", default 5m, at least 30s)")
	fs.StringVar(&g.values.Timeout, "timeout", "", "how long one request to Graph may take, a `DURATION` such as 30s or 2m (env "+store.EnvTimeout+", default "+graph.DefaultTimeout.String()+")")
	fs.StringVar(&g.values.Store, "store", "", "where the event log and the journal live: a postgres://USER@HOST/DB `URL` (no password in it) or a directory for events.db and journal.db (env "+store.EnvStore+", default the profile's state directory)")
	fs.BoolVar(&g.noNotify, "no-notify", false, "the dashboard does not notify the terminal (OSC 9/777 or the bell) of new requests that need an answer (env "+envNotify+"=off)")
	fs.BoolVar(&g.demo, "demo", false, "run against the built-in sandbox with demo data: no token, no network")
	mustComplete(root, "profile", g.savedProfiles(env))
	mustComplete(root, "api-version", completeFrom(knownAPIVersions()...))
	mustComplete(root, "store", savedStores(env))
}
