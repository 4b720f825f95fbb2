package wordvec

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/sparse"
)

// Options control Train. Start from DefaultOptions: zero is a meaningful
// Power, so no field takes a default from its zero value.
type Options struct {
	Window     int     // context positions on each side (≥ 1)
	MinCount   int     // terms with fewer tokens get no vector (≥ 1)
	Dims       int     // vector dimensions d (≥ 1)
	Smoothing  float64 // context smoothing exponent α, in (0, 1]
	Power      float64 // singular value weight p, in [0, 1]
	Oversample int     // extra columns of the randomized SVD (≥ 0)
	PowerIter  int     // power iterations of the randomized SVD (≥ 0)
	Seed       uint64  // seeds the randomized SVD's test matrix
	Workers    int     // goroutines; < 1 means GOMAXPROCS (no effect on the result)
}

// DefaultOptions returns the options chosen by the category check on the
// shared corpus (see the package documentation).
func DefaultOptions() Options {
	return Options{Window: 5, MinCount: 5, Dims: 100, Smoothing: 0.75, Power: 0.5, Oversample: 20, PowerIter: 2, Seed: 1}
}

func (o Options) check() error {
	switch {
	case o.Window < 1:
		return fmt.Errorf("wordvec: window %d: must be at least 1", o.Window)
	case o.MinCount < 1:
		return fmt.Errorf("wordvec: minimum count %d: must be at least 1", o.MinCount)
	case o.Dims < 1:
		return fmt.Errorf("wordvec: dimensions %d: must be at least 1", o.Dims)
	case !(o.Smoothing > 0 && o.Smoothing <= 1):
		return fmt.Errorf("wordvec: smoothing %g: must lie in (0, 1]", o.Smoothing)
	case !(o.Power >= 0 && o.Power <= 1):
		return fmt.Errorf("wordvec: power %g: must lie in [0, 1]", o.Power)
	case o.Oversample < 0 || o.PowerIter < 0:
		return fmt.Errorf("wordvec: oversampling %d, power iterations %d: must not be negative", o.Oversample, o.PowerIter)
	}
	return nil
}

// Model holds the vectors of the terms seen at least MinCount times.
type Model struct {
	// Terms are the term ids with a vector, ascending; row i of Vectors
	// belongs to Terms[i].
	Terms []int32
	// Count is the number of tokens of each of Terms.
	Count []int
	// Vectors holds one unit-length row per term.
	Vectors *mat.Dense
	// Values are the singular values kept.
	Values []float64

	row []int32 // term id → row, −1 without a vector
}

// Row returns the row of term in Vectors, or −1 when it has no vector.
func (m *Model) Row(term int32) int {
	if term < 0 || int(term) >= len(m.row) {
		return -1
	}
	return int(m.row[term])
}

// Train counts the co-occurrences of terms within windows (each window a
// sequence of term ids in text order; contexts never cross a window's
// edge) and returns their vectors (see the package documentation). Term
// ids must lie in [0, nTerms).
func Train(windows [][]int32, nTerms int, opt Options) (*Model, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if nTerms < 1 {
		return nil, fmt.Errorf("wordvec: vocabulary of %d terms: need at least 1", nTerms)
	}
	if opt.Workers < 1 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	count := make([]int, nTerms)
	for w, win := range windows {
		for i, t := range win {
			if t < 0 || int(t) >= nTerms {
				return nil, fmt.Errorf("wordvec: window %d, token %d: term %d out of range [0, %d)", w, i, t, nTerms)
			}
			count[t]++
		}
	}
	m := &Model{row: make([]int32, nTerms)}
	for t, c := range count {
		m.row[t] = -1
		if c >= opt.MinCount {
			m.row[t] = int32(len(m.Terms))
			m.Terms = append(m.Terms, int32(t))
			m.Count = append(m.Count, c)
		}
	}
	n := len(m.Terms)
	if n < 2 {
		return nil, fmt.Errorf("wordvec: %d terms with at least %d tokens: need 2", n, opt.MinCount)
	}
	cooc := cooccurrences(windows, m.row, n, opt.Window, opt.Workers)
	ppmi := ppmiMatrix(cooc, opt.Smoothing)
	d := min(opt.Dims, n)
	u, s := randomizedSVD(ppmi, d, opt.Oversample, opt.PowerIter, opt.Seed, opt.Workers)
	m.Values = s
	m.Vectors = mat.NewDense(n, d, nil)
	for k := range d {
		w := math.Pow(s[k], opt.Power)
		for i := range n {
			m.Vectors.Set(i, k, u.At(i, k)*w)
		}
	}
	for i := range n {
		r := m.Vectors.RawRowView(i)
		if norm := math.Sqrt(dot(r, r)); norm > 0 {
			for k := range r {
				r[k] /= norm
			}
		}
	}
	return m, nil
}

// csr is a square sparse matrix over the vocabulary rows.
type csr struct {
	n   int
	ptr []int
	col []int32
	val []float64
}

func (a *csr) transpose() *csr {
	t := &csr{n: a.n}
	t.ptr, t.col, t.val = sparse.TransposeSlices(a.n, a.n, a.ptr, a.col, a.val)
	return t
}

// cooccurrences returns #(w, c) over vocabulary rows: for every token of w,
// every token of c at distance 1..window in the same input window. Rows
// are built independently (each from the positions of its term) in a
// dense accumulator, so the matrix does not depend on workers.
func cooccurrences(windows [][]int32, row []int32, n, window, workers int) *csr {
	// Flatten to vocabulary rows (−1 elsewhere), with each position's
	// window bounds, and list the positions of every row.
	var toks []int32
	var lo, hi []int32
	for _, win := range windows {
		start := int32(len(toks))
		end := start + int32(len(win))
		for _, t := range win {
			toks = append(toks, row[t])
			lo = append(lo, start)
			hi = append(hi, end)
		}
	}
	pos := make([]int, n+1)
	for _, r := range toks {
		if r >= 0 {
			pos[r+1]++
		}
	}
	for i := range n {
		pos[i+1] += pos[i]
	}
	at := make([]int32, pos[n])
	fill := slices.Clone(pos[:n])
	for p, r := range toks {
		if r >= 0 {
			at[fill[r]] = int32(p)
			fill[r]++
		}
	}

	rows := make([]struct {
		col []int32
		val []float64
	}, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Go(func() {
			acc := make([]float64, n)
			var touched []int32
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				touched = touched[:0]
				for _, p := range at[pos[i]:pos[i+1]] {
					a, b := max(lo[p], p-int32(window)), min(hi[p], p+int32(window)+1)
					for q := a; q < b; q++ {
						if c := toks[q]; q != p && c >= 0 {
							if acc[c] == 0 {
								touched = append(touched, c)
							}
							acc[c]++
						}
					}
				}
				slices.Sort(touched)
				r := &rows[i]
				r.col = slices.Clone(touched)
				r.val = make([]float64, len(touched))
				for k, c := range touched {
					r.val[k] = acc[c]
					acc[c] = 0
				}
			}
		})
	}
	wg.Wait()
	m := &csr{n: n, ptr: make([]int, 1, n+1)}
	for _, r := range rows {
		m.col = append(m.col, r.col...)
		m.val = append(m.val, r.val...)
		m.ptr = append(m.ptr, len(m.col))
	}
	return m
}

// ppmiMatrix turns counts into PPMI with context smoothing exponent alpha,
// keeping the positive entries.
func ppmiMatrix(c *csr, alpha float64) *csr {
	rowSum := make([]float64, c.n)
	colSum := make([]float64, c.n)
	for i := range c.n {
		for k := c.ptr[i]; k < c.ptr[i+1]; k++ {
			rowSum[i] += c.val[k]
			colSum[c.col[k]] += c.val[k]
		}
	}
	var z float64
	colPow := make([]float64, c.n)
	for j, s := range colSum {
		colPow[j] = math.Pow(s, alpha)
		z += colPow[j]
	}
	out := &csr{n: c.n, ptr: make([]int, 1, c.n+1)}
	for i := range c.n {
		for k := c.ptr[i]; k < c.ptr[i+1]; k++ {
			j := c.col[k]
			if pmi := math.Log(c.val[k] * z / (rowSum[i] * colPow[j])); pmi > 0 {
				out.col = append(out.col, j)
				out.val = append(out.val, pmi)
			}
		}
		out.ptr = append(out.ptr, len(out.col))
	}
	return out
}

// mulDense returns a·x for the sparse a and dense x (n × l), rows in
// parallel.
func mulDense(a *csr, x *mat.Dense, workers int) *mat.Dense {
	_, l := x.Dims()
	y := mat.NewDense(a.n, l, nil)
	eachRow(a.n, workers, func(i int) {
		out := y.RawRowView(i)
		for k := a.ptr[i]; k < a.ptr[i+1]; k++ {
			v := a.val[k]
			for c, xc := range x.RawRowView(int(a.col[k])) {
				out[c] += v * xc
			}
		}
	})
	return y
}

// eachRow runs f(i) for i in [0, n) on workers goroutines, in blocks.
func eachRow(n, workers int, f func(i int)) {
	const block = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, (n+block-1)/block)) {
		wg.Go(func() {
			for b := int(next.Add(1) - 1); b*block < n; b = int(next.Add(1) - 1) {
				for i := b * block; i < min(n, (b+1)*block); i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
}

// orth returns an orthonormal basis of the columns of the n × l matrix y
// (n ≥ l): the thin Q of its Householder QR, by LAPACK's dgeqrf and
// dorgqr as gonum implements them (mat.QR would form the n × n Q).
func orth(y *mat.Dense) *mat.Dense {
	q := mat.DenseCopyOf(y)
	g := q.RawMatrix()
	tau := make([]float64, g.Cols)
	work := []float64{0}
	lapack64.Geqrf(g, tau, work, -1)
	work = make([]float64, int(work[0]))
	lapack64.Geqrf(g, tau, work, len(work))
	lapack64.Orgqr(g, tau, work[:1], -1)
	work = make([]float64, int(work[0]))
	lapack64.Orgqr(g, tau, work, len(work))
	return q
}

// randomizedSVD returns the first d left singular vectors (n × d) and
// singular values of a (see the package documentation).
func randomizedSVD(a *csr, d, oversample, powerIter int, seed uint64, workers int) (*mat.Dense, []float64) {
	n := a.n
	l := min(n, d+oversample)
	rng := rand.New(rand.NewPCG(seed, 0x73766421))
	omega := mat.NewDense(n, l, nil)
	for i := range n {
		for c := range l {
			omega.Set(i, c, rng.NormFloat64())
		}
	}
	at := a.transpose()
	q := orth(mulDense(a, omega, workers))
	for range powerIter {
		q = orth(mulDense(a, orth(mulDense(at, q, workers)), workers))
	}
	// B = Qᵀ A = (Aᵀ Q)ᵀ, l × n.
	bt := mulDense(at, q, workers)
	var svd mat.SVD
	if !svd.Factorize(bt.T(), mat.SVDThin) {
		panic("wordvec: SVD of the projected matrix did not converge")
	}
	values := svd.Values(nil)
	var ut mat.Dense
	svd.UTo(&ut) // l × l
	u := mat.NewDense(n, l, nil)
	u.Mul(q, &ut)
	d = min(d, l)
	out := mat.DenseCopyOf(u.Slice(0, n, 0, d))
	for k := range d {
		best := 0
		for i := range n {
			if math.Abs(out.At(i, k)) > math.Abs(out.At(best, k)) {
				best = i
			}
		}
		if out.At(best, k) < 0 {
			for i := range n {
				out.Set(i, k, -out.At(i, k))
			}
		}
	}
	return out, values[:d]
}

func dot(a, b []float64) float64 {
	var s float64
	for i, x := range a {
		s += x * b[i]
	}
	return s
}
