package store

import (
	"fmt"
	"maps"
	"strconv"
)

// Partner is a partner business used by the Customers filter.
type Partner struct {
	BusinessID string `json:"business_id"`
	Name       string `json:"name,omitempty"` // display name, optional
}

// Profile is one profile's entry in the config file. It has no field for
// any secret: those live only in the keyring or the environment.
type Profile struct {
	AppID      string    `json:"app_id,omitempty"`
	BusinessID string    `json:"business_id,omitempty"`
	Partners   []Partner `json:"partners,omitempty"`
	APIVersion string    `json:"api_version,omitempty"` // "v25.0"
	GraphURL   string    `json:"graph_url,omitempty"`   // base URL, e.g. https://graph.facebook.com
	// ConfigID is the Embedded Signup login configuration the snippets use.
	ConfigID string `json:"config_id,omitempty"`
	// Store is the event log's and the journal's store (see Values.Store);
	// a URL here never holds a password.
	Store string `json:"store,omitempty"`
}

// Config is the content of the config file.
type Config struct {
	Profiles map[string]Profile
	Path     string   // the file it was loaded from; not saved
	Warnings []string // things LoadConfig tolerated or fixed, for the user to see; not saved
}

// Profile returns the named profile and whether the file has it.
func (c Config) Profile(name string) (Profile, bool) {
	p, ok := c.Profiles[name]
	return p, ok
}

// ProfileNames lists the profiles in order.
func (c Config) ProfileNames() []string {
	return sortedKeys(c.Profiles)
}

// SetProfile adds or replaces a profile after checking its name and values.
// The map is copied, so Configs that share it are not changed.
func (c *Config) SetProfile(name string, p Profile) error {
	if err := checkProfileName(name); err != nil {
		return err
	}
	if err := p.check(); err != nil {
		return fmt.Errorf("profile %q: %w", name, err)
	}
	profiles := maps.Clone(c.Profiles)
	if profiles == nil {
		profiles = map[string]Profile{}
	}
	profiles[name] = p
	c.Profiles = profiles
	return nil
}

// check validates the values and returns the first problem.
func (p Profile) check() error {
	if probs := p.problems(); len(probs) > 0 {
		return probs[0].err
	}
	return nil
}

// fieldProblem is a bad value and the JSON keys leading to it inside a
// profile, e.g. ["partners", "0", "business_id"].
type fieldProblem struct {
	field []string
	err   error
}

func (p Profile) problems() []fieldProblem {
	var probs []fieldProblem
	add := func(err error, field ...string) {
		if err != nil {
			probs = append(probs, fieldProblem{field: field, err: err})
		}
	}
	if p.AppID != "" {
		add(checkGraphID("app_id", p.AppID), "app_id")
	}
	if p.BusinessID != "" {
		add(checkGraphID("business_id", p.BusinessID), "business_id")
	}
	if p.ConfigID != "" {
		add(checkGraphID("config_id", p.ConfigID), "config_id")
	}
	for i, partner := range p.Partners {
		add(checkGraphID("partner business_id", partner.BusinessID), "partners", strconv.Itoa(i), "business_id")
	}
	if p.APIVersion != "" {
		_, err := normalizeAPIVersion(p.APIVersion)
		add(err, "api_version")
	}
	if p.GraphURL != "" {
		_, err := normalizeGraphURL(p.GraphURL)
		add(err, "graph_url")
	}
	if p.Store != "" {
		_, err := normalizeStore(p.Store)
		add(err, "store")
	}
	return probs
}
