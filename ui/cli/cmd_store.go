package cli

import (
	"github.com/spf13/cobra"

	"mps/store"
)

// storeDetail is the store setting's rule, in `mps store --help` and the
// README.
const storeDetail = "The event log (what `mps webhook serve` receives) and the journal (every action mps\n" +
	"sends) live in the store: --store, else " + store.EnvStore + ", else the profile's store\n" +
	"(`mps profile set --store ...`), else the profile's state directory.\n" +
	"  a directory      SQLite files DIR/events.db and DIR/journal.db (an absolute path)\n" +
	"  postgres://...   a PostgreSQL database shared by a team, such as\n" +
	"                   postgres://mps@db.example.com/mps; the URL never holds the password:\n" +
	"                   `mps secret set store-password`, else PGPASSWORD, else a pgpass file.\n" +
	"                   A host that is not loopback or a socket needs TLS (sslmode=verify-full)\n" +
	"                   unless the URL or PGSSLMODE sets another sslmode.\n" +
	"--demo never uses a store: with --store it is refused, and " + store.EnvStore + " is ignored."

func newStoreCommand(a *app) *cobra.Command {
	group := groupCommand("store", "Set up the shared store of the event log and the journal", newStoreMigrateCommand(a), newStoreCopyCommand(a))
	group.Long = storeDetail
	return group
}
