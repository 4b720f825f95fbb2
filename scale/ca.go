package scale

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"
)

// CA is a correspondence analysis (see the package documentation).
type CA struct {
	// Inertia is the total inertia Σ_k σ_k² (χ² / n).
	Inertia float64
	// Values are the principal inertias σ_k² of the dimensions kept,
	// largest first; Share[k] = Values[k] / Inertia.
	Values, Share []float64
	// Row and Col are the principal coordinates of the rows (documents)
	// and columns (terms), one column per dimension.
	Row, Col *mat.Dense
	// RowMass and ColMass are r and c.
	RowMass, ColMass []float64
}

// FitCA computes the first dims dimensions of the correspondence analysis
// of y. dims must lie in 1..min(rows, columns) − 1; every row and column
// must hold a count.
func FitCA(y *Counts, dims int) (*CA, error) {
	if err := y.Check(); err != nil {
		return nil, err
	}
	rs, cs, total := y.sums()
	if err := y.checkMargins(rs, cs); err != nil {
		return nil, err
	}
	if maxDims := min(y.Rows, y.Cols) - 1; dims < 1 || dims > maxDims {
		return nil, fmt.Errorf("scale: ca: %d dimensions: must lie in 1..%d", dims, maxDims)
	}
	if y.Rows > y.Cols {
		t, err := FitCA(y.transpose(), dims)
		if err != nil {
			return nil, err
		}
		t.Row, t.Col = t.Col, t.Row
		t.RowMass, t.ColMass = t.ColMass, t.RowMass
		fixSigns(t.Row, t.Col)
		return t, nil
	}
	n, v := y.Rows, y.Cols
	r := make([]float64, n)
	c := make([]float64, v)
	for i := range r {
		r[i] = rs[i] / total
	}
	for j := range c {
		c[j] = cs[j] / total
	}
	gram := caGram(y, r, c, total)
	var eig mat.EigenSym
	if !eig.Factorize(gram, true) {
		return nil, fmt.Errorf("scale: ca: eigendecomposition did not converge")
	}
	vals := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	order := make([]int, n)
	for i := range order {
		order[i] = n - 1 - i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })

	res := &CA{RowMass: r, ColMass: c, Row: mat.NewDense(n, dims, nil), Col: mat.NewDense(v, dims, nil)}
	for i := range n {
		res.Inertia += gram.At(i, i) // the trace: Σ_k σ_k²
	}
	sqrtR := make([]float64, n)
	for i := range r {
		sqrtR[i] = math.Sqrt(r[i])
	}
	u := make([]float64, n)
	for k := range dims {
		lambda := max(vals[order[k]], 0)
		sigma := math.Sqrt(lambda)
		res.Values = append(res.Values, lambda)
		res.Share = append(res.Share, lambda/res.Inertia)
		mat.Col(u, order[k], &vecs)
		// F = D_r^−½ U Σ
		for i := range n {
			res.Row.Set(i, k, u[i]/sqrtR[i]*sigma)
		}
		// G = D_c^−½ V Σ with V = Sᵀ U Σ⁻¹, so G_j = (Sᵀu)_j / √c_j:
		// (Sᵀu)_j = (Σ_i P_ij u_i/√r_i − c_j Σ_i √r_i u_i) / √c_j.
		var ru float64
		for i := range n {
			ru += sqrtR[i] * u[i]
		}
		col := make([]float64, v)
		for i := range n {
			ui := u[i] / sqrtR[i] / total
			for p := y.Ptr[i]; p < y.Ptr[i+1]; p++ {
				col[y.Col[p]] += y.Val[p] * ui
			}
		}
		for j := range v {
			res.Col.Set(j, k, (col[j]-c[j]*ru)/c[j])
		}
	}
	fixSigns(res.Row, res.Col)
	return res, nil
}

// caGram returns S Sᵀ = D_r^−½ (P D_c⁻¹ Pᵀ − r rᵀ) D_r^−½ for the counts y
// (P = y / total), computed a row at a time from the sparse rows on
// GOMAXPROCS goroutines; each entry is summed in column order, so the
// result does not depend on scheduling.
func caGram(y *Counts, r, c []float64, total float64) *mat.SymDense {
	n := y.Rows
	g := mat.NewSymDense(n, nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Go(func() {
			x := make([]float64, y.Cols)
			for a := int(next.Add(1) - 1); a < n; a = int(next.Add(1) - 1) {
				for p := y.Ptr[a]; p < y.Ptr[a+1]; p++ {
					x[y.Col[p]] = y.Val[p] / total / c[y.Col[p]]
				}
				for b := 0; b <= a; b++ {
					var s float64
					for p := y.Ptr[b]; p < y.Ptr[b+1]; p++ {
						s += y.Val[p] / total * x[y.Col[p]]
					}
					g.SetSym(a, b, (s-r[a]*r[b])/math.Sqrt(r[a]*r[b]))
				}
				for p := y.Ptr[a]; p < y.Ptr[a+1]; p++ {
					x[y.Col[p]] = 0
				}
			}
		})
	}
	wg.Wait()
	return g
}

// fixSigns flips each dimension so that its row coordinate of largest
// absolute value (the first, on ties) is positive.
func fixSigns(row, col *mat.Dense) {
	n, dims := row.Dims()
	v, _ := col.Dims()
	for k := range dims {
		best := 0
		for i := range n {
			if math.Abs(row.At(i, k)) > math.Abs(row.At(best, k)) {
				best = i
			}
		}
		if row.At(best, k) >= 0 {
			continue
		}
		for i := range n {
			row.Set(i, k, -row.At(i, k))
		}
		for j := range v {
			col.Set(j, k, -col.At(j, k))
		}
	}
}
