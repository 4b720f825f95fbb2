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
	d := newKMData(x, km.Workers)
	tolAbs := tol * d.meanVariance()
	rng := rand.New(rand.NewPCG(km.Seed, 0x7469666121)) // "tifa!"
	var best *KMeansResult
	for range restarts {
		r := d.run(km.Context, d.seed(km.K, rng), maxIter, tolAbs)
		if r == nil {
			return nil, fmt.Errorf("kmeans: %w", km.Context.Err())
		}
		if best == nil || r.Inertia < best.Inertia {
			best = r
		}
	}
	best.renumber()
	return best, nil
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
	sq      []float64 // ‖x_i‖²
	workers int
}

func newKMData(x *sparse.CSR, workers int) *kmData {
	d := &kmData{x: x, xt: x.Transpose(), sq: make([]float64, x.Rows)}
	for i := range x.Rows {
		_, v := x.Row(i)
		d.sq[i] = sparse.SumSquares(v)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	d.workers = workers
	return d
}

// meanVariance is the mean over columns of the population variance of the
// column, as scikit-learn's tolerance scaling uses.
func (d *kmData) meanVariance() float64 {
	n, cols := float64(d.x.Rows), d.x.Cols
	if cols == 0 {
		return 0
	}
	var total float64
	for c := range cols {
		_, v := d.xt.Row(c)
		var s, s2 float64
		for _, a := range v {
			s += a
			s2 += a * a
		}
		m := s / n
		total += max(0, s2/n-m*m)
	}
	return total / float64(cols)
}

// seed picks k rows by greedy k-means++ and returns them as dense
// centroids (k × Cols, row-major).
func (d *kmData) seed(k int, rng *rand.Rand) []float64 {
	n, cols := d.x.Rows, d.x.Cols
	centers := make([]float64, k*cols)
	acc := sparse.NewDotAcc(n)
	first := rng.IntN(n)
	closest := d.distTo(acc, first, make([]float64, n))
	d.setCenter(centers, 0, first)
	trials := 2 + int(math.Log(float64(k)))
	cum := make([]float64, n)
	cand, best := make([]float64, n), make([]float64, n)
	for c := 1; c < k; c++ {
		pot := cumulate(closest, cum)
		bestPot, bestRow := math.Inf(1), -1
		for range trials {
			j := pick(cum, pot, rng)
			d.distTo(acc, j, cand)
			var p float64
			for i, v := range cand {
				cand[i] = min(v, closest[i])
				p += cand[i]
			}
			if p < bestPot {
				bestPot, bestRow = p, j
				best, cand = cand, best
			}
		}
		closest, best = best, closest
		d.setCenter(centers, c, bestRow)
	}
	return centers
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

// distTo writes ‖x_i − x_j‖² for every row i into out.
func (d *kmData) distTo(acc *sparse.DotAcc, j int, out []float64) []float64 {
	for i := range out {
		out[i] = d.sq[i] + d.sq[j]
	}
	for _, i := range acc.Row(d.x, d.xt, j) {
		out[i] = max(0, out[i]-2*acc.Dot(i))
	}
	out[j] = 0
	return out
}

func (d *kmData) setCenter(centers []float64, c, row int) {
	cols := d.x.Cols
	dst := centers[c*cols : (c+1)*cols]
	clear(dst)
	ind, val := d.x.Row(row)
	for k, col := range ind {
		dst[col] = val[k]
	}
}

// ctxErr is ctx.Err(), nil for a nil ctx (the options' "never stopped").
func ctxErr(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}

// run performs Lloyd iterations from the given centroids; it returns nil
// when ctx (if not nil) is done.
func (d *kmData) run(ctx context.Context, centers []float64, maxIter int, tolAbs float64) *KMeansResult {
	n, cols := d.x.Rows, d.x.Cols
	k := len(centers) / cols // cols > 0: Fit rejects matrices without entries
	labels, old := make([]int, n), make([]int, n)
	dist := make([]float64, n)
	next := make([]float64, len(centers))
	iter, converged := 0, false
	for iter < maxIter {
		if ctxErr(ctx) != nil {
			return nil
		}
		iter++
		d.assign(centers, k, labels, dist)
		if iter > 1 && slices.Equal(labels, old) {
			converged = true
			break
		}
		copy(old, labels)
		d.update(labels, dist, k, next)
		var shift float64
		for p, v := range next {
			shift += (v - centers[p]) * (v - centers[p])
		}
		centers, next = next, centers
		if shift <= tolAbs {
			break
		}
	}
	if !converged {
		d.assign(centers, k, labels, dist)
	}
	r := &KMeansResult{Labels: labels, Centroids: make([][]float64, k), Sizes: make([]int, k), Iter: iter}
	for i, l := range labels {
		r.Inertia += dist[i]
		r.Sizes[l]++
	}
	for c := range k {
		r.Centroids[c] = centers[c*cols : (c+1)*cols : (c+1)*cols]
	}
	return r
}

// assign sets labels[i] to the nearest centroid and dist[i] to the squared
// distance, sharing fixed blocks of rows among the workers (the result does
// not depend on their number).
func (d *kmData) assign(centers []float64, k int, labels []int, dist []float64) {
	cols := d.x.Cols
	cn := make([]float64, k)
	for c := range k {
		for _, v := range centers[c*cols : (c+1)*cols] {
			cn[c] += v * v
		}
	}
	n := d.x.Rows
	const block = 256
	nb := (n + block - 1) / block
	w := max(1, min(d.workers, nb))
	var wg sync.WaitGroup
	for g := range w {
		wg.Go(func() {
			for b := g; b < nb; b += w {
				for i := b * block; i < min((b+1)*block, n); i++ {
					labels[i], dist[i] = d.nearest(centers, cn, i)
				}
			}
		})
	}
	wg.Wait()
}

// nearest returns the closest centroid to row i and ‖x_i − c‖² ≥ 0.
func (d *kmData) nearest(centers, cn []float64, i int) (int, float64) {
	cols := d.x.Cols
	ind, val := d.x.Row(i)
	bestC, bestD := 0, math.Inf(1)
	for c := range cn {
		row := centers[c*cols : (c+1)*cols]
		var dot float64
		for p, col := range ind {
			dot += val[p] * row[col]
		}
		dd := max(0, d.sq[i]-2*dot+cn[c])
		if dd < bestD {
			bestC, bestD = c, dd
		}
	}
	return bestC, bestD
}

// update writes the mean of each cluster's rows into next; empty clusters
// are re-seeded (see KMeans). labels may be changed by re-seeding.
func (d *kmData) update(labels []int, dist []float64, k int, next []float64) {
	cols := d.x.Cols
	clear(next)
	size := make([]int, k)
	for i, l := range labels {
		size[l]++
		ind, val := d.x.Row(i)
		dst := next[l*cols : (l+1)*cols]
		for p, col := range ind {
			dst[col] += val[p]
		}
	}
	d.relocate(labels, dist, size, next)
	for c := range k {
		if size[c] == 0 {
			continue
		}
		inv := 1 / float64(size[c])
		for p := c * cols; p < (c+1)*cols; p++ {
			next[p] *= inv
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
	cols := d.x.Cols
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
			next[from*cols+col] -= val[p]
			next[to*cols+col] += val[p]
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
