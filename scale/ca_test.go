package scale

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// smoke is Greenacre's smoking data (staff group × smoking category), the
// example of R's ca package.
var smoke = [][]float64{
	{4, 2, 3, 2},
	{4, 3, 7, 4},
	{25, 10, 12, 4},
	{18, 24, 33, 13},
	{10, 6, 7, 2},
}

func denseCounts(t testing.TB, rows [][]float64) *Counts {
	t.Helper()
	cells := make([][]Cell, len(rows))
	for i, r := range rows {
		for j, v := range r {
			if v != 0 {
				cells[i] = append(cells[i], Cell{int32(j), v})
			}
		}
	}
	y, err := NewCounts(cells, len(rows[0]))
	if err != nil {
		t.Fatal(err)
	}
	return y
}

func TestCASmoke(t *testing.T) {
	// Oracle: numpy.linalg.svd of the standardised residuals (numpy 1.24,
	// Debian's python3-numpy); the inertias agree with Greenacre (2007)
	// and R's ca package to the 6 digits printed there (0.074759,
	// 0.010017, 0.000414, total 0.085190). Tolerance 1e-12.
	const tol = 1e-12
	ca, err := FitCA(denseCounts(t, smoke), 3)
	if err != nil {
		t.Fatal(err)
	}
	wantValues := []float64{7.4759105885755711e-02, 1.0017180512228774e-02, 4.1357407985622498e-04}
	for k, w := range wantValues {
		if math.Abs(ca.Values[k]-w) > tol {
			t.Errorf("inertia %d = %.17g, want %.17g", k, ca.Values[k], w)
		}
	}
	if math.Abs(ca.Inertia-0.0851898604778407) > tol {
		t.Errorf("total inertia %.17g, want 0.0851898604778407", ca.Inertia)
	}
	if math.Abs(ca.Share[0]-0.07475910588575571/0.0851898604778407) > tol {
		t.Errorf("share of dimension 1: %v", ca.Share[0])
	}
	// numpy's signs, flipped where needed to this package's convention
	// (largest row coordinate positive): dimension 1 as numpy, dimension
	// 2 flipped (row SM and JM −0.19, −0.24 → the largest is JM, negative).
	wantRow := [][2]float64{
		{-0.0657683838802592, 0.19373700362161025},
		{0.25895842143040215, 0.2433045749014623},
		{-0.38059488705021316, 0.01065990720488949},
		{0.23295190822271833, -0.05774390775321579},
		{-0.20108912188410916, -0.0789112309292166},
	}
	wantCol := [][2]float64{
		{-0.39330844857871844, 0.03049207110918731},
		{0.09945592079337695, -0.14106428920014957},
		{0.19632095639529018, -0.00735910858674771},
		{0.2937759852436751, 0.19776565634898605},
	}
	// Dimension 1's largest |row| is SE (−0.38): flip it too.
	for i := range wantRow {
		wantRow[i][0] = -wantRow[i][0]
	}
	for j := range wantCol {
		wantCol[j][0] = -wantCol[j][0]
	}
	for i, w := range wantRow {
		for k := range 2 {
			if math.Abs(ca.Row.At(i, k)-w[k]) > tol {
				t.Errorf("row %d dim %d: %.17g, want %.17g", i, k, ca.Row.At(i, k), w[k])
			}
		}
	}
	for j, w := range wantCol {
		for k := range 2 {
			if math.Abs(ca.Col.At(j, k)-w[k]) > tol {
				t.Errorf("column %d dim %d: %.17g, want %.17g", j, k, ca.Col.At(j, k), w[k])
			}
		}
	}
}

// TestCAAgainstDenseSVD compares FitCA (Gram eigendecomposition from sparse
// counts) with gonum's mat.SVD of the dense standardised residual matrix,
// the oracle, to 1e-8: inertias and principal coordinates up to each
// dimension's sign, for wide (documents < terms) and tall matrices.
func TestCAAgainstDenseSVD(t *testing.T) {
	for _, shape := range [][2]int{{12, 40}, {40, 12}, {30, 31}} {
		t.Run(fmt.Sprintf("%dx%d", shape[0], shape[1]), func(t *testing.T) {
			rows := randomCounts(uint64(shape[0]), shape[0], shape[1])
			dims := 4
			ca, err := FitCA(denseCounts(t, rows), dims)
			if err != nil {
				t.Fatal(err)
			}
			values, f, g := denseCA(rows, dims)
			const tol = 1e-8
			for k := range dims {
				if math.Abs(ca.Values[k]-values[k]) > tol {
					t.Errorf("inertia %d: %v, want %v", k, ca.Values[k], values[k])
				}
				sign := 1.0
				if ca.Row.At(0, k)*f.At(0, k) < 0 {
					sign = -1
				}
				for i := range shape[0] {
					if d := math.Abs(ca.Row.At(i, k) - sign*f.At(i, k)); d > tol {
						t.Fatalf("row %d dim %d: %v, want %v", i, k, ca.Row.At(i, k), sign*f.At(i, k))
					}
				}
				for j := range shape[1] {
					if d := math.Abs(ca.Col.At(j, k) - sign*g.At(j, k)); d > tol {
						t.Fatalf("column %d dim %d: %v, want %v", j, k, ca.Col.At(j, k), sign*g.At(j, k))
					}
				}
			}
		})
	}
}

// randomCounts returns an n × v matrix of small counts with latent
// structure (a Poisson mean varying along one axis) and no empty margin.
func randomCounts(seed uint64, n, v int) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 5))
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = make([]float64, v)
		x := rng.NormFloat64()
		for j := range rows[i] {
			lambda := math.Exp(0.5 + x*float64(j%7-3)/4 + 0.3*rng.NormFloat64())
			rows[i][j] = float64(poisson(lambda, rand.NewPCG(rng.Uint64(), 1), rng))
		}
		rows[i][i%v]++ // no empty row or column
		rows[i][(i*7)%v]++
	}
	for j := range v {
		rows[j%n][j]++
	}
	return rows
}

// denseCA is the textbook computation: S formed in full and decomposed by
// mat.SVD.
func denseCA(rows [][]float64, dims int) (values []float64, f, g *mat.Dense) {
	n, v := len(rows), len(rows[0])
	var total float64
	r := make([]float64, n)
	c := make([]float64, v)
	for i, row := range rows {
		for j, x := range row {
			total += x
			r[i] += x
			c[j] += x
		}
	}
	for i := range r {
		r[i] /= total
	}
	for j := range c {
		c[j] /= total
	}
	s := mat.NewDense(n, v, nil)
	for i, row := range rows {
		for j, x := range row {
			s.Set(i, j, (x/total-r[i]*c[j])/math.Sqrt(r[i]*c[j]))
		}
	}
	var svd mat.SVD
	if !svd.Factorize(s, mat.SVDThin) {
		panic("svd failed")
	}
	sv := svd.Values(nil)
	var u, vt mat.Dense
	svd.UTo(&u)
	svd.VTo(&vt)
	f, g = mat.NewDense(n, dims, nil), mat.NewDense(v, dims, nil)
	for k := range dims {
		values = append(values, sv[k]*sv[k])
		for i := range n {
			f.Set(i, k, u.At(i, k)*sv[k]/math.Sqrt(r[i]))
		}
		for j := range v {
			g.Set(j, k, vt.At(j, k)*sv[k]/math.Sqrt(c[j]))
		}
	}
	return values, f, g
}

func TestCAErrors(t *testing.T) {
	tests := []struct {
		name string
		rows [][]float64
		dims int
		want string
	}{
		{"zero dims", smoke, 0, "0 dimensions"},
		{"too many dims", smoke, 4, "must lie in 1..3"},
		{"empty column", [][]float64{{1, 0, 2}, {3, 0, 1}}, 1, "column 1 holds no count"},
		{"one row", [][]float64{{1, 2}}, 1, "need at least 2 rows"},
	}
	for _, tc := range tests {
		if _, err := FitCA(denseCounts(t, tc.rows), tc.dims); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
