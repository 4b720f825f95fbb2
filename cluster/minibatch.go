package cluster

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tifa-project/tifa/sparse"
)

// MiniBatch clusters the rows of a sparse matrix by mini-batch k-means
// (Sculley 2010, "Web-scale k-means clustering", WWW), the approximate
// k-means of scikit-learn's MiniBatchKMeans, for corpora too large for
// Lloyd iterations over every row: an opt-in, approximate method.
//
// The centroids start from greedy k-means++ (as KMeans seeds them) on a
// seeded sample of InitSize rows: of Inits seedings, the one of least
// inertia on the sample (scikit-learn's n_init). Each step draws Batch rows at random,
// gives each its nearest centroid (squared Euclidean distance), and moves
// every centroid c that received rows B_c to the running mean of all the
// rows it has received so far:
//
//	c ← (n_c·c + Σ_{x ∈ B_c} x) / (n_c + |B_c|),   n_c ← n_c + |B_c|
//
// An empty centroid is re-seeded with a random row of the batch. After
// Steps steps, or once the mean squared distance of the batches (averaged
// as scikit-learn's exponentially weighted average, α = 2·Batch/(n+1))
// has not improved for 10 steps, every row gets its nearest centroid.
// Randomness comes from one PCG stream seeded with Seed. Time is
// O(Steps·Batch·(row length·K) + K·Cols·Steps + nnz·K), independent of n but
// for the last pass.
type MiniBatch struct {
	K        int
	Batch    int // rows a step; 0 means 1024
	Steps    int // 0 means 100
	InitSize int // rows k-means++ seeds from; 0 means 3·Batch
	Inits    int // k-means++ seedings tried, the best on the sample kept; 0 means 3
	Seed     uint64
	Workers  int
	Context  context.Context
}

// Fit clusters the rows of x (see MiniBatch). It returns an error, never
// panics, when K < 1, K > rows, or every row is zero.
func (mb *MiniBatch) Fit(x *sparse.CSR) (*KMeansResult, error) {
	if err := x.Validate(); err != nil {
		return nil, fmt.Errorf("mini-batch k-means: %w", err)
	}
	n := x.Rows
	if mb.K < 1 || mb.K > n {
		return nil, fmt.Errorf("mini-batch k-means: k %d: must be 1..%d (the number of rows)", mb.K, n)
	}
	if x.NNZ() == 0 {
		return nil, fmt.Errorf("mini-batch k-means: %d rows: %w, nothing to cluster", n, ErrZeroData)
	}
	batch := min(cmp.Or(mb.Batch, 1024), n)
	steps := cmp.Or(mb.Steps, 100)
	initSize := min(max(cmp.Or(mb.InitSize, 3*batch), mb.K), n)
	inits := cmp.Or(mb.Inits, 3)
	rng := rand.New(rand.NewPCG(mb.Seed, 0x6d696e69)) // "mini"
	k, cols := mb.K, x.Cols

	// k-means++ on a sample
	sample := rng.Perm(n)[:initSize]
	slices.Sort(sample)
	sub := x.SelectRows(sample)
	d := newKMData(sub, mb.Workers, k, inits, nil)

	full := &kmData{x: x, sq: make([]float64, n), workers: d.workers}
	for i := range n {
		_, v := x.Row(i)
		full.sq[i] = sparse.SumSquares(v)
	}
	// of Inits seedings, the one whose centroids lie closest to the sample
	var centers []float64 // column by column, as kmData keeps them
	bestInit := math.Inf(1)
	sampleLabels, sampleDist := make([]int, initSize), make([]float64, initSize)
	for range inits {
		c := make([]float64, k*cols)
		for j, row := range d.seed(k, rng) {
			d.setCenter(c, k, j, row)
		}
		d.assign(c, make([]float64, k), sampleLabels, sampleDist, nil)
		var in float64
		for _, v := range sampleDist {
			in += v
		}
		if in < bestInit {
			bestInit, centers = in, c
		}
	}
	counts := make([]float64, k)
	sums := make([]float64, k*cols)
	cn := make([]float64, k)
	var rows []int
	labels, dist := make([]int, n), make([]float64, n)
	alpha := 2 * float64(batch) / float64(n+1)
	ewa, best, stale := math.NaN(), math.Inf(1), 0
	ran := 0
	for range steps {
		ran++
		if ctxErr(mb.Context) != nil {
			return nil, fmt.Errorf("mini-batch k-means: %w", mb.Context.Err())
		}
		rows = rng.Perm(n)[:batch]
		full.assign(centers, cn, labels, dist, rows)
		clear(sums)
		got := make([]float64, k)
		var inertia float64
		for _, i := range rows {
			c := labels[i]
			got[c]++
			inertia += dist[i]
			ind, val := x.Row(i)
			for p, col := range ind {
				sums[col*k+c] += val[p]
			}
		}
		for c := range k {
			if counts[c]+got[c] == 0 { // never received a row: re-seed
				full.setCenter(centers, k, c, rows[rng.IntN(batch)])
				continue
			}
			if got[c] == 0 {
				continue
			}
			keep, add := counts[c]/(counts[c]+got[c]), 1/(counts[c]+got[c])
			for p := c; p < len(centers); p += k {
				centers[p] = centers[p]*keep + sums[p]*add
			}
			counts[c] += got[c]
		}
		inertia /= float64(batch)
		if math.IsNaN(ewa) {
			ewa = inertia
		} else {
			ewa = ewa*(1-alpha) + inertia*alpha
		}
		if ewa < best {
			best, stale = ewa, 0
		} else if stale++; stale >= 10 {
			break
		}
	}
	full.assign(centers, cn, labels, dist, nil)
	r := full.result(labels, dist, centers, ran)
	r.renumber()
	return r, nil
}
