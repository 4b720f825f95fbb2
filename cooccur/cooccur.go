package cooccur

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Measure names the score pairs are sorted and weighted by.
type Measure int

// The measures; see the package documentation for their formulas.
const (
	ByCount Measure = iota
	ByJaccard
	ByNPMI
)

// String returns the measure's name as ParseMeasure reads it.
func (m Measure) String() string {
	switch m {
	case ByCount:
		return "count"
	case ByJaccard:
		return "jaccard"
	case ByNPMI:
		return "npmi"
	}
	return fmt.Sprintf("Measure(%d)", int(m))
}

// ParseMeasure reads "count", "jaccard" or "npmi".
func ParseMeasure(s string) (Measure, error) {
	for _, m := range []Measure{ByCount, ByJaccard, ByNPMI} {
		if s == m.String() {
			return m, nil
		}
	}
	return 0, fmt.Errorf("cooccur: measure %q: want count, jaccard or npmi", s)
}

// Pair is two terms that occur together in at least one window; A < B.
type Pair struct {
	A, B    int32
	Count   int     // n_ab: windows holding both
	Jaccard float64 // n_ab / (n_a + n_b − n_ab)
	NPMI    float64 // log(p_ab / (p_a p_b)) / −log p_ab
}

// Score returns the pair's value of measure m.
func (p Pair) Score(m Measure) float64 {
	switch m {
	case ByJaccard:
		return p.Jaccard
	case ByNPMI:
		return p.NPMI
	}
	return float64(p.Count)
}

// Options control Count. The zero value counts every term, keeps every
// pair and sorts by count.
type Options struct {
	// Terms restricts counting to these term ids (slogans, say); nil
	// counts every term. Duplicates are ignored.
	Terms []int32
	// MinCount drops pairs found together in fewer windows (0 means 1).
	MinCount int
	// SortBy orders the pairs, strongest first.
	SortBy Measure
	// Workers is the number of goroutines; < 1 means GOMAXPROCS. The
	// result does not depend on it.
	Workers int
}

// Result holds the counts of one call to Count.
type Result struct {
	Windows int     // N, the number of windows passed (empty ones too)
	Freq    []int   // n_a for every term id 0..nTerms−1 (0 for terms not counted)
	Pairs   []Pair  // sorted by SortBy, strongest first
	SortBy  Measure // the order of Pairs
}

// NPMI returns the normalised pointwise mutual information of two terms
// found together in nab of n windows, a in na and b in nb:
// log(p_ab/(p_a p_b)) / −log p_ab, −1 when nab = 0 and 1 when nab = n.
// It panics unless 0 ≤ nab ≤ min(na, nb) and max(na, nb) ≤ n, n > 0.
func NPMI(nab, na, nb, n int) float64 {
	if n <= 0 || nab < 0 || nab > na || nab > nb || na > n || nb > n {
		panic(fmt.Sprintf("cooccur: NPMI(%d, %d, %d, %d): counts out of range", nab, na, nb, n))
	}
	if nab == 0 {
		return -1
	}
	if nab == n {
		return 1
	}
	N := float64(n)
	pab := float64(nab) / N
	return math.Log(pab*N*N/(float64(na)*float64(nb))) / -math.Log(pab)
}

// Count counts the co-occurrences of terms within windows. Term ids must
// lie in [0, nTerms); an id outside it is an error naming the window. The
// work is Σ m_w²/2 over windows with m_w distinct counted terms, so pass
// paragraph or sentence windows, or restrict Terms, for large vocabularies.
func Count(windows [][]int32, nTerms int, opt Options) (*Result, error) {
	if nTerms < 0 {
		return nil, fmt.Errorf("cooccur: %d terms: must not be negative", nTerms)
	}
	if opt.MinCount < 0 {
		return nil, fmt.Errorf("cooccur: minimum count %d: must not be negative", opt.MinCount)
	}
	if opt.SortBy < ByCount || opt.SortBy > ByNPMI {
		return nil, fmt.Errorf("cooccur: sort by %v: unknown measure", opt.SortBy)
	}
	minCount := max(1, opt.MinCount)
	keep := make([]bool, nTerms)
	if opt.Terms == nil {
		for i := range keep {
			keep[i] = true
		}
	}
	for _, t := range opt.Terms {
		if t < 0 || int(t) >= nTerms {
			return nil, fmt.Errorf("cooccur: term %d: out of range [0, %d)", t, nTerms)
		}
		keep[t] = true
	}

	// The distinct counted terms of each window, sorted, in one flat slice.
	ptr := make([]int, 1, len(windows)+1)
	var terms []int32
	freq := make([]int, nTerms)
	for w, win := range windows {
		start := len(terms)
		for _, t := range win {
			if t < 0 || int(t) >= nTerms {
				return nil, fmt.Errorf("cooccur: window %d: term %d out of range [0, %d)", w, t, nTerms)
			}
			if keep[t] {
				terms = append(terms, t)
			}
		}
		seg := terms[start:]
		slices.Sort(seg)
		seg = slices.Compact(seg)
		terms = terms[:start+len(seg)]
		for _, t := range seg {
			freq[t]++
		}
		ptr = append(ptr, len(terms))
	}

	// Windows of each term (an inverted index, CSR), and each entry's
	// position inside its window so the scan starts just after the term.
	post := make([]int, nTerms+1)
	for _, t := range terms {
		post[t+1]++
	}
	for t := range nTerms {
		post[t+1] += post[t]
	}
	postWin := make([]int32, len(terms))
	postPos := make([]int32, len(terms))
	fill := slices.Clone(post[:nTerms])
	for w := range windows {
		for i := ptr[w]; i < ptr[w+1]; i++ {
			t := terms[i]
			postWin[fill[t]] = int32(w)
			postPos[fill[t]] = int32(i)
			fill[t]++
		}
	}

	pairs := countPairs(terms, ptr, post, postWin, postPos, nTerms, minCount, opt.Workers)
	n := len(windows)
	for i := range pairs {
		p := &pairs[i]
		na, nb := freq[p.A], freq[p.B]
		p.Jaccard = float64(p.Count) / float64(na+nb-p.Count)
		p.NPMI = NPMI(p.Count, na, nb, n)
	}
	sortPairs(pairs, opt.SortBy)
	return &Result{Windows: n, Freq: freq, Pairs: pairs, SortBy: opt.SortBy}, nil
}

// countPairs returns every pair (a < b) found together in at least
// minCount windows, ordered by a then b. Each worker takes terms a in
// blocks and counts their partners b > a in a dense array; blocks are
// joined in term order, so the result does not depend on workers.
func countPairs(terms []int32, ptr, post []int, postWin, postPos []int32, nTerms, minCount, workers int) []Pair {
	const block = 64
	nBlocks := (nTerms + block - 1) / block
	out := make([][]Pair, nBlocks)
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, nBlocks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			acc := make([]int32, nTerms)
			var touched []int32
			for b := int(next.Add(1) - 1); b < nBlocks; b = int(next.Add(1) - 1) {
				var res []Pair
				for a := b * block; a < min(nTerms, (b+1)*block); a++ {
					touched = touched[:0]
					for e := post[a]; e < post[a+1]; e++ {
						end := ptr[postWin[e]+1]
						for _, t := range terms[postPos[e]+1 : end] {
							if acc[t] == 0 {
								touched = append(touched, t)
							}
							acc[t]++
						}
					}
					slices.Sort(touched)
					for _, t := range touched {
						if int(acc[t]) >= minCount {
							res = append(res, Pair{A: int32(a), B: t, Count: int(acc[t])})
						}
						acc[t] = 0
					}
				}
				out[b] = res
			}
		})
	}
	wg.Wait()
	return slices.Concat(out...)
}

// sortPairs orders pairs by m, strongest first, then by A and B: a total
// order (no two pairs share A and B), so an unstable sort is deterministic.
func sortPairs(pairs []Pair, m Measure) {
	slices.SortFunc(pairs, func(x, y Pair) int {
		if c := cmp.Compare(y.Score(m), x.Score(m)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
}
