package ui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
)

// Run shows the app until the person quits or ctx ends.
func Run(ctx context.Context, cfg Config, opts ...tea.ProgramOption) error {
	if cfg.Client == nil {
		return errors.New("ui: no Graph client configured")
	}
	ctx, cancel := context.WithCancel(ctx)
	app := newApp(ctx, cfg)
	app.ctx.after = tickAfter // notices go by themselves; tests step the clock
	defer func() {
		cancel() // ends every load still running
		app.close()
	}()
	p := tea.NewProgram(app, append([]tea.ProgramOption{tea.WithContext(ctx)}, opts...)...)
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// close releases what the tabs hold open (the Events tab's event log),
// once the program has ended and no command can use it any more.
func (a *App) close() {
	for _, t := range a.tabs {
		if c, ok := t.(io.Closer); ok {
			c.Close()
		}
	}
}
