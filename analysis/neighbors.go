package analysis

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Neighbor is one row similar to a query row: its index in the matrix and
// its cosine similarity to the query.
type Neighbor struct {
	Index int
	Score float64
}

// cosine returns dot/(‖x‖·‖y‖) clamped to [−1, 1], or 0 when either norm is
// zero. It is symmetric in (nx, ny) to the last bit, so cos(i,j) = cos(j,i).
func cosine(dot, nx, ny float64) float64 {
	if nx == 0 || ny == 0 {
		return 0
	}
	p := nx * ny
	var c float64
	if p == 0 || math.IsInf(p, 0) {
		c = dot / max(nx, ny) / min(nx, ny)
	} else {
		c = dot / p
	}
	if math.IsNaN(c) {
		return 0 // unreachable for a valid CSR; never let NaN out
	}
	return max(-1, min(1, c))
}

// dotAcc accumulates the dot products of one row with every other row
// through an inverted index (the transpose): for each column c of row i,
// for each row j holding c, acc[j] += x[i,c]·x[j,c]. Memory is O(Rows) and
// reused between rows; only rows sharing a column with row i are touched.
// The sum for a pair runs over their shared columns in ascending order,
// the same order as sparseDot, so dot(i,j) = dot(j,i) exactly.
type dotAcc struct {
	acc     []float64
	mark    []int // mark[j] == i+1 when acc[j] is live for row i
	touched []int
}

func newDotAcc(n int) *dotAcc {
	return &dotAcc{acc: make([]float64, n), mark: make([]int, n)}
}

// row fills acc for row i of x (xt is x.Transpose()) and returns the rows
// j ≠ i that share a column with it, in order of first touch. Rows below
// from are skipped.
func (a *dotAcc) row(x, xt *CSR, i, from int) []int {
	a.touched = a.touched[:0]
	stamp := i + 1
	acc, mark := a.acc, a.mark
	for k := x.Indptr[i]; k < x.Indptr[i+1]; k++ {
		c, v := x.Ind[k], x.Val[k]
		lo, hi := xt.Indptr[c], xt.Indptr[c+1]
		rows, wts := xt.Ind[lo:hi], xt.Val[lo:hi]
		if from > 0 {
			p, _ := slices.BinarySearch(rows, from)
			rows, wts = rows[p:], wts[p:]
		}
		wts = wts[:len(rows)]
		for p, j := range rows {
			if mark[j] != stamp {
				if j == i { // mark[i] is never i+1
					continue
				}
				mark[j] = stamp
				acc[j] = 0
				a.touched = append(a.touched, j)
			}
			acc[j] += v * wts[p]
		}
	}
	return a.touched
}

// TopK returns, for every row of x in order, its k most similar other rows
// by cosine similarity
//
//	cos(i,j) = Σ_c x[i,c]·x[j,c] / (‖x_i‖₂ · ‖x_j‖₂)
//
// sorted by score descending, then index ascending. Rows need not be
// normalised. A row is never its own neighbour; only rows sharing at least
// one stored column with row i are candidates, so a row may get fewer than
// k neighbours, and an all-zero row gets none (an empty, non-nil slice).
// k ≤ 0 gives empty lists. Scores are clamped to [−1, 1].
//
// No n×n matrix is built: an inverted index (column → rows) and one dense
// accumulator of length n per worker give O(nnz + workers·n) memory; time
// is Σ_i Σ_{c ∈ row i} |column c|. Rows are shared among workers
// goroutines (≤ 0 means GOMAXPROCS); the output does not depend on workers.
func TopK(x *CSR, k int, workers int) [][]Neighbor {
	x.mustValid()
	n := x.Rows
	out := make([][]Neighbor, n)
	for i := range out {
		out[i] = []Neighbor{}
	}
	if k <= 0 || n < 2 {
		return out
	}
	norms := x.RowNorms()
	xt := x.Transpose()
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const block = 32
	workers = max(1, min(workers, (n+block-1)/block))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			a := newDotAcc(n)
			var h []Neighbor
			for {
				lo := int(next.Add(block)) - block
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+block, n); i++ {
					if norms[i] == 0 {
						continue
					}
					h = topOfRow(a, x, xt, norms, i, k, h[:0])
					if len(h) > 0 {
						out[i] = slices.Clone(h)
					}
				}
			}
		})
	}
	wg.Wait()
	return out
}

// topOfRow keeps the k best candidates of row i in h (a min-heap on
// "better") and returns them sorted best first.
func topOfRow(a *dotAcc, x, xt *CSR, norms []float64, i, k int, h []Neighbor) []Neighbor {
	for _, j := range a.row(x, xt, i, 0) {
		nb := Neighbor{Index: j, Score: cosine(a.acc[j], norms[i], norms[j])}
		switch {
		case len(h) < k:
			h = append(h, nb)
			siftUp(h, len(h)-1)
		case better(nb, h[0]):
			h[0] = nb
			siftDown(h, 0)
		}
	}
	slices.SortFunc(h, func(p, q Neighbor) int {
		if better(p, q) {
			return -1
		}
		return 1 // indices differ, so never equal
	})
	return h
}

// better orders neighbours: higher score first, then lower index.
func better(p, q Neighbor) bool {
	if p.Score != q.Score {
		return p.Score > q.Score
	}
	return p.Index < q.Index
}

// siftUp and siftDown maintain h as a heap whose root is the worst entry.
func siftUp(h []Neighbor, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(h[p], h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func siftDown(h []Neighbor, i int) {
	for {
		w := i
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < len(h) && better(h[w], h[c]) {
				w = c
			}
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// CosineTo returns cos(i, j) (see TopK) for every row j of x, in row order:
// 1 for j = i unless row i is all zero, and 0 against an all-zero row.
// It costs O(Cols + nnz). It panics if i is out of range.
func CosineTo(x *CSR, i int) []float64 {
	x.mustValid()
	ind, val := x.Row(i)
	dense := make([]float64, x.Cols)
	for k, c := range ind {
		dense[c] = val[k]
	}
	norms := x.RowNorms()
	out := make([]float64, x.Rows)
	for j := range out {
		if j == i {
			if norms[i] > 0 {
				out[j] = 1
			}
			continue
		}
		ji, jv := x.Row(j)
		var dot float64
		for k, c := range ji {
			if w := dense[c]; w != 0 {
				dot += w * jv[k]
			}
		}
		out[j] = cosine(dot, norms[i], norms[j])
	}
	return out
}

// CosineMatrix returns the dense, symmetric Rows×Rows matrix of cos(i, j)
// (see TopK and CosineTo; diagonal 1, or 0 for an all-zero row). Memory is
// O(n²): meant for small n (the --matrix output), use TopK otherwise.
func CosineMatrix(x *CSR) [][]float64 {
	x.mustValid()
	n := x.Rows
	norms := x.RowNorms()
	xt := x.Transpose()
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
		if norms[i] > 0 {
			out[i][i] = 1
		}
	}
	a := newDotAcc(n)
	for i := range n {
		for _, j := range a.row(x, xt, i, i+1) {
			c := cosine(a.acc[j], norms[i], norms[j])
			out[i][j], out[j][i] = c, c
		}
	}
	return out
}
