// Package store keeps what stays on this machine: the access token and other
// secrets in the OS keyring, and the profiles in a small config file.
//
// Typical wiring (main / ui/cli):
//
//	kr := store.OpenKeyring(store.KeyringOptions{}) // OS keyring, 3 s timeout, no-bus check
//	cfg, err := store.LoadConfig(dir)                // dir from store.DefaultConfigDir()
//	set, err := store.Resolve(flags, os.Getenv, cfg, store.Values{APIVersion: graph.DefaultAPIVersion})
//	sec := store.Secrets{Keyring: kr, Getenv: os.Getenv, Profile: set.Profile}
//	tok, err := sec.Lookup(store.AccessToken)        // MPS_TOKEN first, then the keyring
//	fmt.Println(tok.Source, store.MaskToken(tok.Value))
//
// store never imports ui or graph.
package store
