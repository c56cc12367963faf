package graph

// TimezoneName is the time zone of a WABA's timezone_id, or false when the
// ID is not one of the common ones mps knows. Meta numbers the zones in the
// "Timezone IDs" list of its Marketing API reference
// (developers.facebook.com/docs/marketing-api/reference/ad-account/timezone-ids),
// the numbering a WABA's timezone_id uses; only the common IDs are here, and
// the rest stay numbers.
func TimezoneName(id string) (string, bool) {
	switch id {
	case "1":
		return "America/Los_Angeles", true
	case "2":
		return "America/Denver", true
	case "3":
		return "Pacific/Honolulu", true
	case "4":
		return "America/Anchorage", true
	case "5":
		return "America/Phoenix", true
	case "6":
		return "America/Chicago", true
	case "7":
		return "America/New_York", true
	}
	return "", false
}

// TimezoneLabel is a timezone_id as shown: "7 America/New_York" when the
// name is known, the ID alone otherwise.
func TimezoneLabel(id string) string {
	if name, ok := TimezoneName(id); ok {
		return id + " " + name
	}
	return id
}
