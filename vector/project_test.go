package vector

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/sparse"
)

// densePCA computes the first two principal component scores with gonum's
// dense eigendecomposition of the covariance: the reference.
func densePCA(x *sparse.CSR) (s1, s2 []float64, ev [2]float64) {
	n, d := x.Rows, x.Cols
	a := mat.NewDense(n, d, nil)
	for i := range n {
		ind, val := x.Row(i)
		for k, c := range ind {
			a.Set(i, c, val[k])
		}
	}
	for c := range d {
		m := 0.0
		for i := range n {
			m += a.At(i, c)
		}
		m /= float64(n)
		for i := range n {
			a.Set(i, c, a.At(i, c)-m)
		}
	}
	var cov mat.SymDense
	cov.SymOuterK(1/float64(n-1), a.T())
	var eig mat.EigenSym
	if !eig.Factorize(&cov, true) {
		panic("eigen")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	total := 0.0
	for _, v := range vals {
		total += v
	}
	scores := func(col int) []float64 {
		v := make([]float64, d)
		for c := range d {
			v[c] = vecs.At(c, col)
		}
		flipSign(v)
		out := make([]float64, n)
		for i := range n {
			out[i] = mat.Dot(a.RowView(i), mat.NewVecDense(d, v))
		}
		return out
	}
	return scores(d - 1), scores(d - 2), [2]float64{vals[d-1] / total, vals[d-2] / total}
}

func TestProject2DMatchesDensePCA(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, tc := range []struct {
		name       string
		rows, cols int
		density    float64
	}{
		{"small dense", 12, 5, 1},
		{"sparse tall", 60, 30, 0.2},
		{"wide", 20, 80, 0.1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := sparse.NewCSRBuilder(tc.cols)
			for i := range tc.rows {
				var ind []int
				var val []float64
				for c := range tc.cols {
					if rng.Float64() < tc.density {
						ind = append(ind, c)
						// a dominant structure: group i%3 loads on columns c%3
						val = append(val, rng.Float64()+3*float64(btoi(i%3 == c%3)))
					}
				}
				b.AddRow(ind, val)
			}
			x := b.Build()
			p, err := Project2D(x)
			if err != nil {
				t.Fatal(err)
			}
			s1, s2, ev := densePCA(x)
			// Signs may differ where two loadings tie for the largest.
			sign := func(a, b []float64) float64 {
				if a[0]*b[0] < 0 {
					return -1
				}
				return 1
			}
			f1, f2 := sign(p.X, s1), sign(p.Y, s2)
			tol := 1e-5 * (slices.Max(s1) - slices.Min(s1))
			for i := range x.Rows {
				if math.Abs(f1*p.X[i]-s1[i]) > tol || math.Abs(f2*p.Y[i]-s2[i]) > tol {
					t.Fatalf("row %d: got (%.8f, %.8f), dense PCA (%.8f, %.8f)", i, p.X[i], p.Y[i], s1[i], s2[i])
				}
			}
			for k := range 2 {
				if math.Abs(p.Explained[k]-ev[k]) > 1e-9 {
					t.Errorf("explained[%d] = %v, want %v", k, p.Explained[k], ev[k])
				}
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestProject2DErrors(t *testing.T) {
	one := sparse.NewCSRBuilder(3)
	one.AddRow([]int{0}, []float64{1})
	same := sparse.NewCSRBuilder(3)
	same.AddRow([]int{0}, []float64{1})
	same.AddRow([]int{0}, []float64{1})
	for name, x := range map[string]*sparse.CSR{"one row": one.Build(), "no variance": same.Build()} {
		if _, err := Project2D(x); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// Rank one: the second axis is all zero, not NaN.
	line := sparse.NewCSRBuilder(2)
	for i := range 4 {
		line.AddRow([]int{0, 1}, []float64{float64(i + 1), 2 * float64(i+1)})
	}
	p, err := Project2D(line.Build())
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Y {
		if math.IsNaN(p.X[i]) || math.Abs(p.Y[i]) > 1e-9 {
			t.Fatalf("rank one: row %d at (%v, %v)", i, p.X[i], p.Y[i])
		}
	}
}
