package keyness

import (
	"math"
	"testing"

	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// TestRest: each unit against the rest gives, term by term, what Compare
// gives with the unit as side A and every other unit as side B (the
// oracle), in both spaces; a term used by every unit equally scores 0.
func TestRest(t *testing.T) {
	counts := [][]float64{{10, 5, 0, 4}, {1, 5, 3, 2}, {2, 5, 0, 6}}
	for _, space := range []string{vector.SpaceSlogans, vector.SpaceWords} {
		m := &vector.Matrix{
			Space:   space,
			Terms:   []string{"甲", "建设", "丙", "丁"},
			Entries: []int{0, -1, -1, -1},
			Units:   []vector.Unit{{ID: "u1", Chars: 500}, {ID: "u2", Chars: 500}, {ID: "u3", Chars: 500}},
			Counts:  sparse.FromDense(counts),
		}
		r, err := NewRest(m.Counts, Sizes(m))
		if err != nil {
			t.Fatal(err)
		}
		for i := range m.Units {
			inA, inB := make([]bool, 3), make([]bool, 3)
			for j := range inA {
				inA[j], inB[j] = j == i, j != i
			}
			_, _, keys := Compare(m, inA, inB)
			want := map[int]KeyTerm{}
			for _, k := range keys {
				want[k.Col] = k
			}
			got := r.Unit(i)
			if len(got) == 0 {
				t.Fatalf("%s: unit %d has no terms", space, i)
			}
			for _, g := range got {
				w := want[g.Col]
				if math.Abs(g.G2-w.G2) > 1e-9 || math.Abs(g.P-w.P) > 1e-9 || math.Abs(g.LogRatio-w.LogRatio) > 1e-9 || g.Count != w.A || g.Rest != w.B {
					t.Errorf("%s: unit %d term %s: %+v, Compare gives %+v", space, i, m.Terms[g.Col], g, w)
				}
				if m.Space == vector.SpaceSlogans && m.Terms[g.Col] == "建设" && math.Abs(g.G2) > 1e-9 {
					t.Errorf("建设, used 5 times in each unit of the same size, scores %v, want 0", g.G2)
				}
			}
		}
	}
}

func TestRestErrors(t *testing.T) {
	one := sparse.FromDense([][]float64{{1, 2}})
	if _, err := NewRest(one, []float64{100}); err == nil {
		t.Error("one unit: no error")
	}
	two := sparse.FromDense([][]float64{{1, 2}, {0, 0}})
	if _, err := NewRest(two, []float64{100, 0}); err == nil {
		t.Error("one unit with text: no error")
	}
	if _, err := NewRest(two, []float64{100}); err == nil {
		t.Error("sizes of the wrong length: no error")
	}
}
