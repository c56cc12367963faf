package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The -update flag rewrites the golden views. It is registered here and
// read through the flag set, so no package variable holds it.
func init() {
	flag.Bool("update", false, "rewrite the golden views in testdata")
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }

// TestGoldenViews compares escape-stripped frames at 80x24 and 120x40.
func TestGoldenViews(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"solutions", nil},
		{"pending", []string{"2"}},
		{"partners", []string{"3"}},
		{"customers", []string{"4"}},
		{"inspector", []string{"2", "enter"}},
		{"dialog", []string{"2", "a"}},
		{"help", []string{"?"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			name := filepath.Join("testdata", sc.name+"_"+itoaSize(size)+".golden")
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, size[0], size[1])
				h.press(sc.keys...)
				got := h.screen()
				if updating() {
					if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(name)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					t.Fatalf("%s differs (run go test ./ui -run TestGoldenViews -update to accept):\n got:\n%s\nwant:\n%s", name, got, want)
				}
			})
		}
	}
}

func itoaSize(s [2]int) string { return fmt.Sprintf("%dx%d", s[0], s[1]) }
