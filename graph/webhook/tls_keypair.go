package webhook

import (
	"crypto"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// CertPart names the file of a certificate/key pair.
type CertPart int

const (
	PartCert CertPart = iota
	PartKey
)

func (p CertPart) String() string {
	if p == PartKey {
		return "TLS key"
	}
	return "TLS certificate"
}

// CertError is a certificate or key file that cannot serve TLS. File is the
// one at fault; for a key that does not belong to its certificate it is the
// key, and Mismatch is set.
type CertError struct {
	Part     CertPart
	File     string
	Mismatch bool
	msg      string
	Err      error
}

func (e *CertError) Error() string { return e.msg }
func (e *CertError) Unwrap() error { return e.Err }

func certErrorf(part CertPart, file string, cause error, format string, args ...any) *CertError {
	return &CertError{Part: part, File: file, Err: cause, msg: fmt.Sprintf(format, args...)}
}

// loadKeyPair reads a PEM certificate chain and its private key, and says
// which file is wrong when they cannot serve TLS together.
func loadKeyPair(certFile, keyFile string) (*tls.Certificate, error) {
	certPEM, err := readPEMFile(PartCert, certFile)
	if err != nil {
		return nil, err
	}
	keyPEM, err := readPEMFile(PartKey, keyFile)
	if err != nil {
		return nil, err
	}
	leaf, err := parseLeaf(certFile, certPEM)
	if err != nil {
		return nil, err
	}
	key, err := parseKey(keyFile, keyPEM)
	if err != nil {
		return nil, err
	}
	if pub, ok := key.Public().(interface{ Equal(crypto.PublicKey) bool }); !ok || !pub.Equal(leaf.PublicKey) {
		return nil, &CertError{Part: PartKey, File: keyFile, Mismatch: true,
			msg: fmt.Sprintf("the TLS key %s does not belong to the certificate %s", keyFile, certFile)}
	}
	pair, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, certErrorf(PartCert, certFile, err, "the TLS certificate %s and key %s cannot serve TLS: %v", certFile, keyFile, err)
	}
	pair.Leaf = leaf // even under GODEBUG=x509keypairleaf=0
	return &pair, nil
}

func readPEMFile(part CertPart, file string) ([]byte, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		cause := err
		if pathErr, ok := errors.AsType[*fs.PathError](err); ok {
			cause = pathErr.Err
		}
		return nil, certErrorf(part, file, err, "cannot read the %s %s: %v", part, file, cause)
	}
	return b, nil
}

// parseLeaf returns the first certificate in the chain, the one served for
// the host name.
func parseLeaf(file string, certPEM []byte) (*x509.Certificate, error) {
	var sawKey bool
	for rest := certPEM; ; {
		var block *pem.Block
		if block, rest = pem.Decode(rest); block == nil {
			break
		}
		switch {
		case block.Type == "CERTIFICATE":
			leaf, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, certErrorf(PartCert, file, err, "cannot parse the TLS certificate %s: %v", file, err)
			}
			return leaf, nil
		case strings.HasSuffix(block.Type, "PRIVATE KEY"):
			sawKey = true
		}
	}
	if sawKey {
		return nil, certErrorf(PartCert, file, nil, "the TLS certificate %s holds a private key, not a certificate", file)
	}
	return nil, certErrorf(PartCert, file, nil, "the TLS certificate %s holds no PEM certificate (-----BEGIN CERTIFICATE-----)", file)
}

// parseKey returns the first private key in the file; other blocks (an
// openssl "EC PARAMETERS" block, a certificate) are skipped.
func parseKey(file string, keyPEM []byte) (crypto.Signer, error) {
	var sawCert bool
	for rest := keyPEM; ; {
		var block *pem.Block
		if block, rest = pem.Decode(rest); block == nil {
			break
		}
		switch {
		case block.Type == "ENCRYPTED PRIVATE KEY" || strings.Contains(block.Headers["Proc-Type"], "ENCRYPTED"):
			return nil, certErrorf(PartKey, file, nil, "the TLS key %s is protected by a passphrase, which mps cannot ask for", file)
		case strings.HasSuffix(block.Type, "PRIVATE KEY"):
			key, err := parsePrivateKeyDER(block.Bytes)
			if err != nil {
				return nil, certErrorf(PartKey, file, err, "cannot parse the TLS key %s: %v", file, err)
			}
			return key, nil
		case block.Type == "CERTIFICATE":
			sawCert = true
		}
	}
	if sawCert {
		return nil, certErrorf(PartKey, file, nil, "the TLS key %s holds a certificate, not a private key", file)
	}
	return nil, certErrorf(PartKey, file, nil, "the TLS key %s holds no PEM private key (-----BEGIN ... PRIVATE KEY-----)", file)
}

// parsePrivateKeyDER accepts the encodings openssl, certbot and Go write:
// PKCS #8, PKCS #1 (RSA) and SEC 1 (EC).
func parsePrivateKeyDER(der []byte) (crypto.Signer, error) {
	if key, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		if signer, ok := key.(crypto.Signer); ok {
			return signer, nil
		}
		return nil, fmt.Errorf("a %T cannot sign a TLS handshake", key)
	}
	if key, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return key, nil
	}
	if key, err := x509.ParseECPrivateKey(der); err == nil {
		return key, nil
	}
	return nil, errors.New("not a PKCS #8, PKCS #1 or EC private key")
}
