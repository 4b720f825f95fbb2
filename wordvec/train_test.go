package wordvec

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestCooccurrencesHand(t *testing.T) {
	// Oracle: counted by hand. Window 1 in [0 1 2] gives 0–1, 1–0, 1–2,
	// 2–1; in [2 0] 2–0, 0–2; the windows do not join (2 then 2 is not a
	// pair). Term 3 has no vector (row −1) and counts nothing.
	row := []int32{0, 1, 2, -1}
	c := cooccurrences([][]int32{{0, 1, 2}, {2, 3, 0}, {2, 0}}, row, 3, 1, 2)
	want := [][]float64{
		{0, 1, 1},
		{1, 0, 1},
		{1, 1, 0},
	}
	for i := range 3 {
		got := make([]float64, 3)
		for k := c.ptr[i]; k < c.ptr[i+1]; k++ {
			got[c.col[k]] = c.val[k]
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("row %d: %v, want %v", i, got, want[i])
		}
	}
	// Window 2: in [2 3 0] the 3 is skipped, 2–0 at distance 2 counts.
	c = cooccurrences([][]int32{{2, 3, 0}}, row, 3, 2, 1)
	if c.ptr[3] != 2 || c.val[0] != 1 {
		t.Errorf("window 2 over a gap: %+v", c)
	}
}

func TestPPMIHand(t *testing.T) {
	// Oracle: hand computation. α = 1, counts [[0 2],[2 0]]: #(0,1) =
	// #(1,0) = 2, #(w) = #(c) = 2, Z = 4: PMI = log(2·4/(2·2)) = log 2.
	c := &csr{n: 2, ptr: []int{0, 1, 2}, col: []int32{1, 0}, val: []float64{2, 2}}
	p := ppmiMatrix(c, 1)
	if len(p.val) != 2 || math.Abs(p.val[0]-math.Ln2) > 1e-15 || math.Abs(p.val[1]-math.Ln2) > 1e-15 {
		t.Errorf("ppmi %v, want [ln 2, ln 2]", p.val)
	}
	// α = 0.75 on counts [[1 3],[3 1]]: #(w) = 4, #(c) = 4, Z = 2·4^0.75;
	// PMI(0,0) = log(1·2·4^.75/(4·4^.75)) = log 0.5 < 0 (dropped),
	// PMI(0,1) = log(3·2/4) = log 1.5.
	c = &csr{n: 2, ptr: []int{0, 2, 4}, col: []int32{0, 1, 0, 1}, val: []float64{1, 3, 3, 1}}
	p = ppmiMatrix(c, 0.75)
	if !slices.Equal(p.col, []int32{1, 0}) || math.Abs(p.val[0]-math.Log(1.5)) > 1e-15 {
		t.Errorf("ppmi cols %v vals %v, want [1 0], log 1.5", p.col, p.val)
	}
}

// TestRandomizedSVD compares the randomized truncated SVD with gonum's
// mat.SVD of the dense matrix (the oracle): singular values to 1e-8 and
// left singular vectors up to sign, on a sparse matrix of rank 12 (exact
// with 12 + oversampling columns) and, with power iterations, on a full
// rank one whose spectrum decays.
func TestRandomizedSVD(t *testing.T) {
	for _, tc := range []struct {
		name       string
		rank       int
		d, over, q int
		tol        float64
	}{
		{"rank 12, exact", 12, 6, 10, 0, 1e-8},
		{"full rank, power iterations", 0, 5, 10, 4, 1e-8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, dense := testMatrix(60, tc.rank)
			u, s := randomizedSVD(a, tc.d, tc.over, tc.q, 1, 2)
			var svd mat.SVD
			svd.Factorize(dense, mat.SVDThin)
			want := svd.Values(nil)
			var wu mat.Dense
			svd.UTo(&wu)
			for k := range tc.d {
				if math.Abs(s[k]-want[k]) > tc.tol*want[0] {
					t.Errorf("σ_%d = %.12g, want %.12g", k, s[k], want[k])
				}
				var d float64
				sign := math.Copysign(1, u.At(0, k)*wu.At(0, k))
				for i := range 60 {
					d = math.Max(d, math.Abs(u.At(i, k)-sign*wu.At(i, k)))
				}
				if d > 1e-6 {
					t.Errorf("left vector %d differs by %g", k, d)
				}
			}
		})
	}
}

// testMatrix returns a sparse non-negative n × n matrix: of the given
// rank (a product of sparse factors), or of full rank with singular
// values decaying like 0.7^k when rank is 0.
func testMatrix(n, rank int) (*csr, *mat.Dense) {
	rng := rand.New(rand.NewPCG(4, 4))
	dense := mat.NewDense(n, n, nil)
	if rank > 0 {
		f := mat.NewDense(n, rank, nil)
		g := mat.NewDense(rank, n, nil)
		for i := range n {
			for k := range rank {
				if rng.Float64() < 0.3 {
					f.Set(i, k, rng.Float64())
				}
				if rng.Float64() < 0.3 {
					g.Set(k, i, rng.Float64())
				}
			}
		}
		dense.Mul(f, g)
	} else {
		q1 := orthRandom(rng, n)
		q2 := orthRandom(rng, n)
		s := mat.NewDiagDense(n, nil)
		for k := range n {
			s.SetDiag(k, math.Pow(0.7, float64(k)))
		}
		dense.Product(q1, s, q2.T())
	}
	a := &csr{n: n, ptr: make([]int, 1, n+1)}
	for i := range n {
		for j := range n {
			if v := dense.At(i, j); v != 0 {
				a.col = append(a.col, int32(j))
				a.val = append(a.val, v)
			}
		}
		a.ptr = append(a.ptr, len(a.col))
	}
	return a, dense
}

func orthRandom(rng *rand.Rand, n int) *mat.Dense {
	x := mat.NewDense(n, n, nil)
	for i := range n {
		for j := range n {
			x.Set(i, j, rng.NormFloat64())
		}
	}
	return orth(x)
}

// clustered returns sentences drawn from k clusters of m terms each
// (terms k·m.. are noise shared by all): a sentence picks a cluster and
// draws 8 terms from it and 4 from the noise.
func clustered(seed uint64, sentences, k, m, noise int) [][]int32 {
	rng := rand.New(rand.NewPCG(seed, 8))
	out := make([][]int32, sentences)
	for s := range out {
		c := rng.IntN(k)
		for range 8 {
			out[s] = append(out[s], int32(c*m+rng.IntN(m)))
		}
		for range 4 {
			out[s] = append(out[s], int32(k*m+rng.IntN(noise)))
		}
		rng.Shuffle(len(out[s]), func(i, j int) { out[s][i], out[s][j] = out[s][j], out[s][i] })
	}
	return out
}

// TestTrainKeepsClusters: terms of one generating cluster must be each
// other's nearest neighbours (oracle: the clusters by construction).
func TestTrainKeepsClusters(t *testing.T) {
	const k, m = 6, 10
	windows := clustered(1, 3000, k, m, 40)
	opt := DefaultOptions()
	opt.Dims = 10
	model, err := Train(windows, k*m+40, opt)
	if err != nil {
		t.Fatal(err)
	}
	var terms []int32
	var cats []string
	for c := range k {
		for i := range m {
			terms = append(terms, int32(c*m+i))
			cats = append(cats, string(rune('a'+c)))
		}
	}
	ch, err := CategoryCheck(model, terms, cats)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", *ch)
	if ch.Accuracy < 0.99 || ch.Gap < 0.3 {
		t.Errorf("accuracy %.2f, gap %.2f; want ≥ 0.99 and ≥ 0.3", ch.Accuracy, ch.Gap)
	}
	if math.Abs(ch.Chance-float64(k*m*(m-1))/float64(k*m*(k*m-1))) > 1e-15 {
		t.Errorf("chance %v", ch.Chance)
	}
	// Deterministic, whatever the workers.
	opt.Workers = 1
	again, _ := Train(windows, k*m+40, opt)
	if !mat.Equal(model.Vectors, again.Vectors) {
		t.Error("vectors differ between Workers = 1 and GOMAXPROCS")
	}
	for i := range model.Terms {
		if n := mat.Norm(model.Vectors.RowView(i), 2); math.Abs(n-1) > 1e-12 {
			t.Fatalf("row %d has length %v", i, n)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	w := [][]int32{{0, 1, 0, 1, 2}}
	bad := func(f func(*Options)) Options { o := DefaultOptions(); o.MinCount = 1; f(&o); return o }
	tests := []struct {
		name string
		w    [][]int32
		n    int
		opt  Options
		want string
	}{
		{"window", w, 3, bad(func(o *Options) { o.Window = 0 }), "window 0"},
		{"min count", w, 3, bad(func(o *Options) { o.MinCount = 0 }), "minimum count 0"},
		{"dims", w, 3, bad(func(o *Options) { o.Dims = -1 }), "dimensions -1"},
		{"smoothing", w, 3, bad(func(o *Options) { o.Smoothing = 0 }), "smoothing 0"},
		{"power", w, 3, bad(func(o *Options) { o.Power = 2 }), "power 2"},
		{"oversample", w, 3, bad(func(o *Options) { o.Oversample = -1 }), "oversampling -1"},
		{"term out of range", w, 2, bad(func(*Options) {}), "window 0, token 4: term 2"},
		{"too few terms", w, 3, DefaultOptions(), "0 terms with at least 5 tokens"},
	}
	for _, tc := range tests {
		if _, err := Train(tc.w, tc.n, tc.opt); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
