package cooccur

import (
	"slices"
	"strings"
	"testing"
)

// twoCliques is two 4-cliques {0..3} and {4..7} of weight 5 joined by one
// edge (3,4) of weight 1; term 8 is in no pair.
func twoCliques() []Pair {
	var pairs []Pair
	for _, base := range []int32{0, 4} {
		for a := base; a < base+4; a++ {
			for b := a + 1; b < base+4; b++ {
				pairs = append(pairs, Pair{A: a, B: b, Count: 5, Jaccard: 0.5, NPMI: 0.5})
			}
		}
	}
	return append(pairs, Pair{A: 3, B: 4, Count: 1, Jaccard: 0.1, NPMI: -0.2})
}

func TestCommunitiesTwoCliques(t *testing.T) {
	// Oracle: the partition is obvious by construction; its modularity by
	// hand: m = 12·5 + 1 = 61, each side has internal weight 30 and degree
	// sum 2·30 + 1 = 61, so Q = 2·(30/61 − (61/122)²) = 0.483606557...
	// (count weights; the bridge is cut).
	for _, m := range []Measure{ByCount, ByJaccard, ByNPMI} {
		p, err := Communities(9, twoCliques(), m, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []int{0, 0, 0, 0, 1, 1, 1, 1, -1}
		if !slices.Equal(p.Of, want) {
			t.Errorf("%v: communities %v, want %v", m, p.Of, want)
		}
		if m == ByCount {
			if q := 2 * (30.0/61 - 0.25); abs(p.Q-q) > 1e-12 {
				t.Errorf("Q = %v, want %v", p.Q, q)
			}
		}
	}
}

func abs(x float64) float64 { return max(x, -x) }

// TestCommunitiesDeterministic runs Louvain repeatedly on a graph with
// many near-ties; every run must give the same partition.
func TestCommunitiesDeterministic(t *testing.T) {
	res, err := Count(randomWindows(3, 2000, 400, 8), 400, Options{MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	first, err := Communities(400, res.Pairs, ByCount, 1, 42)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Max(first.Of) < 1 {
		t.Fatalf("one community only: %v", first.Of)
	}
	for range 5 {
		again, _ := Communities(400, res.Pairs, ByCount, 1, 42)
		if !slices.Equal(first.Of, again.Of) || first.Q != again.Q {
			t.Fatal("two runs with the same seed gave different partitions")
		}
	}
}

func TestCommunitiesErrors(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		pairs []Pair
		res   float64
		want  string
	}{
		{"zero resolution", 9, twoCliques(), 0, "resolution 0"},
		{"term out of range", 5, twoCliques(), 1, "pair (4, 5)"},
		{"self pair", 9, []Pair{{A: 2, B: 2, Count: 1}}, 1, "pair (2, 2)"},
		{"duplicate", 9, []Pair{{A: 1, B: 2, Count: 1}, {A: 2, B: 1, Count: 1}}, 1, "listed twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Communities(tc.n, tc.pairs, ByCount, tc.res, 1)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	p, err := Communities(3, nil, ByCount, 1, 1)
	if err != nil || !slices.Equal(p.Of, []int{-1, -1, -1}) {
		t.Errorf("no pairs: %v, %v; want all −1", p, err)
	}
}
