package scale

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// simulated draws counts from the Wordfish model itself: θ ~ N(0, 1),
// α ~ N(0, 0.3), β ~ N(0, 0.5), ψ ~ N(0, 1) − 1 over v terms, so that each
// of n documents holds a few thousand tokens.
type simulated struct {
	y                       *Counts
	theta, alpha, beta, psi []float64
}

func simulate(seed uint64, n, v int, psiShift float64) simulated {
	src := rand.NewPCG(seed, 3)
	rng := rand.New(src)
	s := simulated{}
	for range n {
		s.theta = append(s.theta, rng.NormFloat64())
		s.alpha = append(s.alpha, 0.3*rng.NormFloat64())
	}
	for range v {
		s.beta = append(s.beta, 0.5*rng.NormFloat64())
		s.psi = append(s.psi, rng.NormFloat64()+psiShift)
	}
	p := &wfParams{alpha: s.alpha, theta: s.theta, psi: s.psi, beta: s.beta}
	s.y = poissonCounts(p, 0, src)
	// Every term needs a count: give an unused term one token.
	_, cols, _ := s.y.sums()
	cells := make([][]Cell, n)
	for i := range n {
		for k := s.y.Ptr[i]; k < s.y.Ptr[i+1]; k++ {
			cells[i] = append(cells[i], Cell{s.y.Col[k], s.y.Val[k]})
		}
	}
	for j, c := range cols {
		if c == 0 {
			cells[j%n] = append(cells[j%n], Cell{int32(j), 1})
		}
	}
	s.y, _ = NewCounts(cells, v)
	return s
}

// TestWordfishRecoversTheta is the validation: on counts simulated
// from the model (the oracle: the generating θ and β), the estimated θ
// must correlate with the true θ at |r| ≥ 0.95.
func TestWordfishRecoversTheta(t *testing.T) {
	for _, c := range []struct {
		name      string
		n, v      int
		converges bool
		minRBeta  float64
	}{
		{"60 docs × 500 terms", 60, 500, true, 0.9},
		// 20 observations per β: recovered loosely; θ still drifts
		// slowly at the cap of 100 rounds (see the package doc).
		{"20 docs × 2000 terms", 20, 2000, false, 0.6},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := simulate(1, c.n, c.v, -0.5)
			w, err := FitWordfish(s.y, WordfishOptions{})
			if err != nil {
				t.Fatal(err)
			}
			r := stat.Correlation(w.Theta, s.theta, nil)
			rb := stat.Correlation(w.Beta, s.beta, nil)
			t.Logf("r(θ̂, θ) = %.4f, r(β̂, β) = %.4f, %d rounds, converged %v", r, rb, w.Iterations, w.Converged)
			if math.Abs(r) < 0.95 {
				t.Errorf("|r(θ̂, θ)| = %.3f, want ≥ 0.95", math.Abs(r))
			}
			if math.Abs(rb) < c.minRBeta {
				t.Errorf("|r(β̂, β)| = %.3f, want ≥ %v", math.Abs(rb), c.minRBeta)
			}
			if w.Converged != c.converges {
				t.Errorf("converged %v in %d rounds, want %v", w.Converged, w.Iterations, c.converges)
			}
			m, sd := stat.MeanStdDev(w.Theta, nil)
			if math.Abs(m) > 1e-12 || math.Abs(sd-1) > 1e-12 || w.Alpha[0] != 0 {
				t.Errorf("identification: mean θ %g, sd θ %g, α_1 %g; want 0, 1, 0", m, sd, w.Alpha[0])
			}
			if w.Theta[0] >= w.Theta[1] {
				t.Errorf("direction: θ_0 = %v ≥ θ_1 = %v", w.Theta[0], w.Theta[1])
			}
		})
	}
}

// TestWordfishStationary checks the Newton steps against the gradient of
// the log posterior (the oracle: its formula): at the fit, each term's
// (ψ_j, β_j) maximises the posterior given (α, θ), so
//
//	Σ_i (y_ij − λ_ij) = 0,  Σ_i θ_i (y_ij − λ_ij) − β_j/9 = 0
//
// to within 1e-8 of the term's count.
func TestWordfishStationary(t *testing.T) {
	s := simulate(2, 30, 300, -0.5)
	w, err := FitWordfish(s.y, WordfishOptions{})
	if err != nil {
		t.Fatal(err)
	}
	yt := s.y.transpose()
	var worst float64
	for j := range 300 {
		var g0, g1 float64
		for k := yt.Ptr[j]; k < yt.Ptr[j+1]; k++ {
			i := yt.Col[k]
			g0 += yt.Val[k]
			g1 += w.Theta[i] * yt.Val[k]
		}
		var total float64
		for i, th := range w.Theta {
			l := math.Exp(w.Alpha[i] + w.Psi[j] + w.Beta[j]*th)
			g0 -= l
			g1 -= th * l
		}
		g1 -= w.Beta[j] / 9
		for k := yt.Ptr[j]; k < yt.Ptr[j+1]; k++ {
			total += yt.Val[k]
		}
		worst = math.Max(worst, math.Max(math.Abs(g0), math.Abs(g1))/total)
	}
	if worst > 1e-8 {
		t.Errorf("largest relative term gradient %g, want ≤ 1e-8", worst)
	}
}

func TestWordfishBootstrap(t *testing.T) {
	s := simulate(3, 25, 400, -0.3)
	opt := WordfishOptions{Bootstrap: 40, Seed: 9}
	w, err := FitWordfish(s.y, opt)
	if err != nil {
		t.Fatal(err)
	}
	var covered int
	sign := 1.0 // the truth's direction need not be Dir's
	if stat.Correlation(w.Theta, s.theta, nil) < 0 {
		sign = -1
	}
	for i := range w.Theta {
		if !(w.Lower[i] <= w.Theta[i] && w.Theta[i] <= w.Upper[i]) {
			t.Errorf("document %d: estimate %.3f outside its interval [%.3f, %.3f]", i, w.Theta[i], w.Lower[i], w.Upper[i])
		}
		if w.Upper[i]-w.Lower[i] <= 0 {
			t.Errorf("document %d: empty interval", i)
		}
		truth := sign * (s.theta[i] - stat.Mean(s.theta, nil)) / stat.StdDev(s.theta, nil)
		if w.Lower[i] <= truth && truth <= w.Upper[i] {
			covered++
		}
	}
	t.Logf("bootstrap intervals cover the standardised true θ of %d of %d documents; mean width %.3f, mean Hessian SE %.3f",
		covered, len(w.Theta), meanWidth(w), stat.Mean(w.ThetaSE, nil))
	if covered < len(w.Theta)*7/10 {
		t.Errorf("intervals cover %d of %d true positions, want ≥ 70%%", covered, len(w.Theta))
	}
	opt.Workers = 1
	again, _ := FitWordfish(s.y, opt)
	if !slices.Equal(w.Lower, again.Lower) || !slices.Equal(w.Upper, again.Upper) {
		t.Error("intervals differ between Workers = 2 and 1")
	}

	// The normal interval: θ̂ ± 1.959964 sd of the same replicates (oracle:
	// the replicates' sample standard deviation, computed here by hand);
	// it covers the truth about as often.
	opt.Normal = true
	n, err := FitWordfish(s.y, opt)
	if err != nil {
		t.Fatal(err)
	}
	covered = 0
	for i := range n.Theta {
		var m, ss float64
		for _, r := range n.Replicates {
			m += r[i] / float64(len(n.Replicates))
		}
		for _, r := range n.Replicates {
			ss += (r[i] - m) * (r[i] - m)
		}
		sd := math.Sqrt(ss / float64(len(n.Replicates)-1))
		if math.Abs(n.BootSE[i]-sd) > 1e-12 || math.Abs(n.Upper[i]-(n.Theta[i]+1.959963984540054*sd)) > 1e-9 || math.Abs(n.Lower[i]-(n.Theta[i]-1.959963984540054*sd)) > 1e-9 {
			t.Errorf("document %d: normal interval [%g, %g], boot se %g; want θ ± 1.96·%g", i, n.Lower[i], n.Upper[i], n.BootSE[i], sd)
		}
		truth := sign * (s.theta[i] - stat.Mean(s.theta, nil)) / stat.StdDev(s.theta, nil)
		if n.Lower[i] <= truth && truth <= n.Upper[i] {
			covered++
		}
	}
	t.Logf("normal intervals cover %d of %d", covered, len(n.Theta))
	if covered < len(n.Theta)*7/10 {
		t.Errorf("normal intervals cover %d of %d true positions, want ≥ 70%%", covered, len(n.Theta))
	}
}

func meanWidth(w *Wordfish) float64 {
	var s float64
	for i := range w.Lower {
		s += w.Upper[i] - w.Lower[i]
	}
	return s / float64(len(w.Lower))
}

func TestWordfishErrors(t *testing.T) {
	y := denseCounts(t, smoke)
	tests := []struct {
		name string
		y    *Counts
		opt  WordfishOptions
		want string
	}{
		{"same direction docs", y, WordfishOptions{Dir: [2]int{2, 2}}, "direction documents 2 and 2"},
		{"direction out of range", y, WordfishOptions{Dir: [2]int{0, 5}}, "rows of 5"},
		{"tolerance", y, WordfishOptions{Tol: -1}, "tolerance -1"},
		{"iterations", y, WordfishOptions{MaxIter: -3}, "max iterations -3"},
		{"bootstrap", y, WordfishOptions{Bootstrap: -1}, "bootstrap -1"},
		{"level", y, WordfishOptions{Level: 1.5}, "level 1.5"},
		{"empty column", denseCounts(t, [][]float64{{1, 0, 2}, {3, 0, 1}}), WordfishOptions{}, "column 1 holds no count"},
		{"malformed", &Counts{Rows: 2, Cols: 2, Ptr: []int{0, 1}}, WordfishOptions{}, "malformed"},
	}
	for _, tc := range tests {
		if _, err := FitWordfish(tc.y, tc.opt); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestQuantile7(t *testing.T) {
	// Oracle: R, quantile(c(1, 2, 3, 4), c(0, 0.25, 0.5, 0.975, 1)) =
	// 1, 1.75, 2.5, 3.925, 4.
	x := []float64{1, 2, 3, 4}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 2.5}, {0.975, 3.925}, {1, 4}} {
		if got := quantile7(x, c.q); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("quantile7(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}

// TestPoisson checks the sampler's mean and variance against λ (the
// oracle: Poisson moments) within 5 standard errors, on both branches.
func TestPoisson(t *testing.T) {
	src := rand.NewPCG(1, 2)
	rng := rand.New(src)
	for _, lambda := range []float64{0.01, 0.7, 4, 25} {
		const n = 200000
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(poisson(lambda, src, rng))
		}
		m, v := stat.MeanVariance(x, nil)
		if se := math.Sqrt(lambda / n); math.Abs(m-lambda) > 5*se {
			t.Errorf("λ %v: mean %v", lambda, m)
		}
		if se := lambda * math.Sqrt(2.0/n) * 2; math.Abs(v-lambda) > 5*se+1e-3 {
			t.Errorf("λ %v: variance %v", lambda, v)
		}
	}
}
