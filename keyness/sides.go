package keyness

import (
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/vector"
)

// Matcher says whether a unit belongs to a side (analysis.Filter is
// one).
type Matcher interface {
	Match(id string, m reports.Meta) bool
}

// CompareSides is Compare with the sides given by a and b, each matched
// against every unit's ID and metadata; both counts the units on both
// sides (counted on each).
func CompareSides(m *vector.Matrix, a, b Matcher) (sa, sb Side, keys []KeyTerm, both int) {
	inA, inB := make([]bool, len(m.Units)), make([]bool, len(m.Units))
	for i, u := range m.Units {
		inA[i], inB[i] = a.Match(u.ID, u.Meta), b.Match(u.ID, u.Meta)
		if inA[i] && inB[i] {
			both++
		}
	}
	sa, sb, keys = Compare(m, inA, inB)
	return sa, sb, keys, both
}
