// Package webhook receives Meta's webhook deliveries for Multi-Partner
// Solutions: the verification handshake, the X-Hub-Signature-256 check, and a
// lenient parser for the partner_solutions and account_update fields. Anything
// it does not understand is kept raw, never refused. Serve and ServeTLS are
// the HTTP(S) server around the handler: its connection cap, and TLS
// certificates loaded from files and reloaded when they change.
package webhook
