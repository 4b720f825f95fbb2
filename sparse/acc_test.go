package sparse

import "testing"

// TestDotAcc: the products of a row with every other row equal RowDot,
// also when the same row is given twice in a row (k-means++ may draw a
// row twice) and after other rows.
func TestDotAcc(t *testing.T) {
	x := FromDense([][]float64{{1, 2, 0}, {0, 3, 1}, {2, 0, 5}, {0, 0, 0}})
	xt := x.Transpose()
	a := NewDotAcc(x.Rows)
	for _, i := range []int{1, 1, 0, 2, 2, 2, 1} {
		touched := a.Row(x, xt, i)
		for j := range x.Rows {
			want := x.RowDot(i, x, j)
			if j == i {
				want = 0
			}
			if got := a.Dot(j); got != want {
				t.Fatalf("row %d · row %d = %v, want %v (touched %v)", i, j, got, want, touched)
			}
		}
	}
}
