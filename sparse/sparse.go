package sparse

import (
	"fmt"
	"math"
	"slices"
)

// CSR is a sparse matrix in compressed sparse row form. Row i's stored
// entries are Ind[Indptr[i]:Indptr[i+1]] (column indices, strictly
// ascending) and the matching Val slice. Indptr has Rows+1 elements, starts
// at 0 and never decreases; every column index is in [0, Cols); every value
// is finite, and each row's Σ v² is at most 1e300, so that no dot product,
// norm or distance computed here can overflow. Unstored entries are zero.
//
// The fields are exported so callers can read a matrix without copying it;
// functions in this package panic with a "sparse: " message when handed a
// CSR that breaks these rules (a programming error, not a data error).
type CSR struct {
	Rows, Cols int
	Indptr     []int
	Ind        []int
	Val        []float64
}

// CSRBuilder assembles a CSR one row at a time. The zero value is not
// usable; call NewCSRBuilder.
type CSRBuilder struct {
	cols   int
	indptr []int
	ind    []int
	val    []float64
	keys   []int // scratch for AddMap
}

// NewCSRBuilder returns a builder for a matrix with cols columns. It panics
// if cols is negative.
func NewCSRBuilder(cols int) *CSRBuilder {
	if cols < 0 {
		panic(fmt.Sprintf("sparse: NewCSRBuilder: negative column count %d", cols))
	}
	return &CSRBuilder{cols: cols, indptr: []int{0}}
}

// Grow reserves room for rows more rows and nnz more entries.
func (b *CSRBuilder) Grow(rows, nnz int) {
	b.indptr = slices.Grow(b.indptr, rows)
	b.ind = slices.Grow(b.ind, nnz)
	b.val = slices.Grow(b.val, nnz)
}

// AddRow appends a row given as parallel slices of column indices (strictly
// ascending) and values. Zero values are not stored. It panics if the slices
// differ in length, a column is out of range or out of order, or a value is
// NaN or infinite.
func (b *CSRBuilder) AddRow(cols []int, vals []float64) {
	if len(cols) != len(vals) {
		panic(fmt.Sprintf("sparse: AddRow: %d columns but %d values", len(cols), len(vals)))
	}
	prev := -1
	for k, c := range cols {
		if c <= prev || c >= b.cols {
			panic(fmt.Sprintf("sparse: AddRow: row %d: column %d out of order or range [0,%d)", len(b.indptr)-1, c, b.cols))
		}
		prev = c
		b.push(c, vals[k])
	}
	b.indptr = append(b.indptr, len(b.ind))
}

// AddMap appends a row given as a map from column index to value. Zero
// values are not stored. It panics on an out-of-range column or a NaN or
// infinite value.
func (b *CSRBuilder) AddMap(row map[int]float64) {
	b.keys = b.keys[:0]
	for c := range row {
		if c < 0 || c >= b.cols {
			panic(fmt.Sprintf("sparse: AddMap: row %d: column %d out of range [0,%d)", len(b.indptr)-1, c, b.cols))
		}
		b.keys = append(b.keys, c)
	}
	slices.Sort(b.keys)
	for _, c := range b.keys {
		b.push(c, row[c])
	}
	b.indptr = append(b.indptr, len(b.ind))
}

func (b *CSRBuilder) push(c int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		panic(fmt.Sprintf("sparse: row %d column %d: non-finite value %g", len(b.indptr)-1, c, v))
	}
	if v == 0 {
		return
	}
	b.ind = append(b.ind, c)
	b.val = append(b.val, v)
}

// Build returns the matrix holding every row added so far. The builder
// must not be used afterwards.
func (b *CSRBuilder) Build() *CSR {
	m := &CSR{Rows: len(b.indptr) - 1, Cols: b.cols, Indptr: b.indptr, Ind: b.ind, Val: b.val}
	if m.Ind == nil {
		m.Ind, m.Val = []int{}, []float64{}
	}
	*b = CSRBuilder{}
	return m
}

// FromDense returns the CSR form of a dense matrix given as rows of equal
// length (zeros are not stored). It panics on ragged rows or non-finite
// values.
func FromDense(rows [][]float64) *CSR {
	cols := 0
	if len(rows) > 0 {
		cols = len(rows[0])
	}
	b := NewCSRBuilder(cols)
	var ind []int
	var val []float64
	for i, r := range rows {
		if len(r) != cols {
			panic(fmt.Sprintf("sparse: FromDense: row %d has %d columns, row 0 has %d", i, len(r), cols))
		}
		ind, val = ind[:0], val[:0]
		for c, v := range r {
			if v != 0 {
				ind = append(ind, c)
				val = append(val, v)
			}
		}
		b.AddRow(ind, val)
	}
	return b.Build()
}

// Dense returns m as a dense Rows×Cols matrix, for printing and tests.
func (m *CSR) Dense() [][]float64 {
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

// NNZ returns the number of stored entries.
func (m *CSR) NNZ() int { return len(m.Ind) }

// Row returns the column indices and values stored for row i. The slices
// alias the matrix and must not be modified. It panics if i is out of range.
func (m *CSR) Row(i int) (ind []int, val []float64) {
	if i < 0 || i >= m.Rows {
		panic(fmt.Sprintf("sparse: Row: index %d out of range [0,%d)", i, m.Rows))
	}
	lo, hi := m.Indptr[i], m.Indptr[i+1]
	return m.Ind[lo:hi], m.Val[lo:hi]
}

// RowDot returns the dot product Σ_c m[i,c]·other[j,c] of row i of m and row
// j of other, merging the two sorted index lists (columns summed in
// ascending order). It panics if the matrices differ in column count.
func (m *CSR) RowDot(i int, other *CSR, j int) float64 {
	if m.Cols != other.Cols {
		panic(fmt.Sprintf("sparse: RowDot: %d columns vs %d", m.Cols, other.Cols))
	}
	ai, av := m.Row(i)
	bi, bv := other.Row(j)
	return sparseDot(ai, av, bi, bv)
}

// sparseDot is the merge dot product of two sorted sparse vectors.
func sparseDot(ai []int, av []float64, bi []int, bv []float64) float64 {
	var s float64
	p, q := 0, 0
	for p < len(ai) && q < len(bi) {
		switch {
		case ai[p] < bi[q]:
			p++
		case ai[p] > bi[q]:
			q++
		default:
			s += av[p] * bv[q]
			p++
			q++
		}
	}
	return s
}

// SqDist is Σ_c (a_c − b_c)², merging two sorted sparse vectors; it
// avoids the cancellation of ‖a‖²+‖b‖²−2a·b for nearly equal vectors.
func SqDist(ai []int, av []float64, bi []int, bv []float64) float64 {
	var s float64
	p, q := 0, 0
	for p < len(ai) || q < len(bi) {
		var d float64
		switch {
		case q == len(bi) || (p < len(ai) && ai[p] < bi[q]):
			d = av[p]
			p++
		case p == len(ai) || ai[p] > bi[q]:
			d = bv[q]
			q++
		default:
			d = av[p] - bv[q]
			p++
			q++
		}
		s += d * d
	}
	return s
}

// RowNorms returns the Euclidean norm ‖row i‖₂ = √(Σ_c m[i,c]²) of every row.
func (m *CSR) RowNorms() []float64 {
	out := make([]float64, m.Rows)
	for i := range out {
		_, v := m.Row(i)
		out[i] = L2Norm(v)
	}
	return out
}

// Transpose returns the Cols×Rows transpose of m (compressed sparse column
// form of m, read as rows). Within each output row the indices ascend.
func (m *CSR) Transpose() *CSR {
	m.MustValid()
	t := &CSR{Rows: m.Cols, Cols: m.Rows}
	t.Indptr, t.Ind, t.Val = TransposeSlices(m.Rows, m.Cols, m.Indptr, m.Ind, m.Val)
	return t
}

// TransposeSlices transposes the rows × cols matrix held in compressed
// sparse row slices — row i holds columns ind[ptr[i]:ptr[i+1]] with values
// val — and returns the transpose in the same form: row j of the result
// lists, in ascending order, the rows of the input holding column j. It is
// CSR.Transpose for callers that keep their own matrix type with narrower
// column indices (scale.Counts and wordvec's PPMI matrix hold int32s, half
// the memory of a CSR's ints).
func TransposeSlices[I int | int32](rows, cols int, ptr []int, ind []I, val []float64) (tptr []int, tind []I, tval []float64) {
	tptr = make([]int, cols+1)
	tind = make([]I, len(ind))
	tval = make([]float64, len(val))
	for _, c := range ind {
		tptr[c+1]++
	}
	for j := range cols {
		tptr[j+1] += tptr[j]
	}
	next := slices.Clone(tptr[:cols])
	for i := range rows {
		for k := ptr[i]; k < ptr[i+1]; k++ {
			c := ind[k]
			tind[next[c]] = I(i)
			tval[next[c]] = val[k]
			next[c]++
		}
	}
	return tptr, tind, tval
}

// SumRows returns a len(groups)×Cols matrix whose row g is the sum of the
// rows of m listed in groups[g] (in the order listed). An empty group gives
// an all-zero row; a row may appear in several groups. Entries that sum to
// exactly zero are not stored. It panics on an out-of-range row index.
func (m *CSR) SumRows(groups [][]int) *CSR {
	m.MustValid()
	acc := make([]float64, m.Cols)
	seen := make([]bool, m.Cols)
	var touched []int
	var val []float64
	b := NewCSRBuilder(m.Cols)
	for g, rows := range groups {
		touched = touched[:0]
		for _, i := range rows {
			if i < 0 || i >= m.Rows {
				panic(fmt.Sprintf("sparse: SumRows: group %d: row %d out of range [0,%d)", g, i, m.Rows))
			}
			ind, v := m.Row(i)
			for k, c := range ind {
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
				acc[c] += v[k]
			}
		}
		slices.Sort(touched)
		val = val[:0]
		for _, c := range touched {
			val = append(val, acc[c])
			acc[c], seen[c] = 0, false
		}
		b.AddRow(touched, val)
	}
	return b.Build()
}

// MaxRowSquare bounds Σ v² of a row (see CSR).
const MaxRowSquare = 1e300

// SelectRows returns the listed rows of m, in that order, as a matrix of
// their own with m's columns (a row may be listed twice).
func (m *CSR) SelectRows(rows []int) *CSR {
	nnz := 0
	for _, i := range rows {
		nnz += m.Indptr[i+1] - m.Indptr[i]
	}
	s := &CSR{Rows: len(rows), Cols: m.Cols, Indptr: make([]int, 1, len(rows)+1),
		Ind: make([]int, 0, nnz), Val: make([]float64, 0, nnz)}
	for _, i := range rows {
		s.Ind = append(s.Ind, m.Ind[m.Indptr[i]:m.Indptr[i+1]]...)
		s.Val = append(s.Val, m.Val[m.Indptr[i]:m.Indptr[i+1]]...)
		s.Indptr = append(s.Indptr, len(s.Ind))
	}
	return s
}

// MustValid panics with a "sparse: " message unless m obeys the CSR
// invariants documented on the type. It costs O(Rows + NNZ).
func (m *CSR) MustValid() {
	if err := m.Validate(); err != nil {
		panic("sparse: malformed CSR: " + err.Error())
	}
}

// Validate returns an error saying which invariant of CSR m breaks, nil
// when it obeys them all. It costs O(Rows + NNZ).
func (m *CSR) Validate() error {
	if m == nil {
		return fmt.Errorf("nil matrix")
	}
	if m.Rows < 0 || m.Cols < 0 || len(m.Indptr) != m.Rows+1 || m.Indptr[0] != 0 {
		return fmt.Errorf("shape %d×%d with %d row pointers", m.Rows, m.Cols, len(m.Indptr))
	}
	if len(m.Ind) != len(m.Val) || m.Indptr[m.Rows] != len(m.Ind) {
		return fmt.Errorf("%d indices, %d values, last row pointer %d", len(m.Ind), len(m.Val), m.Indptr[m.Rows])
	}
	for i := range m.Rows {
		lo, hi := m.Indptr[i], m.Indptr[i+1]
		if hi < lo {
			return fmt.Errorf("row %d: decreasing row pointers", i)
		}
		prev := -1
		var sq float64
		for k := lo; k < hi; k++ {
			c, v := m.Ind[k], m.Val[k]
			if c <= prev || c >= m.Cols {
				return fmt.Errorf("row %d: column %d out of order or range", i, c)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("row %d column %d: non-finite value", i, c)
			}
			prev = c
			sq += v * v
		}
		if !(sq <= MaxRowSquare) {
			return fmt.Errorf("row %d: values too large (squared norm %g above %g)", i, sq, MaxRowSquare)
		}
	}
	return nil
}
