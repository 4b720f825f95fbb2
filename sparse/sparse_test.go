package sparse_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

func TestCSRBuilder(t *testing.T) {
	b := sparse.NewCSRBuilder(5)
	b.AddRow([]int{0, 3}, []float64{1, 2})
	b.AddMap(map[int]float64{4: 5, 1: 0, 2: -1}) // the zero is not stored
	b.AddRow(nil, nil)
	m := b.Build()
	want := &sparse.CSR{Rows: 3, Cols: 5, Indptr: []int{0, 2, 4, 4}, Ind: []int{0, 3, 2, 4}, Val: []float64{1, 2, -1, 5}}
	if m.Rows != want.Rows || m.Cols != want.Cols || !slices.Equal(m.Indptr, want.Indptr) ||
		!slices.Equal(m.Ind, want.Ind) || !testkit.CloseSlice(m.Val, want.Val, 0) {
		t.Fatalf("got %+v, want %+v", m, want)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if ind, val := m.Row(2); len(ind) != 0 || len(val) != 0 {
		t.Errorf("row 2 = %v %v, want empty", ind, val)
	}
}

func TestCSRBuilderPanics(t *testing.T) {
	tests := []struct {
		name string
		add  func(b *sparse.CSRBuilder)
	}{
		{"unsorted", func(b *sparse.CSRBuilder) { b.AddRow([]int{2, 1}, []float64{1, 1}) }},
		{"duplicate", func(b *sparse.CSRBuilder) { b.AddRow([]int{1, 1}, []float64{1, 1}) }},
		{"out of range", func(b *sparse.CSRBuilder) { b.AddRow([]int{3}, []float64{1}) }},
		{"negative column", func(b *sparse.CSRBuilder) { b.AddMap(map[int]float64{-1: 1}) }},
		{"length mismatch", func(b *sparse.CSRBuilder) { b.AddRow([]int{1}, nil) }},
		{"NaN", func(b *sparse.CSRBuilder) { b.AddRow([]int{1}, []float64{math.NaN()}) }},
		{"Inf", func(b *sparse.CSRBuilder) { b.AddMap(map[int]float64{0: math.Inf(1)}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "sparse: ") {
					t.Errorf("recovered %v, want a sparse: panic", r)
				}
			}()
			tt.add(sparse.NewCSRBuilder(3))
		})
	}
}

func TestRowDotTransposeSumRows(t *testing.T) {
	d := [][]float64{
		{1, 0, 2, 0},
		{0, 3, 0, 0},
		{4, 0, 5, 6},
	}
	m := sparse.FromDense(d)
	// Dot products by hand: row0·row2 = 1·4 + 2·5 = 14; row0·row1 = 0.
	dots := []struct {
		name string
		i, j int
		want float64
	}{
		{"0·2", 0, 2, 14}, {"2·0", 2, 0, 14}, {"0·1", 0, 1, 0}, {"2·2", 2, 2, 77},
	}
	for _, tt := range dots {
		if got := m.RowDot(tt.i, m, tt.j); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("RowDot %s = %g, want %g", tt.name, got, tt.want)
		}
	}
	tr := m.Transpose()
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	wantT := [][]float64{{1, 0, 4}, {0, 3, 0}, {2, 0, 5}, {0, 0, 6}}
	if got := tr.Dense(); !testkit.CloseMatrix(got, wantT, 0) {
		t.Errorf("Transpose:%s\nwant:%s", testkit.FmtMatrix(got), testkit.FmtMatrix(wantT))
	}
	s := m.SumRows([][]int{{0, 2}, {}, {1}, {1, 1}})
	wantS := [][]float64{{5, 0, 7, 6}, {0, 0, 0, 0}, {0, 3, 0, 0}, {0, 6, 0, 0}}
	if got := s.Dense(); !testkit.CloseMatrix(got, wantS, 0) || s.Validate() != nil {
		t.Errorf("SumRows:%s\nwant:%s", testkit.FmtMatrix(got), testkit.FmtMatrix(wantS))
	}
	if got := m.RowNorms(); !testkit.CloseSlice(got, []float64{math.Sqrt(5), 3, math.Sqrt(77)}, 1e-12) {
		t.Errorf("RowNorms = %v", got)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name string
		m    *sparse.CSR
	}{
		{"nil", nil},
		{"short indptr", &sparse.CSR{Rows: 2, Cols: 1, Indptr: []int{0, 0}}},
		{"unsorted", &sparse.CSR{Rows: 1, Cols: 3, Indptr: []int{0, 2}, Ind: []int{2, 1}, Val: []float64{1, 1}}},
		{"column range", &sparse.CSR{Rows: 1, Cols: 2, Indptr: []int{0, 1}, Ind: []int{2}, Val: []float64{1}}},
		{"NaN", &sparse.CSR{Rows: 1, Cols: 2, Indptr: []int{0, 1}, Ind: []int{0}, Val: []float64{math.NaN()}}},
		{"row too large", &sparse.CSR{Rows: 1, Cols: 2, Indptr: []int{0, 2}, Ind: []int{0, 1}, Val: []float64{1e150, 1e150}}},
		{"decreasing", &sparse.CSR{Rows: 2, Cols: 2, Indptr: []int{0, 1, 0}, Ind: []int{0}, Val: []float64{1}}},
	}
	for _, tt := range tests {
		if tt.m.Validate() == nil {
			t.Errorf("%s: Validate accepted a malformed matrix", tt.name)
		}
	}
}

func TestSparseSqDist(t *testing.T) {
	a := sparse.FromDense([][]float64{{1, 0, 2, 0, 3}, {0, 4, 2, 1, 0}})
	ai, av := a.Row(0)
	bi, bv := a.Row(1)
	// (1−0)² + (0−4)² + (2−2)² + (0−1)² + (3−0)² = 1+16+0+1+9 = 27
	if got := sparse.SqDist(ai, av, bi, bv); math.Abs(got-27) > 1e-12 {
		t.Errorf("sparse.SqDist = %g, want 27", got)
	}
}

func ExampleCSRBuilder() {
	// Three reports × four slogans: mention counts.
	b := sparse.NewCSRBuilder(4)
	b.AddRow([]int{0, 2}, []float64{3, 1}) // sorted (column, value) pairs
	b.AddMap(map[int]float64{1: 2, 3: 5})  // or a map
	b.AddRow(nil, nil)                     // a report with no mentions
	m := b.Build()
	for i := range m.Rows {
		ind, val := m.Row(i)
		fmt.Println(i, ind, val)
	}
	// Output:
	// 0 [0 2] [3 1]
	// 1 [1 3] [2 5]
	// 2 [] []
}

func ExampleCSR_SumRows() {
	m := sparse.FromDense([][]float64{
		{1, 0, 2}, // 2019, province A
		{0, 1, 1}, // 2020, province A
		{4, 0, 0}, // 2019, province B
	})
	byProvince := m.SumRows([][]int{{0, 1}, {2}})
	fmt.Println(byProvince.Dense())
	// Output:
	// [[1 1 3] [4 0 0]]
}

func TestTransposeSlicesInt32(t *testing.T) {
	// Oracle: by hand. [[1 0 2] [0 0 3]] → [[1 0] [0 0] [2 3]].
	ptr, col, val := sparse.TransposeSlices(2, 3, []int{0, 2, 3}, []int32{0, 2, 2}, []float64{1, 2, 3})
	if !slices.Equal(ptr, []int{0, 1, 1, 3}) || !slices.Equal(col, []int32{0, 0, 1}) || !slices.Equal(val, []float64{1, 2, 3}) {
		t.Errorf("got %v %v %v", ptr, col, val)
	}
}
