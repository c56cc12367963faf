package readmodel

import (
	"context"
	"testing"
	"time"

	"mps/store/eventlog"
)

func TestLastWebhook(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	week := 7 * 24 * time.Hour
	l := openLog(t)
	if got, err := LastWebhook(ctx, l, now, week); err != nil || !got.IsZero() {
		t.Fatalf("empty log: %v, %v", got, err)
	}
	old := now.Add(-10 * 24 * time.Hour).Truncate(time.Millisecond)
	if _, err := l.Append(ctx, []eventlog.Event{{Key: "a", Received: old, Field: "account_update", Raw: []byte(`{}`)}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := LastWebhook(ctx, l, now, week); !got.Equal(old) {
		t.Fatalf("only an old event: %v, want %v", got, old)
	}
	recent := now.Add(-time.Hour).Truncate(time.Millisecond)
	l.Append(ctx, []eventlog.Event{{Key: "b", Received: recent, Field: "partner_solutions", Raw: []byte(`{}`)}})
	if got, _ := LastWebhook(ctx, l, now, week); !got.Equal(recent) {
		t.Fatalf("with a recent event: %v, want %v", got, recent)
	}
}
