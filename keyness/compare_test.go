package keyness

import (
	"math"
	"testing"

	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

func TestCompare(t *testing.T) {
	m := &vector.Matrix{
		Space:   vector.SpaceSlogans,
		Terms:   []string{"甲", "乙", "丙"},
		Entries: []int{0, 1, 2},
		Units:   []vector.Unit{{ID: "a1", Chars: 1000}, {ID: "a2", Chars: 1000}, {ID: "b1", Chars: 2000}},
		Counts:  sparse.FromDense([][]float64{{10, 1, 0}, {10, 1, 0}, {2, 4, 0}}),
	}
	a, b, keys := Compare(m, []bool{true, true, false}, []bool{false, false, true})
	if a.Docs != 2 || b.Docs != 1 || a.Chars != 2000 || b.Chars != 2000 {
		t.Errorf("sides %+v %+v", a, b)
	}
	if len(keys) != 2 {
		t.Fatalf("got %d terms, want 2 (丙 is absent from both sides)", len(keys))
	}
	// 甲: a = 20, b = 2, na = nb = 2000: E1 = E2 = 11,
	// G² = 2(20 ln(20/11) + 2 ln(2/11)) = 2(11.9568 − 3.4095) = 17.0947.
	k := keys[0]
	if m.Terms[k.Col] != "甲" || math.Abs(k.G2-17.0947) > 1e-3 || k.P > 0.001 {
		t.Errorf("first key %s g2 %v p %v, want 甲 17.0947 p < 0.001", m.Terms[k.Col], k.G2, k.P)
	}
	if math.Abs(k.Per10kA-100) > 1e-9 || math.Abs(k.Per10kB-10) > 1e-9 {
		t.Errorf("per10k %v %v, want 100 and 10", k.Per10kA, k.Per10kB)
	}
	if keys[1].G2 >= 0 {
		t.Errorf("乙 is more frequent in B: g2 %v should be negative", keys[1].G2)
	}
}
