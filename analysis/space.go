package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/tifa-project/tifa/sparse"
)

// Vectors are the TF-IDF vectors of a Matrix's units, restricted to the
// columns the document-frequency filters kept.
type Vectors struct {
	Units   []Unit
	Terms   []string    // kept columns' labels
	Entries []int       // kept columns' lexicon entries (-1 for words)
	Counts  *sparse.CSR // raw counts of the kept columns
	X       *sparse.CSR // TF-IDF weights, rows l2-normalised (unless Norm says otherwise)
	IDF     []float64
}

// Weigh fits t on m's counts and returns the weighted vectors.
func Weigh(m *Matrix, t *TFIDF) (*Vectors, error) {
	if len(m.Units) == 0 {
		return nil, errors.New("no documents to weigh")
	}
	if err := t.Fit(m.Counts); err != nil {
		if errors.Is(err, ErrEmptyVocabulary) {
			return nil, fmt.Errorf("no term left after --min-df/--max-df (%v): loosen them", err)
		}
		return nil, err
	}
	x, err := t.Transform(m.Counts)
	if err != nil {
		return nil, err
	}
	v := &Vectors{Units: m.Units, X: x, IDF: t.IDF}
	for _, c := range t.Kept {
		v.Terms = append(v.Terms, m.Terms[c])
		v.Entries = append(v.Entries, m.Entries[c])
	}
	v.Counts = selectColumns(m.Counts, t.Kept)
	return v, nil
}

// selectColumns returns m restricted to the columns kept (ascending),
// renumbered 0..len(kept)-1.
func selectColumns(m *sparse.CSR, kept []int) *sparse.CSR {
	newCol := make([]int, m.Cols)
	for i := range newCol {
		newCol[i] = -1
	}
	for j, c := range kept {
		newCol[c] = j
	}
	b := sparse.NewCSRBuilder(len(kept))
	var cols []int
	var vals []float64
	for i := 0; i < m.Rows; i++ {
		ind, val := m.Row(i)
		cols, vals = cols[:0], vals[:0]
		for k, c := range ind {
			if nc := newCol[c]; nc >= 0 {
				cols = append(cols, nc)
				vals = append(vals, val[k])
			}
		}
		b.AddRow(cols, vals)
	}
	return b.Build()
}

// TermWeight is one term of a unit with its weight and raw count.
type TermWeight struct {
	Col    int
	Weight float64
	Count  float64
}

// TopTerms returns the n terms of unit i with the largest TF-IDF weight,
// ties broken by term label.
func (v *Vectors) TopTerms(i, n int) []TermWeight {
	ind, val := v.X.Row(i)
	cind, cval := v.Counts.Row(i)
	count := make(map[int]float64, len(cind))
	for k, c := range cind {
		count[c] = cval[k]
	}
	out := make([]TermWeight, 0, len(ind))
	for k, c := range ind {
		if val[k] > 0 {
			out = append(out, TermWeight{Col: c, Weight: val[k], Count: count[c]})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Weight != out[b].Weight {
			return out[a].Weight > out[b].Weight
		}
		return v.Terms[out[a].Col] < v.Terms[out[b].Col]
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Shared returns the n terms contributing most to the cosine of units i
// and j: the largest products x_i[t]·x_j[t], ties by label.
func (v *Vectors) Shared(i, j, n int) []int {
	ai, av := v.X.Row(i)
	bi, bv := v.X.Row(j)
	type contrib struct {
		col int
		w   float64
	}
	var cs []contrib
	for p, q := 0, 0; p < len(ai) && q < len(bi); {
		switch {
		case ai[p] < bi[q]:
			p++
		case ai[p] > bi[q]:
			q++
		default:
			if w := av[p] * bv[q]; w > 0 {
				cs = append(cs, contrib{ai[p], w})
			}
			p++
			q++
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].w != cs[b].w {
			return cs[a].w > cs[b].w
		}
		return v.Terms[cs[a].col] < v.Terms[cs[b].col]
	})
	out := make([]int, 0, n)
	for k := 0; k < len(cs) && k < n; k++ {
		out = append(out, cs[k].col)
	}
	return out
}

// Distinctive is a term that sets a cluster apart.
type Distinctive struct {
	Col      int
	Centroid float64 // mean weight in the cluster
	Lift     float64 // Centroid / mean weight over all units
}

// Distinguish returns, for each cluster of labels (0..k-1), the terms
// whose mean TF-IDF weight in the cluster most exceeds their mean weight
// in the other units, keeping the top n with a positive difference:
//
//	centroid_c(t) = mean_{i ∈ c} x_i[t]
//	rest_c(t)     = mean_{i ∉ c} x_i[t]      (0 when every unit is in c)
//	rank by centroid_c(t) − rest_c(t); lift = centroid_c(t) / mean_i x_i[t]
//
// filter, when not nil, keeps only the columns for which it is true.
func (v *Vectors) Distinguish(labels []int, k, n int, filter func(col int) bool) [][]Distinctive {
	cols := v.X.Cols
	sum := make([][]float64, k)
	for c := range sum {
		sum[c] = make([]float64, cols)
	}
	total := make([]float64, cols)
	size := make([]int, k)
	for i := 0; i < v.X.Rows; i++ {
		ind, val := v.X.Row(i)
		size[labels[i]]++
		for p, c := range ind {
			sum[labels[i]][c] += val[p]
			total[c] += val[p]
		}
	}
	nAll := float64(v.X.Rows)
	out := make([][]Distinctive, k)
	for c := range k {
		if size[c] == 0 {
			continue
		}
		var ds []Distinctive
		var diff []float64
		for t := range cols {
			if sum[c][t] == 0 || (filter != nil && !filter(t)) {
				continue
			}
			in := sum[c][t] / float64(size[c])
			rest := 0.0
			if nr := v.X.Rows - size[c]; nr > 0 {
				rest = (total[t] - sum[c][t]) / float64(nr)
			}
			if in-rest <= 0 {
				continue
			}
			ds = append(ds, Distinctive{Col: t, Centroid: in, Lift: in / (total[t] / nAll)})
			diff = append(diff, in-rest)
		}
		idx := make([]int, len(ds))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool {
			if diff[idx[a]] != diff[idx[b]] {
				return diff[idx[a]] > diff[idx[b]]
			}
			return v.Terms[ds[idx[a]].Col] < v.Terms[ds[idx[b]].Col]
		})
		for r := 0; r < len(idx) && r < n; r++ {
			out[c] = append(out[c], ds[idx[r]])
		}
	}
	return out
}

// KScore is the mean silhouette of one k tried by ChooseK.
type KScore struct {
	K          int
	Silhouette float64
}

// Clustering is the result of Cluster.
type Clustering struct {
	Method     string
	K          int
	Labels     []int
	Silhouette []float64 // per unit (cosine distance); NaN for units outside the sample (see SilhouetteSample)
	Mean       float64   // mean silhouette
	Merges     []Merge   // agglomerative methods only
	Tried      []KScore  // k tried by --k auto, in order
}

// ClusterOptions configure Cluster.
type ClusterOptions struct {
	Method     string // kmeans, average, complete or ward
	K          int    // clusters; 0 means choose by silhouette in [KMin, KMax]
	KMin, KMax int
	Seed       uint64
	Restarts   int
	Workers    int
	// Context, when not nil, stops Cluster between k-means iterations and
	// between the k tried: Cluster then returns its error.
	Context context.Context
}

// ClusterMethods lists the methods Cluster accepts.
var ClusterMethods = []string{"kmeans", "average", "complete", "ward"}

// Cluster groups the units of v. With K 0 it tries every k in
// [KMin, KMax] (clamped to 2..units−1) and keeps the one with the highest
// mean silhouette (cosine distance), ties to the smaller k.
func Cluster(v *Vectors, opt ClusterOptions) (*Clustering, error) {
	n := v.X.Rows
	if n < 2 {
		return nil, fmt.Errorf("cannot cluster %d unit(s): need at least 2", n)
	}
	if zero := zeroRows(v.X); zero == n {
		return nil, errors.New("every vector is zero: nothing to cluster")
	}
	var merges []Merge
	if opt.Method != "kmeans" {
		if n > AgglomerateMaxRows {
			return nil, fmt.Errorf("--method %s keeps all %d×%d distances: use --method kmeans above %d units", opt.Method, n, n, AgglomerateMaxRows)
		}
		var err error
		if merges, err = Agglomerate(v.X, opt.Method); err != nil {
			return nil, err
		}
	}
	fit := func(k int) ([]int, error) {
		if opt.Method == "kmeans" {
			km := &KMeans{K: k, Seed: opt.Seed, Restarts: opt.Restarts, Workers: opt.Workers, Context: opt.Context}
			r, err := km.Fit(v.X)
			if err != nil {
				return nil, err
			}
			return r.Labels, nil
		}
		return Cut(merges, n, k), nil
	}
	res := &Clustering{Method: opt.Method, Merges: merges}
	if opt.K > 0 {
		if opt.K > n {
			return nil, fmt.Errorf("flag --k: must be 1..%d, the number of units (got %d)", n, opt.K)
		}
		labels, err := fit(opt.K)
		if err != nil {
			return nil, err
		}
		res.K, res.Labels = opt.K, labels
		res.Silhouette, res.Mean = sampledSilhouette(v.X, labels, opt.Seed)
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
		s, mean := sampledSilhouette(v.X, labels, opt.Seed)
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
// units outside the sample get NaN.
func sampledSilhouette(x *sparse.CSR, labels []int, seed uint64) ([]float64, float64) {
	n := x.Rows
	if n <= SilhouetteSample {
		return Silhouette(x, labels, "cosine")
	}
	rng := rand.New(rand.NewPCG(seed, 0x5111))
	pick := rng.Perm(n)[:SilhouetteSample]
	slices.Sort(pick)
	b := sparse.NewCSRBuilder(x.Cols)
	sub := make([]int, len(pick))
	for k, i := range pick {
		ind, val := x.Row(i)
		b.AddRow(ind, val)
		sub[k] = labels[i]
	}
	s, mean := Silhouette(b.Build(), sub, "cosine")
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
