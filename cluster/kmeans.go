package cluster

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tifa-project/tifa/sparse"
)

// ErrZeroData is returned (wrapped) when every row of a matrix is zero, so
// there is nothing to cluster.
var ErrZeroData = errors.New("all rows are zero")

// KMeans clusters the rows of a sparse matrix by Lloyd's algorithm with
// squared Euclidean distance, as scikit-learn's KMeans(algorithm="lloyd")
// does. On l2-normalised TF-IDF rows ‖x−c‖² = ‖x‖² − 2x·c + ‖c‖² ranks
// centroids much as cosine would ("spherical-ish" k-means); rows are used as
// given, not renormalised.
//
// Each of Restarts runs seeds K centroids by greedy k-means++ (2 + ⌊ln K⌋
// candidates per step, the one lowering the potential Σ_i min_c ‖x_i−c‖²
// most is kept), then iterates
//
//	label_i = argmin_c ‖x_i − c‖²   (ties → lowest c)
//	c       = mean of the rows labelled c
//
// until the labels stop changing, the total squared centroid shift
// Σ_c ‖c_new − c_old‖² falls to Tol × (mean over columns of the column
// variance), or MaxIter iterations. A cluster left empty is re-seeded with
// the row farthest from its centroid (ties → lowest row) taken from a
// cluster that keeps at least one member. The run with the lowest inertia
// Σ_i ‖x_i − c_{label_i}‖² wins (ties → the earlier run).
//
// Up to sparse.GramMaxRows rows, the dot products of all pairs of rows (the
// Gram matrix) are computed once when that is cheaper than k-means without
// them; then seeding reads distances from it, and each assignment after
// the first settles the rows it can from it in O(n²) instead of
// O(nnz·K), computing x·c only where rounding leaves a doubt (see
// kernelAssign): the result is that of plain Lloyd iterations, bit for bit.
//
// Randomness comes from one math/rand/v2 PCG stream seeded with Seed, so a
// fixed Seed gives the same result for any Workers. Labels are renumbered
// by first appearance in row order (row 0 is in cluster 0); if the rows hold
// fewer than K distinct points, the surplus clusters may stay empty and are
// numbered last.
type KMeans struct {
	K        int     // number of clusters, 1 ≤ K ≤ rows
	Restarts int     // independent seedings (n_init); 0 means 10
	MaxIter  int     // Lloyd iterations per run; 0 means 300
	Tol      float64 // relative tolerance on centroid shift; 0 means 1e-4
	Seed     uint64  // seed of the PCG random stream
	Workers  int     // goroutines for the assignment step; ≤ 0 means GOMAXPROCS
	// Context, when not nil, stops Fit (between Lloyd iterations) once
	// done: Fit then returns its error.
	Context context.Context

	gram *sparse.Gram // the matrix's Gram matrix when Cluster has it, else nil
}

// KMeansResult is the best run of KMeans.Fit.
type KMeansResult struct {
	Labels    []int       // cluster of each row, in row order
	Centroids [][]float64 // K × Cols dense centroids, indexed by label
	Sizes     []int       // rows per cluster, indexed by label
	Inertia   float64     // Σ_i ‖x_i − c_{label_i}‖²
	Iter      int         // Lloyd iterations of the best run
}

// Fit clusters the rows of x (see KMeans). It returns an error, never
// panics, when K < 1, K > rows, an option is negative, or every row is zero
// (wrapping ErrZeroData).
func (km *KMeans) Fit(x *sparse.CSR) (*KMeansResult, error) {
	if err := x.Validate(); err != nil {
		return nil, fmt.Errorf("kmeans: %w", err)
	}
	if err := km.check(x.Rows); err != nil {
		return nil, err
	}
	if x.NNZ() == 0 {
		return nil, fmt.Errorf("kmeans: %d rows: %w, nothing to cluster", x.Rows, ErrZeroData)
	}
	restarts, maxIter, tol := cmp.Or(km.Restarts, 10), cmp.Or(km.MaxIter, 300), cmp.Or(km.Tol, 1e-4)
	d := newKMData(x, km.Workers, km.K, restarts, km.gram)
	tolAbs := tol * d.meanVariance()
	rng := rand.New(rand.NewPCG(km.Seed, 0x7469666121)) // "tifa!"
	runs := make([]*outcome, restarts)
	for i := range runs {
		if runs[i] = d.start(km.Context, d.seed(km.K, rng), maxIter, tolAbs); runs[i] == nil {
			return nil, fmt.Errorf("kmeans: %w", km.Context.Err())
		}
	}
	best := pickBest(runs)
	best.renumber()
	return best, nil
}

// outcome is a run's result, its Inertia exact or an estimate within
// ±bound (runKernel's); done makes it exact and fills Centroids.
type outcome struct {
	*KMeansResult
	bound  float64
	finish func() // nil once exact
}

func (o *outcome) done() *KMeansResult {
	if o.finish != nil {
		o.finish()
		o.finish, o.bound = nil, 0
	}
	return o.KMeansResult
}

// pickBest returns the run of least inertia, ties to the earlier, as
// comparing exact inertias in order would: only the runs whose estimate
// could be the least are made exact.
func pickBest(runs []*outcome) *KMeansResult {
	top := math.Inf(1)
	for _, o := range runs {
		top = min(top, o.Inertia+o.bound)
	}
	var best *KMeansResult
	for _, o := range runs {
		if o.Inertia-o.bound > top {
			continue // certainly above another run's
		}
		if r := o.done(); best == nil || r.Inertia < best.Inertia {
			best = r
		}
	}
	return best
}

func (km *KMeans) check(rows int) error {
	switch {
	case km.K < 1:
		return fmt.Errorf("kmeans: k %d: must be at least 1", km.K)
	case km.K > rows:
		return fmt.Errorf("kmeans: k %d: must be at most the number of rows (%d)", km.K, rows)
	case km.Restarts < 0:
		return fmt.Errorf("kmeans: restarts %d: must not be negative", km.Restarts)
	case km.MaxIter < 0:
		return fmt.Errorf("kmeans: max iterations %d: must not be negative", km.MaxIter)
	case !(km.Tol >= 0) || math.IsInf(km.Tol, 0):
		return fmt.Errorf("kmeans: tolerance %g: must be a finite number ≥ 0", km.Tol)
	}
	return nil
}

// kmData holds the matrix and what every run reuses.
type kmData struct {
	x, xt   *sparse.CSR
	sq      []float64    // ‖x_i‖²
	g       *sparse.Gram // x's Gram matrix, or nil
	accs    []*sparse.DotAcc
	workers int
}

// newKMData prepares x for k-means. g is x's Gram matrix, or nil; when nil
// it is computed if x has at most sparse.GramMaxRows rows and computing it, about
// Σ_c |column c|²/2 multiply-adds, costs less than the Lloyd steps it
// replaces (about 10 a restart of nnz·k each).
func newKMData(x *sparse.CSR, workers, k, restarts int, g *sparse.Gram) *kmData {
	d := &kmData{x: x, sq: make([]float64, x.Rows), g: g}
	for i := range x.Rows {
		_, v := x.Row(i)
		d.sq[i] = sparse.SumSquares(v)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	d.workers = workers
	if d.g == nil && x.Rows <= sparse.GramMaxRows {
		colLen := make([]float64, x.Cols)
		for _, c := range x.Ind {
			colLen[c]++
		}
		var cost float64
		for _, l := range colLen {
			cost += l * l / 2
		}
		if cost < float64(restarts)*10*float64(x.NNZ())*float64(k) {
			d.g = sparse.NewGram(x, workers)
		}
	}
	if d.g == nil {
		d.xt = x.Transpose()
		for range workers {
			d.accs = append(d.accs, sparse.NewDotAcc(x.Rows))
		}
	} else {
		d.accs = []*sparse.DotAcc{nil}
	}
	return d
}

// meanVariance is the mean over columns of the population variance of the
// column, as scikit-learn's tolerance scaling uses. Each column's sums
// run over its rows in order.
func (d *kmData) meanVariance() float64 {
	n, cols := float64(d.x.Rows), d.x.Cols
	if cols == 0 {
		return 0
	}
	s, s2 := make([]float64, cols), make([]float64, cols)
	for k, c := range d.x.Ind {
		a := d.x.Val[k]
		s[c] += a
		s2[c] += a * a
	}
	var total float64
	for c := range cols {
		m := s[c] / n
		total += max(0, s2[c]/n-m*m)
	}
	return total / float64(cols)
}

// seed picks k rows by greedy k-means++, the initial centroids. The
// candidates of a step are drawn first, then their distances computed on
// the workers, then compared in the order drawn: the result is the
// sequential one's.
func (d *kmData) seed(k int, rng *rand.Rand) []int {
	n := d.x.Rows
	rows := make([]int, 0, k)
	first := rng.IntN(n)
	closest := d.distTo(d.accs[0], first, make([]float64, n))
	rows = append(rows, first)
	trials := 2 + int(math.Log(float64(k)))
	cum := make([]float64, n)
	picks := make([]int, trials)
	cand := make([][]float64, trials)
	for t := range cand {
		cand[t] = make([]float64, n)
	}
	best := make([]float64, n)
	for c := 1; c < k; c++ {
		pot := cumulate(closest, cum)
		for t := range picks {
			picks[t] = pick(cum, pot, rng)
		}
		d.distances(picks, cand)
		bestPot, bestRow := math.Inf(1), -1
		for t, j := range picks {
			var p float64
			for i, v := range cand[t] {
				cand[t][i] = min(v, closest[i])
				p += cand[t][i]
			}
			if p < bestPot {
				bestPot, bestRow = p, j
				best, cand[t] = cand[t], best
			}
		}
		closest, best = best, closest
		rows = append(rows, bestRow)
	}
	return rows
}

// distances writes the distances of every row to row rows[t] into out[t],
// rows shared among the workers.
func (d *kmData) distances(rows []int, out [][]float64) {
	if d.g != nil || len(d.accs) == 1 {
		for t, j := range rows {
			d.distTo(d.accs[0], j, out[t])
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(len(d.accs), len(rows)) {
		wg.Go(func() {
			for {
				t := int(next.Add(1)) - 1
				if t >= len(rows) {
					return
				}
				d.distTo(d.accs[w], rows[t], out[t])
			}
		})
	}
	wg.Wait()
}

// cumulate writes the running sums of v into cum and returns the total.
func cumulate(v, cum []float64) float64 {
	var s float64
	for i, a := range v {
		s += a
		cum[i] = s
	}
	return s
}

// pick draws a row with probability proportional to its weight (cum holds
// running sums, pot their total); uniformly when every weight is zero.
func pick(cum []float64, pot float64, rng *rand.Rand) int {
	if !(pot > 0) {
		return rng.IntN(len(cum))
	}
	r := rng.Float64() * pot
	j, _ := slices.BinarySearchFunc(cum, r, func(a, t float64) int {
		if a <= t {
			return -1
		}
		return 1
	})
	return min(j, len(cum)-1)
}

// distTo writes ‖x_i − x_j‖² for every row i into out, from the Gram
// matrix when there is one, else accumulating row j's dot products in acc.
func (d *kmData) distTo(acc *sparse.DotAcc, j int, out []float64) []float64 {
	if d.g != nil {
		for i := range out {
			if i != j {
				out[i] = max(0, d.sq[i]+d.sq[j]-2*d.g.Dot(i, j))
			}
		}
		out[j] = 0
		return out
	}
	for i := range out {
		out[i] = d.sq[i] + d.sq[j]
	}
	for _, i := range acc.Row(d.x, d.xt, j) {
		out[i] = max(0, out[i]-2*acc.Dot(i))
	}
	out[j] = 0
	return out
}

// setCenter makes row the centroid c of k: centers holds the centroids
// column by column, centers[col·k + c].
func (d *kmData) setCenter(centers []float64, k, c, row int) {
	for p := c; p < len(centers); p += k {
		centers[p] = 0
	}
	ind, val := d.x.Row(row)
	for p, col := range ind {
		centers[col*k+c] = val[p]
	}
}

// ctxErr is ctx.Err(), nil for a nil ctx (the options' "never stopped").
func ctxErr(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}

// run performs Lloyd iterations from the centroids seeds (rows of x); it
// returns nil when ctx (if not nil) is done.
func (d *kmData) run(ctx context.Context, seeds []int, maxIter int, tolAbs float64) *KMeansResult {
	o := d.start(ctx, seeds, maxIter, tolAbs)
	if o == nil {
		return nil
	}
	return o.done()
}

// start is run, leaving the result's inertia an estimate where that is
// cheaper. With a Gram matrix it is runKernel, whose result is the same.
func (d *kmData) start(ctx context.Context, seeds []int, maxIter int, tolAbs float64) *outcome {
	if d.g != nil {
		return d.runKernel(ctx, seeds, maxIter, tolAbs)
	}
	n, cols := d.x.Rows, d.x.Cols
	k := len(seeds)
	centers := make([]float64, k*cols)
	for c, row := range seeds {
		d.setCenter(centers, k, c, row)
	}
	labels, old := make([]int, n), make([]int, n)
	dist := make([]float64, n)
	next := make([]float64, len(centers))
	cn := make([]float64, k)
	iter, converged := 0, false
	for iter < maxIter {
		if ctxErr(ctx) != nil {
			return nil
		}
		iter++
		d.assign(centers, cn, labels, dist, nil)
		if iter > 1 && slices.Equal(labels, old) {
			converged = true
			break
		}
		copy(old, labels)
		d.update(labels, dist, k, next)
		shift := centerShift(next, centers, k)
		centers, next = next, centers
		if shift <= tolAbs {
			break
		}
	}
	if !converged {
		d.assign(centers, cn, labels, dist, nil)
	}
	return &outcome{KMeansResult: d.result(labels, dist, centers, iter)}
}

// result is the outcome of a run.
func (d *kmData) result(labels []int, dist, centers []float64, iter int) *KMeansResult {
	k := len(centers) / d.x.Cols
	r := &KMeansResult{Labels: labels, Centroids: make([][]float64, k), Sizes: make([]int, k), Iter: iter}
	for i, l := range labels {
		r.Inertia += dist[i]
		r.Sizes[l]++
	}
	for c := range k {
		row := make([]float64, d.x.Cols)
		for col := range row {
			row[col] = centers[col*k+c]
		}
		r.Centroids[c] = row
	}
	return r
}

// centerShift is Σ_c ‖next_c − centers_c‖², summed centroid by centroid,
// column by column (the order fixes the float result).
func centerShift(next, centers []float64, k int) float64 {
	var shift float64
	for c := range k {
		for p := c; p < len(next); p += k {
			shift += (next[p] - centers[p]) * (next[p] - centers[p])
		}
	}
	return shift
}

// assign sets labels[i] to the nearest centroid and dist[i] to the squared
// distance, for the rows in rows (every row when nil), sharing fixed
// blocks of them among the workers (the result does not depend on their
// number). It sets cn to ‖c‖² of the centroids.
func (d *kmData) assign(centers, cn []float64, labels []int, dist []float64, rows []int) {
	norms(centers, cn)
	k := len(cn)
	if rows == nil {
		d.eachBlock(d.x.Rows, k, func(dots []float64, i int) {
			labels[i], dist[i] = d.nearest(centers, cn, dots, i)
		})
		return
	}
	d.eachBlock(len(rows), k, func(dots []float64, r int) {
		i := rows[r]
		labels[i], dist[i] = d.nearest(centers, cn, dots, i)
	})
}

// norms sets cn[c] to ‖c‖² of the centroids in centers, summed column by
// column as nearest expects.
func norms(centers, cn []float64) {
	k := len(cn)
	clear(cn)
	for p := 0; p < len(centers); p += k {
		for c, v := range centers[p : p+k] {
			cn[c] += v * v
		}
	}
}

// eachBlock calls fn for 0..n−1 in fixed blocks shared among the workers;
// dots is a worker's scratch space of k values.
func (d *kmData) eachBlock(n, k int, fn func(dots []float64, i int)) {
	const block = 64
	nb := (n + block - 1) / block
	w := max(1, min(d.workers, nb))
	var wg sync.WaitGroup
	for g := range w {
		wg.Go(func() {
			dots := make([]float64, k)
			for b := g; b < nb; b += w {
				for i := b * block; i < min((b+1)*block, n); i++ {
					fn(dots, i)
				}
			}
		})
	}
	wg.Wait()
}

// nearest returns the closest centroid to row i and ‖x_i − c‖² ≥ 0, and
// leaves in dots (k values) the dot product of the row with each centroid.
// The centroids are stored column by column (centers[col·k + c]), so each
// stored entry of the row reads the k centroid values it meets from one
// cache line or two; each dot product sums over the row's entries in
// order, as centerDist does.
func (d *kmData) nearest(centers, cn, dots []float64, i int) (int, float64) {
	k := len(cn)
	ind, val := d.x.Row(i)
	clear(dots)
	for p, col := range ind {
		v := val[p]
		cv := centers[col*k : col*k+k]
		for c := range dots {
			dots[c] += v * cv[c]
		}
	}
	bestC, bestD := 0, math.Inf(1)
	for c, dot := range dots {
		dd := max(0, d.sq[i]-2*dot+cn[c])
		if dd < bestD {
			bestC, bestD = c, dd
		}
	}
	return bestC, bestD
}

// update writes the mean of each cluster's rows into next; empty clusters
// are re-seeded (see KMeans), which reads dist and may change labels.
func (d *kmData) update(labels []int, dist []float64, k int, next []float64) {
	clear(next)
	size := make([]int, k)
	for i, l := range labels {
		size[l]++
		ind, val := d.x.Row(i)
		for p, col := range ind {
			next[col*k+l] += val[p]
		}
	}
	d.relocate(labels, dist, size, next)
	inv := make([]float64, k)
	for c, s := range size {
		inv[c] = 1
		if s > 0 {
			inv[c] = 1 / float64(s)
		}
	}
	for p := 0; p < len(next); p += k {
		for c, f := range inv {
			next[p+c] *= f
		}
	}
}

// relocate moves the rows farthest from their centroids into empty
// clusters, updating the sums in next and the sizes.
func (d *kmData) relocate(labels []int, dist []float64, size []int, next []float64) {
	var empty []int
	for c, s := range size {
		if s == 0 {
			empty = append(empty, c)
		}
	}
	if len(empty) == 0 {
		return
	}
	k := len(size)
	order := make([]int, len(labels))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(dist[b], dist[a]) })
	for _, i := range order {
		if len(empty) == 0 {
			return
		}
		from := labels[i]
		if size[from] < 2 {
			continue
		}
		to := empty[0]
		empty = empty[1:]
		ind, val := d.x.Row(i)
		for p, col := range ind {
			next[col*k+from] -= val[p]
			next[col*k+to] += val[p]
		}
		size[from]--
		size[to]++
		labels[i] = to
	}
}

// renumber relabels clusters by first appearance in row order; clusters
// with no rows keep their relative order after the others.
func (r *KMeansResult) renumber() {
	k := len(r.Centroids)
	perm := make([]int, k) // old → new, −1 until seen
	for c := range perm {
		perm[c] = -1
	}
	nextID := 0
	for _, l := range r.Labels {
		if perm[l] < 0 {
			perm[l] = nextID
			nextID++
		}
	}
	for c := range perm {
		if perm[c] < 0 {
			perm[c] = nextID
			nextID++
		}
	}
	cents, sizes := make([][]float64, k), make([]int, k)
	for c := range k {
		cents[perm[c]], sizes[perm[c]] = r.Centroids[c], r.Sizes[c]
	}
	for i, l := range r.Labels {
		r.Labels[i] = perm[l]
	}
	r.Centroids, r.Sizes = cents, sizes
}
