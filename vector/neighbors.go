package vector

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tifa-project/tifa/sparse"
)

// Neighbor is one row similar to a query row: its index in the matrix and
// its cosine similarity to the query.
type Neighbor struct {
	Index int
	Score float64
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
// No n×n matrix is built. Each pair is scored once, from its lower row:
// row i accumulates its dot products with the rows j > i through an
// inverted index (column → rows), and the score goes to both row i's and
// row j's top k. Time is Σ_i Σ_{c ∈ row i} |{j > i in column c}|, about
// half of the Σ_i Σ_{c ∈ row i} |column c| it takes to score every row
// against all others, plus O(log k) per candidate that enters a top k.
// Memory is O(nnz + Cols + workers·(n + n·k)): the index, plus per worker
// a dense accumulator of length n and a k-heap for every row; the
// workers' heaps are merged at the end (best k of their union per row).
// Rows are handed to workers goroutines (≤ 0 means GOMAXPROCS) in small
// blocks on demand. The output does not depend on workers, bit for bit: a
// pair's products are summed over its shared columns in ascending order
// whichever side computes them.
func TopK(x *sparse.CSR, k int, workers int) [][]Neighbor {
	out, _ := TopKContext(context.Background(), x, k, workers)
	return out
}

// TopKContext is TopK that stops when ctx is done (each worker looks
// between its blocks of 32 rows), returning nil and ctx's error.
func TopKContext(ctx context.Context, x *sparse.CSR, k int, workers int) ([][]Neighbor, error) {
	return topK(ctx, x, k, workers, GramExact(x))
}

// startTopK begins a nearest-neighbour search of n rows: n empty lists,
// and k no larger than n − 1. done says there is nothing to search (k ≤ 0
// or fewer than two rows: the empty lists are the answer) or that ctx is
// done (err).
func startTopK(ctx context.Context, n, k int) (out [][]Neighbor, kk int, done bool, err error) {
	if err = ctx.Err(); err != nil {
		return nil, k, true, err
	}
	out = make([][]Neighbor, n)
	for i := range out {
		out[i] = []Neighbor{}
	}
	return out, min(k, n-1), k <= 0 || n < 2, nil
}

// topK is TopKContext; positive (all values positive: GramExact) scores
// rowBlock rows at a time (blockScan), else one at a time (scan).
func topK(ctx context.Context, x *sparse.CSR, k int, workers int, positive bool) ([][]Neighbor, error) {
	x.MustValid()
	n := x.Rows
	out, k, done, err := startTopK(ctx, n, k)
	if done {
		return out, err
	}
	norms := x.RowNorms()
	xt := x.Transpose()
	at := sparse.ColumnPositions(x, xt)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const block = 32
	workers = max(1, min(workers, (n+block-1)/block))
	tops := make([]*rowHeaps, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			t := newRowHeaps(n, k)
			tops[w] = t
			var a *sparse.UpperAcc
			var ba *blockAcc
			if positive {
				ba = newBlockAcc(n)
			} else {
				a = sparse.NewUpperAcc(n)
			}
			for {
				lo := int(next.Add(block)) - block
				if lo >= n || ctx.Err() != nil {
					return
				}
				if positive {
					for i := lo; i < min(lo+block, n); i += rowBlock {
						t.blockScan(ba, x, xt, at, norms, i, min(i+rowBlock, lo+block, n))
					}
					continue
				}
				for i := lo; i < min(lo+block, n); i++ {
					t.scan(a, x, xt, at, norms, i)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	mergeHeaps(out, tops, k)
	return out, nil
}

// rowHeaps holds one worker's k best candidates so far for every row, each
// a min-heap on "better" (root = worst kept). A heap grows only as far as
// its row's candidates, never past k entries. floor[r] is the root's score
// once row r's heap is full (−Inf before): a candidate scoring below it is
// rejected without touching the heap, which matters as most candidates of
// a long posting list land on rows other than the one being scanned.
type rowHeaps struct {
	k     int
	h     [][]Neighbor
	floor []float64
}

func newRowHeaps(n, k int) *rowHeaps {
	t := &rowHeaps{k: k, h: make([][]Neighbor, n), floor: make([]float64, n)}
	for r := range t.floor {
		t.floor[r] = math.Inf(-1)
	}
	return t
}

// scan scores row i against every row j > i sharing a column with it and
// offers each score to both rows (to a row only if its norm is non-zero:
// an all-zero row has no neighbours, but is one, at 0, for rows storing
// explicit zeros in its columns). A row with zero norm but stored entries
// is still scanned, for the rows above it.
func (t *rowHeaps) scan(a *sparse.UpperAcc, x, xt *sparse.CSR, at []int, norms []float64, i int) {
	ni := norms[i]
	for _, j := range a.Upper(x, xt, at, i) {
		s := sparse.Cosine(a.Take(j), ni, norms[j])
		if ni > 0 && s >= t.floor[i] {
			t.offer(i, Neighbor{Index: j, Score: s})
		}
		if norms[j] > 0 && s >= t.floor[j] {
			t.offer(j, Neighbor{Index: i, Score: s})
		}
	}
}

// offer keeps nb in row r's heap if it is among the k best seen.
func (t *rowHeaps) offer(r int, nb Neighbor) {
	h := t.h[r]
	switch {
	case len(h) < t.k:
		if len(h) == cap(h) {
			h = slices.Grow(h, min(t.k, max(4, 2*len(h)))-len(h))
		}
		h = append(h, nb)
		siftUp(h, len(h)-1)
		t.h[r] = h
	case better(nb, h[0]):
		h[0] = nb
		siftDown(h, 0)
	default:
		return
	}
	if len(h) == t.k {
		t.floor[r] = h[0].Score
	}
}

// mergeHeaps sets out[r] to the best k of the union of every worker's heap
// for row r, sorted best first. Each pair was offered by exactly one worker,
// so the union has no duplicates and holds the global best k; "better" is
// a strict total order, so the result does not depend on the partition.
func mergeHeaps(out [][]Neighbor, tops []*rowHeaps, k int) {
	var all []Neighbor
	for r := range out {
		all = all[:0]
		for _, t := range tops {
			all = append(all, t.h[r]...)
			t.h[r] = nil
		}
		if len(all) == 0 {
			continue
		}
		sortNeighbors(all)
		out[r] = slices.Clone(all[:min(k, len(all))])
	}
}

// sortNeighbors sorts h by "better", best first.
func sortNeighbors(h []Neighbor) {
	slices.SortFunc(h, func(p, q Neighbor) int {
		if better(p, q) {
			return -1
		}
		return 1 // indices differ, so never equal
	})
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
func CosineTo(x *sparse.CSR, i int) []float64 {
	x.MustValid()
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
		out[j] = sparse.Cosine(dot, norms[i], norms[j])
	}
	return out
}

// CosineMatrix returns the dense, symmetric Rows×Rows matrix of cos(i, j)
// (see TopK and CosineTo; diagonal 1, or 0 for an all-zero row). Memory is
// O(n²): meant for small n (the --matrix output), use TopK otherwise.
func CosineMatrix(x *sparse.CSR) [][]float64 {
	x.MustValid()
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
	a, at := sparse.NewUpperAcc(n), sparse.ColumnPositions(x, xt)
	for i := range n {
		for _, j := range a.Upper(x, xt, at, i) {
			c := sparse.Cosine(a.Take(j), norms[i], norms[j])
			out[i][j], out[j][i] = c, c
		}
	}
	return out
}
