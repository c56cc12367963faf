package cli

// refuseDemo stops commands that change a profile or its secrets: the demo
// has neither.
func (s *Session) refuseDemo() error {
	if s.demo == nil {
		return nil
	}
	return usageErrorf("Leave out --demo to work on your own profiles.", "the demo has no profile or secrets to change")
}

// noDemoMode refuses, with --demo, a command that has no demo mode; hint
// says why, or what to do instead.
func (s *Session) noDemoMode(command, hint string) error {
	if s.demo == nil {
		return nil
	}
	return usageErrorf(hint, "mps %s has no demo mode", command)
}
