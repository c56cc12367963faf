package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

const (
	// ConfigFileName is the config file's name inside the config directory.
	ConfigFileName = "config.json"
	configDirMode  = 0o700
	configFileMode = 0o600
	maxConfigSize  = 1 << 20
)

// DefaultConfigDir is os.UserConfigDir()/mps.
func DefaultConfigDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find your config directory (%v): set XDG_CONFIG_HOME or HOME", err)
	}
	return filepath.Join(base, "mps"), nil
}

// ConfigPath is the config file inside dir.
func ConfigPath(dir string) string { return filepath.Join(dir, ConfigFileName) }

// LoadConfig reads dir's config file. A missing file is an empty Config. A
// damaged file is an error naming the file and the line. Unknown keys are
// ignored and listed in Config.Warnings, as are permissions that were
// looser than 0700/0600 (tightened when the file is plainly mps's own, see
// TightenPrivateFile; a symlinked config keeps its target's mode).
func LoadConfig(dir string) (Config, error) {
	path := ConfigPath(dir)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{Path: path}, nil
	}
	if err != nil {
		return Config{Path: path}, fmt.Errorf("cannot read the config file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return Config{Path: path}, fmt.Errorf("cannot read the config file: %w", err)
	}
	if len(data) > maxConfigSize {
		return Config{Path: path}, fmt.Errorf("%s is larger than %d bytes, far more than a config file holds: check that it is the right file, or remove it", path, maxConfigSize)
	}
	cfg, err := decodeConfig(path, data)
	if err != nil {
		return cfg, err
	}
	for _, p := range []struct {
		path string
		mode fs.FileMode
	}{{dir, configDirMode}, {path, configFileMode}} {
		note, err := TightenPrivateFile(p.path, p.mode)
		if err != nil {
			note = err.Error()
		}
		if note != "" {
			cfg.Warnings = append(cfg.Warnings, note)
		}
	}
	return cfg, nil
}

// SaveConfig writes cfg to dir's config file atomically, under the
// config's lock (see UpdateConfig, which edits instead of replacing). Keys
// mps does not know are not kept.
func SaveConfig(dir string, cfg Config) error {
	unlock, err := lockConfig(context.Background(), dir)
	if err != nil {
		return err
	}
	defer unlock()
	return saveConfig(dir, cfg)
}

// saveConfig writes the file atomically: a temporary file in the same
// directory, synced, then renamed over the old one. Readers see the old
// file or the new one, never a part. The directory is created with mode
// 0700 and the file has mode 0600. When the config file is a symbolic link
// (a dotfiles repository, say), the link stays and its target is replaced
// the same way beside itself, keeping the target's mode.
func saveConfig(dir string, cfg Config) error {
	for _, name := range cfg.ProfileNames() {
		if err := checkProfileName(name); err != nil {
			return err
		}
		if err := cfg.Profiles[name].check(); err != nil {
			return fmt.Errorf("profile %q: %w", name, err)
		}
	}
	data, err := json.MarshalIndent(configFile{Profiles: cfg.Profiles}, "", "  ")
	if err != nil {
		return fmt.Errorf("cannot encode the config: %w", err)
	}
	if err := os.MkdirAll(dir, configDirMode); err != nil {
		return fmt.Errorf("cannot create the config directory: %w", err)
	}
	if _, err := TightenPrivateFile(dir, configDirMode); err != nil {
		return err
	}
	path, mode, err := configWriteTarget(ConfigPath(dir))
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'), mode)
}

// configWriteTarget is the file a save replaces and the mode it gets: the
// config file itself at 0600, or the end of the link it is, at the mode
// that file has now.
func configWriteTarget(path string) (string, fs.FileMode, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, configFileMode, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", 0, fmt.Errorf("%s is a symbolic link that leads nowhere (%v): point it at a file, or remove it to let mps create one", path, err)
	}
	info, err = os.Stat(target)
	if err != nil {
		return "", 0, fmt.Errorf("cannot read the config file %s: %w", target, err)
	}
	if !info.Mode().IsRegular() {
		return "", 0, fmt.Errorf("%s links to %s, which is not a regular file: point the link at a file", path, target)
	}
	return target, info.Mode().Perm(), nil
}

func writeAtomic(path string, data []byte, mode fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write the config file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(mode); err != nil && posixModes {
		return fmt.Errorf("cannot write the config file: %w", err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write the config file: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write the config file: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write the config file: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace the config file: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable; where directories cannot be synced
// the rename is still atomic, so failure is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
