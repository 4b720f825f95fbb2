package scale

import (
	"fmt"
	"math"
	"slices"

	"github.com/tifa-project/tifa/sparse"
)

// Counts is a rows × columns matrix of non-negative counts (documents or
// groups × terms) in compressed sparse row form: row i holds the columns
// Col[Ptr[i]:Ptr[i+1]], strictly ascending, with values Val (zeros may be
// stored but need not be). Build it with CountsFromDocs or NewCounts, or
// fill the fields and call Check.
type Counts struct {
	Rows, Cols int
	Ptr        []int
	Col        []int32
	Val        []float64
}

// Cell is one stored entry of a row.
type Cell struct {
	Col   int32
	Count float64
}

// NewCounts builds a Counts from rows of cells in any order; cells of one
// column in a row are added together.
func NewCounts(rows [][]Cell, cols int) (*Counts, error) {
	m := &Counts{Rows: len(rows), Cols: cols, Ptr: make([]int, 1, len(rows)+1)}
	for i, row := range rows {
		cells := slices.Clone(row)
		slices.SortStableFunc(cells, func(a, b Cell) int { return int(a.Col) - int(b.Col) })
		for _, c := range cells {
			if c.Col < 0 || int(c.Col) >= cols {
				return nil, fmt.Errorf("scale: row %d: column %d out of range [0, %d)", i, c.Col, cols)
			}
			if n := len(m.Col); n > m.Ptr[i] && m.Col[n-1] == c.Col {
				m.Val[n-1] += c.Count
				continue
			}
			m.Col = append(m.Col, c.Col)
			m.Val = append(m.Val, c.Count)
		}
		m.Ptr = append(m.Ptr, len(m.Col))
	}
	return m, m.Check()
}

// CountsFromCSR returns the counts of m (units × terms, as package vector
// keeps them), with column indices narrowed to int32; the slices of
// pointers and values are shared, not copied.
func CountsFromCSR(m *sparse.CSR) (*Counts, error) {
	if m.Cols > math.MaxInt32 {
		return nil, fmt.Errorf("scale: %d columns: at most %d", m.Cols, math.MaxInt32)
	}
	c := &Counts{Rows: m.Rows, Cols: m.Cols, Ptr: m.Indptr, Col: make([]int32, len(m.Ind)), Val: m.Val}
	for k, j := range m.Ind {
		c.Col[k] = int32(j)
	}
	return c, c.Check()
}

// CountsFromDocs counts the term ids of each document: row i, column w is
// the number of times w occurs in docs[i].
func CountsFromDocs(docs [][]int32, nTerms int) (*Counts, error) {
	rows := make([][]Cell, len(docs))
	for i, d := range docs {
		rows[i] = make([]Cell, len(d))
		for k, w := range d {
			rows[i][k] = Cell{w, 1}
		}
	}
	return NewCounts(rows, nTerms)
}

// Check reports the first problem with m's shape or values: pointers out
// of order, columns out of range or not ascending, a negative, infinite or
// NaN count.
func (m *Counts) Check() error {
	if m.Rows < 0 || m.Cols < 0 || len(m.Ptr) != m.Rows+1 || m.Ptr[0] != 0 ||
		m.Ptr[m.Rows] != len(m.Col) || len(m.Col) != len(m.Val) {
		return fmt.Errorf("scale: counts: malformed %d × %d matrix (%d pointers, %d columns, %d values)",
			m.Rows, m.Cols, len(m.Ptr), len(m.Col), len(m.Val))
	}
	for i := range m.Rows {
		if m.Ptr[i] > m.Ptr[i+1] {
			return fmt.Errorf("scale: counts: row %d: pointers decrease", i)
		}
		for k := m.Ptr[i]; k < m.Ptr[i+1]; k++ {
			c, v := m.Col[k], m.Val[k]
			if c < 0 || int(c) >= m.Cols || (k > m.Ptr[i] && m.Col[k-1] >= c) {
				return fmt.Errorf("scale: counts: row %d: column %d out of range or order", i, c)
			}
			if !(v >= 0) || math.IsInf(v, 1) {
				return fmt.Errorf("scale: counts: row %d, column %d: count %g", i, c, v)
			}
		}
	}
	return nil
}

// sums returns the row and column sums and the total.
func (m *Counts) sums() (rows, cols []float64, total float64) {
	rows = make([]float64, m.Rows)
	cols = make([]float64, m.Cols)
	for i := range m.Rows {
		for k := m.Ptr[i]; k < m.Ptr[i+1]; k++ {
			rows[i] += m.Val[k]
			cols[m.Col[k]] += m.Val[k]
		}
		total += rows[i]
	}
	return rows, cols, total
}

// checkMargins fails when a row or a column holds no count: such a row or
// term has no position (its mass is zero).
func (m *Counts) checkMargins(rows, cols []float64) error {
	if m.Rows < 2 || m.Cols < 2 {
		return fmt.Errorf("scale: %d × %d counts: need at least 2 rows and 2 columns", m.Rows, m.Cols)
	}
	if i := slices.Index(rows, 0); i >= 0 {
		return fmt.Errorf("scale: row %d holds no count", i)
	}
	if j := slices.Index(cols, 0); j >= 0 {
		return fmt.Errorf("scale: column %d holds no count (drop unused terms)", j)
	}
	return nil
}

// transpose returns mᵀ.
func (m *Counts) transpose() *Counts {
	t := &Counts{Rows: m.Cols, Cols: m.Rows}
	t.Ptr, t.Col, t.Val = sparse.TransposeSlices(m.Rows, m.Cols, m.Ptr, m.Col, m.Val)
	return t
}
