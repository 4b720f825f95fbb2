package topics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/cooccur"
)

// Infer estimates θ for docs with the model's φ fixed ("folding in"):
// each document's tokens are resampled for iterations sweeps from
//
//	p(z_i = k) ∝ φ_k,w_i · (n_dk + α)
//
// and θ_dk = (n_dk + α) / (n_d + Kα) is averaged over the second half of
// the sweeps. Document d draws from its own PCG stream (seed, d), so the
// result does not depend on scheduling. Rows are in input order and sum
// to 1; an empty document gets 1/K everywhere.
func (m *Model) Infer(docs [][]int32, iterations int, seed uint64) (*mat.Dense, error) {
	if iterations < 1 {
		return nil, fmt.Errorf("topics: inference iterations %d: must be at least 1", iterations)
	}
	c, err := flatten(docs, m.Terms)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return &mat.Dense{}, nil
	}
	theta := mat.NewDense(len(docs), m.Topics, nil)
	phiT := m.termTopic()
	eachDoc(len(docs), func(d int, st *inferState) {
		st.infer(m, phiT, c.words[c.ptr[d]:c.ptr[d+1]], iterations, rand.New(rand.NewPCG(seed, uint64(d))), theta.RawRowView(d))
	}, m.Topics)
	return theta, nil
}

// termTopic returns φ transposed, V × K row-major, so a term's K weights
// are contiguous.
func (m *Model) termTopic() []float64 {
	K, V := m.Topics, m.Terms
	out := make([]float64, V*K)
	for k := range K {
		for w, p := range m.TopicTerm.RawRowView(k) {
			out[w*K+k] = p
		}
	}
	return out
}

// inferState is one goroutine's scratch space.
type inferState struct {
	z       []int32
	nd, cdf []float64
}

// eachDoc runs f for d = 0..n−1 on GOMAXPROCS goroutines.
func eachDoc(n int, f func(d int, st *inferState), K int) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Go(func() {
			st := &inferState{nd: make([]float64, K), cdf: make([]float64, K)}
			for d := int(next.Add(1) - 1); d < n; d = int(next.Add(1) - 1) {
				f(d, st)
			}
		})
	}
	wg.Wait()
}

// infer folds one document in and writes its θ to out.
func (st *inferState) infer(m *Model, phiT []float64, words []int32, iterations int, rng *rand.Rand, out []float64) {
	K := m.Topics
	alpha := m.Alpha
	clear(out)
	if len(words) == 0 {
		for k := range out {
			out[k] = 1 / float64(K)
		}
		return
	}
	st.z = slices.Grow(st.z[:0], len(words))[:len(words)]
	clear(st.nd)
	draw := func(w int32, withDoc bool) int32 {
		phi := phiT[int(w)*K : int(w+1)*K]
		var sum float64
		for k := range K {
			p := phi[k]
			if withDoc {
				p *= st.nd[k] + alpha
			}
			sum += p
			st.cdf[k] = sum
		}
		u := rng.Float64() * sum
		k := 0
		for k < K-1 && st.cdf[k] <= u {
			k++
		}
		return int32(k)
	}
	for i, w := range words {
		st.z[i] = draw(w, false)
		st.nd[st.z[i]]++
	}
	burn := iterations / 2
	norm := float64(len(words)) + float64(K)*alpha
	for it := range iterations {
		for i, w := range words {
			st.nd[st.z[i]]--
			st.z[i] = draw(w, true)
			st.nd[st.z[i]]++
		}
		if it >= burn {
			for k := range K {
				out[k] += (st.nd[k] + alpha) / norm
			}
		}
	}
	for k := range out {
		out[k] /= float64(iterations - burn)
	}
}

// Perplexity returns the held-out perplexity of docs by document
// completion (see the package documentation): tokens at even positions
// (0, 2, …) estimate θ_d by Infer with iterations sweeps; tokens at odd
// positions are scored. It fails when no document has two tokens.
func (m *Model) Perplexity(docs [][]int32, iterations int, seed uint64) (float64, error) {
	observed := make([][]int32, len(docs))
	held := make([][]int32, len(docs))
	var n int
	for d, doc := range docs {
		for i, w := range doc {
			if i%2 == 0 {
				observed[d] = append(observed[d], w)
			} else {
				held[d] = append(held[d], w)
			}
		}
		n += len(held[d])
	}
	if n == 0 {
		return 0, fmt.Errorf("topics: perplexity: %d documents hold no document of two tokens", len(docs))
	}
	theta, err := m.Infer(observed, iterations, seed)
	if err != nil {
		return 0, err
	}
	return m.HeldOutPerplexity(theta, held)
}

// HeldOutPerplexity returns exp(−Σ_d Σ_i log Σ_k θ_dk φ_k,w_di / N) for
// the tokens of docs given each document's θ (a row of theta): the
// scoring half of document completion, exported so that θ estimated
// elsewhere (scikit-learn's transform, in bench/) is scored the same way.
func (m *Model) HeldOutPerplexity(theta *mat.Dense, docs [][]int32) (float64, error) {
	if len(docs) == 0 {
		return 0, fmt.Errorf("topics: perplexity: no documents")
	}
	if r, c := theta.Dims(); r != len(docs) || c != m.Topics {
		return 0, fmt.Errorf("topics: perplexity: θ is %d×%d, want %d×%d", r, c, len(docs), m.Topics)
	}
	if _, err := flatten(docs, m.Terms); err != nil {
		return 0, err
	}
	phiT := m.termTopic()
	K := m.Topics
	var ll float64
	var n int
	for d, doc := range docs {
		th := theta.RawRowView(d)
		for _, w := range doc {
			var p float64
			for k, f := range phiT[int(w)*K : int(w+1)*K] {
				p += th[k] * f
			}
			ll += math.Log(p)
			n++
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("topics: perplexity: %d documents hold no token", len(docs))
	}
	return math.Exp(-ll / float64(n)), nil
}

// Coherence returns the NPMI coherence of each topic's top n terms in the
// reference windows (documents, paragraphs …; see the package
// documentation), computed with package cooccur. n must be at least 2.
func (m *Model) Coherence(windows [][]int32, n int) ([]float64, error) {
	if n < 2 {
		return nil, fmt.Errorf("topics: coherence over %d terms: need at least 2", n)
	}
	if len(windows) == 0 {
		return nil, fmt.Errorf("topics: coherence: no reference windows")
	}
	tops := make([][]int32, m.Topics)
	var union []int32
	for k := range m.Topics {
		for _, tw := range m.Top(k, n) {
			tops[k] = append(tops[k], tw.Term)
		}
		union = append(union, tops[k]...)
	}
	res, err := cooccur.Count(windows, m.Terms, cooccur.Options{Terms: union})
	if err != nil {
		return nil, fmt.Errorf("topics: coherence: %w", err)
	}
	both := make(map[[2]int32]int, len(res.Pairs))
	for _, p := range res.Pairs {
		both[[2]int32{p.A, p.B}] = p.Count
	}
	out := make([]float64, m.Topics)
	for k, top := range tops {
		var sum float64
		var pairs int
		for i := range top {
			for j := i + 1; j < len(top); j++ {
				a, b := min(top[i], top[j]), max(top[i], top[j])
				sum += cooccur.NPMI(both[[2]int32{a, b}], res.Freq[a], res.Freq[b], res.Windows)
				pairs++
			}
		}
		out[k] = sum / float64(pairs)
	}
	return out, nil
}

// GroupMeans averages the topic shares of the documents of each group:
// row g of the result is Σ_{d in g} u_d θ_d / Σ_{d in g} u_d, with weights
// u (nil: every document weighs 1; token counts give the share of a
// group's tokens). theta is documents × topics; members[g] lists the
// documents (rows of theta) of group g, in the caller's order of groups
// (vector.GroupUnits gives them); weights, one per document, must be ≥ 0
// and positive somewhere in each group. A document may belong to several
// groups or none.
func GroupMeans(theta *mat.Dense, members [][]int, weights []float64) (*mat.Dense, error) {
	D, K := theta.Dims()
	if weights != nil && len(weights) != D {
		return nil, fmt.Errorf("topics: group means: %d documents, %d weights", D, len(weights))
	}
	if len(members) == 0 {
		return &mat.Dense{}, nil
	}
	out := mat.NewDense(len(members), K, nil)
	for g, ds := range members {
		total := 0.0
		row := out.RawRowView(g)
		for _, d := range ds {
			if d < 0 || d >= D {
				return nil, fmt.Errorf("topics: group means: group %d: document %d of %d", g, d, D)
			}
			u := 1.0
			if weights != nil {
				u = weights[d]
				if !(u >= 0) || math.IsInf(u, 1) {
					return nil, fmt.Errorf("topics: group means: document %d: weight %g", d, u)
				}
			}
			total += u
			for k, x := range theta.RawRowView(d) {
				row[k] += u * x
			}
		}
		if total == 0 {
			return nil, fmt.Errorf("topics: group means: group %d has no weight", g)
		}
		for k := range row {
			row[k] /= total
		}
	}
	return out, nil
}
