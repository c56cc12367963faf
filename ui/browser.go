package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"

	tea "charm.land/bubbletea/v2"

	"mps/graph"
)

// appDashboardURL is our app in Meta's App Dashboard, where what only the
// web can do (renaming a solution, say) is done.
func appDashboardURL(appID string) string {
	return "https://developers.facebook.com/apps/" + appID + "/"
}

// errNoBrowser says there is no graphical session to open a browser in.
var errNoBrowser = errors.New("no browser: no graphical session")

// openWithSystem opens url with the operating system's opener; on a Unix
// without DISPLAY or WAYLAND_DISPLAY there is no browser to open.
func openWithSystem(ctx context.Context, url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.CommandContext(ctx, "open", url)
	case "windows":
		cmd = exec.CommandContext(ctx, "rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return errNoBrowser
		}
		cmd = exec.CommandContext(ctx, "xdg-open", url)
	}
	return cmd.Run()
}

// browserMsg is the opener's answer.
type browserMsg struct {
	url string
	err error
}

// openAppDashboard opens our app in the App Dashboard, in a Cmd.
func (a *App) openAppDashboard() tea.Cmd {
	url := appDashboardURL(a.ctx.AppID)
	open := a.ctx.OpenURL
	if open == nil {
		open = openWithSystem
	}
	ctx := a.ctx.Ctx
	a.setNotice("Opening "+url+" …", false)
	return func() tea.Msg { return browserMsg{url: url, err: open(ctx, url)} }
}

// openRefused is why B cannot open the App Dashboard, or "".
func (a *App) openRefused() string {
	if !graph.ValidID(a.ctx.AppID) {
		return "No app ID is set to open in the App Dashboard: pass --app-id or set MPS_APP_ID."
	}
	return ""
}

// browserOpened says where the browser went, or, with none, the URL to
// open by hand; it stays as long as an error, to be read and copied.
func (a *App) browserOpened(msg browserMsg) {
	if msg.err != nil {
		a.setNotice("No browser could be opened here; open "+msg.url+" yourself.", true)
		return
	}
	a.setNotice("Opened "+msg.url+" in the browser.", false)
}
