package webhook

import (
	"strconv"
	"strings"
	"testing"
)

// largeDelivery is a delivery at Meta's limits: 1000 changes, about 3 MB.
func largeDelivery() []byte {
	var b strings.Builder
	b.WriteString(`{"object":"whatsapp_business_account","entry":[{"id":"506914307656634","time":1764000000,"changes":[`)
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"field":"account_update","value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"` + strconv.Itoa(100000000+i) +
			`","owner_business_id":"6143763655652543","solution_id":"303610109049230","solution_partner_business_ids":["506914307656634"],"note":"` +
			strings.Repeat("x", 2900) + `"}}}`)
	}
	b.WriteString(`]}]}`)
	return []byte(b.String())
}

func BenchmarkParseLargeDelivery(b *testing.B) {
	body := largeDelivery()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := Parse(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifySignatureLargeDelivery(b *testing.B) {
	body := largeDelivery()
	sig := Sign(body, "secret")
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if err := VerifySignature(body, sig, "secret"); err != nil {
			b.Fatal(err)
		}
	}
}
