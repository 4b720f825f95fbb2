package wordvec

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/tifa-project/tifa/internal/corpustest"
)

// BenchmarkTrain measures Train with DefaultOptions by size class on
// Zipf-distributed paragraphs (s = 1.1): 30 reports (3,000 paragraphs of
// 60 tokens) and the shared corpus's scale (30,000 paragraphs of 70
// tokens, 2.1 million tokens over 43,000 terms).
func BenchmarkTrain(b *testing.B) {
	for _, c := range []struct{ paragraphs, perPara, terms int }{
		{3000, 60, 20000},
		{30000, 70, 43000},
	} {
		rng := rand.New(rand.NewPCG(1, 1))
		z := rand.NewZipf(rng, 1.1, 1, uint64(c.terms-1))
		windows := make([][]int32, c.paragraphs)
		for i := range windows {
			for range c.perPara {
				windows[i] = append(windows[i], int32(z.Uint64()))
			}
		}
		b.Run(fmt.Sprintf("tokens=%d", c.paragraphs*c.perPara), func(b *testing.B) {
			b.SetBytes(int64(c.paragraphs * c.perPara * 4))
			cpu0 := corpustest.CPUTime()
			for b.Loop() {
				m, err := Train(windows, c.terms, DefaultOptions())
				if err != nil || len(m.Values) != 100 || !(m.Values[0] >= m.Values[99]) {
					b.Fatal(err)
				}
			}
			b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkExpandCorpus is `tifa expand` on the shared corpus: training
// on its paragraphs and one query; it skips without ../shared.
func BenchmarkExpandCorpus(b *testing.B) {
	c := corpustest.Load(b)
	terms, _ := slogans(c)
	b.SetBytes(c.Bytes)
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		m, err := Train(c.Lines, len(c.Vocab), DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		var q []int32
		for _, t := range terms {
			if m.Row(t) >= 0 {
				q = append(q, t)
				break
			}
		}
		if near, err := m.Nearest(q, 20, nil); err != nil || len(near) != 20 {
			b.Fatal(err)
		}
	}
	b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
}
