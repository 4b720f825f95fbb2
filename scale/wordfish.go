package scale

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Prior precisions (1/sd²) of quanteda's textmodel_wordfish defaults,
// priors = c(Inf, Inf, 3, 1): flat on α and ψ, sd 3 on β, sd 1 on θ.
const (
	precAlpha = 0
	precPsi   = 0
	precBeta  = 1.0 / 9
	precTheta = 1
)

// Defaults for the WordfishOptions a caller leaves at zero.
const (
	DefaultTol     = 1e-5 // largest change of a θ_i in a round
	DefaultMaxIter = 100  // rounds, quanteda's cap
	DefaultLevel   = 0.95 // bootstrap interval level
)

// WordfishOptions control FitWordfish. The zero value fits without a
// bootstrap, with the defaults above and Dir = {0, 1}.
type WordfishOptions struct {
	// Dir names two rows (documents) with θ[Dir[0]] < θ[Dir[1]] in the
	// result; {0, 0} means {0, 1}.
	Dir [2]int
	// Tol stops the rounds when no θ_i (on the mean 0, sd 1 scale) moves
	// by more than Tol in a round.
	Tol float64
	// MaxIter bounds the rounds (each a term and a document step).
	MaxIter int
	// Bootstrap is the number of parametric bootstrap replicates (0: none;
	// each costs about a fit).
	Bootstrap int
	// Level is the bootstrap interval's coverage, in (0, 1).
	Level float64
	// Normal makes the interval θ̂_i ± z·BootSE_i, z the standard normal
	// quantile at (1 + Level)/2: the normal bootstrap interval (Efron &
	// Tibshirani 1993, §13.3), steadier than the percentiles with few
	// replicates — 25 to 200 estimate a standard error well, where
	// percentiles want about 1,000 (ibid., §6.4, §19.3).
	Normal bool
	// Seed seeds the bootstrap draws.
	Seed uint64
	// Workers is the number of goroutines; < 1 means GOMAXPROCS. The
	// result does not depend on it.
	Workers int
}

// Wordfish is a fitted Wordfish model (see the package documentation).
type Wordfish struct {
	Theta, Alpha []float64 // per row (document), in input order
	Beta, Psi    []float64 // per column (term)
	// ThetaSE is the Hessian standard error of each θ_i (as quanteda).
	ThetaSE []float64
	// Lower and Upper bound the bootstrap interval of each θ_i; nil
	// without a bootstrap.
	Lower, Upper []float64
	// BootSE is the standard deviation of each θ_i over the bootstrap
	// replicates (n − 1 denominator); nil without a bootstrap.
	BootSE []float64
	// Replicates holds each bootstrap replicate's θ (Bootstrap × rows).
	Replicates [][]float64
	// LogPosterior is the final log posterior (without the constant
	// −Σ log y_ij!).
	LogPosterior float64
	// Iterations is the number of rounds run; Converged says whether the
	// tolerance was met within MaxIter.
	Iterations int
	Converged  bool
}

// FitWordfish fits Wordfish to y (documents × terms). Every row and column
// must hold a count; there must be at least two of each.
func FitWordfish(y *Counts, opt WordfishOptions) (*Wordfish, error) {
	if err := y.Check(); err != nil {
		return nil, err
	}
	o, err := opt.resolve(y.Rows)
	if err != nil {
		return nil, err
	}
	d := newWFData(y, o.Workers)
	if err := y.checkMargins(d.rowSum, d.colSum); err != nil {
		return nil, err
	}
	p, err := d.start()
	if err != nil {
		return nil, err
	}
	res := &Wordfish{}
	res.LogPosterior, res.Iterations, res.Converged = d.fit(p, o, true)
	p.orient(o.Dir)
	res.Theta, res.Alpha, res.Beta, res.Psi = p.theta, p.alpha, p.beta, p.psi
	res.ThetaSE = d.thetaSE(p)
	if o.Bootstrap > 0 {
		res.bootstrap(d, p, o)
	}
	return res, nil
}

func (o WordfishOptions) resolve(rows int) (WordfishOptions, error) {
	if o.Dir == [2]int{} {
		o.Dir = [2]int{0, 1}
	}
	if o.Dir[0] == o.Dir[1] || o.Dir[0] < 0 || o.Dir[1] < 0 || o.Dir[0] >= rows || o.Dir[1] >= rows {
		return o, fmt.Errorf("scale: wordfish: direction documents %d and %d: want two different rows of %d", o.Dir[0], o.Dir[1], rows)
	}
	switch {
	case o.Tol == 0:
		o.Tol = DefaultTol
	case !(o.Tol > 0 && o.Tol < 1):
		return o, fmt.Errorf("scale: wordfish: tolerance %g: must lie in (0, 1)", o.Tol)
	}
	switch {
	case o.MaxIter == 0:
		o.MaxIter = DefaultMaxIter
	case o.MaxIter < 0:
		return o, fmt.Errorf("scale: wordfish: max iterations %d: must be at least 1", o.MaxIter)
	}
	if o.Bootstrap < 0 {
		return o, fmt.Errorf("scale: wordfish: bootstrap %d: must not be negative", o.Bootstrap)
	}
	switch {
	case o.Level == 0:
		o.Level = DefaultLevel
	case !(o.Level > 0 && o.Level < 1):
		return o, fmt.Errorf("scale: wordfish: level %g: must lie in (0, 1)", o.Level)
	}
	if o.Workers < 1 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o, nil
}

// wfData is the counts with what the Newton steps need of them.
type wfData struct {
	y, yt          *Counts // documents × terms and its transpose
	rowSum, colSum []float64
	workers        int
}

func newWFData(y *Counts, workers int) *wfData {
	rs, cs, _ := y.sums()
	return &wfData{y: y, yt: y.transpose(), rowSum: rs, colSum: cs, workers: workers}
}

// wfParams are the model's parameters.
type wfParams struct {
	alpha, theta []float64 // per document
	psi, beta    []float64 // per term
}

func (p *wfParams) clone() *wfParams {
	return &wfParams{slices.Clone(p.alpha), slices.Clone(p.theta), slices.Clone(p.psi), slices.Clone(p.beta)}
}

// start returns quanteda's starting values: θ from the first CA dimension
// (standard row coordinates, standardised), α_i = log(y_i· / mean y_·),
// ψ_j = log(y_·j / n), β = 0.
func (d *wfData) start() (*wfParams, error) {
	n, v := d.y.Rows, d.y.Cols
	p := &wfParams{alpha: make([]float64, n), theta: make([]float64, n), psi: make([]float64, v), beta: make([]float64, v)}
	ca, err := FitCA(d.y, 1)
	if err != nil {
		return nil, fmt.Errorf("scale: wordfish: starting values: %w", err)
	}
	for i := range n {
		p.theta[i] = ca.Row.At(i, 0)
	}
	standardize(p.theta)
	meanRow := stat.Mean(d.rowSum, nil)
	for i := range n {
		p.alpha[i] = math.Log(d.rowSum[i] / meanRow)
	}
	for j := range v {
		p.psi[j] = math.Log(d.colSum[j] / float64(n))
	}
	return p, nil
}

// standardize rescales x to mean 0 and standard deviation 1 (n − 1
// denominator, as R's sd) and returns the mean and sd it removed.
func standardize(x []float64) (m, s float64) {
	m, s = stat.MeanStdDev(x, nil)
	if !(s > 0) {
		s = 1
	}
	for i := range x {
		x[i] = (x[i] - m) / s
	}
	return m, s
}

// fit runs rounds of Newton steps on p until no θ_i moves by more than
// o.Tol in a round, then a last term step (so ψ and β maximise the
// posterior given the final α and θ); it returns the log posterior, the
// number of rounds and whether the tolerance was met. halfFirst halves
// the first round's steps (quanteda's cold start).
func (d *wfData) fit(p *wfParams, o WordfishOptions, halfFirst bool) (lp float64, rounds int, converged bool) {
	rounds, converged = d.rounds(p, o, halfFirst)
	d.termStep(p, 10, 1)
	return d.logPosterior(p), rounds, converged
}

// rounds runs the rounds of fit, without its last term step: all a
// bootstrap replicate needs, as only its θ is kept.
func (d *wfData) rounds(p *wfParams, o WordfishOptions, halfFirst bool) (rounds int, converged bool) {
	last := slices.Clone(p.theta)
	for rounds < o.MaxIter && !converged {
		rounds++
		step := 1.0
		if halfFirst && rounds == 1 {
			step = 0.5
		}
		d.termStep(p, 1, step)
		d.docStep(p, step)
		p.normalize()
		var moved float64
		for i, t := range p.theta {
			moved = math.Max(moved, math.Abs(t-last[i]))
		}
		copy(last, p.theta)
		converged = moved <= o.Tol
	}
	return rounds, converged
}

// eachIndex runs f(i) for i in [0, n) on workers goroutines, or in
// order on this one when workers ≤ 1 (each bootstrap replicate's rounds).
func eachIndex(n, workers int, f func(i int)) {
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// newton2 takes up to steps damped Newton steps on a two-parameter block
// (a, b) whose log posterior has gradient and Hessian given by grad, and
// stops when a step changes neither by more than 1e-8 (quanteda's inner
// loop) or the Hessian stops being negative definite.
func newton2(a, b *float64, steps int, step float64, grad func(a, b float64) (g0, g1, h00, h01, h11 float64)) {
	for range steps {
		g0, g1, h00, h01, h11 := grad(*a, *b)
		det := h00*h11 - h01*h01
		if !(det > 0) || !(h00 < 0) || math.IsInf(det, 0) {
			return
		}
		da := step * (h11*g0 - h01*g1) / det
		db := step * (h00*g1 - h01*g0) / det
		*a -= da
		*b -= db
		if math.Max(math.Abs(da), math.Abs(db)) <= 1e-8 {
			return
		}
		step = 1
	}
}

// termStep updates every term's (ψ_j, β_j) with (α, θ) fixed, by up to
// steps Newton steps.
func (d *wfData) termStep(p *wfParams, steps int, step float64) {
	eachIndex(d.y.Cols, d.workers, func(j int) {
		var yTheta float64
		for k := d.yt.Ptr[j]; k < d.yt.Ptr[j+1]; k++ {
			yTheta += p.theta[d.yt.Col[k]] * d.yt.Val[k]
		}
		yj := d.colSum[j]
		newton2(&p.psi[j], &p.beta[j], steps, step, func(psi, beta float64) (g0, g1, h00, h01, h11 float64) {
			s0, s1, s2 := expSums(psi, p.alpha, p.theta, beta)
			return yj - s0 - psi*precPsi, yTheta - s1 - beta*precBeta,
				-s0 - precPsi, -s1, -s2 - precBeta
		})
	})
}

// docStep updates every document's (α_i, θ_i) with (ψ, β) fixed, by one
// Newton step.
func (d *wfData) docStep(p *wfParams, step float64) {
	eachIndex(d.y.Rows, d.workers, func(i int) {
		var yBeta float64
		for k := d.y.Ptr[i]; k < d.y.Ptr[i+1]; k++ {
			yBeta += p.beta[d.y.Col[k]] * d.y.Val[k]
		}
		yi := d.rowSum[i]
		newton2(&p.alpha[i], &p.theta[i], 1, step, func(alpha, theta float64) (g0, g1, h00, h01, h11 float64) {
			s0, s1, s2 := docSums(p, alpha, theta)
			return yi - s0 - alpha*precAlpha, yBeta - s1 - theta*precTheta,
				-s0 - precAlpha, -s1, -s2 - precTheta
		})
	})
}

// docSums returns Σ_j λ_j, Σ_j β_j λ_j and Σ_j β_j² λ_j for a document
// with parameters (alpha, theta).
func docSums(p *wfParams, alpha, theta float64) (s0, s1, s2 float64) {
	return expSums(alpha, p.psi, p.beta, theta)
}

// normalize reparametrises p to mean(θ) = 0, sd(θ) = 1, α_1 = 0, leaving
// every λ_ij unchanged.
func (p *wfParams) normalize() {
	m, s := standardize(p.theta)
	for j := range p.beta {
		p.psi[j] += p.beta[j] * m
		p.beta[j] *= s
	}
	a0 := p.alpha[0]
	for i := range p.alpha {
		p.alpha[i] -= a0
	}
	for j := range p.psi {
		p.psi[j] += a0
	}
}

// orient flips θ and β so that θ[dir[0]] < θ[dir[1]].
func (p *wfParams) orient(dir [2]int) {
	if p.theta[dir[0]] <= p.theta[dir[1]] {
		return
	}
	for i := range p.theta {
		p.theta[i] = -p.theta[i]
	}
	for j := range p.beta {
		p.beta[j] = -p.beta[j]
	}
}

// logPosterior returns Σ_ij (y_ij log λ_ij − λ_ij) − Σ β²/18 − Σ θ²/2.
func (d *wfData) logPosterior(p *wfParams) float64 {
	n := d.y.Rows
	rowLL := make([]float64, n)
	eachIndex(n, d.workers, func(i int) {
		var ll float64
		for k := d.y.Ptr[i]; k < d.y.Ptr[i+1]; k++ {
			j := d.y.Col[k]
			ll += d.y.Val[k] * (p.alpha[i] + p.psi[j] + p.beta[j]*p.theta[i])
		}
		s0, _, _ := docSums(p, p.alpha[i], p.theta[i])
		rowLL[i] = ll - s0
	})
	var lp float64
	for _, x := range rowLL {
		lp += x
	}
	for _, b := range p.beta {
		lp -= 0.5 * b * b * precBeta
	}
	for _, t := range p.theta {
		lp -= 0.5 * t * t * precTheta
	}
	return lp
}

// thetaSE returns sqrt(−H_αα / det H) of each document's (α_i, θ_i) block.
func (d *wfData) thetaSE(p *wfParams) []float64 {
	se := make([]float64, d.y.Rows)
	eachIndex(d.y.Rows, d.workers, func(i int) {
		s0, s1, s2 := docSums(p, p.alpha[i], p.theta[i])
		h00, h01, h11 := -s0-precAlpha, -s1, -s2-precTheta
		se[i] = math.Sqrt(-h00 / (h00*h11 - h01*h01))
	})
	return se
}

// bootTol is the θ tolerance of a bootstrap replicate's fit: a hundred
// times below the spread of the replicates' θ on any real corpus.
const bootTol = 1e-3

// bootstrap draws o.Bootstrap replicates y* ~ Poisson(λ̂), refits each
// from the estimates p (to a tolerance of max(Tol, bootTol)) and sets the
// percentile intervals.
func (w *Wordfish) bootstrap(d *wfData, p *wfParams, o WordfishOptions) {
	n := d.y.Rows
	w.Replicates = make([][]float64, o.Bootstrap)
	inner := o
	inner.Workers = 1
	inner.Tol = max(o.Tol, bootTol)
	eachIndex(o.Bootstrap, o.Workers, func(b int) {
		ystar := poissonCounts(p, len(d.y.Val), rand.NewPCG(o.Seed, uint64(b)+1))
		q := p.clone()
		dd := newWFData(ystar, 1)
		dd.rounds(q, inner, false)
		q.orient(o.Dir)
		w.Replicates[b] = q.theta
	})
	w.Lower, w.Upper, w.BootSE = make([]float64, n), make([]float64, n), make([]float64, n)
	x := make([]float64, o.Bootstrap)
	z := distuv.UnitNormal.Quantile((1 + o.Level) / 2)
	for i := range n {
		for b := range x {
			x[b] = w.Replicates[b][i]
		}
		if o.Bootstrap > 1 {
			w.BootSE[i] = stat.StdDev(x, nil)
		}
		if o.Normal {
			w.Lower[i], w.Upper[i] = w.Theta[i]-z*w.BootSE[i], w.Theta[i]+z*w.BootSE[i]
			continue
		}
		slices.Sort(x)
		w.Lower[i] = quantile7(x, (1-o.Level)/2)
		w.Upper[i] = quantile7(x, (1+o.Level)/2)
	}
}

// poissonCounts draws y*_ij ~ Poisson(λ_ij) for every cell and returns
// the non-zero draws; nnz, the fitted counts' number of non-zero cells,
// sizes their slices.
func poissonCounts(p *wfParams, nnz int, src rand.Source) *Counts {
	rng := rand.New(src)
	n, v := len(p.theta), len(p.beta)
	nnz += nnz / 8
	y := &Counts{Rows: n, Cols: v, Ptr: make([]int, 1, n+1), Col: make([]int32, 0, nnz), Val: make([]float64, 0, nnz)}
	for i := range n {
		for j := range v {
			lambda := fastExp(p.alpha[i] + p.psi[j] + p.beta[j]*p.theta[i])
			if k := poisson(lambda, src, rng); k > 0 {
				y.Col = append(y.Col, int32(j))
				y.Val = append(y.Val, float64(k))
			}
		}
		y.Ptr = append(y.Ptr, len(y.Col))
	}
	return y
}

// poisson draws from Poisson(lambda): by inversion of the cumulative
// distribution (one uniform) for lambda < 10, the usual case in a text
// matrix, and with gonum's distuv.Poisson (Hörmann's PTRS) above. rng
// draws from src.
func poisson(lambda float64, src rand.Source, rng *rand.Rand) int {
	if lambda >= 10 {
		return int(distuv.Poisson{Lambda: lambda, Src: src}.Rand())
	}
	u := rng.Float64()
	p := fastExp(-lambda)
	cdf := p
	k := 0
	for u > cdf && k < 100 {
		k++
		p *= lambda / float64(k)
		cdf += p
	}
	return k
}

// quantile7 is R's quantile type 7 of the sorted x at probability q.
func quantile7(x []float64, q float64) float64 {
	h := q * float64(len(x)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}
