package cli

import (
	"fmt"
	"strings"

	"mps/store"
)

// secretName is a secret the secret commands manage, by the name typed
// on the command line.
type secretName struct {
	name      string // "app-secret"
	label     string // for the status list
	kind      store.SecretKind
	whereFrom string // where a person finds the value
}

// secretNames are the secrets `mps secret` manages. The access token is
// login's, since it is checked with Graph before it is stored.
func secretNames() []secretName {
	return []secretName{
		{name: "app-secret", label: "App secret", kind: store.AppSecret,
			whereFrom: "Copy it from the App Dashboard: App settings > Basic > App secret."},
		{name: "verify-token", label: "Verify token", kind: store.VerifyToken,
			whereFrom: "Choose any string, and give Meta the same one in the App Dashboard's webhook settings."},
		{name: "store-password", label: "Store password", kind: store.StorePassword,
			whereFrom: "It is the password of the PostgreSQL role in --store's URL, as the database's owner set it."},
	}
}

const secretNamesSynopsis = "app-secret|verify-token|store-password"

// secretNameList is the names typed on the command line.
func secretNameList() []string {
	var names []string
	for _, n := range secretNames() {
		names = append(names, n.name)
	}
	return names
}

func parseSecretName(arg string) (secretName, error) {
	for _, n := range secretNames() {
		if n.name == arg {
			return n, nil
		}
	}
	return secretName{}, usageErrorf("Name one of: "+strings.Join(secretNameList(), ", ")+". The access token is stored by `mps login`.",
		"%q is not a secret mps keeps", text80(arg))
}

// keyringPlace names the keyring entry holding kind for profile.
func keyringPlace(kind store.SecretKind, profile string) string {
	return fmt.Sprintf("keyring (service %s, account %s)", store.Service, kind.Account(profile))
}
