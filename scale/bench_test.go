package scale

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/internal/corpustest"
)

// BenchmarkWordfish measures FitWordfish (no bootstrap) by size class on
// counts simulated from the model: 30 reports, and the shape of the
// shared corpus (383 reports × the 5,000 commonest terms, and × the
// 18,000 terms with at least 5 tokens).
func BenchmarkWordfish(b *testing.B) {
	for _, c := range [][2]int{{30, 2000}, {383, 5000}, {383, 18000}} {
		s := simulate(1, c[0], c[1], -1)
		b.Run(fmt.Sprintf("docs=%d/terms=%d", c[0], c[1]), func(b *testing.B) {
			b.SetBytes(int64(len(s.y.Val)) * 12)
			cpu0 := corpustest.CPUTime()
			for b.Loop() {
				w, err := FitWordfish(s.y, WordfishOptions{})
				if err != nil || len(w.Theta) != c[0] {
					b.Fatal(err)
				}
			}
			b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
		})
	}
}

func BenchmarkCA(b *testing.B) {
	for _, c := range [][2]int{{30, 2000}, {383, 5000}, {383, 18000}} {
		s := simulate(1, c[0], c[1], -1)
		b.Run(fmt.Sprintf("docs=%d/terms=%d", c[0], c[1]), func(b *testing.B) {
			b.SetBytes(int64(len(s.y.Val)) * 12)
			for b.Loop() {
				ca, err := FitCA(s.y, 2)
				if err != nil || !(ca.Share[0] > ca.Share[1]) {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScaleCorpus is `tifa scale` on the shared corpus, Wordfish then
// CA, on the 383 reports × the terms found in at least 5 of them, and ×
// the 5,000 terms found in the most reports; it skips without ../shared.
func BenchmarkScaleCorpus(b *testing.B) {
	c := corpustest.Load(b)
	for _, maxTerms := range []int{0, 5000} {
		y := corpusCounts(b, c, 5, maxTerms)
		b.Run(fmt.Sprintf("terms=%d", y.Cols), func(b *testing.B) {
			b.SetBytes(c.Bytes)
			cpu0 := corpustest.CPUTime()
			for b.Loop() {
				w, err := FitWordfish(y, WordfishOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := FitCA(y, 2); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(w.Iterations), "rounds")
			}
			b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
		})
	}
}

// corpusCounts counts the corpus's terms found in at least minDF reports
// and, when maxTerms > 0, among them the maxTerms found in the most
// reports (ties by term id).
func corpusCounts(tb testing.TB, c *corpustest.Corpus, minDF, maxTerms int) *Counts {
	df := make([]int, len(c.Vocab))
	for _, d := range c.Docs {
		seen := map[int32]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	var keep []int
	for t, f := range df {
		if f >= minDF {
			keep = append(keep, t)
		}
	}
	if maxTerms > 0 && len(keep) > maxTerms {
		slices.SortStableFunc(keep, func(a, b int) int { return df[b] - df[a] })
		keep = keep[:maxTerms]
		slices.Sort(keep)
	}
	id := make([]int32, len(c.Vocab))
	for t := range id {
		id[t] = -1
	}
	n := int32(len(keep))
	for i, t := range keep {
		id[t] = int32(i)
	}
	docs := make([][]int32, len(c.Docs))
	for i, d := range c.Docs {
		for _, t := range d {
			if id[t] >= 0 {
				docs[i] = append(docs[i], id[t])
			}
		}
	}
	y, err := CountsFromDocs(docs, int(n))
	if err != nil {
		tb.Fatal(err)
	}
	return y
}

// BenchmarkWordfishBootstrap measures FitWordfish with 20 bootstrap
// replicates on counts of the shared corpus's shape (383 reports × 5,000
// terms), simulated from the model.
func BenchmarkWordfishBootstrap(b *testing.B) {
	s := simulate(1, 383, 5000, -1)
	b.SetBytes(int64(len(s.y.Val)) * 12)
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		w, err := FitWordfish(s.y, WordfishOptions{Bootstrap: 20})
		if err != nil || len(w.Replicates) != 20 {
			b.Fatal(err)
		}
	}
	b.ReportMetric((corpustest.CPUTime()-cpu0)/float64(b.N), "cpu-s/op")
}
