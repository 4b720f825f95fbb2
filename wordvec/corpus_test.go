package wordvec

import (
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/internal/corpustest"
)

// slogans returns the corpus's slogan term ids and their lexicon
// categories.
func slogans(c *corpustest.Corpus) ([]int32, []string) {
	var terms []int32
	var cats []string
	for t, e := range c.Entry {
		if e >= 0 {
			terms = append(terms, int32(t))
			cats = append(cats, c.Lexicon.Entries[e].Category)
		}
	}
	return terms, cats
}

// TestCategoryCheckCorpus is the acceptance test of the embedding choice:
// on the shared corpus (paragraph windows), slogans of one lexicon
// category must sit closer together than slogans of different ones, and a
// slogan's nearest slogan must share its category well above chance. It
// skips without ../shared. With TIFA_WORDVEC_GRID=1 it also logs the check
// for a grid of options and for raw PPMI rows (no SVD), the comparison
// behind DefaultOptions.
func TestCategoryCheckCorpus(t *testing.T) {
	c := corpustest.Load(t)
	terms, cats := slogans(c)
	run := func(name string, windows [][]int32, opt Options) *Check {
		start := time.Now()
		m, err := Train(windows, len(c.Vocab), opt)
		if err != nil {
			t.Fatal(err)
		}
		ch, err := CategoryCheck(m, terms, cats)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-34s %d slogans in %d categories (%d too rare): within %.3f between %.3f gap %.3f; nearest-slogan accuracy %.3f (chance %.3f); %d terms, %.1f s",
			name, ch.Terms, ch.Categories, ch.Missing, ch.Within, ch.Between, ch.Gap, ch.Accuracy, ch.Chance, len(m.Terms), time.Since(start).Seconds())
		return ch
	}
	ch := run("default (paragraphs)", c.Lines, DefaultOptions())
	if ch.Gap < 0.05 || ch.Accuracy < 2*ch.Chance {
		t.Errorf("gap %.3f (want ≥ 0.05), accuracy %.3f (want ≥ 2 × chance %.3f)", ch.Gap, ch.Accuracy, ch.Chance)
	}
	if os.Getenv("TIFA_WORDVEC_GRID") == "" {
		return
	}
	for _, window := range []int{2, 5, 10} {
		for _, dims := range []int{50, 100, 300} {
			o := DefaultOptions()
			o.Window, o.Dims = window, dims
			run(fmt.Sprintf("window %d, dims %d", window, dims), c.Lines, o)
		}
	}
	for _, p := range []float64{0, 1} {
		o := DefaultOptions()
		o.Power = p
		run(fmt.Sprintf("power %g", p), c.Lines, o)
	}
	run("sentences", c.Sentences, DefaultOptions())
	rawPPMI(t, c, c.Lines, terms, cats)
}

// rawPPMI logs the check on the slogans' unit-length PPMI rows (the
// sparse vectors before the SVD).
func rawPPMI(t *testing.T, c *corpustest.Corpus, windows [][]int32, terms []int32, cats []string) {
	o := DefaultOptions()
	m := &Model{row: make([]int32, len(c.Vocab))}
	count := c.Freq()
	for i, n := range count {
		m.row[i] = -1
		if n >= o.MinCount {
			m.row[i] = int32(len(m.Terms))
			m.Terms = append(m.Terms, int32(i))
		}
	}
	p := ppmiMatrix(cooccurrences(windows, m.row, len(m.Terms), o.Window, 0), o.Smoothing)
	// Keep the slogans' rows only, densely.
	sub := &Model{row: make([]int32, len(c.Vocab))}
	for i := range sub.row {
		sub.row[i] = -1
	}
	var rows [][]float64
	for _, t := range terms {
		r := m.row[t]
		if r < 0 {
			continue
		}
		v := make([]float64, len(m.Terms))
		var norm float64
		for k := p.ptr[r]; k < p.ptr[r+1]; k++ {
			v[p.col[k]] = p.val[k]
			norm += p.val[k] * p.val[k]
		}
		for k := range v {
			v[k] /= math.Sqrt(norm)
		}
		sub.row[t] = int32(len(rows))
		rows = append(rows, v)
	}
	sub.Vectors = mat.NewDense(len(rows), len(m.Terms), nil)
	for i, r := range rows {
		sub.Vectors.SetRow(i, r)
	}
	ch, err := CategoryCheck(sub, terms, cats)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%-34s %d slogans: within %.3f between %.3f gap %.3f; nearest-slogan accuracy %.3f (chance %.3f)",
		"raw PPMI rows (no SVD)", ch.Terms, ch.Within, ch.Between, ch.Gap, ch.Accuracy, ch.Chance)
}
