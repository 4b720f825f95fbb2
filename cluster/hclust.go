package cluster

import (
	"fmt"
	"math"
	"slices"

	"github.com/tifa-project/tifa/sparse"
)

// AgglomerateMaxRows is the largest matrix Agglomerate accepts: the
// condensed distance array holds n(n−1)/2 float64s, 1.6 GB at this size.
const AgglomerateMaxRows = 20000

// Merge is one step of an agglomerative clustering, in the convention of
// scipy.cluster.hierarchy.linkage: clusters 0..n−1 are the rows, cluster
// n+i is the one formed by the i-th merge. Left < Right; Size is the number
// of rows in the merged cluster.
type Merge struct {
	Left, Right int
	Distance    float64
	Size        int
}

// Agglomerate clusters the rows of x bottom-up and returns the n−1 merges
// in order of increasing distance, as scipy.cluster.hierarchy.linkage does
// (same algorithm: nearest-neighbour chain, then a stable sort by distance
// and relabelling, so ties resolve as in scipy). Methods:
//
//	"average":  d = 1 − cos between rows; d(A∪B, C) = (|A|·d(A,C) + |B|·d(B,C)) / (|A|+|B|)
//	"complete": d = 1 − cos between rows; d(A∪B, C) = max(d(A,C), d(B,C))
//	"ward":     d = ‖x_i − x_j‖₂ between rows; Lance–Williams update
//	            d(A∪B, C) = √(((|A|+|C|)·d(A,C)² + (|B|+|C|)·d(B,C)² − |C|·d(A,B)²) / (|A|+|B|+|C|))
//
// The cosine of an all-zero row with any row is taken as 0 (distance 1),
// as scikit-learn's cosine_distances does; 1 − cos is clamped to [0, 2].
//
// It needs O(n²) memory (a condensed array of n(n−1)/2 distances, 36 MB at
// 3,000 rows) and O(n² + Σ_c |column c|²) time to fill it, then O(n²) for
// the merges: meant for up to a few thousand rows. More than
// AgglomerateMaxRows is an error, as are zero rows and an unknown method.
// One row gives no merges.
func Agglomerate(x *sparse.CSR, method string) ([]Merge, error) {
	if err := x.Validate(); err != nil {
		return nil, fmt.Errorf("agglomerate: %w", err)
	}
	update, ok := linkageUpdates[method]
	if !ok {
		return nil, fmt.Errorf("agglomerate: method %q: must be average, complete or ward", method)
	}
	n := x.Rows
	switch {
	case n == 0:
		return nil, fmt.Errorf("agglomerate: no rows to cluster")
	case n > AgglomerateMaxRows:
		return nil, fmt.Errorf("agglomerate: %d rows: at most %d (memory grows as n²); use k-means", n, AgglomerateMaxRows)
	}
	d := condensedDistances(x, method == "ward")
	return labelMerges(nnChain(d, n, update), n), nil
}

// linkageUpdate returns d(A∪B, C) from dAC, dBC, dAB and the sizes.
type linkageUpdate func(dAC, dBC, dAB float64, nA, nB, nC int) float64

var linkageUpdates = map[string]linkageUpdate{
	"average": func(dAC, dBC, _ float64, nA, nB, _ int) float64 {
		return (float64(nA)*dAC + float64(nB)*dBC) / float64(nA+nB)
	},
	"complete": func(dAC, dBC, _ float64, _, _, _ int) float64 {
		return max(dAC, dBC)
	},
	"ward": func(dAC, dBC, dAB float64, nA, nB, nC int) float64 {
		t := 1 / float64(nA+nB+nC)
		s := float64(nA+nC)*t*dAC*dAC + float64(nB+nC)*t*dBC*dBC - float64(nC)*t*dAB*dAB
		return math.Sqrt(max(0, s))
	},
}

// condIndex is the position of pair (i, j), i ≠ j, in a condensed array.
func condIndex(n, i, j int) int {
	if i > j {
		i, j = j, i
	}
	return n*i - i*(i+1)/2 + (j - i - 1)
}

// condensedDistances returns the upper triangle of the pairwise distance
// matrix, row by row: Euclidean if euclid, else 1 − cos. Dot products come
// from the inverted index (sparse.DotAcc), so only pairs sharing a column cost
// more than O(1). A Euclidean distance small next to the norms, where
// ‖x‖² + ‖y‖² − 2x·y loses its digits to cancellation, is recomputed as
// Σ (x_c − y_c)² so that identical rows are exactly 0 apart.
func condensedDistances(x *sparse.CSR, euclid bool) []float64 {
	n := x.Rows
	d := make([]float64, n*(n-1)/2)
	norms := x.RowNorms()
	sq := make([]float64, n)
	for i := range n {
		_, v := x.Row(i)
		sq[i] = sparse.SumSquares(v)
	}
	xt := x.Transpose()
	a, at := sparse.NewUpperAcc(n), sparse.ColumnPositions(x, xt)
	for i := range n - 1 {
		row := d[condIndex(n, i, i+1):]
		a.Upper(x, xt, at, i)
		for j := i + 1; j < n; j++ {
			dot := a.Take(j) // 0 for a row sharing no column with i
			if !euclid {
				row[j-i-1] = max(0, min(2, 1-sparse.Cosine(dot, norms[i], norms[j])))
				continue
			}
			d2 := sq[i] + sq[j] - 2*dot
			if d2 < 1e-6*(sq[i]+sq[j]) {
				ai, av := x.Row(i)
				bi, bv := x.Row(j)
				d2 = sparse.SqDist(ai, av, bi, bv)
			}
			row[j-i-1] = math.Sqrt(max(0, d2))
		}
	}
	return d
}

// nnChain runs the nearest-neighbour-chain algorithm on the condensed
// distances d (overwritten) and returns merges with the ids of the
// surviving slots (the merged cluster takes the higher slot), unsorted.
func nnChain(d []float64, n int, update linkageUpdate) []Merge {
	merges := make([]Merge, 0, max(0, n-1))
	size := make([]int, n)
	for i := range size {
		size[i] = 1
	}
	chain := make([]int, 0, n)
	for range n - 1 {
		if len(chain) == 0 {
			chain = append(chain, slices.IndexFunc(size, func(s int) bool { return s > 0 }))
		}
		var x, y int
		var dmin float64
		for {
			x = chain[len(chain)-1]
			dmin = math.Inf(1)
			if len(chain) > 1 {
				y = chain[len(chain)-2]
				dmin = d[condIndex(n, x, y)]
			}
			for i := range n {
				if size[i] == 0 || i == x {
					continue
				}
				if v := d[condIndex(n, x, i)]; v < dmin {
					dmin, y = v, i
				}
			}
			if len(chain) > 1 && y == chain[len(chain)-2] {
				break
			}
			chain = append(chain, y)
		}
		chain = chain[:len(chain)-2]
		if x > y {
			x, y = y, x
		}
		nx, ny := size[x], size[y]
		merges = append(merges, Merge{Left: x, Right: y, Distance: dmin, Size: nx + ny})
		size[x], size[y] = 0, nx+ny
		for i := range n {
			if size[i] == 0 || i == y {
				continue
			}
			d[condIndex(n, i, y)] = update(d[condIndex(n, i, x)], d[condIndex(n, i, y)], dmin, nx, ny, size[i])
		}
	}
	return merges
}

// labelMerges sorts merges stably by distance and renames slots to scipy
// cluster ids (n+i for the i-th merge) with a union-find.
func labelMerges(merges []Merge, n int) []Merge {
	slices.SortStableFunc(merges, func(a, b Merge) int {
		switch {
		case a.Distance < b.Distance:
			return -1
		case a.Distance > b.Distance:
			return 1
		}
		return 0
	})
	parent := make([]int, 2*n-1)
	for i := range parent {
		parent[i] = i
	}
	find := func(v int) int {
		r := v
		for parent[r] != r {
			r = parent[r]
		}
		for parent[v] != r {
			parent[v], v = r, parent[v]
		}
		return r
	}
	for i := range merges {
		a, b := find(merges[i].Left), find(merges[i].Right)
		merges[i].Left, merges[i].Right = min(a, b), max(a, b)
		parent[a], parent[b] = n+i, n+i
	}
	return merges
}

// Cut returns flat cluster labels for the n rows of a clustering by
// applying its first n−k merges (stopping when k clusters remain), as
// scipy's cut_tree does. Labels are numbered by first appearance in row
// order: row 0 is in cluster 0. k < 1 is treated as 1 and k > n as n. It
// panics if merges does not have n−1 entries with valid ids.
func Cut(merges []Merge, n, k int) []int {
	if n < 0 || len(merges) != max(0, n-1) {
		panic(fmt.Sprintf("cluster: Cut: %d merges for %d rows", len(merges), n))
	}
	if n == 0 {
		return []int{}
	}
	k = max(1, min(k, n))
	parent := make([]int, 2*n)
	for i := range parent {
		parent[i] = i
	}
	find := func(v int) int {
		for parent[v] != v {
			parent[v], v = parent[parent[v]], parent[v]
		}
		return v
	}
	for i, m := range merges[:n-k] {
		if m.Left < 0 || m.Right < 0 || m.Left >= n+i || m.Right >= n+i {
			panic(fmt.Sprintf("cluster: Cut: merge %d joins %d and %d", i, m.Left, m.Right))
		}
		parent[find(m.Left)], parent[find(m.Right)] = n+i, n+i
	}
	labels := make([]int, n)
	ids := map[int]int{}
	for i := range labels {
		r := find(i)
		l, ok := ids[r]
		if !ok {
			l = len(ids)
			ids[r] = l
		}
		labels[i] = l
	}
	return labels
}

// LeafOrder returns the n rows in the order a dendrogram of merges draws
// them, as scipy.cluster.hierarchy.leaves_list does: a depth-first walk
// from the last merge, left before right. Rows that are close in the tree
// are adjacent, so a similarity matrix reordered this way shows its
// clusters as blocks along the diagonal. No merges and n = 1 give [0]; it
// panics if merges does not have n−1 entries with valid ids.
func LeafOrder(merges []Merge, n int) []int {
	if n < 0 || len(merges) != max(0, n-1) {
		panic(fmt.Sprintf("cluster: LeafOrder: %d merges for %d rows", len(merges), n))
	}
	if n == 0 {
		return []int{}
	}
	out := make([]int, 0, n)
	stack := []int{2*n - 2} // the root: cluster n+(n−2)
	if n == 1 {
		stack[0] = 0
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c < n {
			out = append(out, c)
			continue
		}
		m := merges[c-n]
		if m.Left >= c || m.Right >= c || m.Left < 0 || m.Right < 0 {
			panic(fmt.Sprintf("cluster: LeafOrder: merge %d joins %d and %d", c-n, m.Left, m.Right))
		}
		stack = append(stack, m.Right, m.Left) // left is popped first
	}
	return out
}
