package sandbox

import (
	"strconv"
	"strings"
	"testing"
)

// show prints a parsed fields list back in Graph's syntax, so tables can
// state the expected tree compactly.
func show(fs []field) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f.name)
		if f.limit >= 0 {
			b.WriteString(".limit(" + strconv.Itoa(f.limit) + ")")
		}
		if f.hasSub {
			b.WriteString("{" + show(f.sub) + "}")
		}
	}
	return b.String()
}

func TestParseFields(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"name", "name"},
		{"name,status,status_for_pending_request", "name,status,status_for_pending_request"},
		{"name,partners.limit(5){partner_app{name},status}", "name,partners.limit(5){partner_app{name},status}"},
		{"name,owner_permissions,partners{partner_permissions,partner_app}", "name,owner_permissions,partners{partner_permissions,partner_app}"},
		{" name , partners { status } ", "name,partners{status}"},
		{"partners.limit( 0 )", "partners.limit(0)"},
		{"a{b{c{d}}}", "a{b{c{d}}}"},
		{"partners.limit(3){partner_app{id,name,link}},id", "partners.limit(3){partner_app{id,name,link}},id"},
	}
	for _, c := range cases {
		fs, err := parseFields(c.in)
		if err != nil {
			t.Errorf("parseFields(%q): %v", c.in, err)
			continue
		}
		if got := show(fs); got != c.want {
			t.Errorf("parseFields(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestParseFieldsEmptyMeansDefaults(t *testing.T) {
	fs, err := parseFields("")
	if err != nil || fs != nil {
		t.Fatalf("parseFields(\"\") = %v, %v; want nil, nil", fs, err)
	}
}

func TestParseFieldsRejects(t *testing.T) {
	cases := map[string]string{
		",":                                    "field name",
		"name,":                                "field name at the end",
		"name,,status":                         "field name",
		"name{":                                "field name at the end",
		"name{}":                               "inside the braces",
		"name}":                                "end of string",
		"partners{status":                      "close the fields",
		"partners.limit(x)":                    "whole number",
		"partners.limit(-1)":                   "whole number",
		"partners.limit(5":                     "\")\"",
		"partners.limit":                       "\"(\"",
		"partners.order(chrono)":               "Unsupported modifier",
		"partners.limit(1).limit(2)":           "twice",
		"na-me":                                "end of string",
		"名前":                                   "field name",
		"a{b{c{d{e{f{g{h{i{j}}}}}}}}}":         "nested",
		strings.Repeat("a,", 3000) + "a":       "longer",
		"partners.limit(99999999999999999999)": "whole number",
	}
	for in, want := range cases {
		_, err := parseFields(in)
		if err == nil {
			t.Errorf("parseFields(%q) = nil error, want one mentioning %q", in, want)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("parseFields(%q) error %q does not mention %q", in, err, want)
		}
	}
}

func FuzzParseFields(f *testing.F) {
	for _, seed := range []string{
		"name", "name,partners.limit(5){partner_app{name},status}", "a{b{c}}", "x.limit(", "{", "}", ",", "a.limit(1){",
		"id,name,status,status_for_pending_request,owner_app{id,name,link},owner_permissions,partners{id,partner_app{id,name,link},partner_permissions,status}",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		fs, err := parseFields(in)
		if err != nil {
			return
		}
		// What parses prints back to something that parses to the same tree.
		again, err := parseFields(show(fs))
		if err != nil {
			t.Fatalf("parseFields(%q) ok, but its printed form %q fails: %v", in, show(fs), err)
		}
		if show(again) != show(fs) {
			t.Fatalf("round trip changed %q: %q then %q", in, show(fs), show(again))
		}
	})
}
