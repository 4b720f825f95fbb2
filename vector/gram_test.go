package vector

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

// TestTopKGram: on TF-IDF matrices (with rows sharing no column, and a
// zero row), neighbours read from the Gram matrix are TopK's, scores to
// the bit; GramExact refuses matrices with zero or negative values.
func TestTopKGram(t *testing.T) {
	var tf TFIDF
	for _, x := range []*sparse.CSR{
		testkit.RandomCSR(120, 400, 25, 3),
		testkit.RandomCSR(200, 3000, 4, 5), // sparse: many pairs share nothing
		sparse.FromDense([][]float64{{1, 0, 0}, {0, 2, 0}, {0, 0, 0}, {1, 1, 0}, {0, 0, 3}}),
	} {
		w, err := tf.FitTransform(x)
		if err != nil {
			t.Fatal(err)
		}
		if !GramExact(w) {
			t.Fatal("GramExact refuses TF-IDF vectors")
		}
		g := sparse.NewGram(w, 2)
		for _, k := range []int{1, 5, 300} {
			want := TopK(w, k, 2)
			got, err := TopKGram(context.Background(), w, g, k)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("k %d: TopKGram differs from TopK (%v)", k, err)
			}
		}
	}
	for _, x := range []*sparse.CSR{
		{Rows: 1, Cols: 2, Indptr: []int{0, 2}, Ind: []int{0, 1}, Val: []float64{1, 0}},
		sparse.FromDense([][]float64{{1, -1}}),
		sparse.FromDense([][]float64{{1, math.SmallestNonzeroFloat64}}),
	} {
		if GramExact(x) {
			t.Errorf("GramExact accepts %v", x.Val)
		}
	}
}
