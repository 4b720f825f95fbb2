package sparse

import (
	"encoding/binary"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// Gram holds x_i·x_j for every pair of rows i < j of a matrix x (the upper
// triangle of X·Xᵀ, row by row: 8 bytes a pair, 64 MB for 4,000 rows).
// Each product is summed over the pair's shared columns in ascending
// order, from 0, as DotAcc and UpperAcc sum it, so a value read here is
// the value they would give, bit for bit: k-means++ seeding, k-means steps
// and silhouettes (package cluster) and nearest neighbours (package
// vector) read it instead of accumulating the products again, and a
// command can keep it (GramMaxRows bounds what is worth keeping).
type Gram struct {
	N int
	D []float64 // pair (i, j), i < j, at Index(i, j)
}

// GramMaxRows is the most rows whose Gram matrix is computed and kept
// (64 MB); above, each row's products are accumulated when needed.
const GramMaxRows = 4000

// NewGram computes the Gram matrix of x on workers goroutines (≤ 0:
// GOMAXPROCS); the result does not depend on their number. It costs
// Σ_c |column c|²/2 multiply-adds: half of what visiting every row with a
// DotAcc costs.
func NewGram(x *CSR, workers int) *Gram {
	x.MustValid()
	n := x.Rows
	g := &Gram{N: n, D: make([]float64, n*(n-1)/2)}
	if n < 2 {
		return g
	}
	xt := x.Transpose()
	at := ColumnPositions(x, xt)
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

// row accumulates x_i·x_j for every j > i straight into row i: for each
// column c of row i, in ascending order, the rows after i in c's posting
// list (at[k] is the position of row i's entry k in it).
func (g *Gram) row(x, xt *CSR, at []int, i int) {
	out := g.Upper(i)
	for k := x.Indptr[i]; k < x.Indptr[i+1]; k++ {
		v, end := x.Val[k], xt.Indptr[x.Ind[k]+1]
		rows, wts := xt.Ind[at[k]+1:end], xt.Val[at[k]+1:end]
		wts = wts[:len(rows)]
		for p, j := range rows {
			out[j-i-1] += v * wts[p]
		}
	}
}

// Index is the position of pair (i, j), i ≠ j, in D.
func (g *Gram) Index(i, j int) int {
	if i > j {
		i, j = j, i
	}
	return g.N*i - i*(i+1)/2 + (j - i - 1)
}

// Dot returns x_i·x_j for i ≠ j (0 for rows sharing no column).
func (g *Gram) Dot(i, j int) float64 { return g.D[g.Index(i, j)] }

// Upper returns row i's products with rows i+1 … N−1, in order.
func (g *Gram) Upper(i int) []float64 {
	lo := g.N*i - i*(i+1)/2
	return g.D[lo : lo+g.N-i-1]
}

// AppendBinary appends the Gram matrix to b: N as an unsigned varint,
// then the products as little-endian float64 bits.
func (g *Gram) AppendBinary(b []byte) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(g.N))
	for _, v := range g.D {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b, nil
}

// UnmarshalBinary reads what AppendBinary wrote; anything else is an
// error, never a panic.
func (g *Gram) UnmarshalBinary(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > GramMaxRows*4 || uint64(len(b)-k) != 8*(n*(n-1)/2) {
		return errMalformed
	}
	d := make([]float64, n*(n-1)/2)
	for p := range d {
		d[p] = math.Float64frombits(binary.LittleEndian.Uint64(b[k+8*p:]))
		if math.IsNaN(d[p]) || math.IsInf(d[p], 0) {
			return errMalformed
		}
	}
	*g = Gram{N: int(n), D: d}
	return nil
}
