package webhooktest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Payload is the body of graph/webhook/testdata/name: the guide's and the
// notes' example deliveries, and the malformed ones, for tests of any
// package.
func Payload(t testing.TB, name string) []byte {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("webhooktest: cannot tell where its testdata is")
	}
	b, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
