// Package store keeps what stays on this machine: the access token and other
// secrets in the OS keyring, and the profiles in a small config file. It
// never imports ui or graph.
//
// Typical wiring (main / ui/cli):
//
//	kr := store.OpenKeyring(store.KeyringOptions{})  // OS keyring, 3 s timeout, no-bus check
//	dir, err := store.DefaultConfigDir()              // os.UserConfigDir()/mps
//	cfg, err := store.LoadConfig(dir)                 // print cfg.Warnings to stderr
//	set, err := store.Resolve(flags, os.Getenv, cfg, store.Values{APIVersion: graph.DefaultAPIVersion})
//	sec := store.Secrets{Keyring: kr, Getenv: os.Getenv, Profile: set.Profile}
//	tok, err := sec.Lookup(store.AccessToken)         // MPS_TOKEN first, then the keyring
//	fmt.Println(tok.Source, store.MaskToken(tok.Value))
//	client, err := graph.New(graph.WithTokenSource(sec.TokenFunc()), ...)
//
// Errors from Secrets say what to do and match ErrNotFound, ErrNoKeyring
// or ErrKeyringTimeout with errors.Is. Tests in any package use
// storetest.NewMemoryKeyring as the backend or as the Keyring itself.
package store
