//go:build race

package e2e

// raceBuild builds mps with the race detector when the suite runs under
// -race: a data race in the binary then prints to stderr and exits 66,
// which every test notices.
const raceBuild = true
