package topics

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Search controls ChooseK and FitHeldOut. Fields left at zero take the defaults given.
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
	if err := search.resolve(); err != nil {
		return nil, fmt.Errorf("topics: choose k: %w", err)
	}
	for _, k := range search.Ks {
		o := opt
		o.K = k
		if _, err := o.resolve(len(docs)); err != nil {
			return nil, err
		}
	}

	held, train, test, err := split(docs, search.HeldOut, opt.Seed)
	if err != nil {
		return nil, fmt.Errorf("topics: choose k: %w", err)
	}
	windows := search.Windows
	if windows == nil {
		windows = docs
	}

	ch := &Choice{HeldOut: held}
	for _, k := range search.Ks {
		o := opt
		o.K = k
		_, ppl, coh, err := fitScore(train, test, windows, nTerms, o, search)
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

// resolve sets the defaults of the fields left at zero and checks them.
func (s *Search) resolve() error {
	for _, f := range []struct {
		name string
		v    *float64
		def  float64
		max  float64
	}{{"held-out share", &s.HeldOut, 0.2, 1}, {"tolerance", &s.Tolerance, 0.02, math.Inf(1)}} {
		switch {
		case *f.v == 0:
			*f.v = f.def
		case !(*f.v > 0 && *f.v < f.max):
			return fmt.Errorf("%s %g: must lie in (0, %g)", f.name, *f.v, f.max)
		}
	}
	if s.TopN == 0 {
		s.TopN = 10
	}
	if s.InferIterations == 0 {
		s.InferIterations = 100
	}
	if s.TopN < 2 || s.InferIterations < 1 {
		return fmt.Errorf("top terms %d (≥ 2), inference iterations %d (≥ 1)", s.TopN, s.InferIterations)
	}
	return nil
}

// split draws the documents held out: a share of those with at least two
// tokens (at least one, and one left), at random from seed. It returns
// their indices, ascending, and the documents kept and held out, in
// input order.
func split(docs [][]int32, share float64, seed uint64) (held []int, train, test [][]int32, err error) {
	var long []int
	for d, doc := range docs {
		if len(doc) >= 2 {
			long = append(long, d)
		}
	}
	if len(long) < 2 {
		return nil, nil, nil, fmt.Errorf("%d documents of two tokens or more, need 2", len(long))
	}
	rng := rand.New(rand.NewPCG(seed, 0x63686f6f7365))
	rng.Shuffle(len(long), func(i, j int) { long[i], long[j] = long[j], long[i] })
	nHeld := min(len(long)-1, max(1, int(math.Round(share*float64(len(long))))))
	held = slices.Sorted(slices.Values(long[:nHeld]))
	for d, doc := range docs {
		if _, ok := slices.BinarySearch(held, d); ok {
			test = append(test, doc)
		} else {
			train = append(train, doc)
		}
	}
	return held, train, test, nil
}

// Scored is a model fitted with some documents held out, and its scores.
type Scored struct {
	Model *Model // fitted on the documents not held out
	// Theta holds the topic shares of every document, in input order:
	// those of the fit for the documents kept, those inferred with φ
	// fixed (Model.Infer on all their tokens) for the ones held out.
	Theta      *mat.Dense
	HeldOut    []int     // indices of the documents held out, ascending
	Perplexity float64   // held-out document-completion perplexity (see Model.Perplexity)
	Coherence  []float64 // NPMI coherence of each topic's top Search.TopN terms in Search.Windows
}

// FitHeldOut holds out documents as ChooseK does (Search.HeldOut of
// them, drawn from Options.Seed), fits a model to the others, scores its
// held-out perplexity and its coherence, and infers the topic shares of
// the documents held out, so that every document has its shares. Only
// HeldOut, TopN, InferIterations and Windows of search are used.
func FitHeldOut(docs [][]int32, nTerms int, opt Options, search Search) (*Scored, error) {
	if err := search.resolve(); err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	held, train, test, err := split(docs, search.HeldOut, opt.Seed)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	windows := search.Windows
	if windows == nil {
		windows = docs
	}
	m, ppl, coh, err := fitScore(train, test, windows, nTerms, opt, search)
	if err != nil {
		return nil, err
	}
	sc := &Scored{Model: m, HeldOut: held, Perplexity: ppl, Coherence: coh}
	inferred, err := m.Infer(test, search.InferIterations, opt.Seed)
	if err != nil {
		return nil, err
	}
	sc.Theta = mat.NewDense(len(docs), m.Topics, nil)
	kept, out := 0, 0
	for d := range docs {
		if out < len(held) && held[out] == d {
			sc.Theta.SetRow(d, inferred.RawRowView(out))
			out++
		} else {
			sc.Theta.SetRow(d, m.DocTopic.RawRowView(kept))
			kept++
		}
	}
	return sc, nil
}

// fitScore fits a model to train and scores its perplexity on test and
// the coherence of its topics in windows.
func fitScore(train, test, windows [][]int32, nTerms int, opt Options, search Search) (m *Model, perplexity float64, coherence []float64, err error) {
	if m, err = Fit(train, nTerms, opt); err != nil {
		return nil, 0, nil, err
	}
	if perplexity, err = m.Perplexity(test, search.InferIterations, opt.Seed); err != nil {
		return nil, 0, nil, err
	}
	if coherence, err = m.Coherence(windows, search.TopN); err != nil {
		return nil, 0, nil, err
	}
	return m, perplexity, coherence, nil
}

// FitChoosing is FitHeldOut, after ChooseK has chosen Options.K among
// search.Ks when there are any (choice is nil otherwise): the fit of tifa
// topics, --k auto or not. stage, when not nil, is called as each of
// these long steps starts and returns what to call when it ends.
func FitChoosing(docs [][]int32, nTerms int, opt Options, search Search, stage func(what string) (done func())) (sc *Scored, choice *Choice, err error) {
	if stage == nil {
		stage = func(string) func() { return func() {} }
	}
	if search.Ks != nil {
		done := stage("choosing the number of topics")
		choice, err = ChooseK(docs, nTerms, opt, search)
		done()
		if err != nil {
			return nil, nil, err
		}
		opt.K = choice.K
	}
	done := stage(fmt.Sprintf("fitting %d topics", len(opt.Seeds)+opt.K))
	sc, err = FitHeldOut(docs, nTerms, opt, search)
	done()
	return sc, choice, err
}
