package ui

import "mps/ui/text"

// partnerBusinessLabel is a partner business as the profile knows it: the
// saved name with the ID, or the ID alone.
func partnerBusinessLabel(c *Shared, id string) string {
	if name := c.PartnerNames[id]; name != "" {
		return text.Sanitize(name) + " (" + text.Sanitize(id) + ")"
	}
	return text.Sanitize(id)
}
