package store

import (
	"fmt"
	"os"
	"runtime"
)

// Env is how store looks at its surroundings. Tests pass their own; OSEnv
// returns the real one.
type Env struct {
	Getenv     func(key string) string
	FileExists func(path string) bool
	UID        int
	GOOS       string
}

// OSEnv is the environment of this process.
func OSEnv() Env {
	return Env{
		Getenv: os.Getenv,
		FileExists: func(path string) bool {
			_, err := os.Stat(path)
			return err == nil
		},
		UID:  os.Getuid(),
		GOOS: runtime.GOOS,
	}
}

// missingSessionBus explains why no D-Bus session bus can be reached, or
// returns "" when one may be. Only Linux is checked: without a bus,
// go-keyring's D-Bus library would try to autolaunch daemons of its own.
func (e Env) missingSessionBus() string {
	if e.GOOS != "linux" {
		return ""
	}
	if e.Getenv != nil && e.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return ""
	}
	socket := fmt.Sprintf("/run/user/%d/bus", e.UID)
	if e.FileExists != nil && e.FileExists(socket) {
		return ""
	}
	return "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is empty and " + socket + " does not exist)"
}
