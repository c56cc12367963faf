package store

import (
	"fmt"
	"strings"
)

// Defaults from the command-line contract.
const (
	DefaultProfile  = "default"
	DefaultGraphURL = "https://graph.facebook.com"
)

// Values are the global settings as plain strings; "" means not given.
type Values struct {
	Profile    string // --profile, MPS_PROFILE
	AppID      string // --app-id, MPS_APP_ID
	BusinessID string // --business-id, MPS_BUSINESS_ID
	GraphURL   string // --graph-url, MPS_GRAPH_URL
	APIVersion string // --api-version, MPS_API_VERSION
	ConfigID   string // --config-id, MPS_CONFIG_ID: the Embedded Signup login configuration
	Refresh    string // --refresh, MPS_REFRESH; the dashboard's alone, so Resolve leaves it to ResolveRefresh
	Timeout    string // --timeout, MPS_TIMEOUT; a duration, so Resolve leaves it to ResolveTimeout
	// Store is where the event log and the journal live (--store,
	// MPS_STORE): a postgres:// URL, or the absolute path of a directory
	// holding events.db and journal.db; "" is the profile's state directory.
	Store string
}

// Settings are the resolved global settings.
type Settings struct {
	Values             // checked and normalised (GraphURL without trailing slash or API version, APIVersion "vNN.N")
	Partners []Partner // the profile's partner businesses (the Customers filter)
	// Sources says, per field, where each value came from: a flag ("--app-id"),
	// an environment variable ("MPS_APP_ID"), the profile
	// (`profile "default" in /home/u/.config/mps/config.json`) or "default".
	// A field that is unset has source "".
	Sources  Values
	InConfig bool // the config file has an entry for Profile
}

// Resolve merges the global settings: a flag wins over the environment,
// which wins over the profile in cfg, which wins over fallback (then
// DefaultProfile and DefaultGraphURL). flags holds the values given on the
// command line; getenv is usually os.Getenv. Flag and environment values
// are checked, and an error names where a bad value came from.
//
// The CLI passes fallback.APIVersion = graph.DefaultAPIVersion, since store
// does not import graph.
func Resolve(flags Values, getenv func(string) string, cfg Config, fallback Values) (Settings, error) {
	env := func(key string) string {
		if getenv == nil {
			return ""
		}
		return strings.TrimSpace(getenv(key))
	}
	if fallback.Profile == "" {
		fallback.Profile = DefaultProfile
	}
	if fallback.GraphURL == "" {
		fallback.GraphURL = DefaultGraphURL
	}
	var s Settings
	var err error
	pick := func(flag, envVar, fromProfile, fallbackValue string) (string, string) {
		switch {
		case flags.get(flag) != "":
			return flags.get(flag), flag
		case env(envVar) != "":
			return env(envVar), envVar
		case fromProfile != "":
			return fromProfile, fmt.Sprintf("profile %q in %s", s.Profile, cfg.Path)
		case fallbackValue != "":
			return fallbackValue, "default"
		}
		return "", ""
	}
	s.Profile, s.Sources.Profile = pick("--profile", EnvProfile, "", fallback.Profile)
	if err := checkProfileName(s.Profile); err != nil {
		return s, fmt.Errorf("%s: %w", s.Sources.Profile, err)
	}
	p, inConfig := cfg.Profile(s.Profile)
	s.InConfig = inConfig
	s.Partners = p.Partners
	s.AppID, s.Sources.AppID = pick("--app-id", EnvAppID, p.AppID, fallback.AppID)
	s.BusinessID, s.Sources.BusinessID = pick("--business-id", EnvBusinessID, p.BusinessID, fallback.BusinessID)
	s.GraphURL, s.Sources.GraphURL = pick("--graph-url", EnvGraphURL, p.GraphURL, fallback.GraphURL)
	s.APIVersion, s.Sources.APIVersion = pick("--api-version", EnvAPIVersion, p.APIVersion, fallback.APIVersion)
	s.ConfigID, s.Sources.ConfigID = pick("--config-id", EnvConfigID, p.ConfigID, fallback.ConfigID)
	s.Store, s.Sources.Store = pick("--store", EnvStore, p.Store, fallback.Store)

	if s.AppID != "" {
		if err := checkGraphID("app ID", s.AppID); err != nil {
			return s, fmt.Errorf("%s: %w", s.Sources.AppID, err)
		}
	}
	if s.BusinessID != "" {
		if err := checkGraphID("business ID", s.BusinessID); err != nil {
			return s, fmt.Errorf("%s: %w", s.Sources.BusinessID, err)
		}
	}
	if s.ConfigID != "" {
		if err := checkGraphID("config ID", s.ConfigID); err != nil {
			return s, fmt.Errorf("%s: %w", s.Sources.ConfigID, err)
		}
	}
	if s.Store != "" {
		if s.Store, err = normalizeStore(s.Store); err != nil {
			return s, fmt.Errorf("%s: %w", s.Sources.Store, err)
		}
	}
	if s.GraphURL, err = normalizeGraphURL(s.GraphURL); err != nil {
		return s, fmt.Errorf("%s: %w", s.Sources.GraphURL, err)
	}
	if s.APIVersion != "" {
		if s.APIVersion, err = normalizeAPIVersion(s.APIVersion); err != nil {
			return s, fmt.Errorf("%s: %w", s.Sources.APIVersion, err)
		}
	}
	return s, s.dropURLVersion()
}

// dropURLVersion accepts a Graph URL that ends in an API version, as people
// copy it (https://graph.facebook.com/v25.0), when that is the version in
// effect, and drops it from the URL: requests add the version themselves.
// A URL naming another version is refused with both fixes.
func (s *Settings) dropURLVersion() error {
	base, v := urlVersion(s.GraphURL)
	switch {
	case v == "":
		return nil
	case s.APIVersion == "":
		s.APIVersion, s.Sources.APIVersion = v, s.Sources.GraphURL
	case v != s.APIVersion:
		return fmt.Errorf("%s: graph URL %s ends in API version %s, but the API version is %s (from %s): "+
			"%s (requests add the version themselves), and to use %s, %s",
			s.Sources.GraphURL, quoteShort(s.GraphURL), v, s.APIVersion, s.Sources.APIVersion,
			howToSet("--graph-url", EnvGraphURL, s.Sources.GraphURL, base), v, howToSet("--api-version", EnvAPIVersion, "", v))
	}
	s.GraphURL = base
	return nil
}

// howToSet says how to give a setting the value: the way it came (flag,
// environment variable or profile), or, with no source, any of them.
func howToSet(flag, envVar, source, value string) string {
	switch {
	case source == flag:
		return "pass " + flag + " " + value
	case source == envVar:
		return "set " + envVar + "=" + value
	case strings.HasPrefix(source, "profile "):
		return "run `mps profile set " + flag + " " + value + "`"
	}
	return "pass " + flag + " " + value + ", set " + envVar + "=" + value + " or run `mps profile set " + flag + " " + value + "`"
}

// get returns the value for a flag name, so pick can name its source.
func (v Values) get(flag string) string {
	switch flag {
	case "--profile":
		return v.Profile
	case "--app-id":
		return v.AppID
	case "--business-id":
		return v.BusinessID
	case "--graph-url":
		return v.GraphURL
	case "--api-version":
		return v.APIVersion
	case "--config-id":
		return v.ConfigID
	case "--store":
		return v.Store
	}
	return ""
}
