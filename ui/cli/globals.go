package cli

import (
	"flag"

	"mps/graph"
	"mps/store"
)

// globalFlags are the flags every command accepts, before or after its
// name. Each also comes from the environment; store.Resolve merges them.
type globalFlags struct {
	values store.Values
	demo   bool
}

// bind declares the global flags on fs. Binding the same globalFlags to the
// root flag set and then to a command's keeps what the first parse set.
func (g *globalFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&g.values.Profile, "profile", g.values.Profile, "`NAME` of the profile to use (env "+store.EnvProfile+`, default "default")`)
	fs.StringVar(&g.values.AppID, "app-id", g.values.AppID, "our Meta `APP_ID` (env "+store.EnvAppID+")")
	fs.StringVar(&g.values.BusinessID, "business-id", g.values.BusinessID, "our business portfolio `ID` (env "+store.EnvBusinessID+")")
	fs.StringVar(&g.values.GraphURL, "graph-url", g.values.GraphURL, "Graph API base `URL` (env "+store.EnvGraphURL+", default "+store.DefaultGraphURL+")")
	fs.StringVar(&g.values.APIVersion, "api-version", g.values.APIVersion, "Graph API `VERSION`, such as v25.0 (env "+store.EnvAPIVersion+")")
	fs.StringVar(&g.values.Refresh, "refresh", g.values.Refresh, "how often the dashboard reloads the solution list, a `DURATION` such as 90s; 0 or off turns it off (env "+store.EnvRefresh+", default 5m, at least 30s)")
	fs.StringVar(&g.values.Timeout, "timeout", g.values.Timeout, "how long one request to Graph may take, a `DURATION` such as 30s or 2m (env "+store.EnvTimeout+", default "+graph.DefaultTimeout.String()+")")
	fs.BoolVar(&g.demo, "demo", g.demo, "run against the built-in sandbox with demo data: no token, no network")
}

// isGlobal reports whether a flag name belongs to the global flags.
func isGlobal(name string) bool {
	var probe globalFlags
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	probe.bind(fs)
	return fs.Lookup(name) != nil
}
