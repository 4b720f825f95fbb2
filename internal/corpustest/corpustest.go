// Package corpustest loads the shared corpus (../shared/corpus beside the
// repository) as term-id documents for the acceptance tests and
// benchmarks of the methods packages (topics, scale, cooccur, wordvec),
// which take plain term ids; it skips the calling test when the corpus is
// absent. It also measures CPU time for their benchmarks. Only tests
// import it.
//
// Tokens come from analysis.Segmenter with the built-in lexicon and
// stopwords, so a slogan is one token. (The segmenter moves to segment/
// with issue 13; only this file follows it.)
package corpustest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
)

// Corpus is the shared corpus as term ids.
type Corpus struct {
	Vocab     []string         // term id → word; slogans appear as their canonical form
	Entry     []int            // term id → lexicon entry index, −1 for an ordinary word
	Lexicon   *lexicon.Lexicon // the built-in lexicon
	Docs      [][]int32        // one per report, tokens in text order
	Meta      []reports.Meta   // one per report
	IDs       []string         // one per report
	Lines     [][]int32        // paragraph windows: the tokens of each non-empty line of every report
	Sentences [][]int32        // sentence windows: lines cut after 。！？；
	Bytes     int64            // size of the cleaned texts
}

// Freq returns the number of tokens of every term id.
func (c *Corpus) Freq() []int {
	f := make([]int, len(c.Vocab))
	for _, d := range c.Docs {
		for _, t := range d {
			f[t]++
		}
	}
	return f
}

// Tokens returns the total number of tokens.
func (c *Corpus) Tokens() int {
	n := 0
	for _, d := range c.Docs {
		n += len(d)
	}
	return n
}

var (
	once   sync.Once
	corpus *Corpus
	err    error
)

// Dir is the corpus directory, relative to a package directory of the
// repository.
var Dir = filepath.Join("..", "..", "shared", "corpus")

// Load returns the corpus, segmenting it on first use (a few seconds),
// and skips tb when the corpus is absent.
func Load(tb testing.TB) *Corpus {
	tb.Helper()
	if _, e := os.Stat(filepath.Join(Dir, "manifest.csv")); e != nil {
		tb.Skipf("corpus %s absent", Dir)
	}
	once.Do(func() { corpus, err = load() })
	if err != nil {
		tb.Fatal(err)
	}
	return corpus
}

func load() (*Corpus, error) {
	docs, _, err := reports.Load([]string{Dir}, reports.Options{})
	if err != nil {
		return nil, err
	}
	entries, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	lex, _, err := lexicon.New(entries)
	if err != nil {
		return nil, err
	}
	seg, err := segment.NewSegmenter(lex, segment.DefaultStopwords())
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(docs))
	c := &Corpus{Lexicon: lex}
	for i, d := range docs {
		texts[i] = d.Text
		c.Meta = append(c.Meta, d.Meta)
		c.IDs = append(c.IDs, d.ID)
		c.Bytes += int64(len(d.Text))
	}
	index := map[string]int32{}
	for _, text := range texts {
		toks := seg.Tokens(text)
		doc := make([]int32, 0, len(toks))
		var line, sentence []int32
		prev := 0 // end of the previous token
		flush := func(w *[][]int32, cur *[]int32) {
			if len(*cur) > 0 {
				*w = append(*w, *cur)
				*cur = nil
			}
		}
		for _, tk := range toks {
			gap := text[prev:tk.Start]
			if strings.Contains(gap, "\n") {
				flush(&c.Lines, &line)
				flush(&c.Sentences, &sentence)
			} else if strings.ContainsAny(gap, "。！？；!?;") {
				flush(&c.Sentences, &sentence)
			}
			prev = tk.End
			id, ok := index[tk.Text]
			if !ok {
				id = int32(len(c.Vocab))
				index[tk.Text] = id
				c.Vocab = append(c.Vocab, tk.Text)
				c.Entry = append(c.Entry, -1)
			}
			if tk.Entry >= 0 {
				c.Entry[id] = tk.Entry
			}
			doc = append(doc, id)
			line = append(line, id)
			sentence = append(sentence, id)
		}
		flush(&c.Lines, &line)
		flush(&c.Sentences, &sentence)
		c.Docs = append(c.Docs, doc)
	}
	return c, nil
}

// CPUTime returns the process's user + system CPU seconds, for benchmarks
// that report CPU time beside wall time: on a machine shared with other
// work, wall time says little about a change to a kernel.
func CPUTime() float64 { return extracttest.CPUTime().Seconds() }
