//go:build linux

package ui

import (
	"bytes"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"mps/graph/sandbox"
)

// BenchmarkBinary measures the built mps on a pseudo-terminal: the time to
// its first frame, the bytes a one-row scroll writes, and its resident
// memory with 100,000 WABAs loaded. Each figure comes with a baseline
// measured in the same run.
func BenchmarkBinary(b *testing.B) {
	bin := buildMPS(b)
	b.Run("first-frame", func(b *testing.B) { benchFirstFrame(b, bin) })
	b.Run("scroll-bytes/demo-customers", func(b *testing.B) { benchDemoScroll(b, bin) })
	b.Run("scroll-bytes/ascii-solutions", func(b *testing.B) { benchASCIIScroll(b, bin) })
	b.Run("rss/100k-wabas", func(b *testing.B) { benchRSS(b, bin) })
}

// benchFirstFrame times `mps --demo` from exec to the tab bar on a terminal
// that answers none of the queries mps sends; the baseline is `mps
// --version` from exec to its output, what starting the binary costs at all.
func benchFirstFrame(b *testing.B, bin string) {
	var frame, version time.Duration
	queries := 0
	for b.Loop() {
		r := startOnPTY(b, bin, ptyEnv(b), 120, 40, "--demo")
		frame += r.waitFor("Solutions (", 10*time.Second)
		queries = countQueries(r.out)
		r.stop()
		v := startOnPTY(b, bin, ptyEnv(b), 120, 40, "--version")
		version += v.waitFor("mps ", 10*time.Second)
		v.stop()
	}
	n := float64(b.N)
	frameMs, versionMs := float64(frame.Microseconds())/1000/n, float64(version.Microseconds())/1000/n
	b.ReportMetric(frameMs, "first-frame-ms")
	b.ReportMetric(versionMs, "baseline-version-ms")
	b.ReportMetric(frameMs/versionMs, "ratio-to-baseline")
	b.ReportMetric(float64(queries), "unanswered-queries")
	// A start-up that waited for an answer to a terminal query would take
	// the query's timeout, seconds; the bound is generous on purpose.
	if frame/time.Duration(b.N) > 2*time.Second {
		b.Errorf("the first frame took %v: start-up waits for something", frame/time.Duration(b.N))
	}
}

// countQueries counts the terminal queries in out that expect an answer:
// mode reports (DECRQM), device attributes, the keyboard protocol and
// colour queries. On this pty none is ever answered.
func countQueries(out []byte) int {
	n := 0
	for _, q := range []string{"$p", "\x1b[c", "\x1b[>c", "\x1b[?u", "\x1b]10;?", "\x1b]11;?", "\x1b[6n"} {
		n += bytes.Count(out, []byte(q))
	}
	return n
}

// scrollCols and scrollRows are the terminal of the scroll benchmarks.
const scrollCols, scrollRows = 120, 40

// measureScroll opens tab (coming from the Pending tab, 2) on a settled
// screen, moves the cursor past the bottom of the window so the next move
// scrolls, and returns the bytes of one more j (the scroll) and of the tab
// switch (a repaint of the whole body, the baseline).
func measureScroll(b *testing.B, r *ptyRun, tab string) (scroll, repaint int) {
	const settle = 500 * time.Millisecond
	r.waitFor("Solutions (", 10*time.Second)
	r.quiet(settle, 20*time.Second)
	r.send("2")
	r.quiet(settle, 10*time.Second)
	r.send(tab)
	repaint = r.quiet(settle, 10*time.Second)
	r.send(strings.Repeat("j", scrollRows))
	r.quiet(settle, 10*time.Second)
	r.send("j")
	scroll = r.quiet(settle, 10*time.Second)
	if scroll == 0 {
		b.Fatal("j wrote nothing: the list did not scroll")
	}
	return scroll, repaint
}

func reportScroll(b *testing.B, scroll, repaint int) {
	b.ReportMetric(float64(scroll), "scroll-bytes")
	b.ReportMetric(float64(repaint), "baseline-repaint-bytes")
	b.ReportMetric(float64(scroll)/float64(repaint), "ratio-to-baseline")
}

// benchDemoScroll scrolls the Customers tab of `mps --demo`, whose names
// include CJK, Devanagari and emoji.
func benchDemoScroll(b *testing.B, bin string) {
	var scroll, repaint int
	for b.Loop() {
		r := startOnPTY(b, bin, ptyEnv(b), scrollCols, scrollRows, "--demo")
		s, p := measureScroll(b, r, "4")
		scroll, repaint = scroll+s, repaint+p
		r.stop()
	}
	reportScroll(b, scroll/b.N, repaint/b.N)
}

// benchASCIIScroll scrolls the Solutions tab over 150 solutions with plain
// ASCII names, served by a sandbox through --graph-url.
func benchASCIIScroll(b *testing.B, bin string) {
	sb := sandbox.New(sandbox.Options{Solutions: 150, WABAs: -1})
	srv := httptest.NewServer(sb)
	b.Cleanup(srv.Close)
	var scroll, repaint int
	for b.Loop() {
		r := startOnPTY(b, bin, sandboxEnv(b), scrollCols, scrollRows, sandboxArgs(srv.URL)...)
		s, p := measureScroll(b, r, "1")
		scroll, repaint = scroll+s, repaint+p
		r.stop()
	}
	reportScroll(b, scroll/b.N, repaint/b.N)
}

// sandboxEnv is ptyEnv with the sandbox's token in MPS_TOKEN, where mps
// reads it first (the token is never an argument).
func sandboxEnv(b *testing.B) []string {
	return ptyEnv(b, "MPS_TOKEN="+sandbox.DemoToken)
}

func sandboxArgs(url string) []string {
	return []string{"--graph-url", url, "--app-id", sandbox.DemoAppID, "--business-id", sandbox.DemoBusinessID}
}

// benchRSS reads the resident memory of mps once its Customers tab holds
// 100,000 WABAs; the baseline is the same dashboard with no WABAs.
func benchRSS(b *testing.B, bin string) {
	var full, empty, peak int
	for b.Loop() {
		rss, hwm := rssWithWABAs(b, bin, 100_000, "100000 WABAs")
		full, peak = full+rss, peak+hwm
		rss, _ = rssWithWABAs(b, bin, -1, "No onboarded customers")
		empty += rss
	}
	n := float64(b.N)
	b.ReportMetric(float64(full)/1024/n, "rss-MB")
	b.ReportMetric(float64(peak)/1024/n, "peak-rss-MB")
	b.ReportMetric(float64(empty)/1024/n, "baseline-empty-rss-MB")
	b.ReportMetric(float64(full)/float64(empty), "ratio-to-baseline")
}

// rssWithWABAs runs the dashboard on a sandbox of wabas WABAs, waits until
// the Customers tab shows loaded (its header says done), and returns VmRSS
// and VmHWM in KiB.
func rssWithWABAs(b *testing.B, bin string, wabas int, loaded string) (rss, hwm int) {
	sb := sandbox.New(sandbox.Options{WABAs: wabas})
	srv := httptest.NewServer(sb)
	defer srv.Close()
	r := startOnPTY(b, bin, sandboxEnv(b), scrollCols, scrollRows, sandboxArgs(srv.URL)...)
	defer r.stop()
	r.waitFor("Solutions (", 10*time.Second)
	r.send("4")
	r.waitFor(loaded, 60*time.Second)
	r.quiet(500*time.Millisecond, 10*time.Second)
	status, err := os.ReadFile("/proc/" + strconv.Itoa(r.cmd.Process.Pid) + "/status")
	if err != nil {
		b.Fatal(err)
	}
	return statusKiB(b, status, "VmRSS:"), statusKiB(b, status, "VmHWM:")
}

// statusKiB reads a "Name:   1234 kB" line of /proc/PID/status.
func statusKiB(b *testing.B, status []byte, name string) int {
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, name); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				b.Fatalf("reading %s: %v", line, err)
			}
			return n
		}
	}
	b.Fatalf("no %s in /proc status", name)
	return 0
}
