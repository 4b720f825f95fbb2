package topics

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// synthetic is a corpus drawn from a known LDA model.
type synthetic struct {
	docs  [][]int32
	phi   *mat.Dense // true topics × terms
	theta *mat.Dense // true documents × topics
}

// newSynthetic draws D documents of docLen tokens (± half) over V terms
// from K topics: φ_k ~ Dirichlet(beta), θ_d ~ Dirichlet(alpha).
func newSynthetic(seed uint64, D, V, K, docLen int, alpha, beta float64) synthetic {
	src := rand.NewPCG(seed, 99)
	rng := rand.New(src)
	s := synthetic{phi: mat.NewDense(K, V, nil), theta: mat.NewDense(D, K, nil)}
	for k := range K {
		dirichlet(s.phi.RawRowView(k), beta, src)
	}
	cums := make([][]float64, K)
	for k := range K {
		cums[k] = floats.CumSum(make([]float64, V), s.phi.RawRowView(k))
	}
	cumK := make([]float64, K)
	for d := range D {
		th := s.theta.RawRowView(d)
		dirichlet(th, alpha, src)
		floats.CumSum(cumK, th)
		n := docLen/2 + rng.IntN(docLen+1)
		doc := make([]int32, n)
		for i := range doc {
			k := search(cumK, rng.Float64())
			doc[i] = int32(search(cums[k], rng.Float64()))
		}
		s.docs = append(s.docs, doc)
	}
	return s
}

// dirichlet fills x with a draw from the symmetric Dirichlet(a): gamma
// draws normalised to sum 1.
func dirichlet(x []float64, a float64, src rand.Source) {
	g := distuv.Gamma{Alpha: a, Beta: 1, Src: src}
	for i := range x {
		x[i] = g.Rand()
	}
	floats.Scale(1/floats.Sum(x), x)
}

// search returns the first index whose cumulative weight exceeds u·total.
func search(cum []float64, u float64) int {
	u *= cum[len(cum)-1]
	return min(len(cum)-1, sort.Search(len(cum), func(i int) bool { return cum[i] > u }))
}

// bestMatch returns, for each row of want, the largest cosine with any
// row of got.
func bestMatch(want, got *mat.Dense) []float64 {
	r, _ := want.Dims()
	g, _ := got.Dims()
	out := make([]float64, r)
	for i := range r {
		a := want.RawRowView(i)
		for j := range g {
			b := got.RawRowView(j)
			out[i] = math.Max(out[i], floats.Dot(a, b)/(floats.Norm(a, 2)*floats.Norm(b, 2)))
		}
	}
	return out
}
