package topics

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tifa-project/tifa/internal/corpustest"
)

// TestExportForSklearn writes the document-term matrices that
// bench/lda_sklearn.py fits with scikit-learn's LatentDirichletAllocation,
// with this package's held-out perplexity on them, so both are scored on
// the same split by the same formula (document completion: every fifth
// document held out, its even tokens observed and its odd tokens scored).
// It runs only when TIFA_LDA_EXPORT names a directory:
//
//	TIFA_LDA_EXPORT=/tmp/lda go test -run ExportForSklearn -timeout 30m ./topics/
//	/usr/bin/python3 bench/lda_sklearn.py /tmp/lda
//
// Datasets: "synthetic" (10 known topics) and, when ../shared is present,
// "corpus" (the 383 reports, terms in at least 5 reports and at most half
// of them, k = 20).
func TestExportForSklearn(t *testing.T) {
	dir := os.Getenv("TIFA_LDA_EXPORT")
	if dir == "" {
		t.Skip("set TIFA_LDA_EXPORT=DIR to export for bench/lda_sklearn.py")
	}
	syn := newSynthetic(11, 500, 2000, 10, 300, 0.3, 0.05)
	exportLDA(t, filepath.Join(dir, "synthetic"), syn.docs, 2000, 10)
	if _, err := os.Stat(filepath.Join(corpustest.Dir, "manifest.csv")); err == nil {
		c := corpustest.Load(t)
		docs, vocab := trimByDocFreq(c.Docs, len(c.Vocab), 5, len(c.Docs)/2)
		exportLDA(t, filepath.Join(dir, "corpus"), docs, vocab, 20)
	}
}

// trimByDocFreq keeps the terms found in minDF..maxDF documents and
// renumbers them densely.
func trimByDocFreq(docs [][]int32, nTerms, minDF, maxDF int) ([][]int32, int) {
	df := make([]int, nTerms)
	seen := make([]int, nTerms)
	for d, doc := range docs {
		for _, w := range doc {
			if seen[w] != d+1 {
				seen[w] = d + 1
				df[w]++
			}
		}
	}
	id := make([]int32, nTerms)
	n := int32(0)
	for w, f := range df {
		id[w] = -1
		if f >= minDF && f <= maxDF {
			id[w] = n
			n++
		}
	}
	out := make([][]int32, len(docs))
	for d, doc := range docs {
		for _, w := range doc {
			if id[w] >= 0 {
				out[d] = append(out[d], id[w])
			}
		}
	}
	return out, int(n)
}

func exportLDA(t *testing.T, dir string, docs [][]int32, nTerms, k int) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var train, obs, eval [][]int32
	for d, doc := range docs {
		if d%5 != 4 {
			train = append(train, doc)
			continue
		}
		var o, e []int32
		for i, w := range doc {
			if i%2 == 0 {
				o = append(o, w)
			} else {
				e = append(e, w)
			}
		}
		obs, eval = append(obs, o), append(eval, e)
	}
	opt := Options{K: k, Iterations: DefaultIterations, Seed: 1}
	start := time.Now()
	m, err := Fit(train, nTerms, opt)
	if err != nil {
		t.Fatal(err)
	}
	fitSecs := time.Since(start).Seconds()
	theta, err := m.Infer(obs, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	ppl, err := m.HeldOutPerplexity(theta, eval)
	if err != nil {
		t.Fatal(err)
	}
	var tokens int
	for _, d := range train {
		tokens += len(d)
	}
	t.Logf("%s: %d training documents, %d tokens, %d terms, k %d: held-out perplexity %.2f, fit %.1f s",
		dir, len(train), tokens, nTerms, k, ppl, fitSecs)
	for name, rows := range map[string][][]int32{"train": train, "obs": obs, "eval": eval} {
		writeMatrixMarket(t, filepath.Join(dir, name+".mtx"), rows, nTerms)
	}
	meta, _ := json.MarshalIndent(map[string]any{
		"k": k, "alpha": m.Alpha, "beta": m.Beta, "iterations": opt.Iterations, "shards": DefaultShards,
		"train_docs": len(train), "heldout_docs": len(obs), "terms": nTerms, "train_tokens": tokens,
		"perplexity": ppl, "fit_seconds": fitSecs,
	}, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "tifa.json"), meta, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeMatrixMarket writes documents as a documents × terms count matrix
// in MatrixMarket coordinate format (1-based; scipy.io.mmread reads it).
func writeMatrixMarket(t *testing.T, path string, docs [][]int32, nTerms int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type cell struct{ d, w int }
	var cells []cell
	var counts []int
	for d, doc := range docs {
		c := map[int32]int{}
		var order []int32
		for _, w := range doc {
			if c[w] == 0 {
				order = append(order, w)
			}
			c[w]++
		}
		for _, w := range order {
			cells = append(cells, cell{d, int(w)})
			counts = append(counts, c[w])
		}
	}
	bw := bufio.NewWriter(f)
	fmt.Fprintf(bw, "%%%%MatrixMarket matrix coordinate integer general\n%d %d %d\n", len(docs), nTerms, len(cells))
	for i, c := range cells {
		fmt.Fprintf(bw, "%d %d %d\n", c.d+1, c.w+1, counts[i])
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}
