package vector

import (
	"testing"

	"github.com/tifa-project/tifa/sparse"
)

// TestTopTermsSharedBounds: a negative n gives nothing (it panicked with
// slice bounds), and a huge n allocates only what is returned (Shared made
// a slice of n ints: 8 GB for --shared 1000000000).
func TestTopTermsSharedBounds(t *testing.T) {
	b := sparse.NewCSRBuilder(3)
	b.AddRow([]int{0, 1, 2}, []float64{3, 1, 1})
	b.AddRow([]int{0, 2}, []float64{1, 2})
	m := &Matrix{Space: SpaceWords, Units: []Unit{{ID: "a"}, {ID: "b"}}, Terms: []string{"x", "y", "z"}, Entries: []int{-1, -1, -1}, Counts: b.Build()}
	v, err := Weigh(m, &TFIDF{})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.TopTerms(0, -1); len(got) != 0 {
		t.Errorf("TopTerms(0, -1) = %v, want none", got)
	}
	if got := v.Shared(0, 1, -1); len(got) != 0 {
		t.Errorf("Shared(0, 1, -1) = %v, want none", got)
	}
	if got := v.Shared(0, 1, 1_000_000_000); len(got) != 2 || cap(got) > 2 {
		t.Errorf("Shared(0, 1, 1e9) = %v with room for %d, want the 2 shared terms and no more room", got, cap(got))
	}
}
