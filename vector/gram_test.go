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

// TestBlockScan: scoring rows four at a time (blockScan) gives what
// scoring them one at a time (scan) gives, bit for bit, on TF-IDF
// matrices dense and sparse, for any number of workers.
func TestBlockScan(t *testing.T) {
	var tf TFIDF
	for _, x := range []*sparse.CSR{
		testkit.RandomCSR(130, 300, 40, 11),
		testkit.RandomCSR(257, 5000, 5, 12),
		sparse.FromDense([][]float64{{1, 0}, {0, 0}, {0, 1}, {1, 1}, {0, 0}, {2, 0}}),
	} {
		w, err := tf.FitTransform(x)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{1, 7} {
			want, _ := topK(context.Background(), w, k, 1, false)
			for _, workers := range []int{1, 3} {
				got, err := topK(context.Background(), w, k, workers, true)
				if err != nil || !reflect.DeepEqual(got, want) {
					t.Fatalf("k %d, %d workers: blockScan differs from scan", k, workers)
				}
			}
		}
	}
}
