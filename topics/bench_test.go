package topics

import (
	"fmt"
	"testing"

	"github.com/tifa-project/tifa/internal/corpustest"
)

// BenchmarkFit measures Gibbs sweeps by size class on synthetic
// documents: 30 reports and the scale of the shared corpus (383 reports,
// 2.1 million tokens after stopwords, 43,000 terms), with k = 20. Each op runs 20 sweeps; the
// s/200sweeps metric extrapolates to DefaultIterations (200).
func BenchmarkFit(b *testing.B) {
	for _, c := range []struct{ docs, perDoc, terms int }{
		{30, 5600, 20000},
		{383, 5600, 43000},
	} {
		syn := newSynthetic(1, c.docs, c.terms, 20, c.perDoc, 0.3, 0.05)
		var tokens int
		for _, d := range syn.docs {
			tokens += len(d)
		}
		for _, shards := range []int{1, DefaultShards} {
			b.Run(fmt.Sprintf("docs=%d/tokens=%d/shards=%d", c.docs, tokens, shards), func(b *testing.B) {
				const sweeps = 20
				b.SetBytes(int64(tokens) * 4 * sweeps)
				for b.Loop() {
					m, err := Fit(syn.docs, c.terms, Options{K: 20, Iterations: sweeps, Seed: 1, Shards: shards})
					if err != nil || m.Topics != 20 {
						b.Fatal(err)
					}
				}
				perSweep := b.Elapsed().Seconds() / float64(b.N) / sweeps
				b.ReportMetric(perSweep*DefaultIterations, "s/200sweeps")
				b.ReportMetric(perSweep*1e9/float64(tokens), "ns/token/sweep")
			})
		}
	}
}

// BenchmarkPerplexity measures document completion on 40 held-out
// reports of 9,000 tokens with k = 20 and 100 fold-in sweeps.
func BenchmarkPerplexity(b *testing.B) {
	syn := newSynthetic(2, 140, 20000, 20, 9000, 0.3, 0.05)
	m, err := Fit(syn.docs[:100], 20000, Options{K: 20, Iterations: 20, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		p, err := m.Perplexity(syn.docs[100:], 100, 1)
		if err != nil || !(p > 1) {
			b.Fatal(p, err)
		}
	}
}

// BenchmarkSweep measures one Gibbs sweep alone at corpus scale (k = 20,
// 2.1 million tokens, one shard), reporting CPU time per token as well as
// wall time, so a loaded machine does not hide a change to the kernel.
func BenchmarkSweep(b *testing.B) {
	syn := newSynthetic(1, 383, 43000, 20, 5600, 0.3, 0.05)
	c, err := flatten(syn.docs, 43000)
	if err != nil {
		b.Fatal(err)
	}
	o, err := Options{K: 20, Iterations: 1, Seed: 1, Shards: 1}.resolve(len(syn.docs))
	if err != nil {
		b.Fatal(err)
	}
	s, err := newSampler(c, 43000, o)
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		s.sweep()
	}
	b.ReportMetric((corpustest.CPUTime()-cpu0)*1e9/float64(b.N)/float64(len(c.words)), "cpu-ns/token")
	if n := sum64(s.nk); n != int64(len(c.words)) {
		b.Fatalf("topic counts sum to %d, want %d tokens", n, len(c.words))
	}
}

func sum64(x []int64) int64 {
	var s int64
	for _, v := range x {
		s += v
	}
	return s
}

// BenchmarkFitCorpus is `tifa topics --k 20` on the shared corpus (383
// reports, every token the segmenter keeps), DefaultIterations sweeps;
// it skips without ../shared. Run with -benchtime 1x.
func BenchmarkFitCorpus(b *testing.B) {
	c := corpustest.Load(b)
	b.SetBytes(c.Bytes)
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		m, err := Fit(c.Docs, len(c.Vocab), Options{K: 20, Iterations: DefaultIterations, Seed: 1})
		if err != nil || m.Topics != 20 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Tokens()), "tokens")
	b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
}
