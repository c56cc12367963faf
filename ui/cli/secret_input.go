package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"mps/store"
)

// maxSecretBytes bounds what --with-token and --with-value read; Meta's
// tokens are a few hundred bytes.
const maxSecretBytes = 16 << 10

// secretInput is how one command takes a secret: from a hidden prompt on a
// terminal, or from standard input when its flag is given.
type secretInput struct {
	kind      store.SecretKind
	command   string // the command as typed, e.g. "login" or "secret set app-secret"
	stdinFlag string // the flag that reads standard input, e.g. "--with-token"
	whereFrom string // where a person finds the value, said when none was given
}

// refuseEnvOverride refuses to store a secret that its environment
// variable would hide.
func (in secretInput) refuseEnvOverride(s *Session) error {
	if !s.secrets.EnvSet(in.kind) {
		return nil
	}
	env := in.kind.EnvVar()
	return usageErrorf(fmt.Sprintf("Run `unset %s`, then `mps %s` again; or keep using %s.", env, in.command, env),
		"%s is set, and it always wins over the keyring, so the %s stored now would not be used", env, in.kind)
}

// checkCanRead refuses, before anything else happens, when there is
// neither a terminal to ask on nor the flag to read standard input.
func (in secretInput) checkCanRead(s *Session, fromStdin bool) error {
	if fromStdin || s.env.StdinIsTerminal() {
		return nil
	}
	return usageErrorf(fmt.Sprintf("Pipe it in with `mps %s %s < file`.", in.command, in.stdinFlag),
		"standard input is not a terminal, so mps cannot ask for the %s", in.kind)
}

// readSecret reads the secret from standard input (fromStdin) or a hidden
// prompt. The value is never part of an error.
func (s *Session) readSecret(ctx context.Context, in secretInput, fromStdin bool) (string, error) {
	var raw []byte
	if fromStdin {
		data, err := io.ReadAll(io.LimitReader(s.env.Stdin, maxSecretBytes+1))
		if err != nil {
			return "", fmt.Errorf("cannot read the %s from standard input: %w", in.kind, err)
		}
		if len(data) > maxSecretBytes {
			return "", usageErrorf("Give only the "+in.kind.String()+" on standard input.", "standard input holds more than %d bytes, far more than any %s", maxSecretBytes, in.kind)
		}
		raw = data
	} else {
		if s.env.ReadPassword == nil {
			return "", errors.New("this build of mps cannot read a hidden prompt: use " + in.stdinFlag)
		}
		fmt.Fprintf(s.stderr, "Paste the %s (input is hidden): ", in.kind)
		data, err := s.env.ReadPassword(ctx)
		fmt.Fprintln(s.stderr)
		if err != nil {
			return "", fmt.Errorf("cannot read the %s: %w", in.kind, err)
		}
		raw = data
	}
	value := strings.TrimSpace(string(raw))
	if value == "" && fromStdin {
		return "", usageErrorf(in.whereFrom+" Pipe it in: `mps "+in.command+" "+in.stdinFlag+" < file`.",
			"standard input was empty: no %s was given", in.kind)
	}
	if value == "" {
		return "", usageErrorf(in.whereFrom, "no %s was given", in.kind)
	}
	return value, nil
}
