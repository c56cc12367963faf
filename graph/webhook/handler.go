package webhook

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// DefaultMaxBody leaves room for Meta's largest deliveries (3 MB).
const DefaultMaxBody = 4 << 20

// storeTimeout bounds one Sink.Store call. The store runs detached from the
// request's context so that a sender hanging up cannot interrupt a commit
// halfway; a redelivery is recognised by its key anyway.
const storeTimeout = 30 * time.Second

// storeRetryAfter is the Retry-After of a delivery the store did not take.
const storeRetryAfter = 60 * time.Second

// Sink keeps changes durably. Store returns only once the changes are
// committed; stored counts the ones that were new (redeliveries are not).
type Sink interface {
	Store(ctx context.Context, changes []Change) (stored int, err error)
}

// Config configures a Handler.
type Config struct {
	AppSecret   string       // keys X-Hub-Signature-256; required
	VerifyToken string       // answers the GET handshake; required
	Sink        Sink         // required
	Logger      *slog.Logger // nil discards logs
	MaxBody     int64        // 0 means DefaultMaxBody
	Now         func() time.Time
	// ReplayedHistory stamps each change with its entry.time, where it has
	// one, instead of the moment it arrived: for a receiver fed history
	// replayed now (the demo's), whose events happened at their entry
	// times. A receiver of Meta's deliveries leaves it false, and stamps
	// the receipt.
	ReplayedHistory bool
}

// Handler is the webhook receiver: GET answers the handshake, POST checks the
// signature, parses, stores, and answers 200 only after the sink has stored
// (503 when it could not).
type Handler struct {
	cfg Config
}

// NewHandler checks cfg and builds a Handler.
func NewHandler(cfg Config) (*Handler, error) {
	switch {
	case cfg.AppSecret == "":
		return nil, errors.New("webhook: an app secret is required (set MPS_APP_SECRET or store it in the keyring)")
	case cfg.VerifyToken == "":
		return nil, errors.New("webhook: a verify token is required (set MPS_VERIFY_TOKEN or store it in the keyring)")
	case cfg.Sink == nil:
		return nil, errors.New("webhook: a sink is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Handler{cfg: cfg}, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.Method {
	case http.MethodGet:
		h.handshake(w, r)
	case http.MethodPost:
		h.deliver(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		h.answer(w, http.StatusMethodNotAllowed, "method not allowed")
	}
}

func (h *Handler) handshake(w http.ResponseWriter, r *http.Request) {
	challenge, ok := VerifyHandshake(r.URL.Query(), h.cfg.VerifyToken)
	if !ok {
		h.cfg.Logger.Warn("webhook handshake refused", "remote", r.RemoteAddr,
			"mode", r.URL.Query().Get("hub.mode"), "has_challenge", r.URL.Query().Has("hub.challenge"))
		h.answer(w, http.StatusForbidden, "verify token does not match")
		return
	}
	h.cfg.Logger.Info("webhook handshake accepted", "remote", r.RemoteAddr)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, challenge)
}

func (h *Handler) deliver(w http.ResponseWriter, r *http.Request) {
	log := h.cfg.Logger.With("remote", r.RemoteAddr)
	if r.ContentLength > h.cfg.MaxBody {
		log.Warn("webhook delivery refused: body too large", "bytes", r.ContentLength, "limit", h.cfg.MaxBody)
		h.answer(w, http.StatusRequestEntityTooLarge, "body larger than "+strconv.FormatInt(h.cfg.MaxBody, 10)+" bytes")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.MaxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			log.Warn("webhook delivery refused: body too large", "limit", h.cfg.MaxBody)
			h.answer(w, http.StatusRequestEntityTooLarge, "body larger than "+strconv.FormatInt(h.cfg.MaxBody, 10)+" bytes")
			return
		}
		log.Warn("webhook delivery: reading the body failed", "err", err)
		h.answer(w, http.StatusBadRequest, "could not read the body")
		return
	}
	if err := VerifySignature(body, r.Header.Get(SignatureHeader), h.cfg.AppSecret); err != nil {
		status := http.StatusForbidden
		if errors.Is(err, ErrNoSignature) {
			status = http.StatusUnauthorized
		}
		log.Warn("webhook delivery refused: signature", "err", err, "status", status)
		h.answer(w, status, err.Error())
		return
	}
	changes, err := Parse(body)
	if err != nil {
		log.Warn("webhook delivery refused: unreadable payload", "err", err, "bytes", len(body))
		h.answer(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(changes) == 0 {
		log.Info("webhook delivery with no changes acknowledged")
		h.answer(w, http.StatusOK, "ok")
		return
	}
	now := h.cfg.Now()
	for i := range changes {
		changes[i].Received = now
		if h.cfg.ReplayedHistory && !changes[i].EntryTime.IsZero() {
			changes[i].Received = changes[i].EntryTime
		}
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), storeTimeout)
	defer cancel()
	stored, err := h.cfg.Sink.Store(ctx, changes)
	if err != nil {
		// 503, not 500: the delivery was fine and the store is what is
		// missing, for now; Meta redelivers for up to 7 days.
		log.Error("webhook delivery not stored; Meta will redeliver", "err", err, "changes", len(changes), "events", eventNames(changes))
		w.Header().Set("Retry-After", strconv.Itoa(int(storeRetryAfter.Seconds())))
		h.answer(w, http.StatusServiceUnavailable, "not stored; try again later")
		return
	}
	log.Info("webhook delivery stored", "changes", len(changes), "new", stored,
		"duplicates", len(changes)-stored, "events", eventNames(changes))
	h.answer(w, http.StatusOK, "ok")
}

func (h *Handler) answer(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, msg+"\n")
}

// eventNames lists the distinct "field/event" names of changes, sorted, for logs.
func eventNames(changes []Change) []string {
	seen := map[string]bool{}
	for _, c := range changes {
		seen[EventName(c.Field, c.Event)] = true
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// EventName is "field/event" for display and logs, with "?" for what is missing.
func EventName(field, event string) string {
	if field == "" {
		field = "?"
	}
	if event == "" {
		event = "?"
	}
	return field + "/" + event
}
