package vector

import (
	"errors"
	"fmt"
	"sort"

	"github.com/tifa-project/tifa/sparse"
)

// Vectors are the TF-IDF vectors of a Matrix's units, restricted to the
// columns the document-frequency filters kept.
type Vectors struct {
	Units   []Unit
	Terms   []string    // kept columns' labels
	Entries []int       // kept columns' lexicon entries (-1 for words)
	Counts  *sparse.CSR // raw counts of the kept columns
	X       *sparse.CSR // TF-IDF weights, rows l2-normalised (unless Norm says otherwise)
	IDF     []float64
	// Sublinear and Norm are the TFIDF options X was weighed with, so that
	// X can be weighed again from Counts and IDF (UnmarshalBinary does).
	Sublinear bool
	Norm      string
}

// Weigh fits t on m's counts and returns the weighted vectors.
func Weigh(m *Matrix, t *TFIDF) (*Vectors, error) {
	if len(m.Units) == 0 {
		return nil, errors.New("no documents to weigh")
	}
	if err := t.Fit(m.Counts); err != nil {
		if errors.Is(err, ErrEmptyVocabulary) {
			return nil, fmt.Errorf("no term left after --min-df/--max-df (%v): loosen them", err)
		}
		return nil, err
	}
	x, err := t.Transform(m.Counts)
	if err != nil {
		return nil, err
	}
	v := &Vectors{Units: m.Units, X: x, IDF: t.IDF, Sublinear: t.Sublinear, Norm: t.Norm}
	for _, c := range t.Kept {
		v.Terms = append(v.Terms, m.Terms[c])
		v.Entries = append(v.Entries, m.Entries[c])
	}
	v.Counts = selectColumns(m.Counts, t.Kept)
	return v, nil
}

// selectColumns returns m restricted to the columns kept (ascending),
// renumbered 0..len(kept)-1: m itself when every column is kept (the
// matrices tifa builds are not changed once built).
func selectColumns(m *sparse.CSR, kept []int) *sparse.CSR {
	if len(kept) == m.Cols {
		return m
	}
	newCol := make([]int, m.Cols)
	for i := range newCol {
		newCol[i] = -1
	}
	for j, c := range kept {
		newCol[c] = j
	}
	b := sparse.NewCSRBuilder(len(kept))
	var cols []int
	var vals []float64
	for i := 0; i < m.Rows; i++ {
		ind, val := m.Row(i)
		cols, vals = cols[:0], vals[:0]
		for k, c := range ind {
			if nc := newCol[c]; nc >= 0 {
				cols = append(cols, nc)
				vals = append(vals, val[k])
			}
		}
		b.AddRow(cols, vals)
	}
	return b.Build()
}

// TermWeight is one term of a unit with its weight and raw count.
type TermWeight struct {
	Col    int
	Weight float64
	Count  float64
}

// TopTerms returns the n terms of unit i with the largest TF-IDF weight,
// ties broken by term label; none when n ≤ 0.
func (v *Vectors) TopTerms(i, n int) []TermWeight {
	ind, val := v.X.Row(i)
	cind, cval := v.Counts.Row(i)
	count := make(map[int]float64, len(cind))
	for k, c := range cind {
		count[c] = cval[k]
	}
	out := make([]TermWeight, 0, len(ind))
	for k, c := range ind {
		if val[k] > 0 {
			out = append(out, TermWeight{Col: c, Weight: val[k], Count: count[c]})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Weight != out[b].Weight {
			return out[a].Weight > out[b].Weight
		}
		return v.Terms[out[a].Col] < v.Terms[out[b].Col]
	})
	if len(out) > max(n, 0) {
		out = out[:max(n, 0)]
	}
	return out
}

// Shared returns the n terms contributing most to the cosine of units i
// and j: the largest products x_i[t]·x_j[t], ties by label; none when
// n ≤ 0. Only what is returned is allocated, however large n.
func (v *Vectors) Shared(i, j, n int) []int {
	ai, av := v.X.Row(i)
	bi, bv := v.X.Row(j)
	// before orders by weight descending, then label: the n best are
	// kept in order as the shared columns go by, so the cost is
	// O(shared·n), not a sort of every shared column.
	type contrib struct {
		col int
		w   float64
	}
	before := func(a, b contrib) bool {
		if a.w != b.w {
			return a.w > b.w
		}
		return v.Terms[a.col] < v.Terms[b.col]
	}
	best := make([]contrib, 0, max(n, 0))
	for p, q := 0, 0; p < len(ai) && q < len(bi) && n > 0; {
		switch {
		case ai[p] < bi[q]:
			p++
		case ai[p] > bi[q]:
			q++
		default:
			if c := (contrib{ai[p], av[p] * bv[q]}); c.w > 0 && (len(best) < n || before(c, best[n-1])) {
				if len(best) < n {
					best = append(best, c)
				}
				k := len(best) - 1
				for ; k > 0 && before(c, best[k-1]); k-- {
					best[k] = best[k-1]
				}
				best[k] = c
			}
			p++
			q++
		}
	}
	out := make([]int, len(best))
	for k, c := range best {
		out[k] = c.col
	}
	return out
}

// Distinctive is a term that sets a cluster apart.
type Distinctive struct {
	Col      int
	Centroid float64 // mean weight in the cluster
	Lift     float64 // Centroid / mean weight over all units
}

// Distinguish returns, for each cluster of labels (0..k-1), the terms
// whose mean TF-IDF weight in the cluster most exceeds their mean weight
// in the other units, keeping the top n with a positive difference:
//
//	centroid_c(t) = mean_{i ∈ c} x_i[t]
//	rest_c(t)     = mean_{i ∉ c} x_i[t]      (0 when every unit is in c)
//	rank by centroid_c(t) − rest_c(t); lift = centroid_c(t) / mean_i x_i[t]
//
// filter, when not nil, keeps only the columns for which it is true.
func (v *Vectors) Distinguish(labels []int, k, n int, filter func(col int) bool) [][]Distinctive {
	cols := v.X.Cols
	sum := make([][]float64, k)
	for c := range sum {
		sum[c] = make([]float64, cols)
	}
	total := make([]float64, cols)
	size := make([]int, k)
	for i := 0; i < v.X.Rows; i++ {
		ind, val := v.X.Row(i)
		size[labels[i]]++
		for p, c := range ind {
			sum[labels[i]][c] += val[p]
			total[c] += val[p]
		}
	}
	nAll := float64(v.X.Rows)
	out := make([][]Distinctive, k)
	for c := range k {
		if size[c] == 0 {
			continue
		}
		var ds []Distinctive
		var diff []float64
		for t := range cols {
			if sum[c][t] == 0 || (filter != nil && !filter(t)) {
				continue
			}
			in := sum[c][t] / float64(size[c])
			rest := 0.0
			if nr := v.X.Rows - size[c]; nr > 0 {
				rest = (total[t] - sum[c][t]) / float64(nr)
			}
			if in-rest <= 0 {
				continue
			}
			ds = append(ds, Distinctive{Col: t, Centroid: in, Lift: in / (total[t] / nAll)})
			diff = append(diff, in-rest)
		}
		idx := make([]int, len(ds))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool {
			if diff[idx[a]] != diff[idx[b]] {
				return diff[idx[a]] > diff[idx[b]]
			}
			return v.Terms[ds[idx[a]].Col] < v.Terms[ds[idx[b]].Col]
		})
		for r := 0; r < len(idx) && r < n; r++ {
			out[c] = append(out[c], ds[idx[r]])
		}
	}
	return out
}
