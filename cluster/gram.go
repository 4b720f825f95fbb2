package cluster

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tifa-project/tifa/sparse"
)

// GramMaxRows is the largest number of rows whose pairwise dot products
// (the Gram matrix, upper triangle: 8 bytes a pair, 64 MB at 4,000 rows)
// are computed once and kept, for k-means++ seeding and silhouettes to
// read instead of accumulating them again for every row they visit.
const GramMaxRows = SilhouetteSample

// gram holds x_i·x_j for every pair of rows i < j, in the condensed order
// of condIndex. Each product is summed over the pair's shared columns in
// ascending order, from 0, as sparse.DotAcc and sparse.UpperAcc sum it, so
// a value read here is the value they would give, bit for bit.
type gram struct {
	n int
	d []float64
}

// newGram computes the Gram matrix of x (xt is x.Transpose()) on workers
// goroutines (≤ 0: GOMAXPROCS); the result does not depend on their
// number. It costs Σ_c |column c|²/2 multiply-adds: half of what visiting
// every row with a DotAcc costs.
func newGram(x, xt *sparse.CSR, workers int) *gram {
	n := x.Rows
	g := &gram{n: n, d: make([]float64, n*(n-1)/2)}
	if n < 2 {
		return g
	}
	at := sparse.ColumnPositions(x, xt)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const block = 16
	workers = max(1, min(workers, (n+block-1)/block))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				lo := int(next.Add(block)) - block
				if lo >= n-1 {
					return
				}
				for i := lo; i < min(lo+block, n-1); i++ {
					g.row(x, xt, at, i)
				}
			}
		})
	}
	wg.Wait()
	return g
}

// row accumulates x_i·x_j for every j > i straight into G's row i: for
// each column c of row i, in ascending order, the rows after i in c's
// posting list (at[k] is the position of row i's entry k in it).
func (g *gram) row(x, xt *sparse.CSR, at []int, i int) {
	base := condIndex(g.n, i, i+1) - i - 1 // out[j] is G_ij
	out := g.d[base+i+1 : base+g.n]
	for k := x.Indptr[i]; k < x.Indptr[i+1]; k++ {
		v, end := x.Val[k], xt.Indptr[x.Ind[k]+1]
		rows, wts := xt.Ind[at[k]+1:end], xt.Val[at[k]+1:end]
		wts = wts[:len(rows)]
		for p, j := range rows {
			out[j-i-1] += v * wts[p]
		}
	}
}

// dot returns x_i·x_j for i ≠ j (0 for rows sharing no column).
func (g *gram) dot(i, j int) float64 {
	return g.d[condIndex(g.n, i, j)]
}
