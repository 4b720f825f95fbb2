package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
)

// toDense expands m for comparisons in tests.
func toDense(m *CSR) [][]float64 {
	out := make([][]float64, m.Rows)
	for i := range out {
		out[i] = make([]float64, m.Cols)
		ind, val := m.Row(i)
		for k, c := range ind {
			out[i][c] = val[k]
		}
	}
	return out
}

// randomCSR returns rows×cols with about nnz entries per row, values in
// [1, 4) (counts-like), from a fixed seed.
func randomCSR(rows, cols, nnz int, seed uint64) *CSR {
	b := NewCSRBuilder(cols)
	for _, row := range testkit.RandomRows(rows, cols, nnz, seed) {
		b.AddMap(row)
	}
	return b.Build()
}

func TestCSRBuilder(t *testing.T) {
	b := NewCSRBuilder(5)
	b.AddRow([]int{0, 3}, []float64{1, 2})
	b.AddMap(map[int]float64{4: 5, 1: 0, 2: -1}) // the zero is not stored
	b.AddRow(nil, nil)
	m := b.Build()
	want := &CSR{Rows: 3, Cols: 5, Indptr: []int{0, 2, 4, 4}, Ind: []int{0, 3, 2, 4}, Val: []float64{1, 2, -1, 5}}
	if m.Rows != want.Rows || m.Cols != want.Cols || !slices.Equal(m.Indptr, want.Indptr) ||
		!slices.Equal(m.Ind, want.Ind) || !testkit.CloseSlice(m.Val, want.Val, 0) {
		t.Fatalf("got %+v, want %+v", m, want)
	}
	if err := m.validate(); err != nil {
		t.Fatal(err)
	}
	if ind, val := m.Row(2); len(ind) != 0 || len(val) != 0 {
		t.Errorf("row 2 = %v %v, want empty", ind, val)
	}
}

func TestCSRBuilderPanics(t *testing.T) {
	tests := []struct {
		name string
		add  func(b *CSRBuilder)
	}{
		{"unsorted", func(b *CSRBuilder) { b.AddRow([]int{2, 1}, []float64{1, 1}) }},
		{"duplicate", func(b *CSRBuilder) { b.AddRow([]int{1, 1}, []float64{1, 1}) }},
		{"out of range", func(b *CSRBuilder) { b.AddRow([]int{3}, []float64{1}) }},
		{"negative column", func(b *CSRBuilder) { b.AddMap(map[int]float64{-1: 1}) }},
		{"length mismatch", func(b *CSRBuilder) { b.AddRow([]int{1}, nil) }},
		{"NaN", func(b *CSRBuilder) { b.AddRow([]int{1}, []float64{math.NaN()}) }},
		{"Inf", func(b *CSRBuilder) { b.AddMap(map[int]float64{0: math.Inf(1)}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "analysis: ") {
					t.Errorf("recovered %v, want an analysis: panic", r)
				}
			}()
			tt.add(NewCSRBuilder(3))
		})
	}
}

func TestRowDotTransposeSumRows(t *testing.T) {
	d := [][]float64{
		{1, 0, 2, 0},
		{0, 3, 0, 0},
		{4, 0, 5, 6},
	}
	m := FromDense(d)
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
	if err := tr.validate(); err != nil {
		t.Fatal(err)
	}
	wantT := [][]float64{{1, 0, 4}, {0, 3, 0}, {2, 0, 5}, {0, 0, 6}}
	if got := toDense(tr); !testkit.CloseMatrix(got, wantT, 0) {
		t.Errorf("Transpose:%s\nwant:%s", testkit.FmtMatrix(got), testkit.FmtMatrix(wantT))
	}
	s := m.SumRows([][]int{{0, 2}, {}, {1}, {1, 1}})
	wantS := [][]float64{{5, 0, 7, 6}, {0, 0, 0, 0}, {0, 3, 0, 0}, {0, 6, 0, 0}}
	if got := toDense(s); !testkit.CloseMatrix(got, wantS, 0) || s.validate() != nil {
		t.Errorf("SumRows:%s\nwant:%s", testkit.FmtMatrix(got), testkit.FmtMatrix(wantS))
	}
	if got := m.RowNorms(); !testkit.CloseSlice(got, []float64{math.Sqrt(5), 3, math.Sqrt(77)}, 1e-12) {
		t.Errorf("RowNorms = %v", got)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name string
		m    *CSR
	}{
		{"nil", nil},
		{"short indptr", &CSR{Rows: 2, Cols: 1, Indptr: []int{0, 0}}},
		{"unsorted", &CSR{Rows: 1, Cols: 3, Indptr: []int{0, 2}, Ind: []int{2, 1}, Val: []float64{1, 1}}},
		{"column range", &CSR{Rows: 1, Cols: 2, Indptr: []int{0, 1}, Ind: []int{2}, Val: []float64{1}}},
		{"NaN", &CSR{Rows: 1, Cols: 2, Indptr: []int{0, 1}, Ind: []int{0}, Val: []float64{math.NaN()}}},
		{"row too large", &CSR{Rows: 1, Cols: 2, Indptr: []int{0, 2}, Ind: []int{0, 1}, Val: []float64{1e150, 1e150}}},
		{"decreasing", &CSR{Rows: 2, Cols: 2, Indptr: []int{0, 1, 0}, Ind: []int{0}, Val: []float64{1}}},
	}
	for _, tt := range tests {
		if tt.m.validate() == nil {
			t.Errorf("%s: validate accepted a malformed matrix", tt.name)
		}
	}
}

func TestSparseSqDist(t *testing.T) {
	a := FromDense([][]float64{{1, 0, 2, 0, 3}, {0, 4, 2, 1, 0}})
	ai, av := a.Row(0)
	bi, bv := a.Row(1)
	// (1−0)² + (0−4)² + (2−2)² + (0−1)² + (3−0)² = 1+16+0+1+9 = 27
	if got := sparseSqDist(ai, av, bi, bv); math.Abs(got-27) > 1e-12 {
		t.Errorf("sparseSqDist = %g, want 27", got)
	}
}

func BenchmarkRowDot(b *testing.B) {
	for _, rows := range []int{300, 3000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			m := randomCSR(rows, 20000, 500, 7)
			want := 0.0
			for j := range rows {
				want += m.RowDot(0, m, j)
			}
			b.SetBytes(int64(m.NNZ()) * 16) // index + value per entry
			b.ResetTimer()
			for b.Loop() {
				var s float64
				for j := range rows {
					s += m.RowDot(0, m, j)
				}
				if math.Abs(s-want) > 1e-9*want {
					b.Fatalf("sum of dots %g, want %g", s, want)
				}
			}
		})
	}
}

func ExampleCSRBuilder() {
	// Three reports × four slogans: mention counts.
	b := NewCSRBuilder(4)
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
	m := FromDense([][]float64{
		{1, 0, 2}, // 2019, province A
		{0, 1, 1}, // 2020, province A
		{4, 0, 0}, // 2019, province B
	})
	byProvince := m.SumRows([][]int{{0, 1}, {2}})
	fmt.Println(toDense(byProvince))
	// Output:
	// [[1 1 3] [4 0 0]]
}
