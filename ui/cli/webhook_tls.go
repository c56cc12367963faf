package cli

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"mps/graph/webhook"
)

// tlsFlags are webhook serve's --tls-cert and --tls-key.
type tlsFlags struct{ cert, key string }

func (f *tlsFlags) bind(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.cert, "tls-cert", "", "serve HTTPS with this PEM certificate chain `FILE` (needs --tls-key)")
	fs.StringVar(&f.key, "tls-key", "", "the certificate's PEM private key `FILE` (needs --tls-cert)")
	pem := cobra.FixedCompletions([]cobra.Completion{"pem", "crt", "key"}, cobra.ShellCompDirectiveFilterFileExt)
	mustComplete(cmd, "tls-cert", pem)
	mustComplete(cmd, "tls-key", pem)
}

// check refuses one flag without the other.
func (f tlsFlags) check() error {
	switch {
	case f.cert != "" && f.key == "":
		return usageErrorf("Give --tls-key with the certificate's private key (certbot's privkey.pem), or leave out --tls-cert to serve plain HTTP.",
			"--tls-cert needs --tls-key, which is missing")
	case f.key != "" && f.cert == "":
		return usageErrorf("Give --tls-cert with the certificate chain (certbot's fullchain.pem), or leave out --tls-key to serve plain HTTP.",
			"--tls-key needs --tls-cert, which is missing")
	}
	return nil
}

// load reads the pair, or returns nil for plain HTTP.
func (f tlsFlags) load(logger *slog.Logger) (*webhook.Certificates, error) {
	if f.cert == "" {
		return nil, nil
	}
	certs, err := webhook.LoadCertificates(f.cert, f.key, logger)
	if certErr, ok := errors.AsType[*webhook.CertError](err); ok {
		return nil, usageErrorf(certErrorHint(certErr), "%v", certErr)
	}
	return certs, err
}

func certErrorHint(e *webhook.CertError) string {
	switch {
	case e.Mismatch:
		return "Give --tls-key the private key the certificate was issued for (certbot: privkey.pem beside fullchain.pem)."
	case e.Part == webhook.PartKey:
		return "Give --tls-key the certificate's PEM private key without a passphrase (certbot's privkey.pem), readable by the user running mps."
	default:
		return "Give --tls-cert the PEM certificate chain, leaf first (certbot's fullchain.pem), readable by the user running mps."
	}
}

// describeCert says what certificate is served, and warns when Meta would
// refuse it.
func (s *Session) describeCert(certs *webhook.Certificates) {
	leaf := certs.Leaf()
	names := text80(webhook.CertNames(leaf))
	until := leaf.NotAfter.UTC().Format(time.DateOnly)
	fmt.Fprintf(s.stdout, "TLS certificate for %s, valid until %s; its files are re-read when they change.\n", names, until)
	var warnings []string
	if s.env.Now().After(leaf.NotAfter) {
		warnings = append(warnings, fmt.Sprintf("the TLS certificate expired on %s: Meta will not deliver until it is renewed.", until))
	}
	if selfSigned(leaf) {
		warnings = append(warnings, "the TLS certificate is self-signed: fine for trying it out, but Meta needs one from a public CA (certbot, for example).")
	}
	s.warn(warnings)
}

// selfSigned reports a certificate that vouches for itself, CA or not.
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}
