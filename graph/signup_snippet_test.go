package graph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const guideSolutionID = "795033096057724" // the guide's example solution

func signupSolution(status, pending string) *Solution {
	return &Solution{ID: guideSolutionID, Name: "Social OVD with Lucky Shrub", Status: status, PendingRequest: pending}
}

// v4 is the guide's own snippet, the solution's ID in extras.setup.solutionID;
// without a config ID the guide's placeholder stays.
func TestSignupSnippetV4IsTheGuides(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "guide", "embedded_signup.html"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := BuildSignupSnippet(signupSolution(StatusActive, ""), "", SignupV4)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Replace(s.HTML(), "'"+guideSolutionID+"'", "'<SOLUTION_ID>'", 1)
	if got != string(want) {
		t.Fatalf("v4 snippet is not the guide's:\n got:\n%s\nwant:\n%s", got, want)
	}
	if s.ConfigID != ConfigIDPlaceholder {
		t.Errorf("config ID = %q, want the placeholder", s.ConfigID)
	}
}

func TestSignupSnippetV3(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "signup", "v3.html"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := BuildSignupSnippet(signupSolution(StatusActive, PendingDeactivation), " 1234567890 ", SignupV3)
	if err != nil {
		t.Fatal(err)
	}
	if s.HTML() != string(want) {
		t.Fatalf("v3 snippet:\n got:\n%s\nwant:\n%s", s.HTML(), want)
	}
	extras := s.LoginOptions()["extras"].(map[string]any)
	if extras["sessionInfoVersion"] != "3" || extras["featureType"] != "" || extras["setup"].(map[string]any)["solutionID"] != guideSolutionID {
		t.Errorf("v3 extras = %v", extras)
	}
	v4, _ := BuildSignupSnippet(signupSolution(StatusActive, ""), "1234567890", SignupV4)
	if _, has := v4.LoginOptions()["extras"].(map[string]any)["sessionInfoVersion"]; has {
		t.Errorf("v4 extras carry v3's sessionInfoVersion: %v", v4.LoginOptions())
	}
}

func TestSignupSnippetRefusals(t *testing.T) {
	cases := []struct {
		name     string
		sol      *Solution
		configID string
		version  SignupVersion
		want     string
	}{
		{"pending", signupSolution(StatusInitiated, ""), "", SignupV4, "Pending: it onboards customers only once the partner accepts"},
		{"inactive", signupSolution(StatusRejected, ""), "", SignupV4, "the solution is Inactive: only Active and Pending deactivation"},
		{"deactivated", signupSolution(StatusDeactivated, ""), "", SignupV4, "is Deactivated"},
		{"draft", signupSolution(StatusDraft, ""), "", SignupV4, "is Draft"},
		{"unknown state", signupSolution("NEW\x1b[31m", ""), "", SignupV4, "is NEW"},
		{"config ID not digits", signupSolution(StatusActive, ""), "12ab", SignupV4, "not a valid login configuration ID"},
		{"config ID quoted", signupSolution(StatusActive, ""), "1'+alert(1)+'", SignupV4, "not a valid login configuration ID"},
		{"solution ID not digits", &Solution{ID: "79'", Status: StatusActive}, "", SignupV4, "not a valid solution ID"},
		{"version 2", signupSolution(StatusActive, ""), "", SignupVersion(2), "version 2 is not 4 or 3"},
	}
	for _, tc := range cases {
		_, err := BuildSignupSnippet(tc.sol, tc.configID, tc.version)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to say %q", tc.name, err, tc.want)
		}
		if err != nil && strings.ContainsRune(err.Error(), '\x1b') {
			t.Errorf("%s: the refusal carries an escape: %q", tc.name, err)
		}
	}
	for _, ok := range []*Solution{signupSolution(StatusActive, ""), signupSolution(StatusActive, PendingDeactivation), signupSolution(StatusPendingDeactivation, "")} {
		if _, err := BuildSignupSnippet(ok, "", SignupV4); err != nil {
			t.Errorf("%s/%s: %v", ok.Status, ok.PendingRequest, err)
		}
	}
}

func TestSignupWarning(t *testing.T) {
	one := []Solution{*signupSolution(StatusActive, ""), {ID: "2", Status: StatusInitiated}, {ID: "3", Status: StatusDeactivated}}
	if w := SignupWarning(one, guideSolutionID); w != "" {
		t.Errorf("one onboarding solution warned: %s", w)
	}
	two := append(one, Solution{ID: "4", Status: StatusActive, PendingRequest: PendingDeactivation})
	w := SignupWarning(two, guideSolutionID)
	for _, want := range []string{"2 solutions that onboard", guideSolutionID, "wrong solution"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q lacks %q", w, want)
		}
	}
}

func TestParseSignupVersion(t *testing.T) {
	WantParses(t, "ParseSignupVersion", ParseSignupVersion,
		map[string]SignupVersion{"4": SignupV4, "v4": SignupV4, " 3 ": SignupV3, "V3": SignupV3}, "", "2", "5", "four")
}

func TestSignupV3Notice(t *testing.T) {
	before := SignupV3Notice(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	after := SignupV3Notice(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if !strings.Contains(before, "ends v2 and v3 in October 2026") || !strings.Contains(after, "ended v2 and v3 in October 2026") {
		t.Errorf("notices: %q / %q", before, after)
	}
}
