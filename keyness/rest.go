package keyness

import (
	"fmt"

	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// Sizes returns the G² corpus size of each unit of m, as Compare measures
// its sides: the unit's tokens (the sum of its counts) in the words space,
// its Han characters in the slogans space.
func Sizes(m *vector.Matrix) []float64 {
	sizes := make([]float64, len(m.Units))
	for i, u := range m.Units {
		if m.Space != vector.SpaceWords {
			sizes[i] = float64(u.Chars)
			continue
		}
		_, val := m.Counts.Row(i)
		for _, x := range val {
			sizes[i] += x
		}
	}
	return sizes
}

// RestTerm is a term of one unit compared with all the other units taken
// together.
type RestTerm struct {
	Col         int
	Count, Rest float64 // raw counts in the unit and in the other units
	LogRatio    float64 // log2 of the ratio of relative frequencies (0.5 added to counts)
	G2, P       float64 // signed log-likelihood (positive: more in the unit) and its p-value
}

// Rest compares each unit with the rest of the corpus: for unit i, side A
// is the unit and side B every other unit, term by term, with Dunning's G²
// (LogLikelihood) — the keyness of the unit's terms. Where TF-IDF's
// smoothed idf never reaches zero, so that a word every unit uses often
// (建设, 推进, 发展) still tops every unit, keyness ranks first the terms a
// unit uses more than the others do, weighed by how sure that is.
type Rest struct {
	counts *sparse.CSR
	sizes  []float64
	total  []float64 // per column, over all units
	size   float64   // sum of sizes
}

// NewRest prepares the comparison of the units of counts (rows) whose
// corpus sizes are sizes (Sizes; the same unit for all). It returns an
// error when the lengths differ or fewer than two units have a size: with
// one, there is nothing to compare it with.
func NewRest(counts *sparse.CSR, sizes []float64) (*Rest, error) {
	if len(sizes) != counts.Rows {
		return nil, fmt.Errorf("keyness: %d sizes for %d units", len(sizes), counts.Rows)
	}
	r := &Rest{counts: counts, sizes: sizes, total: make([]float64, counts.Cols)}
	n := 0
	for i, s := range sizes {
		r.size += s
		if s > 0 {
			n++
		}
		ind, val := counts.Row(i)
		for k, c := range ind {
			r.total[c] += val[k]
		}
	}
	if n < 2 {
		return nil, fmt.Errorf("keyness against the rest needs two units with text (got %d)", n)
	}
	return r, nil
}

// Unit returns the terms unit i uses, in column order, each compared with
// the other units.
func (r *Rest) Unit(i int) []RestTerm {
	ind, val := r.counts.Row(i)
	out := make([]RestTerm, len(ind))
	na, nb := r.sizes[i], r.size-r.sizes[i]
	for k, c := range ind {
		a, b := val[k], r.total[c]-val[k]
		g2, p := LogLikelihood(a, b, na, nb)
		out[k] = RestTerm{Col: c, Count: a, Rest: b, LogRatio: LogRatio(a, b, na, nb), G2: g2, P: p}
	}
	return out
}
