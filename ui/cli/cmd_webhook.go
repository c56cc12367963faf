package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"mps/graph/webhook"
	"mps/store"
	"mps/ui/readmodel"
)

func newWebhookCommand(a *app) *cobra.Command {
	return groupCommand("webhook", "Receive Meta's webhooks and manage the app's subscription", newWebhookServeCommand(a),
		newWebhookSubscriptionsCommand(a), newWebhookSubscribeCommand(a))
}

func newWebhookServeCommand(a *app) *cobra.Command {
	var addr, path string
	var maxConns int
	var tls tlsFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Receive Meta's webhooks and keep them in the profile's event log",
		Long: "Answers Meta's verification handshake with the verify token (" + store.EnvVerifyToken + " or the keyring),\n" +
			"checks X-Hub-Signature-256 with the app secret (" + store.EnvAppSecret + " or the keyring), and answers\n" +
			"200 only once a delivery is stored. Runs until interrupted (Ctrl-C or SIGTERM).\n" +
			"Meta delivers only to a public HTTPS URL. Serve HTTPS directly with --tls-cert and --tls-key\n" +
			"(PEM files such as certbot's fullchain.pem and privkey.pem; TLS 1.2 or later; the files are\n" +
			"re-read when they change, so a renewal needs no restart), or serve plain HTTP behind a TLS\n" +
			"reverse proxy or tunnel.\n" +
			"At --max-connections, a new connection closes the oldest one that is not in a request\n" +
			"(a slow or idle client), so deliveries are still answered.",
		RunE: a.runs(func(ctx context.Context, s *Session, _ []string) error {
			if maxConns < 1 {
				return usageErrorf("Give --max-connections a number of 1 or more.", "--max-connections %d holds no connection", maxConns)
			}
			return serveWebhooks(ctx, s, addr, path, webhook.Limits{MaxConnections: maxConns}, tls)
		}),
	}
	fs := cmd.Flags()
	fs.StringVar(&addr, "addr", "127.0.0.1:8787", "listen on `HOST:PORT`")
	fs.StringVar(&path, "path", "/webhook", "the URL `PATH` Meta posts to")
	fs.IntVar(&maxConns, "max-connections", webhook.DefaultMaxConnections, "hold at most `N` connections open")
	tls.bind(cmd)
	return cmd
}

func serveWebhooks(ctx context.Context, s *Session, addr, path string, limits webhook.Limits, tlsFiles tlsFlags) error {
	if err := s.refuseDemoLog("webhook serve"); err != nil {
		return err
	}
	if err := webhook.CheckPath(path); err != nil {
		return usageErrorf("Give --path like /webhook.", "%v", err)
	}
	if err := tlsFiles.check(); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(s.stderr, nil))
	certs, err := tlsFiles.load(logger)
	if err != nil {
		return err
	}
	secret, err := s.secrets.Lookup(store.AppSecret)
	if err != nil {
		return fmt.Errorf("the receiver checks signatures with the app secret: %w", err)
	}
	verify, err := s.secrets.Lookup(store.VerifyToken)
	if err != nil {
		return fmt.Errorf("the receiver answers Meta's handshake with the verify token: %w", err)
	}
	log, err := s.openEventLogForWriting(ctx, "webhook serve")
	if err != nil {
		return err
	}
	defer log.Close()
	handler, err := webhook.NewHandler(webhook.Config{
		AppSecret:   secret.Value,
		VerifyToken: verify.Value,
		Sink:        readmodel.LogSink{Log: log},
		Logger:      logger,
		Now:         s.env.Now,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usageErrorf("Choose another --addr (HOST:PORT), or stop what is using it.", "cannot listen on %s: %v", text80(addr), err)
	}
	scheme := "http"
	if certs != nil {
		scheme = "https"
	}
	fmt.Fprintf(s.stdout, "Receiving webhooks at %s://%s%s\n", scheme, ln.Addr(), path)
	if certs != nil {
		s.describeCert(certs)
	}
	fmt.Fprintf(s.stdout, "Storing events in %s\n", log.Where())
	fmt.Fprintf(s.stdout, "App secret from %s; verify token from %s.\n", secret.Source, verify.Source)
	fmt.Fprintln(s.stdout, "Stop with Ctrl-C.")
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if certs != nil {
		err = webhook.ServeTLS(ctx, ln, path, handler, limits, certs.TLSConfig(), logger)
	} else {
		err = webhook.Serve(ctx, ln, path, handler, limits)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(s.stdout, "Stopped.")
	return err
}
