package topics

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Search controls ChooseK. Fields left at zero take the defaults given.
type Search struct {
	// Ks are the candidate numbers of free topics (Options.K), at least
	// one; each is checked as Options.K is.
	Ks []int
	// HeldOut is the share of documents held out for perplexity, in
	// (0, 1); default 0.2. At least one document is held out and one kept.
	HeldOut float64
	// Tolerance is the relative perplexity margin: the chosen k is the
	// smallest whose perplexity is at most (1 + Tolerance) × the best;
	// default 0.02.
	Tolerance float64
	// TopN is the number of top terms per topic for coherence; default 10.
	TopN int
	// InferIterations is the number of fold-in sweeps for perplexity;
	// default 100.
	InferIterations int
	// Windows are the reference windows for coherence (paragraphs, say);
	// nil uses the documents.
	Windows [][]int32
}

// KScore is one candidate's scores.
type KScore struct {
	K          int     // free topics
	Perplexity float64 // held-out document-completion perplexity, lower is better
	Coherence  float64 // mean NPMI coherence over topics, higher is better
}

// Choice is the result of ChooseK.
type Choice struct {
	Scores []KScore // in the order of Search.Ks
	K      int      // the chosen number of free topics
	// HeldOut lists the indices of the documents held out, ascending.
	HeldOut []int
}

// ChooseK fits a model for each candidate k on the documents not held out
// (Options as for Fit, with K replaced), scores its held-out perplexity
// and its coherence, and chooses the smallest k whose perplexity is within
// Tolerance of the lowest. The documents held out are drawn at random
// (from Options.Seed) among those with at least two tokens.
func ChooseK(docs [][]int32, nTerms int, opt Options, search Search) (*Choice, error) {
	if len(search.Ks) == 0 {
		return nil, fmt.Errorf("topics: choose k: no candidate k")
	}
	for _, f := range []struct {
		name string
		v    *float64
		def  float64
		max  float64
	}{{"held-out share", &search.HeldOut, 0.2, 1}, {"tolerance", &search.Tolerance, 0.02, math.Inf(1)}} {
		switch {
		case *f.v == 0:
			*f.v = f.def
		case !(*f.v > 0 && *f.v < f.max):
			return nil, fmt.Errorf("topics: choose k: %s %g: must lie in (0, %g)", f.name, *f.v, f.max)
		}
	}
	if search.TopN == 0 {
		search.TopN = 10
	}
	if search.InferIterations == 0 {
		search.InferIterations = 100
	}
	if search.TopN < 2 || search.InferIterations < 1 {
		return nil, fmt.Errorf("topics: choose k: top terms %d (≥ 2), inference iterations %d (≥ 1)", search.TopN, search.InferIterations)
	}
	for _, k := range search.Ks {
		o := opt
		o.K = k
		if _, err := o.resolve(len(docs)); err != nil {
			return nil, err
		}
	}

	var long []int
	for d, doc := range docs {
		if len(doc) >= 2 {
			long = append(long, d)
		}
	}
	if len(long) < 2 {
		return nil, fmt.Errorf("topics: choose k: %d documents of two tokens or more, need 2", len(long))
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x63686f6f7365))
	rng.Shuffle(len(long), func(i, j int) { long[i], long[j] = long[j], long[i] })
	nHeld := min(len(long)-1, max(1, int(math.Round(search.HeldOut*float64(len(long))))))
	held := slices.Sorted(slices.Values(long[:nHeld]))
	var train, test [][]int32
	for d, doc := range docs {
		if _, ok := slices.BinarySearch(held, d); ok {
			test = append(test, doc)
		} else {
			train = append(train, doc)
		}
	}
	windows := search.Windows
	if windows == nil {
		windows = docs
	}

	ch := &Choice{HeldOut: held}
	for _, k := range search.Ks {
		o := opt
		o.K = k
		m, err := Fit(train, nTerms, o)
		if err != nil {
			return nil, err
		}
		ppl, err := m.Perplexity(test, search.InferIterations, opt.Seed)
		if err != nil {
			return nil, err
		}
		coh, err := m.Coherence(windows, search.TopN)
		if err != nil {
			return nil, err
		}
		ch.Scores = append(ch.Scores, KScore{K: k, Perplexity: ppl, Coherence: stat.Mean(coh, nil)})
	}
	best := slices.MinFunc(ch.Scores, func(a, b KScore) int { return cmp.Compare(a.Perplexity, b.Perplexity) }).Perplexity
	ch.K = -1
	for _, s := range ch.Scores {
		if s.Perplexity <= best*(1+search.Tolerance) && (ch.K < 0 || s.K < ch.K) {
			ch.K = s.K
		}
	}
	return ch, nil
}
