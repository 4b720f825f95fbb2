package vector

import (
	"errors"
	"fmt"
	"math"

	"github.com/tifa-project/tifa/sparse"
)

// ErrEmptyVocabulary is returned (wrapped) by TFIDF.Fit when no column
// survives the document-frequency filters.
var ErrEmptyVocabulary = errors.New("empty vocabulary")

// TFIDF weights a documents × terms count matrix exactly as scikit-learn's
// TfidfVectorizer / TfidfTransformer (1.2) do. For a count c of term t in
// document d, over n documents of which df(t) contain t:
//
//	tf(t,d) = c                      (Sublinear false)
//	tf(t,d) = 1 + ln c    for c > 0  (Sublinear true; zero stays zero)
//	idf(t)  = ln((1+n)/(1+df(t))) + 1   (smooth, the default)
//	idf(t)  = ln(n/df(t)) + 1            (NoSmooth)
//	w(t,d)  = tf(t,d) · idf(t), then each row divided by its l2 norm
//	          √(Σ_t w(t,d)²) (Norm "l2" or ""), its l1 norm Σ_t |w(t,d)|
//	          (Norm "l1"), or left as is (Norm "none").
//
// n counts every row, all-zero rows included. An all-zero row stays
// all-zero after normalisation (no division by zero).
//
// Columns are filtered before weighting, like the min_df/max_df parameters:
// a threshold ≥ 1 is an absolute document count, one in (0,1) a proportion of
// n (proportion·n, not rounded). A column is kept when
// MinDF ≤ df ≤ MaxDF. Zero means the default: MinDF 0 acts as 1, MaxDF 0 as
// "no upper limit". (scikit-learn's max_df=1.0 means 100%; here MaxDF 1 means
// one document, so leave MaxDF at 0 for no limit.) Columns that occur in no
// document are always dropped, as TfidfVectorizer's vocabulary only holds
// terms it has seen.
//
// Fit learns IDF and Kept: Kept lists the surviving column indices of the
// input in ascending order and IDF[j] is the weight of input column Kept[j].
// Transform returns a matrix with len(Kept) columns, column j standing for
// input column Kept[j].
type TFIDF struct {
	Sublinear bool
	NoSmooth  bool
	Norm      string  // "l2" (default when empty), "l1" or "none"
	MinDF     float64 // ≥1 absolute count, (0,1) proportion; 0 = 1
	MaxDF     float64 // ≥1 absolute count, (0,1) proportion; 0 = no limit

	IDF  []float64 // learned by Fit: idf of column Kept[j]
	Kept []int     // learned by Fit: surviving input columns, ascending

	cols int // column count of the fitted input
}

// Fit learns the document frequencies of counts, filters columns by
// MinDF/MaxDF and computes IDF and Kept. It returns an error, never panics,
// on bad options, negative counts, or when no column survives (wrapping
// ErrEmptyVocabulary).
func (t *TFIDF) Fit(counts *sparse.CSR) error {
	t.IDF, t.Kept, t.cols = nil, nil, 0
	if err := t.checkOptions(); err != nil {
		return err
	}
	if err := counts.Validate(); err != nil {
		return fmt.Errorf("tfidf: %w", err)
	}
	if err := checkNonNegative(counts); err != nil {
		return err
	}
	n := float64(counts.Rows)
	lo, hi := t.dfBounds(n)
	if lo > hi {
		return fmt.Errorf("tfidf: min_df %g (%g documents) exceeds max_df %g (%g documents)", t.MinDF, lo, t.MaxDF, hi)
	}
	df := make([]int, counts.Cols)
	for _, c := range counts.Ind {
		df[c]++
	}
	for c, d := range df {
		fd := float64(d)
		if d == 0 || fd < lo || fd > hi {
			continue
		}
		t.Kept = append(t.Kept, c)
		t.IDF = append(t.IDF, idfWeight(n, fd, !t.NoSmooth))
	}
	t.cols = counts.Cols
	if len(t.Kept) == 0 {
		return fmt.Errorf("tfidf: %d documents, %d columns, none with %g ≤ df ≤ %g: %w",
			counts.Rows, counts.Cols, lo, hi, ErrEmptyVocabulary)
	}
	return nil
}

// idfWeight is ln((1+n)/(1+df)) + 1 when smooth, else ln(n/df) + 1.
func idfWeight(n, df float64, smooth bool) float64 {
	if smooth {
		n, df = n+1, df+1
	}
	return math.Log(n/df) + 1
}

// dfBounds returns the inclusive document-frequency bounds [lo, hi].
func (t *TFIDF) dfBounds(n float64) (lo, hi float64) {
	return dfBounds(t.MinDF, t.MaxDF, n)
}

// dfBounds returns the inclusive document-frequency bounds [lo, hi] of
// minDF and maxDF over n documents: a threshold ≥ 1 is a count, one in
// (0, 1) a share of n; minDF 0 acts as 1, maxDF 0 as no limit.
func dfBounds(minDF, maxDF, n float64) (lo, hi float64) {
	lo, hi = 1, math.Inf(1)
	switch {
	case minDF >= 1:
		lo = minDF
	case minDF > 0:
		lo = minDF * n
	}
	switch {
	case maxDF >= 1:
		hi = maxDF
	case maxDF > 0:
		hi = maxDF * n
	}
	return lo, hi
}

func (t *TFIDF) checkOptions() error {
	switch t.Norm {
	case "", "l2", "l1", "none":
	default:
		return fmt.Errorf("tfidf: norm %q: must be l2, l1 or none", t.Norm)
	}
	if !(t.MinDF >= 0) || math.IsInf(t.MinDF, 0) {
		return fmt.Errorf("tfidf: min_df %g: must be a count ≥ 1 or a proportion in (0,1)", t.MinDF)
	}
	if !(t.MaxDF >= 0) || math.IsInf(t.MaxDF, 0) {
		return fmt.Errorf("tfidf: max_df %g: must be a count ≥ 1 or a proportion in (0,1)", t.MaxDF)
	}
	return nil
}

func checkNonNegative(m *sparse.CSR) error {
	for i := range m.Rows {
		ind, val := m.Row(i)
		for k, v := range val {
			if v < 0 {
				return fmt.Errorf("tfidf: row %d column %d: negative count %g", i, ind[k], v)
			}
		}
	}
	return nil
}

// Transform weights counts with the fitted IDF (see TFIDF) and returns a
// counts.Rows × len(Kept) matrix. Counts need not be the matrix Fit saw, but
// must have the same number of columns. It returns an error if Fit has not
// succeeded, the column count differs, or a count is negative.
func (t *TFIDF) Transform(counts *sparse.CSR) (*sparse.CSR, error) {
	if len(t.Kept) == 0 || len(t.Kept) != len(t.IDF) {
		return nil, errors.New("tfidf: Transform before a successful Fit")
	}
	if err := t.checkOptions(); err != nil {
		return nil, err
	}
	if err := counts.Validate(); err != nil {
		return nil, fmt.Errorf("tfidf: %w", err)
	}
	if counts.Cols != t.cols {
		return nil, fmt.Errorf("tfidf: Transform: %d columns, fitted on %d", counts.Cols, t.cols)
	}
	if err := checkNonNegative(counts); err != nil {
		return nil, err
	}
	if x, ok := t.transformAll(counts); ok {
		return x, nil
	}
	return t.transformSelect(counts)
}

// transformSelect is Transform, the kept columns copied out of counts.
func (t *TFIDF) transformSelect(counts *sparse.CSR) (*sparse.CSR, error) {
	newCol := make([]int, counts.Cols) // input column → output column + 1
	for j, c := range t.Kept {
		newCol[c] = j + 1
	}
	b := sparse.NewCSRBuilder(len(t.Kept))
	b.Grow(counts.Rows, counts.NNZ())
	var ind []int
	var val []float64
	for i := range counts.Rows {
		ind, val = ind[:0], val[:0]
		ci, cv := counts.Row(i)
		for k, c := range ci {
			j := newCol[c] - 1
			if j < 0 {
				continue
			}
			ind = append(ind, j)
			val = append(val, t.weight(cv[k], t.IDF[j]))
		}
		normalizeRow(val, t.Norm)
		if sq := sparse.SumSquares(val); !(sq <= sparse.MaxRowSquare) {
			return nil, fmt.Errorf("tfidf: row %d: weights too large (squared norm %g)", i, sq)
		}
		b.AddRow(ind, val)
	}
	return b.Build(), nil
}

// transformAll is Transform when every column is kept and every weight
// is non-zero, so that the weights have the counts' structure: they share
// its column indices and row pointers instead of copying them, a third
// less memory for the pair (on 100,000 township reports, counts and
// weights took 7.9 GB). ok is false, and nothing is returned, otherwise.
func (t *TFIDF) transformAll(counts *sparse.CSR) (x *sparse.CSR, ok bool) {
	if len(t.Kept) != counts.Cols {
		return nil, false
	}
	val := make([]float64, len(counts.Val))
	for i := range counts.Rows {
		lo, hi := counts.Indptr[i], counts.Indptr[i+1]
		row := val[lo:hi]
		for k, c := range counts.Ind[lo:hi] {
			w := t.weight(counts.Val[lo+k], t.IDF[c])
			if w == 0 || math.IsNaN(w) || math.IsInf(w, 0) {
				return nil, false
			}
			row[k] = w
		}
		normalizeRow(row, t.Norm)
		if sq := sparse.SumSquares(row); !(sq <= sparse.MaxRowSquare) {
			return nil, false // Transform says why
		}
	}
	return &sparse.CSR{Rows: counts.Rows, Cols: counts.Cols, Indptr: counts.Indptr, Ind: counts.Ind, Val: val}, true
}

// weight is the weight of a count in a column of inverse document
// frequency idf, before normalisation: tf·idf, tf the count or, Sublinear,
// 1 + ln(count).
func (t *TFIDF) weight(count, idf float64) float64 {
	tf := count
	if t.Sublinear {
		tf = 1 + math.Log(tf)
	}
	return tf * idf
}

// reweigh returns the weights of counts whose columns are those of idf
// (Vectors.Counts), computed as Transform computes them.
func (t *TFIDF) reweigh(counts *sparse.CSR, idf []float64) *sparse.CSR {
	b := sparse.NewCSRBuilder(counts.Cols)
	b.Grow(counts.Rows, counts.NNZ())
	var val []float64
	for i := range counts.Rows {
		ind, cv := counts.Row(i)
		val = val[:0]
		for k, c := range ind {
			val = append(val, t.weight(cv[k], idf[c]))
		}
		normalizeRow(val, t.Norm)
		b.AddRow(ind, val)
	}
	return b.Build()
}

// normalizeRow divides v by its l2 or l1 norm in place; a zero norm or norm
// "none" leaves v unchanged.
func normalizeRow(v []float64, norm string) {
	var s float64
	switch norm {
	case "", "l2":
		s = sparse.L2Norm(v)
	case "l1":
		for _, x := range v {
			s += math.Abs(x)
		}
	default:
		return
	}
	if s == 0 {
		return
	}
	for k := range v {
		v[k] /= s
	}
}

// FitTransform is Fit followed by Transform on the same counts.
func (t *TFIDF) FitTransform(counts *sparse.CSR) (*sparse.CSR, error) {
	if err := t.Fit(counts); err != nil {
		return nil, err
	}
	return t.Transform(counts)
}
