package keyness

import (
	"strings"
	"testing"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// prefix matches the units whose ID starts with it.
type prefix string

func (p prefix) Match(id string, _ reports.Meta) bool { return strings.HasPrefix(id, string(p)) }

func TestCompareSides(t *testing.T) {
	m := &vector.Matrix{
		Space:   vector.SpaceSlogans,
		Terms:   []string{"甲", "乙"},
		Entries: []int{0, 1},
		Units:   []vector.Unit{{ID: "a1", Chars: 1000}, {ID: "ab", Chars: 1000}, {ID: "b1", Chars: 2000}, {ID: "c", Chars: 500}},
		Counts:  sparse.FromDense([][]float64{{10, 1}, {10, 1}, {2, 4}, {9, 9}}),
	}
	sa, sb, keys, both := CompareSides(m, prefix("a"), prefix("ab"))
	ca, cb, ckeys := Compare(m, []bool{true, true, false, false}, []bool{false, true, false, false})
	if both != 1 || sa != ca || sb != cb || len(keys) != len(ckeys) || keys[0] != ckeys[0] {
		t.Errorf("CompareSides: %+v %+v %d keys, %d on both; Compare: %+v %+v %d keys", sa, sb, len(keys), both, ca, cb, len(ckeys))
	}
	if _, sb, _, both := CompareSides(m, prefix("a"), prefix("b")); both != 0 || sb.Docs != 1 || sb.Chars != 2000 {
		t.Errorf("disjoint sides: B %+v, %d on both", sb, both)
	}
}
