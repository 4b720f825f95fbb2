package sparse

import (
	"math"
	"slices"
)

// Cosine returns dot/(‖x‖·‖y‖) clamped to [−1, 1], or 0 when either norm is
// zero. It is symmetric in (nx, ny) to the last bit, so cos(i,j) = cos(j,i).
func Cosine(dot, nx, ny float64) float64 {
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

// DotAcc accumulates the dot products of one row with every other row
// through an inverted index (the transpose): for each column c of row i,
// for each row j holding c, acc[j] += x[i,c]·x[j,c]. Memory is O(Rows) and
// reused between rows; only rows sharing a column with row i are touched.
// The sum for a pair runs over their shared columns in ascending order,
// the same order as CSR.RowDot, so dot(i,j) = dot(j,i) exactly. k-means
// and silhouettes use it; vector.TopK uses UpperAcc.
type DotAcc struct {
	acc     []float64
	mark    []int // mark[j] == stamp when acc[j] is live for the last row
	touched []int
	stamp   int // counts the calls to Row
}

// NewDotAcc returns an accumulator for a matrix of n rows.
func NewDotAcc(n int) *DotAcc {
	return &DotAcc{acc: make([]float64, n), mark: make([]int, n)}
}

// Row accumulates the dot products of row i of x (xt is x.Transpose())
// with every other row and returns the rows j ≠ i that share a column
// with it, in order of first touch; Dot then reads the products. (UpperAcc
// does the same for the rows j > i only.)
func (a *DotAcc) Row(x, xt *CSR, i int) []int {
	a.touched = a.touched[:0]
	// A new stamp each call: the same row given twice in a row (k-means++
	// may draw it twice) starts from zero again.
	a.stamp++
	stamp := a.stamp
	acc, mark := a.acc, a.mark
	for k := x.Indptr[i]; k < x.Indptr[i+1]; k++ {
		c, v := x.Ind[k], x.Val[k]
		lo, hi := xt.Indptr[c], xt.Indptr[c+1]
		rows, wts := xt.Ind[lo:hi], xt.Val[lo:hi]
		for p, j := range rows {
			if mark[j] != stamp {
				if j == i { // mark[i] is never set
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

// Dot returns the dot product of the row last given to Row with row j: 0
// when they share no column, and for the row itself.
func (a *DotAcc) Dot(j int) float64 {
	if a.mark[j] == a.stamp {
		return a.acc[j]
	}
	return 0
}

// UpperAcc accumulates the dot products of row i with the rows j > i
// through the inverted index, for what scores each pair once, from its
// lower row: vector.TopK, vector.CosineMatrix and the condensed distances of
// cluster.Agglomerate. at[k] is the position of x's entry k in xt (see
// ColumnPositions), so the rows above i in column c are the rest of c's
// posting list after at[k], found without a search. Between rows acc is
// all zero and seen all false. The sum for a pair runs over the shared
// columns in ascending order starting from 0, exactly as DotAcc.Row does.
type UpperAcc struct {
	acc     []float64
	seen    []bool
	touched []int
}

// NewUpperAcc returns an accumulator for a matrix of n rows.
func NewUpperAcc(n int) *UpperAcc {
	return &UpperAcc{acc: make([]float64, n), seen: make([]bool, n)}
}

// ColumnPositions returns, for every stored entry k of x, its index in
// xt.Ind and xt.Val (xt is x.Transpose(), which fills each column in row
// order, as done here).
func ColumnPositions(x, xt *CSR) []int {
	next := slices.Clone(xt.Indptr[:x.Cols])
	at := make([]int, len(x.Ind))
	for k, c := range x.Ind {
		at[k] = next[c]
		next[c]++
	}
	return at
}

// Upper accumulates x_i·x_j for every row j > i sharing a stored column
// with row i and returns those rows. The caller must take each of them
// (which also restores the all-zero state) before the next call. When the
// postings to visit outnumber the rows above i, it skips the per-posting
// test and lists the touched rows by one scan of seen, in ascending order;
// otherwise it lists them as first touched.
func (a *UpperAcc) Upper(x, xt *CSR, at []int, i int) []int {
	a.touched = a.touched[:0]
	lo, hi := x.Indptr[i], x.Indptr[i+1]
	work := 0
	for k := lo; k < hi; k++ {
		work += xt.Indptr[x.Ind[k]+1] - at[k] - 1
	}
	acc, seen := a.acc, a.seen
	if work >= len(acc)-i-1 {
		for k := lo; k < hi; k++ {
			v, end := x.Val[k], xt.Indptr[x.Ind[k]+1]
			rows, wts := xt.Ind[at[k]+1:end], xt.Val[at[k]+1:end]
			for p, j := range rows {
				acc[j] += v * wts[p]
				seen[j] = true
			}
		}
		for j := i + 1; j < len(seen); j++ {
			if seen[j] {
				a.touched = append(a.touched, j)
			}
		}
		return a.touched
	}
	for k := lo; k < hi; k++ {
		v, end := x.Val[k], xt.Indptr[x.Ind[k]+1]
		rows, wts := xt.Ind[at[k]+1:end], xt.Val[at[k]+1:end]
		for p, j := range rows {
			if !seen[j] {
				seen[j] = true
				a.touched = append(a.touched, j)
			}
			acc[j] += v * wts[p]
		}
	}
	return a.touched
}

// Take returns the dot product accumulated for row j and clears it.
func (a *UpperAcc) Take(j int) float64 {
	d := a.acc[j]
	a.acc[j], a.seen[j] = 0, false
	return d
}
