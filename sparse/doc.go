// Package sparse holds the sparse matrices tifa's vectors live in and the
// products computed on them: a CSR (compressed sparse row) matrix built a
// row at a time, its transpose, row sums, dot products and norms, and the
// accumulators that compute a row's dot products with every other row
// through the transpose (an inverted index), touching only the rows that
// share a column.
//
// Every sum runs in a fixed order — a pair's products over their shared
// columns in ascending order, dense vectors by index — so dot(i,j) equals
// dot(j,i) to the last bit and no result depends on how work was split
// between goroutines. Cosine similarity is
//
//	cos(i,j) = Σ_c x[i,c]·x[j,c] / (‖x_i‖₂ · ‖x_j‖₂)
//
// clamped to [−1, 1], and 0 for an all-zero row.
//
// gonum's mat has no sparse type, and its dense BLAS kernels sum in an
// order of their own; these few loops are written here so that tifa's
// outputs are the same bytes on every machine. A CSR that breaks its
// invariants is a programming error: functions panic with a "sparse: "
// message, and Validate says which invariant breaks.
package sparse
