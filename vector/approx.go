package vector

import (
	"context"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tifa-project/tifa/sparse"
)

// Approx configures TopKApprox.
type Approx struct {
	// Candidates is how many rows per row are re-ranked exactly: those
	// whose signatures differ from its own in the fewest bits. 0 means
	// max(100, 40·k). (On 5,000 reports and k 10, 300 candidates find 93%
	// of the true neighbours, 100 find 78%.)
	Candidates int
	// Seed fixes the random hyperplanes: the same seed, the same result.
	Seed uint64
}

// PerRow is how many rows per row are re-ranked exactly when looking for
// k neighbours: Candidates, or when 0 max(100, 40·k).
func (a Approx) PerRow(k int) int {
	if a.Candidates > 0 {
		return a.Candidates
	}
	return max(100, 40*k)
}

// SignatureBits is the length of the random-projection signatures.
const SignatureBits = 256

// TopKApprox finds, for every row of x, k near neighbours by cosine
// without scoring every pair: candidates from random projections, then
// exact re-ranking (an approximate method: a true neighbour missed by the
// candidates is missed; opt-in, and its output says so).
//
// Each row gets a signature of SignatureBits bits, bit b the sign of the
// row's product with a random hyperplane r_b (entries ±1, from a hash of
// column, bit and Seed): for two rows at angle θ, a bit differs with
// probability θ/π (Charikar 2002, "Similarity estimation techniques from
// rounding algorithms", STOC), so the number of differing bits ranks the
// other rows by estimated angle. That estimate is coarse (256 bits give
// the angle to about ±0.1 radian), so many rows are kept: for row i the
// Candidates rows nearest in that count (ties by index) are scored
// exactly — the product summed over
// the shared columns in ascending order, as TopK sums it, so a score here
// is TopK's to the bit — and the best k kept, sorted as TopK sorts them.
// A row's result is TopK's whenever its true k nearest are among its
// candidates. Time O(nnz·bits + n²·bits/64 + n·Candidates·row length);
// memory O(n·bits/8 + Cols·bits) beyond x. It stops, returning ctx's
// error, when ctx is done.
func TopKApprox(ctx context.Context, x *sparse.CSR, k int, opt Approx, workers int) ([][]Neighbor, error) {
	x.MustValid()
	n := x.Rows
	out, k, done, err := startTopK(ctx, n, k)
	if done {
		return out, err
	}
	m := max(min(opt.PerRow(k), n-1), k)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	norms := x.RowNorms()
	sig := signatures(x, opt.Seed, workers)
	const words = SignatureBits / 64
	var next atomic.Int64
	var wg sync.WaitGroup
	const block = 16
	for range workers {
		wg.Go(func() {
			dist := make([]uint16, n)
			dense, mark := make([]float64, x.Cols), make([]int32, x.Cols)
			cand := make([]int, 0, m)
			for {
				lo := int(next.Add(block)) - block
				if lo >= n || ctx.Err() != nil {
					return
				}
				for i := lo; i < min(lo+block, n); i++ {
					if norms[i] == 0 {
						continue
					}
					si := sig[i*words : (i+1)*words]
					var hist [SignatureBits + 1]int
					for j := range n {
						sj := sig[j*words : (j+1)*words]
						d := 0
						for w, s := range sj {
							d += bits.OnesCount64(si[w] ^ s)
						}
						dist[j] = uint16(d)
						if j != i && norms[j] > 0 {
							hist[d]++
						}
					}
					cand = nearestBySignature(dist, hist[:], norms, i, m, cand[:0])
					out[i] = rerank(x, norms, dense, mark, i, cand, k)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// nearestBySignature returns the m rows (not i, not zero) whose
// signatures differ least from row i's (dist), ties to the lower index;
// hist counts those rows by distance.
func nearestBySignature(dist []uint16, hist []int, norms []float64, i, m int, cand []int) []int {
	t, below := 0, 0 // rows at a distance < t number below < m ≤ below + hist[t]
	for below+hist[t] < m && t < len(hist)-1 {
		below += hist[t]
		t++
	}
	atT := m - below
	for j, d := range dist {
		if j == i || norms[j] == 0 || int(d) > t {
			continue
		}
		if int(d) == t {
			if atT == 0 {
				continue
			}
			atT--
		}
		cand = append(cand, j)
	}
	return cand
}

// rerank scores row i against each candidate exactly and returns the best
// k sharing a column with it, sorted as TopK sorts them. dense and mark
// are scratch rows of x's columns, dense zero on entry and on return;
// row i's values are scattered into dense, where mark[c] is i+1.
func rerank(x *sparse.CSR, norms, dense []float64, mark []int32, i int, cand []int, k int) []Neighbor {
	ind, val := x.Row(i)
	stamp := int32(i + 1)
	for p, c := range ind {
		dense[c], mark[c] = val[p], stamp
	}
	t := newRowHeaps(1, k)
	for _, j := range cand {
		// the shared columns in ascending order, as TopK sums them
		jind, jval := x.Row(j)
		var dot float64
		shared := false
		for p, c := range jind {
			if mark[c] == stamp {
				dot += dense[c] * jval[p]
				shared = true
			}
		}
		if !shared {
			continue
		}
		if s := sparse.Cosine(dot, norms[i], norms[j]); s >= t.floor[0] {
			t.offer(0, Neighbor{Index: j, Score: s})
		}
	}
	for _, c := range ind {
		dense[c] = 0
	}
	res := append([]Neighbor{}, t.h[0]...)
	sortNeighbors(res)
	return res
}

// signatures returns every row's signature, SignatureBits/64 words a row.
func signatures(x *sparse.CSR, seed uint64, workers int) []uint64 {
	const words = SignatureBits / 64
	// plane[c·bits + b] is r_b's entry at column c: ±1
	plane := make([]float32, x.Cols*SignatureBits)
	for c := range x.Cols {
		for w := range words {
			h := splitmix(seed ^ splitmix(uint64(c)*words+uint64(w)+1))
			for b := range 64 {
				s := float32(1)
				if h>>b&1 == 0 {
					s = -1
				}
				plane[c*SignatureBits+w*64+b] = s
			}
		}
	}
	sig := make([]uint64, x.Rows*words)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var acc [SignatureBits]float32
			for {
				i := int(next.Add(1)) - 1
				if i >= x.Rows {
					return
				}
				acc = [SignatureBits]float32{}
				ind, val := x.Row(i)
				for p, c := range ind {
					v := float32(val[p])
					r := plane[c*SignatureBits : (c+1)*SignatureBits]
					for b := range acc {
						acc[b] += v * r[b]
					}
				}
				for b, a := range acc {
					if a > 0 {
						sig[i*words+b/64] |= 1 << (b % 64)
					}
				}
			}
		})
	}
	wg.Wait()
	return sig
}

// splitmix is SplitMix64's output function (Steele, Lea, Flood 2014).
func splitmix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
