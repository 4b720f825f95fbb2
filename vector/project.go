package vector

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/sparse"
)

// Projection is a 2-D map of the rows of a matrix by principal component
// analysis: X[i], Y[i] are row i's scores on the first two components, and
// Explained the share of the total variance each component carries.
type Projection struct {
	X, Y      []float64
	Explained [2]float64
}

// Project2D places the rows of x on the plane of their first two principal
// components, as sklearn.decomposition.PCA(n_components=2).fit_transform
// does: the rows are centred on their mean μ, the components are the top two
// eigenvectors v₁, v₂ of the covariance C = X̃ᵀX̃/(n−1) with X̃ = X − 1μᵀ,
// and row i's scores are X̃ᵢ·v₁ and X̃ᵢ·v₂. Each component's sign is fixed
// so that its largest loading (by absolute value, the first such column on
// ties) is positive, which makes the map deterministic.
//
// X̃ is never formed: C·v is computed as Xᵀ(Xv − (μ·v)1) − μ(Σᵢ(Xv − (μ·v)1)ᵢ)
// by subspace iteration with Rayleigh–Ritz on projBlock vectors, so time is
// O(iterations × projBlock × (nnz + cols)) and memory O(rows + projBlock ×
// cols). It stops when the first two vectors turn by less than about 1e-7
// radians in a step, or after 1,000 steps: scores agree with an exact
// eigendecomposition to about 1e-5 of their range, plenty for a map. Fewer than
// two rows, or no variance, is an error.
func Project2D(x *sparse.CSR) (*Projection, error) {
	if err := x.Validate(); err != nil {
		return nil, fmt.Errorf("project: %w", err)
	}
	n, d := x.Rows, x.Cols
	if n < 2 {
		return nil, fmt.Errorf("project: %d row(s): need at least 2 to place on a map", n)
	}
	mu := make([]float64, d)
	for k, c := range x.Ind {
		mu[c] += x.Val[k]
	}
	for c := range mu {
		mu[c] /= float64(n)
	}
	total := 0.0 // total variance: trace(C)
	for i := range n {
		ind, val := x.Row(i)
		s := sqDist(ind, val, mu)
		total += s
	}
	total /= float64(n - 1)
	if total <= 0 || math.IsNaN(total) {
		return nil, fmt.Errorf("project: the rows do not vary: nothing to map")
	}
	cv := func(v, out []float64, scratch []float64) { // out = C·v
		mv := sparse.Dot(mu, v)
		sum := 0.0
		for i := range n {
			ind, val := x.Row(i)
			s := -mv
			for k, c := range ind {
				s += val[k] * v[c]
			}
			scratch[i] = s
			sum += s
		}
		for c := range out {
			out[c] = -mu[c] * sum
		}
		for i := range n {
			ind, val := x.Row(i)
			for k, c := range ind {
				out[c] += val[k] * scratch[i]
			}
		}
		for c := range out {
			out[c] /= float64(n - 1)
		}
	}
	// Subspace iteration on a block of vectors (more than the two wanted,
	// so the second converges at the rate λ_{b+1}/λ₂, not λ₃/λ₂).
	b := min(projBlock, d)
	vs := startVectors(d, b)
	ws := make([][]float64, b)
	for j := range ws {
		ws[j] = make([]float64, d)
	}
	scratch := make([]float64, n)
	lam := make([]float64, b)
	for it := 0; it < 1000; it++ {
		for j := range vs {
			cv(vs[j], ws[j], scratch)
		}
		// Rayleigh–Ritz: H = Vᵀ C V, rotate W = C V onto H's eigenvectors
		// (largest first), then orthonormalise for the next step.
		h := mat.NewSymDense(b, nil)
		for j := range b {
			for k := j; k < b; k++ {
				h.SetSym(j, k, sparse.Dot(vs[j], ws[k]))
			}
		}
		var eig mat.EigenSym
		if !eig.Factorize(h, true) {
			return nil, fmt.Errorf("project: eigendecomposition failed")
		}
		vals := eig.Values(nil)
		var r mat.Dense
		eig.VectorsTo(&r)
		next := make([][]float64, b)
		for j := range b {
			col := b - 1 - j // descending
			lam[j] = vals[col]
			next[j] = make([]float64, d)
			for k := range b {
				if c := r.At(k, col); c != 0 {
					for i, w := range ws[k] {
						next[j][i] += c * w
					}
				}
			}
		}
		orthonormalise(next)
		conv := math.Abs(sparse.Dot(vs[0], next[0])) > 1-1e-14 && math.Abs(sparse.Dot(vs[1], next[1])) > 1-1e-14
		vs = next
		if conv {
			break
		}
	}
	v1, v2 := vs[0], vs[1]
	flipSign(v1)
	flipSign(v2)
	p := &Projection{X: make([]float64, n), Y: make([]float64, n)}
	m1, m2 := sparse.Dot(mu, v1), sparse.Dot(mu, v2)
	for i := range n {
		ind, val := x.Row(i)
		s1, s2 := -m1, -m2
		for k, c := range ind {
			s1 += val[k] * v1[c]
			s2 += val[k] * v2[c]
		}
		p.X[i], p.Y[i] = s1, s2
	}
	p.Explained = [2]float64{max(0, lam[0]) / total, max(0, lam[1]) / total}
	return p, nil
}

// sqDist returns Σ_c (row[c] − mu[c])² for a sparse row.
func sqDist(ind []int, val []float64, mu []float64) float64 {
	s := 0.0
	for _, m := range mu {
		s += m * m
	}
	for k, c := range ind {
		s += (val[k]-mu[c])*(val[k]-mu[c]) - mu[c]*mu[c]
	}
	return max(0, s)
}

// projBlock is the number of vectors Project2D iterates on.
const projBlock = 6

// startVectors returns b fixed orthonormal vectors of length d, so the
// iteration is deterministic and unlikely to start orthogonal to a
// component.
func startVectors(d, b int) [][]float64 {
	vs := make([][]float64, b)
	for j := range vs {
		vs[j] = make([]float64, d)
		for c := range d {
			vs[j][c] = math.Cos(float64((j+1)*(c+1))*0.7 + float64(j))
		}
	}
	orthonormalise(vs)
	return vs
}

// orthonormalise makes the vectors orthonormal by modified Gram–Schmidt,
// applied twice for accuracy. A vector in the span of those before it
// becomes zero.
func orthonormalise(vs [][]float64) {
	for range 2 {
		for j, v := range vs {
			for _, u := range vs[:j] {
				p := sparse.Dot(u, v)
				for i := range v {
					v[i] -= p * u[i]
				}
			}
			nv := math.Sqrt(sparse.Dot(v, v))
			for i := range v {
				if nv > 1e-300 {
					v[i] /= nv
				} else {
					v[i] = 0
				}
			}
		}
	}
}

// flipSign makes the largest-magnitude entry of v positive (the first
// such entry on ties).
func flipSign(v []float64) {
	best := 0
	for i := range v {
		if math.Abs(v[i]) > math.Abs(v[best]) {
			best = i
		}
	}
	if len(v) > 0 && v[best] < 0 {
		for i := range v {
			v[i] = -v[i]
		}
	}
}
