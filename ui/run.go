package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"
)

// Run shows the app until the person quits or ctx ends.
func Run(ctx context.Context, cfg Config, opts ...tea.ProgramOption) error {
	if cfg.Client == nil {
		return errors.New("ui: no Graph client configured")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends every load still running
	app := newApp(ctx, cfg)
	p := tea.NewProgram(app, append([]tea.ProgramOption{tea.WithContext(ctx)}, opts...)...)
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
