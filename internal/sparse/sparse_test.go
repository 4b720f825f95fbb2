package sparse

import (
	"slices"
	"testing"
)

func TestTranspose(t *testing.T) {
	// Oracle: by hand. [[1 0 2] [0 0 3]] → [[1 0] [0 0] [2 3]].
	ptr, col, val := Transpose(2, 3, []int{0, 2, 3}, []int32{0, 2, 2}, []float64{1, 2, 3})
	if !slices.Equal(ptr, []int{0, 1, 1, 3}) || !slices.Equal(col, []int32{0, 0, 1}) || !slices.Equal(val, []float64{1, 2, 3}) {
		t.Errorf("got %v %v %v", ptr, col, val)
	}
}
