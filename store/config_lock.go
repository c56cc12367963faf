package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

const (
	// configLockWait is how long an edit waits for another mps editing the
	// same config: an edit holds the lock for milliseconds.
	configLockWait = 10 * time.Second
	lockRetry      = 10 * time.Millisecond
)

// ConfigLockPath is the lock file beside dir's config file.
func ConfigLockPath(dir string) string { return ConfigPath(dir) + ".lock" }

// UpdateConfig edits dir's config file as one step among all mps processes:
// under an advisory lock on ConfigLockPath, it reads the file, lets edit
// change the Config, and saves it when edit reports a change. Two mps
// commands editing at once both keep their change. It returns the Config
// as it is on disk afterwards and whether it was saved; nothing is written
// when edit fails or changes nothing, nor when the file cannot be read.
func UpdateConfig(ctx context.Context, dir string, edit func(*Config) (bool, error)) (Config, bool, error) {
	unlock, err := lockConfig(ctx, dir)
	if err != nil {
		return Config{Path: ConfigPath(dir)}, false, err
	}
	defer unlock()
	cfg, err := LoadConfig(dir)
	if err != nil {
		return cfg, false, err
	}
	changed, err := edit(&cfg)
	if err != nil || !changed {
		return cfg, false, err
	}
	if err := saveConfig(dir, cfg); err != nil {
		return cfg, false, err
	}
	return cfg, true, nil
}

// lockConfig takes the config's lock, waiting up to configLockWait (or
// until ctx is done). The operating system drops the lock when its holder
// exits, however it exits, so a lock file left behind never blocks.
func lockConfig(ctx context.Context, dir string) (unlock func(), err error) {
	return lockConfigWithin(ctx, dir, configLockWait)
}

func lockConfigWithin(ctx context.Context, dir string, patience time.Duration) (unlock func(), err error) {
	if err := os.MkdirAll(dir, configDirMode); err != nil {
		return nil, fmt.Errorf("cannot create the config directory: %w", err)
	}
	path := ConfigLockPath(dir)
	lock := flock.New(path, flock.SetPermissions(configFileMode))
	wait, cancel := context.WithTimeout(ctx, patience)
	defer cancel()
	ok, err := lock.TryLockContext(wait, lockRetry)
	switch {
	case ok:
		return func() { lock.Unlock() }, nil
	case ctx.Err() != nil:
		return nil, fmt.Errorf("stopped waiting for the config's lock %s: %w", path, ctx.Err())
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("another mps is editing %s: its lock %s was still held after %s; try again once it is done", filepath.Base(ConfigPath(dir)), path, patience)
	default:
		return nil, fmt.Errorf("cannot lock the config (%s): %w", path, err)
	}
}
