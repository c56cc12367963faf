package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxLineLength bounds a typed answer; nobody types more at a y/N prompt
// or for an app ID.
const maxLineLength = 4096

// readLine reads one line a byte at a time, so nothing after the newline
// is consumed (a hidden token prompt may read the terminal next).
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < maxLineLength {
		n, err := r.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return strings.TrimSpace(b.String()), nil
			}
			b.WriteByte(buf[0])
		}
		if errors.Is(err, io.EOF) {
			if b.Len() == 0 {
				return "", io.EOF
			}
			return strings.TrimSpace(b.String()), nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("the answer is longer than %d bytes", maxLineLength)
}

// readLineCtx is readLine that gives up when ctx ends (Ctrl-C), leaving the
// read behind; the process is about to exit anyway.
func readLineCtx(ctx context.Context, r io.Reader) (string, error) {
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := readLine(r)
		done <- result{line, err}
	}()
	select {
	case res := <-done:
		return res.line, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// confirm asks a yes/no question on the terminal; anything but y or yes,
// including end of input and Ctrl-C, is No.
func (s *Session) confirm(ctx context.Context, question string) bool {
	fmt.Fprintf(s.stderr, "%s [y/N] ", question)
	answer, err := readLineCtx(ctx, s.env.Stdin)
	if err != nil {
		fmt.Fprintln(s.stderr)
		return false
	}
	answer = strings.ToLower(answer)
	return answer == "y" || answer == "yes"
}

// confirmSend is the rule before any POST: --yes (yes), or y to question
// on a terminal; without a terminal nothing is sent. doing names the
// change in the refusal ("create solution ...").
func (s *Session) confirmSend(ctx context.Context, yes bool, doing, question string) error {
	switch {
	case yes:
		return nil
	case !s.env.StdinIsTerminal():
		return refusedf("not confirmed, and stdin is not a terminal to ask on: pass --yes to %s. Nothing was sent", doing)
	case !s.confirm(ctx, question):
		return refusedf("cancelled. Nothing was sent")
	}
	return nil
}

// ask prompts for one line of visible input on the terminal.
func (s *Session) ask(ctx context.Context, prompt string) (string, error) {
	fmt.Fprint(s.stderr, prompt)
	return readLineCtx(ctx, s.env.Stdin)
}
