package cli

import (
	"strings"
	"testing"
	"time"
)

func TestVersionNote(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		version, today string
		warn           bool
		says           string
	}{
		{"v25.0", "2026-11-24", false, "usable until 2028-07-29"},
		{"25.0", "2026-11-24", false, "usable until 2028-07-29"},
		{"v26.0", "2026-11-24", false, "not announced"},
		{"v27.0", "2026-11-24", false, "not announced"},
		{"v21.0", "2026-11-24", true, "in 58 days"},               // within 90 days of 2027-01-21
		{"v21.0", "2026-10-01", false, "usable until 2027-01-21"}, // 112 days before
		{"v20.0", "2026-11-24", true, "past its end of life (2026-09-24)"},
		{"v20.0", "2026-09-24", true, "past its end of life"}, // the last day is gone at midnight
		{"v19.0", "2026-11-24", true, "older than v20.0"},
		{"v30.0", "2026-11-24", false, "newer than"},
		{"latest", "2026-11-24", true, "not a version"},
	}
	for _, c := range cases {
		note, warn := versionNote(c.version, day(c.today))
		if warn != c.warn || !strings.Contains(note, c.says) {
			t.Errorf("versionNote(%s, %s) = %q, %v; want %v and %q", c.version, c.today, note, warn, c.warn, c.says)
		}
	}
}

func TestNewerVersionIsTheNewestReleasedByNow(t *testing.T) {
	cases := []struct {
		version, today, want string // want "" for none
	}{
		{"v25.0", "2026-11-24", "v27.0"},
		{"v20.0", "2026-11-24", "v27.0"},
		{"v26.0", "2026-11-04", "v27.0"}, // its release day
		{"v25.0", "2026-11-03", "v26.0"}, // before v27.0's release
		{"v25.0", "2026-07-28", ""},
		{"v27.0", "2026-11-24", ""},
		{"v30.0", "2026-11-24", ""},
		{"latest", "2026-11-24", ""},
	}
	for _, c := range cases {
		today, err := time.Parse(time.DateOnly, c.today)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := newerVersion(c.version, today)
		if ok != (c.want != "") || got.name != c.want {
			t.Errorf("newerVersion(%s, %s) = %q, %v; want %q", c.version, c.today, got.name, ok, c.want)
		}
	}
}

func TestWithFieldsKeepsGraphFieldsAndAddsOurs(t *testing.T) {
	type graphObj struct {
		ID     string `json:"id"`
		Status string `json:"status,omitempty"`
	}
	type ours struct {
		DisplayState string `json:"display_state"`
	}
	cases := []struct {
		value, extra any
		want         string
	}{
		{graphObj{ID: "1", Status: "ACTIVE"}, ours{"Active"}, `{"id":"1","status":"ACTIVE","display_state":"Active"}`},
		{struct{}{}, ours{"Draft"}, `{"display_state":"Draft"}`},
		{graphObj{ID: "2"}, struct{}{}, `{"id":"2"}`},
	}
	for _, c := range cases {
		got, err := withFields(c.value, c.extra)
		if err != nil || string(got) != c.want {
			t.Errorf("withFields(%+v, %+v) = %s, %v; want %s", c.value, c.extra, got, err, c.want)
		}
	}
	if _, err := withFields([]string{"a"}, ours{}); err == nil {
		t.Error("withFields accepted an array")
	}
}
