package sandbox

import (
	"fmt"
	"slices"
	"strconv"

	"mps/graph"
)

// wabaSet holds the onboarded customers compactly: a WABA's ID, name,
// timezone and namespace are computed from its ordinal, so 100,000 WABAs
// cost a few bytes each. What is stored is which solutions onboarded each
// WABA (as a pattern) and, per partner business, the sorted ordinals of the
// WABAs it shares, so that filtered listing never scans the whole set.
type wabaSet struct {
	seed       uint64
	patterns   []wabaPattern
	patternOf  []uint16           // by ordinal
	byBusiness map[string][]int32 // partner business -> ordinals, ascending
	seeded     int                // how many the seed made; the rest were onboarded since
	gone       map[int]bool       // ordinals the API no longer lists: removed since (PARTNER_REMOVED), or the seed's reported-only one
}

// wabaPattern is one combination of solutions that onboarded a WABA.
type wabaPattern struct {
	solutions  []int    // indices into world.solutions
	businesses []string // the counterparts' business portfolios
}

const (
	wabaIDBase          = 102290129340398 // the guide's first example WABA
	wabaIDStep          = 13
	customerBusinessID0 = 6143763655652543 // the guide's example customer portfolio
)

func newWABASet(w *world, seed uint64, count int) wabaSet {
	ws := wabaSet{seed: seed, byBusiness: map[string][]int32{}}
	var onboarded []int
	for i, sol := range w.solutions {
		if canOnboard(sol) || sol.status == graph.StatusDeactivated {
			onboarded = append(onboarded, i)
		}
	}
	for _, i := range onboarded {
		ws.patternFor(w, []int{i})
	}
	// Some customers came through two solutions.
	for k := 0; k+1 < len(onboarded) && k < 6; k += 2 {
		ws.patternFor(w, []int{onboarded[k], onboarded[k+1]})
	}
	if len(ws.patterns) == 0 {
		return ws
	}
	ws.patternOf = make([]uint16, 0, count)
	for ord := range count {
		p := uint16(mix(seed, uint64(ord)) % uint64(len(ws.patterns)))
		ws.add(p)
	}
	return ws
}

// patternFor finds or adds the pattern for exactly these solutions.
func (ws *wabaSet) patternFor(w *world, sols []int) uint16 {
	for i, p := range ws.patterns {
		if slices.Equal(p.solutions, sols) {
			return uint16(i)
		}
	}
	var bs []string
	for _, i := range sols {
		if b := w.counterpartBusiness(w.solutions[i]); b != "" && !slices.Contains(bs, b) {
			bs = append(bs, b)
		}
	}
	ws.patterns = append(ws.patterns, wabaPattern{solutions: slices.Clone(sols), businesses: bs})
	return uint16(len(ws.patterns) - 1)
}

// add appends a WABA with the given pattern and returns its ordinal.
func (ws *wabaSet) add(p uint16) int {
	ord := len(ws.patternOf)
	ws.patternOf = append(ws.patternOf, p)
	for _, b := range ws.patterns[p].businesses {
		ws.byBusiness[b] = append(ws.byBusiness[b], int32(ord))
	}
	return ord
}

// count is how many ordinals were handed out, removed customers included.
func (ws *wabaSet) count() int { return len(ws.patternOf) }

// listed reports whether the WABA at ord is still a customer.
func (ws *wabaSet) listed(ord int) bool { return !ws.gone[ord] }

// remove ends the customer at ord; its ordinal is not reused.
func (ws *wabaSet) remove(ord int) {
	if ws.gone == nil {
		ws.gone = map[int]bool{}
	}
	ws.gone[ord] = true
}

// ordinalOf reads the ID of a current customer back into its ordinal.
func (ws *wabaSet) ordinalOf(id string) (int, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n < wabaIDBase || (n-wabaIDBase)%wabaIDStep != 0 {
		return 0, false
	}
	ord := (n - wabaIDBase) / wabaIDStep
	if ord >= int64(ws.count()) || !ws.listed(int(ord)) {
		return 0, false
	}
	return int(ord), true
}

func wabaID(ord int) string { return strconv.FormatInt(wabaIDBase+int64(ord)*wabaIDStep, 10) }

func customerBusinessID(ord int) string {
	return strconv.FormatInt(customerBusinessID0+int64(ord)*7, 10)
}

// shares reports whether the WABA is shared with the partner business.
func (ws *wabaSet) shares(ord int, business string) bool {
	return slices.Contains(ws.patterns[ws.patternOf[ord]].businesses, business)
}

func (ws *wabaSet) solutionsOf(ord int) []int { return ws.patterns[ws.patternOf[ord]].solutions }

// Names in several scripts, so that width and direction handling get used.
func wabaNameStems() []string {
	return []string{
		"Café Lumière", "Pâtisserie Dubois", "Ñandú Viajes", "Bäckerei Groß", "Łódź Rowery", "São Paulo Flores",
		"Книжный дом", "Пекарня «Солнце»", "مطعم الياسمين", "متجر النور", "東京ラーメン", "北京书店",
		"서울 카페", "मुंबई मसाले", "दिल्ली फ़ैशन", "Pizza 🍕 Napoli", "Flower Power 🌸", "Jaspers Bakery",
		"Cool New Customer", "Ζαχαροπλαστείο Άλφα", "חנות הספרים",
	}
}

func timezoneIDs() []string {
	return []string{"7", "1", "42", "47", "71", "85", "110", "123", "135", "154"}
}

// waba builds the WABA at an ordinal. The first one is the guide's example.
func (ws *wabaSet) waba(ord int) graph.WABA {
	h := mix(ws.seed, uint64(ord)+0x9e37)
	stems, tzs := wabaNameStems(), timezoneIDs()
	w := graph.WABA{
		ID:                       wabaID(ord),
		Name:                     fmt.Sprintf("%s %d", stems[h%uint64(len(stems))], ord+1),
		TimezoneID:               tzs[(h>>8)%uint64(len(tzs))],
		BusinessType:             "ent",
		MessageTemplateNamespace: namespace(mix(h, 1), mix(h, 2)),
	}
	if (h>>16)%5 == 0 {
		w.BusinessType = "smb"
	}
	if ord == 0 {
		w.Name, w.TimezoneID, w.MessageTemplateNamespace = "Cool New Customer 2", "7", "0add05f3_abbe_4a55_b6f5_e751fa4e1244"
	}
	return w
}

func namespace(a, b uint64) string {
	return fmt.Sprintf("%08x_%04x_%04x_%04x_%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

// mix is SplitMix64's finaliser: a cheap, well-spread hash of (seed, n).
func mix(seed, n uint64) uint64 {
	z := seed + n*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
