package vector

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

// wordsLikeCSR returns a TF-IDF weighted rows×cols matrix shaped like the
// words space of many reports: each row holds nnz distinct columns drawn
// from a Zipf law (s = 1.05), with the draw counts as term frequencies, so
// the commonest columns appear in nearly every row and the pairwise work is
// dominated by their long posting lists.
func wordsLikeCSR(b *testing.B, rows, cols, nnz int, seed uint64) *sparse.CSR {
	rng := rand.New(rand.NewPCG(seed, 3))
	z := rand.NewZipf(rng, 1.05, 1, uint64(cols-1))
	bl := sparse.NewCSRBuilder(cols)
	row := map[int]float64{}
	for range rows {
		clear(row)
		for len(row) < nnz {
			row[int(z.Uint64())]++
		}
		bl.AddMap(row)
	}
	var tf TFIDF
	x, err := tf.FitTransform(bl.Build())
	if err != nil {
		b.Fatal(err)
	}
	return x
}

// BenchmarkTopKWords compares the symmetric kernel (TopK) with the previous
// two-sided one (topKReference) on a words-like matrix; run it with a small
// -benchtime (each op takes seconds at 5,000 rows).
func BenchmarkTopKWords(b *testing.B) {
	impls := []struct {
		name string
		topK func(*sparse.CSR, int, int) [][]Neighbor
	}{{"symmetric", TopK}, {"reference", topKReference}}
	for _, rows := range []int{1000, 5000} {
		x := wordsLikeCSR(b, rows, 30000, 800, 1)
		for _, im := range impls {
			b.Run(fmt.Sprintf("rows=%d/%s", rows, im.name), func(b *testing.B) {
				b.SetBytes(int64(x.NNZ()) * 16)
				for b.Loop() {
					got := im.topK(x, 10, 0)
					if len(got) != rows || len(got[0]) != 10 || !(got[0][0].Score <= 1) || got[0][0].Index == 0 {
						b.Fatalf("row 0 neighbours %v", got[0])
					}
				}
				b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}

// BenchmarkTopKSparse is the opposite shape: many rows with a few columns
// each, where the per-row overheads (heaps, the scan for touched rows)
// rather than the postings could dominate.
func BenchmarkTopKSparse(b *testing.B) {
	x := testkit.RandomCSR(50000, 5000, 6, 5)
	for _, im := range []struct {
		name string
		topK func(*sparse.CSR, int, int) [][]Neighbor
	}{{"symmetric", TopK}, {"reference", topKReference}} {
		b.Run(im.name, func(b *testing.B) {
			b.SetBytes(int64(x.NNZ()) * 16)
			for b.Loop() {
				if got := im.topK(x, 5, 0); len(got) != x.Rows || len(got[0]) != 5 {
					b.Fatalf("row 0 neighbours %v", got[0])
				}
			}
		})
	}
}
