package cooccur

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/tifa-project/tifa/internal/corpustest"
)

// randomWindows returns n windows of up to 2·m terms drawn from a Zipf law
// (s = 1.1) over nTerms terms, like paragraphs of a report.
func randomWindows(seed uint64, n, nTerms, m int) [][]int32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	z := rand.NewZipf(rng, 1.1, 1, uint64(nTerms-1))
	w := make([][]int32, n)
	for i := range w {
		for range rng.IntN(2*m + 1) {
			w[i] = append(w[i], int32(z.Uint64()))
		}
	}
	return w
}

// BenchmarkCount measures Count by size class. "slogans" is the corpus
// shape of `tifa cooccur` (383 reports ≈ 40,000 paragraphs, a few of the
// 380 slogans in each); "words" adds ordinary words (--words): 40,000
// paragraphs of up to 60 distinct words from 40,000.
func BenchmarkCount(b *testing.B) {
	cases := []struct {
		name         string
		n, nTerms, m int
	}{
		{"slogans/paragraphs=4000", 4000, 380, 2},
		{"slogans/paragraphs=40000", 40000, 380, 2},
		{"words/paragraphs=4000", 4000, 40000, 30},
		{"words/paragraphs=40000", 40000, 40000, 30},
	}
	for _, c := range cases {
		w := randomWindows(1, c.n, c.nTerms, c.m)
		var tokens int
		for _, x := range w {
			tokens += len(x)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(tokens) * 4)
			for b.Loop() {
				res, err := Count(w, c.nTerms, Options{MinCount: 2, SortBy: ByNPMI})
				if err != nil || len(res.Pairs) == 0 || res.Pairs[0].NPMI < res.Pairs[len(res.Pairs)-1].NPMI {
					b.Fatalf("%v, %d pairs", err, len(res.Pairs))
				}
			}
		})
	}
}

func BenchmarkCommunities(b *testing.B) {
	for _, nTerms := range []int{380, 4000} {
		res, err := Count(randomWindows(2, 40000, nTerms, 3), nTerms, Options{MinCount: 3})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("terms=%d/pairs=%d", nTerms, len(res.Pairs)), func(b *testing.B) {
			for b.Loop() {
				p, err := Communities(nTerms, res.Pairs, ByCount, 1, 1)
				if err != nil || len(p.Of) != nTerms {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCooccurCorpus is `tifa cooccur` on the shared corpus: the
// slogans of its 29,832 paragraphs (and, "words", every term: --words),
// pairs found together at least twice, then communities. It skips without
// ../shared.
func BenchmarkCooccurCorpus(b *testing.B) {
	c := corpustest.Load(b)
	var slogans []int32
	for t, e := range c.Entry {
		if e >= 0 {
			slogans = append(slogans, int32(t))
		}
	}
	for _, tc := range []struct {
		name  string
		terms []int32
	}{{"slogans", slogans}, {"words", nil}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(c.Bytes)
			cpu0 := corpustest.CPUTime()
			for b.Loop() {
				res, err := Count(c.Lines, len(c.Vocab), Options{Terms: tc.terms, MinCount: 2, SortBy: ByNPMI})
				if err != nil || len(res.Pairs) == 0 {
					b.Fatal(err)
				}
				if tc.terms == nil {
					b.ReportMetric(float64(len(res.Pairs)), "pairs")
					continue // communities of millions of word pairs are not asked for
				}
				if _, err := Communities(len(c.Vocab), res.Pairs, ByCount, 1, 1); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(res.Pairs)), "pairs")
			}
			b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
		})
	}
}
