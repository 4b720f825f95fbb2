package topics

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// Defaults for the options a caller leaves at zero.
const (
	DefaultAlpha      = 0.5 // seededlda's default document-topic prior
	DefaultBeta       = 0.1 // seededlda's default topic-term prior
	DefaultSeedWeight = 1   // seed pseudo count = frequency of the seed term
	DefaultShards     = 4   // document blocks sampled in parallel
	DefaultIterations = 200 // a suggestion for callers; Iterations has no default

	// MaxTopics bounds the number of topics (as seededlda does).
	MaxTopics = 1000
)

// ErrNoTokens is returned when the documents hold no token.
var ErrNoTokens = errors.New("no tokens")

// Options control Fit. K and Iterations must be set; fields left at zero
// take the defaults above.
type Options struct {
	// K is the number of free topics; with Seeds it may be 0 (seeded
	// topics only). The model has len(Seeds) + K topics, 1..MaxTopics.
	K int
	// Iterations is the number of Gibbs sweeps over all tokens (≥ 1).
	Iterations int
	// Alpha and Beta are the symmetric Dirichlet priors of θ and φ (> 0).
	Alpha, Beta float64
	// Seed seeds every random draw.
	Seed uint64
	// Seeds lists, for each seeded topic, its seed term ids.
	Seeds [][]int32
	// SeedWeight scales the seed pseudo counts (≥ 0; see the package
	// documentation).
	SeedWeight float64
	// Shards is the number of document blocks sampled in parallel
	// (AD-LDA); the result depends on it. 1 is the exact sequential
	// sampler. Capped at the number of documents. Each shard holds a copy
	// of the term-topic counts, 4·V·K bytes (3.4 MB for 43,000 terms and
	// k = 20).
	Shards int
	// Workers is the number of goroutines; < 1 means GOMAXPROCS. The
	// result does not depend on it.
	Workers int
	// Progress, when not nil, is called after each sweep with the number
	// done and Iterations.
	Progress func(done, total int)
}

// Model is a fitted topic model.
type Model struct {
	Topics int // number of topics: Seeded followed by free ones
	Seeded int // the first Seeded topics are seeded, in the order of Options.Seeds
	Terms  int // vocabulary size V
	Alpha  float64
	Beta   float64

	// DocTopic is θ, documents × topics in input order; rows sum to 1.
	DocTopic *mat.Dense
	// TopicTerm is φ, topics × terms; rows sum to 1.
	TopicTerm *mat.Dense
}

// TermWeight is a term and its weight in a topic (φ_kw).
type TermWeight struct {
	Term   int32
	Weight float64
}

// Top returns the n terms of topic k with the largest φ_kw, largest first,
// ties by term id. It panics if k is not a topic of m; n is capped at the
// vocabulary size.
func (m *Model) Top(k, n int) []TermWeight {
	if k < 0 || k >= m.Topics {
		panic(fmt.Sprintf("topics: topic %d of %d", k, m.Topics))
	}
	row := m.TopicTerm.RawRowView(k)
	all := make([]TermWeight, len(row))
	for w, p := range row {
		all[w] = TermWeight{int32(w), p}
	}
	slices.SortFunc(all, func(a, b TermWeight) int {
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return cmp.Compare(a.Term, b.Term)
	})
	return all[:max(0, min(n, len(all)))]
}

// resolved are the options after defaults and checks.
type resolved struct {
	Options
	topics int
}

func (o Options) resolve(nDocs int) (resolved, error) {
	r := resolved{Options: o}
	if o.K < 0 || (o.K == 0 && len(o.Seeds) == 0) {
		return r, fmt.Errorf("topics: k %d: must be at least 1 (or 0 with seeded topics)", o.K)
	}
	r.topics = len(o.Seeds) + o.K
	if r.topics > MaxTopics {
		return r, fmt.Errorf("topics: %d topics: at most %d", r.topics, MaxTopics)
	}
	if o.Iterations < 1 {
		return r, fmt.Errorf("topics: iterations %d: must be at least 1", o.Iterations)
	}
	for _, p := range []struct {
		name string
		v    *float64
		def  float64
	}{{"alpha", &r.Alpha, DefaultAlpha}, {"beta", &r.Beta, DefaultBeta}, {"seed weight", &r.SeedWeight, DefaultSeedWeight}} {
		switch {
		case *p.v == 0:
			*p.v = p.def
		case !(*p.v > 0) || math.IsInf(*p.v, 1):
			return r, fmt.Errorf("topics: %s %g: must be a positive number", p.name, *p.v)
		}
	}
	switch {
	case o.Shards < 0:
		return r, fmt.Errorf("topics: shards %d: must not be negative", o.Shards)
	case o.Shards == 0:
		r.Shards = DefaultShards
	}
	r.Shards = max(1, min(r.Shards, nDocs))
	if r.Workers < 1 {
		r.Workers = runtime.GOMAXPROCS(0)
	}
	return r, nil
}

// corpus is the documents flattened: the tokens of document d are
// words[ptr[d]:ptr[d+1]], sorted by term id. LDA ignores word order within
// a document; sampling a term's tokens one after another keeps its row of
// counts in cache.
type corpus struct {
	words []int32
	ptr   []int
}

func flatten(docs [][]int32, nTerms int) (corpus, error) {
	if nTerms < 1 {
		return corpus{}, fmt.Errorf("topics: vocabulary of %d terms: need at least 1", nTerms)
	}
	c := corpus{ptr: make([]int, 1, len(docs)+1)}
	for d, doc := range docs {
		for i, w := range doc {
			if w < 0 || int(w) >= nTerms {
				return corpus{}, fmt.Errorf("topics: document %d, token %d: term %d out of range [0, %d)", d, i, w, nTerms)
			}
		}
		c.words = append(c.words, doc...)
		slices.Sort(c.words[c.ptr[d]:])
		c.ptr = append(c.ptr, len(c.words))
	}
	return c, nil
}

func (c corpus) docs() int { return len(c.ptr) - 1 }

// Fit fits LDA to docs, each a sequence of term ids in [0, nTerms), by
// collapsed Gibbs sampling (see the package documentation). The same
// documents and options give the same model.
func Fit(docs [][]int32, nTerms int, opt Options) (*Model, error) {
	c, err := flatten(docs, nTerms)
	if err != nil {
		return nil, err
	}
	if len(c.words) == 0 {
		return nil, fmt.Errorf("topics: %d documents: %w", len(docs), ErrNoTokens)
	}
	o, err := opt.resolve(len(docs))
	if err != nil {
		return nil, err
	}
	s, err := newSampler(c, nTerms, o)
	if err != nil {
		return nil, err
	}
	for it := range o.Iterations {
		s.sweep()
		if o.Progress != nil {
			o.Progress(it+1, o.Iterations)
		}
	}
	return s.model(), nil
}

// sampler is the state of the collapsed Gibbs chain.
type sampler struct {
	c      corpus
	o      resolved
	K, V   int
	z      []int32 // topic of every token
	ndk    []int32 // D × K
	nwk    []int32 // V × K, global
	nk     []int64 // K, global
	seedOf []int32 // V: row of pseudo, or −1
	pseudo []float64
	// pseudoSum[k] = S_k, the total seed pseudo count of topic k.
	pseudoSum []float64
	shards    []*shard
}

// shard samples the documents lo..hi−1 against its own copy of the
// term-topic counts.
type shard struct {
	lo, hi int
	nwk    []int32
	nk     []int64
	inv    []float64 // 1 / (n_k + S_k + Vβ)
	cdf    []float64
	rng    *rand.Rand
}

func newSampler(c corpus, V int, o resolved) (*sampler, error) {
	K := o.topics
	s := &sampler{c: c, o: o, K: K, V: V,
		z:         make([]int32, len(c.words)),
		ndk:       make([]int32, c.docs()*K),
		nwk:       make([]int32, V*K),
		nk:        make([]int64, K),
		seedOf:    make([]int32, V),
		pseudoSum: make([]float64, K),
	}
	for i := range s.seedOf {
		s.seedOf[i] = -1
	}
	if err := s.setSeeds(); err != nil {
		return nil, err
	}
	// Initial topics: a seed term's tokens in its (first) seeded topic,
	// other tokens uniformly at random, drawn in token order.
	rng := rand.New(rand.NewPCG(o.Seed, 0x746f706963))
	for d := range c.docs() {
		for i := c.ptr[d]; i < c.ptr[d+1]; i++ {
			w := c.words[i]
			k := int32(rng.IntN(K))
			if r := s.seedOf[w]; r >= 0 {
				k = int32(slices.IndexFunc(s.pseudo[int(r)*K:int(r+1)*K], func(x float64) bool { return x > 0 }))
			}
			s.z[i] = k
			s.ndk[d*K+int(k)]++
			s.nwk[int(w)*K+int(k)]++
			s.nk[k]++
		}
	}
	s.makeShards()
	return s, nil
}

// setSeeds fills the pseudo counts s_kw = SeedWeight · n_w of the seed
// terms of each seeded topic.
func (s *sampler) setSeeds() error {
	if len(s.o.Seeds) == 0 {
		return nil
	}
	freq := make([]float64, s.V)
	for _, w := range s.c.words {
		freq[w]++
	}
	for k, terms := range s.o.Seeds {
		if len(terms) == 0 {
			return fmt.Errorf("topics: seeded topic %d: no seed terms", k)
		}
		for _, w := range terms {
			if w < 0 || int(w) >= s.V {
				return fmt.Errorf("topics: seeded topic %d: term %d out of range [0, %d)", k, w, s.V)
			}
			if s.seedOf[w] < 0 {
				s.seedOf[w] = int32(len(s.pseudo) / s.K)
				s.pseudo = append(s.pseudo, make([]float64, s.K)...)
			}
			p := &s.pseudo[int(s.seedOf[w])*s.K+k]
			if *p == 0 { // a term listed twice for one topic counts once
				*p = s.o.SeedWeight * freq[w]
				s.pseudoSum[k] += *p
			}
		}
	}
	return nil
}

// makeShards cuts the documents into Shards contiguous blocks of about
// equal token counts (a block may be empty).
func (s *sampler) makeShards() {
	n, D := s.o.Shards, s.c.docs()
	total := len(s.c.words)
	lo := 0
	for j := range n {
		hi := D
		if j < n-1 {
			hi = min(D, max(lo, sort.SearchInts(s.c.ptr, total*(j+1)/n)))
		}
		sh := &shard{lo: lo, hi: hi,
			inv: make([]float64, s.K),
			cdf: make([]float64, s.K),
			rng: rand.New(rand.NewPCG(s.o.Seed, uint64(j)+1)),
		}
		if n > 1 {
			sh.nwk = make([]int32, len(s.nwk))
			sh.nk = make([]int64, s.K)
		} else {
			sh.nwk, sh.nk = s.nwk, s.nk
		}
		s.shards = append(s.shards, sh)
		lo = hi
	}
}

// sweep resamples every token once: the shards in parallel, then their
// changes merged into the global counts.
func (s *sampler) sweep() {
	parallel := len(s.shards) > 1
	if parallel {
		s.eachRange(len(s.nwk), func(lo, hi int) {
			for _, sh := range s.shards {
				copy(sh.nwk[lo:hi], s.nwk[lo:hi])
			}
		})
		for _, sh := range s.shards {
			copy(sh.nk, s.nk)
		}
	}
	var wg sync.WaitGroup
	next := make(chan *shard, len(s.shards))
	for _, sh := range s.shards {
		next <- sh
	}
	close(next)
	for range min(s.o.Workers, len(s.shards)) {
		wg.Go(func() {
			for sh := range next {
				s.sample(sh)
			}
		})
	}
	wg.Wait()
	if !parallel {
		return
	}
	// global += Σ_shards (local − global)
	s.eachRange(len(s.nwk), func(lo, hi int) {
		for x := lo; x < hi; x++ {
			g := s.nwk[x]
			acc := g
			for _, sh := range s.shards {
				acc += sh.nwk[x] - g
			}
			s.nwk[x] = acc
		}
	})
	for k := range s.nk {
		g := s.nk[k]
		acc := g
		for _, sh := range s.shards {
			acc += sh.nk[k] - g
		}
		s.nk[k] = acc
	}
}

// eachRange runs f over Workers contiguous ranges of [0, n).
func (s *sampler) eachRange(n int, f func(lo, hi int)) {
	w := max(1, min(s.o.Workers, n/(1<<16)))
	var wg sync.WaitGroup
	for j := range w {
		wg.Go(func() { f(n*j/w, n*(j+1)/w) })
	}
	wg.Wait()
}

// sample resamples the tokens of the shard's documents. Within a
// document it keeps a_k = (n_dk + α) / (n_k + S_k + Vβ), updating only the
// two topics a draw changes, so each topic costs one multiply-add:
// p_k = (n_kw + s_kw + β) · a_k.
func (s *sampler) sample(sh *shard) {
	K := s.K
	alpha, beta := s.o.Alpha, s.o.Beta
	vBeta := float64(s.V) * beta
	inv := sh.inv[:K]
	for k := range inv {
		inv[k] = 1 / (float64(sh.nk[k]) + s.pseudoSum[k] + vBeta)
	}
	cdf := sh.cdf[:K]
	a := make([]float64, K)
	for d := sh.lo; d < sh.hi; d++ {
		nd := s.ndk[d*K : (d+1)*K]
		for k := range a {
			a[k] = (float64(nd[k]) + alpha) * inv[k]
		}
		update := func(k int32) {
			inv[k] = 1 / (float64(sh.nk[k]) + s.pseudoSum[k] + vBeta)
			a[k] = (float64(nd[k]) + alpha) * inv[k]
		}
		for i := s.c.ptr[d]; i < s.c.ptr[d+1]; i++ {
			w := int(s.c.words[i])
			nw := sh.nwk[w*K : (w+1)*K]
			old := s.z[i]
			nd[old]--
			nw[old]--
			sh.nk[old]--
			update(old)

			var sum float64
			if r := s.seedOf[w]; r < 0 {
				nw := nw[:len(cdf)]
				a := a[:len(cdf)]
				for k := range cdf {
					sum += (float64(nw[k]) + beta) * a[k]
					cdf[k] = sum
				}
			} else {
				ps := s.pseudo[int(r)*K : int(r+1)*K]
				for k := range cdf {
					sum += (float64(nw[k]) + ps[k] + beta) * a[k]
					cdf[k] = sum
				}
			}
			u := sh.rng.Float64() * sum
			k := 0
			for k < K-1 && cdf[k] <= u {
				k++
			}

			s.z[i] = int32(k)
			nd[k]++
			nw[k]++
			sh.nk[k]++
			update(int32(k))
		}
	}
}

// model computes θ and φ from the counts.
func (s *sampler) model() *Model {
	K, V, D := s.K, s.V, s.c.docs()
	m := &Model{Topics: K, Seeded: len(s.o.Seeds), Terms: V, Alpha: s.o.Alpha, Beta: s.o.Beta,
		DocTopic: mat.NewDense(D, K, nil), TopicTerm: mat.NewDense(K, V, nil)}
	for d := range D {
		nd := float64(s.c.ptr[d+1] - s.c.ptr[d])
		row := m.DocTopic.RawRowView(d)
		for k := range K {
			row[k] = (float64(s.ndk[d*K+k]) + s.o.Alpha) / (nd + float64(K)*s.o.Alpha)
		}
	}
	for k := range K {
		row := m.TopicTerm.RawRowView(k)
		den := float64(s.nk[k]) + s.pseudoSum[k] + float64(V)*s.o.Beta
		for w := range V {
			n := float64(s.nwk[w*K+k]) + s.o.Beta
			if r := s.seedOf[w]; r >= 0 {
				n += s.pseudo[int(r)*K+k]
			}
			row[w] = n / den
		}
	}
	return m
}
