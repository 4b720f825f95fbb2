package cluster

import (
	"context"
	"math"
	"slices"
	"sync"
)

// eps is the unit roundoff of float64.
const eps = 0x1p-53

// runKernel is run with the Gram matrix G: Lloyd iterations in which the
// centroids are kept as what defines them — the seed rows, then the
// labels whose means they are — and turned into dense vectors only when
// something needs their exact values. With m_c rows in cluster c,
//
//	x_i·c  = Σ_{j ∈ c} G_ij / m_c                 (G_ii = ‖x_i‖²)
//	‖c‖²   = Σ_{j,l ∈ c} G_jl / m_c²
//	‖x_i − c‖² = ‖x_i‖² − 2 x_i·c + ‖c‖²
//
// so a step costs O(n²) instead of the O(nnz·K) of dense centroids. These
// values are not what nearest and centerShift compute from the dense
// centroids to the last bit (another order of summation, and the dense
// centroid is a rounded mean), so each comes with a bound on the
// difference, from the number of terms of each sum (see kernelAssign and
// shiftBound); a decision the bound leaves in doubt is taken on the dense
// centroids, computed then. Labels, distances, iterations and centroids
// are therefore those of plain Lloyd iterations (TestKernelMatchesLloyd).
//
// The first step's centroids are rows: their dot products with the rows
// are the Gram matrix's entries, summed as nearest sums them, so that
// step is exact without bounds.
func (d *kmData) runKernel(ctx context.Context, seeds []int, maxIter int, tolAbs float64) *outcome {
	n := d.x.Rows
	r := d.newKernelRun(len(seeds))
	r.seeds = seeds
	labels, old := make([]int, n), make([]int, n)
	dist := make([]float64, n)
	iter, converged := 0, false
	for iter < maxIter {
		if ctxErr(ctx) != nil {
			return nil
		}
		iter++
		if iter == 1 {
			r.assignSeeds(labels, dist)
		} else {
			r.assign(labels, dist)
		}
		if iter > 1 && slices.Equal(labels, old) {
			converged = true
			break
		}
		copy(old, labels)
		if r.update(labels, dist, tolAbs) {
			break
		}
	}
	if !converged {
		r.assign(labels, dist)
	}
	// The inertia is estimated from G where the distances are (see
	// assign); finish computes them and the dense centroids, for the run
	// Fit keeps.
	o := &outcome{KMeansResult: &KMeansResult{Labels: labels, Sizes: make([]int, r.k), Iter: iter}}
	var abs float64
	for i, l := range labels {
		o.Inertia += dist[i]
		o.Sizes[l]++
		abs += math.Abs(dist[i])
		if !r.fresh[i] {
			o.bound += r.assignBound(i, l)
		}
	}
	o.bound += 2 * float64(len(labels)+2) * eps * abs
	r.s, r.nextS, r.parts, r.next = nil, nil, nil, nil
	o.finish = func() {
		r.exactDist(labels, dist)
		*o.KMeansResult = *d.result(labels, dist, r.centers(), iter)
	}
	return o
}

// kernelRun is the state of one runKernel.
type kernelRun struct {
	d *kmData
	k int

	// The centroids: the rows seeds (first step), else the means of the
	// rows labelled def, or (after re-seeding an empty cluster) dense.
	seeds   []int
	def     []int
	size    []int       // rows of def per centroid
	s       []float64   // rows × k: Σ_{j ∈ c} G_ij for def
	pair    []float64   // per centroid: Σ_{j,l ∈ c} G_jl for def
	dense   []float64   // the centroids, column by column, when denseOK
	denseOK bool        // dense holds the centroids
	cn      []float64   // ‖c‖² of dense, as nearest computes it
	fresh   []bool      // per row: dist[i] is exact for the centroids
	next    []float64   // scratch: the next dense centroids
	nextS   []float64   // scratch: s of the next centroids
	parts   [][]float64 // scratch: per worker, its share of nextS
	maxNorm float64     // M: the largest row norm
	maxRow  float64     // N: the most entries of a row
	moved   float64     // rows re-seeding moved at the last update
}

func (d *kmData) newKernelRun(k int) *kernelRun {
	n := d.x.Rows
	r := &kernelRun{d: d, k: k, size: make([]int, k), s: make([]float64, n*k), pair: make([]float64, k),
		cn: make([]float64, k), fresh: make([]bool, n), nextS: make([]float64, n*k)}
	for i := range n {
		r.maxNorm = max(r.maxNorm, d.sq[i])
		r.maxRow = max(r.maxRow, float64(d.x.Indptr[i+1]-d.x.Indptr[i]))
	}
	r.maxNorm = math.Sqrt(r.maxNorm)
	return r
}

// gram returns x_i·x_j, ‖x_i‖² for i = j, as nearest sums them.
func (d *kmData) gram(i, j int) float64 {
	if i == j {
		return d.sq[i]
	}
	return d.g.Dot(i, j)
}

// assignSeeds is the first assignment, to the seed rows: nearest would
// compute x_i·x_s over the shared columns in order, which is G_is, and
// ‖x_s‖² as d.sq[s], so every distance is exact.
func (r *kernelRun) assignSeeds(labels []int, dist []float64) {
	d := r.d
	d.eachBlock(d.x.Rows, r.k, func(_ []float64, i int) {
		bestC, bestD := 0, math.Inf(1)
		for c, s := range r.seeds {
			dd := max(0, d.sq[i]-2*d.gram(i, s)+d.sq[s])
			if dd < bestD {
				bestC, bestD = c, dd
			}
		}
		labels[i], dist[i], r.fresh[i] = bestC, bestD, true
	})
}

// assign sets every row's label to its nearest centroid (the means of
// def, or dense after re-seeding). With
//
//	est_ic = ‖x_i‖² − 2·s_ic/m_c + pair_c/m_c²
//	T_ic   = 4ε·((2N + 4m + 16)·‖x_i‖·M + (N + m² + 2m + 16)·M²
//	             + (N + Cols + 16)·(‖x_i‖ + M)²),  m = m_c + 8·moved
//
// (ε the unit roundoff, N the most entries of a row, M the largest row
// norm, moved the rows re-seeding moved into the centroids: T_ic bounds,
// four times over, the rounding of the products and sums of G, of the
// centroid's mean, and of nearest's own sums), row i keeps the centroid b
// of least est_ib when est_ib + T_ib < est_ic − T_ic and est_ic − T_ic > 0
// for every other c: nearest would find b, and no tie. Its dist is then
// left stale (exactDist computes it when needed). The other rows go to
// nearest, on the dense centroids.
func (r *kernelRun) assign(labels []int, dist []float64) {
	d, k := r.d, r.k
	var mu sync.Mutex
	var doubt []int
	d.eachBlock(d.x.Rows, k, func(est []float64, i int) {
		s := r.s[i*k : (i+1)*k]
		bestC, bestE := -1, math.Inf(1)
		for c, m := range r.size {
			e := d.sq[i] // a zero centroid: nearest computes ‖x_i‖² exactly
			if m > 0 {
				mf := float64(m)
				e = d.sq[i] - 2*s[c]/mf + r.pair[c]/mf/mf
			}
			est[c] = e
			if e < bestE {
				bestC, bestE = c, e
			}
		}
		bestT := r.assignBound(i, bestC)
		for c := range k {
			if lo := est[c] - r.assignBound(i, c); c != bestC && !(lo > 0 && bestE+bestT < lo) {
				mu.Lock()
				doubt = append(doubt, i)
				mu.Unlock()
				return
			}
		}
		labels[i], dist[i], r.fresh[i] = bestC, max(0, bestE), false
	})
	if len(doubt) > 0 {
		slices.Sort(doubt)
		r.materialize()
		d.assign(r.dense, r.cn, labels, dist, doubt)
		for _, i := range doubt {
			r.fresh[i] = true
		}
	}
}

// assignBound is T_ic (see assign).
func (r *kernelRun) assignBound(i, c int) float64 {
	if r.size[c] == 0 {
		return 0
	}
	d := r.d
	M, N, cols := r.maxNorm, r.maxRow, float64(d.x.Cols)
	m := float64(r.size[c]) + 8*r.moved
	xi := math.Sqrt(d.sq[i])
	return 4 * eps * ((2*N+4*m+16)*xi*M + (N+m*m+2*m+16)*M*M + (N+cols+16)*(xi+M)*(xi+M))
}

// update moves the centroids to the means of the rows of labels,
// re-seeding empty clusters (see KMeans: that needs every distance and the
// dense centroids, and may change labels), and reports whether they moved
// by at most tolAbs: Σ_c ‖c_new − c_old‖² as centerShift computes it.
func (r *kernelRun) update(labels []int, dist []float64, tolAbs float64) bool {
	d, k := r.d, r.k
	size := make([]int, k)
	for _, l := range labels {
		size[l]++
	}
	if r.next == nil {
		r.next = make([]float64, k*d.x.Cols)
	}
	if slices.Contains(size, 0) {
		r.exactDist(labels, dist) // makes dense
		before := slices.Clone(labels)
		d.update(labels, dist, k, r.next)
		shift := centerShift(r.next, r.dense, k)
		r.dense, r.next = r.next, r.dense
		norms(r.dense, r.cn)
		r.moved = 0
		for i, l := range labels {
			if l != before[i] {
				r.moved++
			}
		}
		r.sums(labels, r.s)
		r.define(labels, true)
		return shift <= tolAbs
	}
	r.sums(labels, r.nextS)
	est, bound := r.shiftEstimate(labels, size)
	stop, dense := est+bound < tolAbs, false
	if !stop && !(est-bound > tolAbs) { // in doubt: compute it
		r.materialize()
		d.update(labels, dist, k, r.next) // no empty cluster: dist is not read
		stop, dense = centerShift(r.next, r.dense, k) <= tolAbs, true
		r.dense, r.next = r.next, r.dense
		norms(r.dense, r.cn)
	}
	r.s, r.nextS = r.nextS, r.s
	r.moved = 0
	r.define(labels, dense)
	return stop
}

// define makes the centroids the means of the rows of labels, whose sums
// r.s holds; dense tells whether r.dense holds them.
func (r *kernelRun) define(labels []int, dense bool) {
	k := r.k
	r.seeds, r.def, r.denseOK = nil, slices.Clone(labels), dense
	clear(r.size)
	for _, l := range labels {
		r.size[l]++
	}
	clear(r.pair)
	for i, l := range labels {
		r.pair[l] += r.s[i*k+l]
	}
}

// shiftEstimate returns the centroid shift Σ_c ‖c_new − c_old‖² from G,
// new the means of labels (their sums in r.nextS) and old the current
// centroids, and a bound on its difference from what centerShift
// computes: per centroid 32ε·M²·(N + m² + m'² + 4mm' + 8(m+m') + 64)
// with m, m' the sizes of new and old (rounding of G, of the sums and of
// the means), plus 4(K·Cols + 4)ε of the total (centerShift's own sum).
func (r *kernelRun) shiftEstimate(labels []int, size []int) (est, bound float64) {
	d, k := r.d, r.k
	pairNew, cross := make([]float64, k), make([]float64, k)
	for j, c := range labels {
		pairNew[c] += r.nextS[j*k+c]
		if r.seeds != nil {
			cross[c] += d.gram(j, r.seeds[c])
		} else {
			cross[c] += r.s[j*k+c]
		}
	}
	M2, N := r.maxNorm*r.maxNorm, r.maxRow
	for c := range k {
		m := float64(size[c])
		var mo, pairOld float64
		if r.seeds != nil {
			mo, pairOld = 1, d.sq[r.seeds[c]]
		} else {
			mo, pairOld = float64(r.size[c]), r.pair[c]
		}
		e := pairNew[c] / m / m
		if mo > 0 {
			e += pairOld/mo/mo - 2*cross[c]/m/mo
		}
		mo += 8 * r.moved
		est += e
		bound += 32 * eps * M2 * (N + m*m + mo*mo + 4*m*mo + 8*(m+mo) + 64)
	}
	bound += 4 * (float64(k*d.x.Cols) + 4) * eps * (math.Abs(est) + bound)
	return est, bound
}

// sums sets s[i·k + c] = Σ_{j labelled c} G_ij (G_ii = ‖x_i‖²), in one
// pass over the Gram matrix shared among the workers, each summing into a
// part of its own.
func (r *kernelRun) sums(labels []int, s []float64) {
	d, k, n := r.d, r.k, r.d.x.Rows
	w := max(1, min(d.workers, n/64))
	for len(r.parts) < w-1 {
		r.parts = append(r.parts, make([]float64, n*k))
	}
	var wg sync.WaitGroup
	for g := range w {
		wg.Go(func() {
			part := s
			if g > 0 {
				part = r.parts[g-1]
			}
			clear(part)
			for i := g; i < n; i += w {
				li := labels[i]
				part[i*k+li] += d.sq[i]
				si := part[i*k : (i+1)*k]
				for o, v := range d.g.Upper(i) {
					j := i + 1 + o
					si[labels[j]] += v
					part[j*k+li] += v
				}
			}
		})
	}
	wg.Wait()
	for _, part := range r.parts[:w-1] {
		for p, v := range part {
			s[p] += v
		}
	}
}

// materialize computes the dense centroids and their norms, if not done.
func (r *kernelRun) materialize() {
	if r.denseOK {
		return
	}
	d, k := r.d, r.k
	if r.dense == nil {
		r.dense = make([]float64, k*d.x.Cols)
	}
	if r.seeds != nil {
		for c, row := range r.seeds {
			d.setCenter(r.dense, k, c, row)
		}
	} else {
		d.update(r.def, nil, k, r.dense) // def has no empty cluster: no re-seeding, dist not read
	}
	norms(r.dense, r.cn)
	r.denseOK = true
}

// exactDist sets dist[i] of every row whose distance is stale.
func (r *kernelRun) exactDist(labels []int, dist []float64) {
	var stale []int
	for i, ok := range r.fresh {
		if !ok {
			stale = append(stale, i)
		}
	}
	r.materialize()
	r.d.eachBlock(len(stale), r.k, func(_ []float64, p int) {
		i := stale[p]
		dist[i] = r.d.centerDist(r.dense, r.cn, i, labels[i])
		r.fresh[i] = true
	})
}

// centerDist returns ‖x_i − c‖² for the one centroid c of the dense
// centers, computed as nearest computes it, to the last bit.
func (d *kmData) centerDist(centers, cn []float64, i, c int) float64 {
	k := len(cn)
	ind, val := d.x.Row(i)
	var dot float64
	for p, col := range ind {
		dot += val[p] * centers[col*k+c]
	}
	return max(0, d.sq[i]-2*dot+cn[c])
}

// centers returns the dense centroids.
func (r *kernelRun) centers() []float64 {
	r.materialize()
	return r.dense
}
