package scale

import (
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/sparse"
)

func TestCountsFromDocs(t *testing.T) {
	// Oracle: counted by hand.
	y, err := CountsFromDocs([][]int32{{2, 0, 2, 2}, {}, {1}}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(y.Ptr, []int{0, 2, 2, 3}) || !slices.Equal(y.Col, []int32{0, 2, 1}) || !slices.Equal(y.Val, []float64{1, 3, 1}) {
		t.Errorf("got %+v", y)
	}
	yt := y.transpose()
	if !slices.Equal(yt.Ptr, []int{0, 1, 2, 3}) || !slices.Equal(yt.Col, []int32{0, 2, 0}) || !slices.Equal(yt.Val, []float64{1, 1, 3}) {
		t.Errorf("transpose %+v", yt)
	}
}

func TestCountsErrors(t *testing.T) {
	tests := []struct {
		name string
		rows [][]Cell
		cols int
		want string
	}{
		{"column out of range", [][]Cell{{{0, 1}}, {{3, 1}}}, 3, "row 1: column 3 out of range"},
		{"negative count", [][]Cell{{{0, -1}}}, 3, "count -1"},
		{"negative column", [][]Cell{{{-1, 1}}}, 3, "column -1"},
	}
	for _, tc := range tests {
		if _, err := NewCounts(tc.rows, tc.cols); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	bad := []*Counts{
		{Rows: 1, Cols: 2, Ptr: []int{0, 2}, Col: []int32{1, 0}, Val: []float64{1, 1}}, // unsorted
		{Rows: 1, Cols: 2, Ptr: []int{0, 1}, Col: []int32{0}, Val: []float64{1, 2}},    // lengths
		{Rows: 2, Cols: 2, Ptr: []int{0, 1, 0}, Col: []int32{0}, Val: []float64{1}},    // pointers
	}
	for i, y := range bad {
		if y.Check() == nil {
			t.Errorf("bad matrix %d passed Check", i)
		}
	}
}

func TestCountsFromCSR(t *testing.T) {
	// Oracle: by hand; the same matrix as TestCountsFromDocs.
	m := sparse.FromDense([][]float64{{1, 0, 3}, {0, 0, 0}, {0, 1, 0}})
	y, err := CountsFromCSR(m)
	if err != nil {
		t.Fatal(err)
	}
	if y.Rows != 3 || y.Cols != 3 || !slices.Equal(y.Ptr, []int{0, 2, 2, 3}) || !slices.Equal(y.Col, []int32{0, 2, 1}) || !slices.Equal(y.Val, []float64{1, 3, 1}) {
		t.Errorf("got %+v", y)
	}
	if _, err := CountsFromCSR(sparse.FromDense([][]float64{{-1}})); err == nil {
		t.Error("negative count: no error")
	}
}
