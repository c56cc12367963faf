package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"mps/graph"
)

// nearEndOfLife is how long before a version stops working mps starts
// warning about it.
const nearEndOfLife = 90 * 24 * time.Hour

type apiVersion struct {
	name        string
	major       int
	released    string // YYYY-MM-DD
	usableUntil string // YYYY-MM-DD; "" while Meta has not announced it
}

// apiVersions is Meta's schedule as graph-api-notes.md records it, newest first.
func apiVersions() []apiVersion {
	return []apiVersion{
		{"v27.0", 27, "2026-11-04", ""},
		{"v26.0", 26, "2026-07-29", ""},
		{"v25.0", 25, "2026-02-18", "2028-07-29"},
		{"v24.0", 24, "2025-10-08", "2028-02-18"},
		{"v23.0", 23, "2025-05-29", "2027-10-08"},
		{"v22.0", 22, "2025-01-21", "2027-05-20"},
		{"v21.0", 21, "2024-10-02", "2027-01-21"},
		{"v20.0", 20, "2024-05-21", "2026-09-24"},
	}
}

// newerVersion is the newest version released by now that is newer than
// version; ok is false when there is none (or version cannot be read).
func newerVersion(version string, now time.Time) (newest apiVersion, ok bool) {
	major, known := versionMajor(version)
	if !known {
		return apiVersion{}, false
	}
	for _, v := range apiVersions() {
		released, _ := time.Parse(time.DateOnly, v.released)
		if v.major > major && !now.Before(released) {
			return v, true
		}
	}
	return apiVersion{}, false
}

// versionNote says how long the Graph API version stays usable, and whether
// that deserves a warning: past or within nearEndOfLife of its end of life.
func versionNote(version string, now time.Time) (note string, warn bool) {
	major, ok := versionMajor(version)
	if !ok {
		return "not a version mps knows the schedule of", true
	}
	all := apiVersions()
	for _, v := range all {
		if v.major != major {
			continue
		}
		if v.usableUntil == "" {
			return "end of life not announced yet", false
		}
		until, _ := time.Parse(time.DateOnly, v.usableUntil)
		switch left := until.Sub(now); {
		case left <= 0:
			return fmt.Sprintf("past its end of life (%s): calls will fail; use %s", v.usableUntil, graph.DefaultAPIVersion), true
		case left < nearEndOfLife:
			return fmt.Sprintf("usable until %s, in %d days: move to %s soon", v.usableUntil, daysLeft(left), graph.DefaultAPIVersion), true
		default:
			return "usable until " + v.usableUntil, false
		}
	}
	if major > all[0].major {
		return "newer than the versions mps knows", false
	}
	return fmt.Sprintf("older than %s, so past its end of life: calls will fail; use %s", all[len(all)-1].name, graph.DefaultAPIVersion), true
}

// versionMajor reads the major number of "v25.0" or "25.0".
func versionMajor(version string) (int, bool) {
	major, _, ok := strings.Cut(strings.TrimPrefix(version, "v"), ".")
	n, err := strconv.Atoi(major)
	return n, ok && err == nil && n > 0
}

// daysLeft counts a part of a day as a whole one.
func daysLeft(d time.Duration) int {
	const day = 24 * time.Hour
	return int((d + day - 1) / day)
}
