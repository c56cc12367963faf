package eventlog

import (
	"context"
	"strconv"
	"testing"
)

// BenchmarkAppend1000 stores one delivery's worth of changes (Meta's
// maximum) per durable transaction.
func BenchmarkAppend1000(b *testing.B) {
	l := logs().Temp(b)
	n := 0
	for b.Loop() {
		batch := make([]Event, 1000)
		for i := range batch {
			n++
			batch[i] = partnerAdded("k"+strconv.Itoa(n), strconv.Itoa(n), "9", t0())
		}
		if _, err := l.Append(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendOne is the cost of one small delivery's durable commit.
func BenchmarkAppendOne(b *testing.B) {
	l := logs().Temp(b)
	n := 0
	for b.Loop() {
		n++
		if _, err := l.Append(context.Background(), []Event{partnerAdded("k"+strconv.Itoa(n), strconv.Itoa(n), "9", t0())}); err != nil {
			b.Fatal(err)
		}
	}
}
