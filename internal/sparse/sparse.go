// Package sparse transposes compressed-sparse-row matrices, the one
// routine the methods packages (scale, wordvec) share; each keeps its own
// matrix type. (The vector package of issue 13 will hold the project's
// sparse matrix; these can move onto it then.)
package sparse

import "slices"

// Transpose returns the rows × cols matrix (ptr, col, val) transposed, in
// the same form: row j of the result lists, in ascending order, the rows
// of the input holding column j.
func Transpose(rows, cols int, ptr []int, col []int32, val []float64) (tptr []int, tcol []int32, tval []float64) {
	tptr = make([]int, cols+1)
	tcol = make([]int32, len(col))
	tval = make([]float64, len(val))
	for _, c := range col {
		tptr[c+1]++
	}
	for j := range cols {
		tptr[j+1] += tptr[j]
	}
	next := slices.Clone(tptr[:cols])
	for i := range rows {
		for k := ptr[i]; k < ptr[i+1]; k++ {
			c := col[k]
			tcol[next[c]] = int32(i)
			tval[next[c]] = val[k]
			next[c]++
		}
	}
	return tptr, tcol, tval
}
