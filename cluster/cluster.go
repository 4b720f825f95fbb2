package cluster

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tifa-project/tifa/sparse"
)

// KScore is the mean silhouette of one k tried when Options.K is 0.
type KScore struct {
	K          int
	Silhouette float64
}

// Result is what Cluster found.
type Result struct {
	Method     string
	K          int
	Labels     []int
	Silhouette []float64 // per unit (cosine distance); NaN for units outside the sample (see SilhouetteSample)
	Mean       float64   // mean silhouette
	Merges     []Merge   // agglomerative methods only
	Tried      []KScore  // k tried by --k auto, in order
}

// Options configure Cluster.
type Options struct {
	Method     string // kmeans, average, complete or ward
	K          int    // clusters; 0 means choose by silhouette in [KMin, KMax]
	KMin, KMax int
	Seed       uint64
	Restarts   int
	Workers    int
	// Context, when not nil, stops Cluster between k-means iterations and
	// between the k tried: Cluster then returns its error.
	Context context.Context
	// Gram is x's Gram matrix (sparse.NewGram) when the caller has it;
	// when nil, k-means computes it up to sparse.GramMaxRows units.
	Gram *sparse.Gram
}

// Methods lists the methods Cluster accepts: minibatch is MiniBatch,
// approximate k-means for large corpora.
var Methods = []string{"kmeans", "average", "complete", "ward", "minibatch"}

// Cluster groups the rows of x (the units' TF-IDF vectors,
// vector.Vectors.X). With K 0 it tries every k in [KMin, KMax] (clamped
// to 2..units−1) and keeps the one with the highest mean silhouette
// (cosine distance), ties to the smaller k.
func Cluster(x *sparse.CSR, opt Options) (*Result, error) {
	n := x.Rows
	if n < 2 {
		return nil, fmt.Errorf("cannot cluster %d unit(s): need at least 2", n)
	}
	if zero := zeroRows(x); zero == n {
		return nil, errors.New("every vector is zero: nothing to cluster")
	}
	var merges []Merge
	if opt.Method != "kmeans" && opt.Method != "minibatch" {
		if n > AgglomerateMaxRows {
			return nil, fmt.Errorf("--method %s keeps all %d×%d distances: use --method kmeans above %d units", opt.Method, n, n, AgglomerateMaxRows)
		}
		var err error
		if merges, err = Agglomerate(x, opt.Method); err != nil {
			return nil, err
		}
	}
	// One Gram matrix serves every k-means++ seeding and the silhouettes
	// when they are computed on all the units.
	g := opt.Gram
	if g != nil && g.N != n {
		panic(fmt.Sprintf("cluster: Gram matrix of %d rows for %d units", g.N, n))
	}
	if g == nil && opt.Method == "kmeans" && n <= SilhouetteSample {
		g = sparse.NewGram(x, opt.Workers)
	}
	fit := func(k int) ([]int, error) {
		if opt.Method == "minibatch" {
			mb := &MiniBatch{K: k, Seed: opt.Seed, Inits: opt.Restarts, Workers: opt.Workers, Context: opt.Context}
			r, err := mb.Fit(x)
			if err != nil {
				return nil, err
			}
			return r.Labels, nil
		}
		if opt.Method == "kmeans" {
			km := &KMeans{K: k, Seed: opt.Seed, Restarts: opt.Restarts, Workers: opt.Workers, Context: opt.Context, gram: g}
			r, err := km.Fit(x)
			if err != nil {
				return nil, err
			}
			return r.Labels, nil
		}
		return Cut(merges, n, k), nil
	}
	res := &Result{Method: opt.Method, Merges: merges}
	if opt.K > 0 {
		if opt.K > n {
			return nil, fmt.Errorf("flag --k: must be 1..%d, the number of units (got %d)", n, opt.K)
		}
		labels, err := fit(opt.K)
		if err != nil {
			return nil, err
		}
		res.K, res.Labels = opt.K, labels
		res.Silhouette, res.Mean = sampledSilhouette(x, labels, opt.Seed, g)
		return res, nil
	}
	lo, hi := max(2, opt.KMin), min(opt.KMax, n-1)
	if lo > hi {
		return nil, fmt.Errorf("--k auto: no k to try between %d and %d with %d units", max(2, opt.KMin), opt.KMax, n)
	}
	best := math.Inf(-1)
	for k := lo; k <= hi; k++ {
		if err := ctxErr(opt.Context); err != nil {
			return nil, err
		}
		labels, err := fit(k)
		if err != nil {
			return nil, err
		}
		s, mean := sampledSilhouette(x, labels, opt.Seed, g)
		res.Tried = append(res.Tried, KScore{k, mean})
		if mean > best {
			best = mean
			res.K, res.Labels, res.Silhouette, res.Mean = k, labels, s, mean
		}
	}
	return res, nil
}

// SilhouetteSample is the number of units silhouettes are computed on when
// there are more: a sample drawn with the clustering's seed, the
// silhouette of each sampled unit computed within the sample, as
// scikit-learn's silhouette_score(sample_size=…) does. Silhouettes cost
// time quadratic in the units; the sample keeps --k auto and the profile's
// silhouettes affordable for tens of thousands of reports.
const SilhouetteSample = 4000

// sampledSilhouette returns per-unit silhouettes (cosine distance) and
// their mean, on a sample of SilhouetteSample units when x has more rows;
// units outside the sample get NaN. g is x's Gram matrix, or nil.
func sampledSilhouette(x *sparse.CSR, labels []int, seed uint64, g *sparse.Gram) ([]float64, float64) {
	n := x.Rows
	if n <= SilhouetteSample {
		if g == nil {
			return Silhouette(x, labels, "cosine")
		}
		return silhouette(x, labels, "cosine", g)
	}
	rng := rand.New(rand.NewPCG(seed, 0x5111))
	pick := rng.Perm(n)[:SilhouetteSample]
	slices.Sort(pick)
	sub := make([]int, len(pick))
	for k, i := range pick {
		sub[k] = labels[i]
	}
	s, mean := Silhouette(x.SelectRows(pick), sub, "cosine")
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	for k, i := range pick {
		out[i] = s[k]
	}
	return out, mean
}

func zeroRows(x *sparse.CSR) int {
	n := 0
	for i := 0; i < x.Rows; i++ {
		if ind, _ := x.Row(i); len(ind) == 0 {
			n++
		}
	}
	return n
}
