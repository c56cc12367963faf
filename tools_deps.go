//go:build tools

package main

// Pins the modules helpers are wiring in, until real imports land.
import (
	_ "charm.land/bubbles/v2/key"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/zalando/go-keyring"
	_ "golang.org/x/term"
	_ "modernc.org/sqlite"
)
