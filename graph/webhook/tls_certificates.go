package webhook

import (
	"crypto/tls"
	"crypto/x509"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"
)

// Certificates serves a certificate/key pair read from files, and reads
// them again on the next handshake after either changes, so a renewal
// (certbot's, say) needs no restart. A renewal that cannot be loaded, such
// as a certificate whose key has not been written yet, is logged and the
// previous pair is served until the files change again.
type Certificates struct {
	certFile, keyFile string
	logger            *slog.Logger

	mu    sync.Mutex
	pair  *tls.Certificate
	tried pairStamp // the files as they were when last loaded or tried
}

// fileStamp tells a changed file from an unchanged one without reading it.
type fileStamp struct {
	modTime int64 // ns since the epoch
	size    int64
	missing bool
}

type pairStamp struct{ cert, key fileStamp }

// LoadCertificates reads the pair once; a *CertError says which file is
// wrong. logger receives reload reports; nil discards them.
func LoadCertificates(certFile, keyFile string, logger *slog.Logger) (*Certificates, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	stamp := stampPair(certFile, keyFile)
	pair, err := loadKeyPair(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	return &Certificates{certFile: certFile, keyFile: keyFile, logger: logger, pair: pair, tried: stamp}, nil
}

// TLSConfig serves the pair with TLS 1.2 or later and Go's other defaults.
func (c *Certificates) TLSConfig() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: c.certificate}
}

// Leaf is the certificate being served.
func (c *Certificates) Leaf() *x509.Certificate {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pair.Leaf
}

func (c *Certificates) certificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	stamp := stampPair(c.certFile, c.keyFile)
	if stamp == c.tried {
		return c.pair, nil
	}
	c.tried = stamp
	pair, err := loadKeyPair(c.certFile, c.keyFile)
	if err != nil {
		c.logger.Warn("TLS files changed but cannot be loaded; still serving the previous certificate", "err", err)
		return c.pair, nil
	}
	c.pair = pair
	c.logger.Info("TLS certificate reloaded", "names", CertNames(pair.Leaf), "valid_until", pair.Leaf.NotAfter.UTC().Format(time.DateOnly))
	return c.pair, nil
}

func stampPair(certFile, keyFile string) pairStamp {
	return pairStamp{cert: stampFile(certFile), key: stampFile(keyFile)}
}

// stampFile follows symlinks, so certbot's live/ links moving to new
// archive files count as a change.
func stampFile(name string) fileStamp {
	info, err := os.Stat(name)
	if err != nil {
		return fileStamp{missing: true}
	}
	return fileStamp{modTime: info.ModTime().UnixNano(), size: info.Size()}
}

// CertNames lists the host names and addresses a certificate is for.
func CertNames(leaf *x509.Certificate) string {
	names := append([]string(nil), leaf.DNSNames...)
	for _, ip := range leaf.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 && leaf.Subject.CommonName != "" {
		names = append(names, leaf.Subject.CommonName)
	}
	if len(names) == 0 {
		return "no host name"
	}
	return strings.Join(names, ", ")
}
