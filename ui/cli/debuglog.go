package cli

import (
	"io"
	"os"
	"strings"
)

// The debug log's environment variables (like gh's GH_DEBUG).
const (
	envDebug     = "MPS_DEBUG"      // "api": one line per HTTP request to Graph
	envDebugFile = "MPS_DEBUG_FILE" // where the lines go instead of stderr
)

// debugAPIWanted reads MPS_DEBUG: unset is off, "api" (alone or in a comma
// list) logs every HTTP request. Anything else is a usage error, so that a
// typo does not pass for a log that stays empty.
func debugAPIWanted(getenv func(string) string) (bool, error) {
	value := strings.TrimSpace(getenv(envDebug))
	if value == "" {
		return false, nil
	}
	for kind := range strings.SplitSeq(value, ",") {
		if strings.EqualFold(strings.TrimSpace(kind), "api") {
			return true, nil
		}
	}
	return false, usageErrorf("Set "+envDebug+"=api, or unset it.", "%s=%q is not a debug log mps writes", envDebug, text80(value))
}

// debugLog is where the graph client writes its debug lines: nil when
// MPS_DEBUG does not ask for them, the file MPS_DEBUG_FILE names (created
// 0600, appended to, opened once per run), else stderr. The dashboard owns
// the terminal, so there it needs the file.
func (s *Session) debugLog() (io.Writer, error) {
	if !s.debugAPI {
		return nil, nil
	}
	if s.debugFile != nil {
		return s.debugFile, nil
	}
	path := strings.TrimSpace(s.env.Getenv(envDebugFile))
	if path == "" {
		if s.dashboard {
			return nil, usageErrorf("Set "+envDebugFile+" to a file for the log, or unset "+envDebug+".",
				"%s=api would write over the dashboard", envDebug)
		}
		return s.stderr, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, usageErrorf("Set "+envDebugFile+" to a file mps can write, or unset it to log to stderr.",
			"cannot open the debug log: %v", err)
	}
	s.debugFile = f
	return f, nil
}
