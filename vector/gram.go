package vector

import (
	"context"

	"github.com/tifa-project/tifa/sparse"
)

// GramExact reports whether x's nearest neighbours can be read from its
// Gram matrix (TopKGram): every stored value positive, and the smallest
// squared above zero, so that two rows share a column exactly when their
// product is positive — what TopK asks of a candidate. TF-IDF vectors
// qualify.
func GramExact(x *sparse.CSR) bool {
	low := 1.0
	for _, v := range x.Val {
		if !(v > 0) {
			return false
		}
		low = min(low, v)
	}
	return low*low > 0
}

// TopKGram is TopKContext for a matrix whose Gram matrix g is at hand and
// for which GramExact holds: the same neighbours and scores, bit for bit
// (a pair's product is summed as TopK sums it), at O(n²) instead of the
// pairs' shared columns. It panics if g is not n×n.
func TopKGram(ctx context.Context, x *sparse.CSR, g *sparse.Gram, k int) ([][]Neighbor, error) {
	n := x.Rows
	if g.N != n {
		panic("vector: TopKGram: Gram matrix of another size")
	}
	out, k, done, err := startTopK(ctx, n, k)
	if done {
		return out, err
	}
	norms := x.RowNorms()
	t := newRowHeaps(n, k)
	for i := range n - 1 {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ni := norms[i]
		for o, dot := range g.Upper(i) {
			if !(dot > 0) {
				continue // no shared column
			}
			j := i + 1 + o
			s := sparse.Cosine(dot, ni, norms[j])
			if ni > 0 && s >= t.floor[i] {
				t.offer(i, Neighbor{Index: j, Score: s})
			}
			if norms[j] > 0 && s >= t.floor[j] {
				t.offer(j, Neighbor{Index: i, Score: s})
			}
		}
	}
	mergeHeaps(out, []*rowHeaps{t}, k)
	return out, nil
}
