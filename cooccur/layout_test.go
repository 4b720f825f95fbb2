package cooccur

import (
	"math"
	"slices"
	"testing"
)

// TestLayout checks what a layout must do, the oracle being the graph's
// construction: nodes of one clique lie nearer each other than nodes of
// the other clique, terms without edges get NaN, coordinates lie in
// [0, 1], and a second run gives the same layout.
func TestLayout(t *testing.T) {
	x, y, err := Layout(9, twoCliques(), ByCount, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(x[8]) || !math.IsNaN(y[8]) {
		t.Errorf("term 8 (no edge) at (%v, %v), want NaN", x[8], y[8])
	}
	dist := func(a, b int) float64 { return math.Hypot(x[a]-x[b], y[a]-y[b]) }
	var within, between float64
	for a := range 8 {
		if x[a] < 0 || x[a] > 1 || y[a] < 0 || y[a] > 1 {
			t.Errorf("term %d at (%v, %v), outside [0, 1]", a, x[a], y[a])
		}
		for b := a + 1; b < 8; b++ {
			if (a < 4) == (b < 4) {
				within = math.Max(within, dist(a, b))
			} else if between == 0 || dist(a, b) < between {
				between = dist(a, b)
			}
		}
	}
	if within >= between {
		t.Errorf("widest distance within a clique %.3f ≥ nearest between cliques %.3f", within, between)
	}
	x2, y2, _ := Layout(9, twoCliques(), ByCount, 3)
	if !slices.EqualFunc(x, x2, same) || !slices.EqualFunc(y, y2, same) {
		t.Error("two layouts with one seed differ")
	}
	if _, _, err := Layout(3, twoCliques(), ByCount, 1); err == nil {
		t.Error("pairs beyond the vocabulary: no error")
	}
}

func same(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
