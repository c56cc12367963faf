package cli

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPartnerName bounds a partner's display name; it labels a business in
// lists, nothing more.
const maxPartnerName = 80

// checkPartnerName accepts a plain one-line name, or none.
func checkPartnerName(name string) (string, error) {
	name = strings.TrimSpace(name)
	plain := utf8.ValidString(name) && !strings.ContainsFunc(name, unicode.IsControl)
	if !plain || utf8.RuneCountInString(name) > maxPartnerName {
		return "", usageErrorf(fmt.Sprintf("Give a plain name of at most %d characters on one line.", maxPartnerName),
			"the partner name %q cannot be used", text80(name))
	}
	return name, nil
}
