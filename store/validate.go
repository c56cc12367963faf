package store

import (
	"fmt"
	"net"
	"net/url"
	"path"
	"strings"
)

const (
	maxGraphIDLen     = 32
	maxProfileNameLen = 64
	maxQuotedLen      = 40
)

// ValidGraphID reports whether id looks like a Graph object ID (digits only).
func ValidGraphID(id string) bool {
	return id != "" && len(id) <= maxGraphIDLen && strings.Trim(id, "0123456789") == ""
}

// ValidProfileName reports whether name can be a profile: letters, digits,
// '.', '_' and '-', starting with a letter or digit, at most 64 bytes. No
// ':' because the keyring accounts use it as a separator.
func ValidProfileName(name string) bool {
	if name == "" || len(name) > maxProfileNameLen {
		return false
	}
	for i, r := range name {
		alnum := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("._-", r)) {
			return false
		}
	}
	return true
}

func checkProfileName(name string) error {
	if !ValidProfileName(name) {
		return fmt.Errorf("profile name %s is not valid: use letters, digits, '.', '_' or '-' (at most %d), starting with a letter or digit",
			quoteShort(name), maxProfileNameLen)
	}
	return nil
}

func checkGraphID(what, id string) error {
	if !ValidGraphID(id) {
		return fmt.Errorf("%s %s is not a Graph ID: use digits only", what, quoteShort(id))
	}
	return nil
}

// normalizeGraphURL checks a Graph base URL and drops a trailing slash.
// Plain http is allowed only on loopback, where the sandbox runs: the token
// must not travel unencrypted.
func normalizeGraphURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("graph URL %s is not valid: use an https URL such as %s", quoteShort(raw), DefaultGraphURL)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("graph URL %s must not contain credentials, a query or a fragment", quoteShort(u.Redacted()))
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return "", fmt.Errorf("graph URL %s uses plain http: use https (http is allowed only for localhost)", quoteShort(raw))
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// urlVersion splits a Graph base URL whose path ends in an API version
// segment, as people copy it (https://graph.facebook.com/v25.0), into the
// URL without it and the version; version is "" when there is none.
func urlVersion(graphURL string) (base, version string) {
	u, err := url.Parse(graphURL)
	if err != nil {
		return graphURL, ""
	}
	dir, last := path.Split(u.Path)
	if v, err := normalizeAPIVersion(last); err != nil || v != last {
		return graphURL, ""
	}
	u.Path, u.RawPath = strings.TrimRight(dir, "/"), ""
	return u.String(), last
}

// normalizeAPIVersion accepts "v25.0" or "25.0" and returns "v25.0".
func normalizeAPIVersion(raw string) (string, error) {
	v := strings.TrimPrefix(raw, "v")
	major, minor, ok := strings.Cut(v, ".")
	if !ok || !allDigits(major, 3) || !allDigits(minor, 2) {
		return "", fmt.Errorf("API version %s is not valid: use the form v25.0", quoteShort(raw))
	}
	return "v" + v, nil
}

func allDigits(s string, maxLen int) bool {
	return s != "" && len(s) <= maxLen && strings.Trim(s, "0123456789") == ""
}

// quoteShort quotes a value for an error message: escaped, and cut short.
func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > maxQuotedLen {
		return fmt.Sprintf("%q…", string(r[:maxQuotedLen]))
	}
	return fmt.Sprintf("%q", s)
}
