package cli

// demoEventLogName stands for the demo's event log in output, in place of
// the path of a temporary file that is gone when the command ends.
const demoEventLogName = "demo, replayed from the sandbox"

// demoLogDetail says, in the help of each command that reads the log, what
// it reads with --demo.
const demoLogDetail = "With --demo: the webhooks the sandbox replays, as the demo dashboard's Events tab shows\n" +
	"them, in a temporary event log removed when the command ends.\n"
