package analysis

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// corpusFiles returns the raw bytes of the real reports under
// ../../shared/corpus/SUB, skipping the benchmark when they are absent.
func corpusFiles(b *testing.B, sub string) [][]byte {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", sub, "*.txt"))
	if len(paths) == 0 {
		b.Skip("../shared/corpus not present")
	}
	var raws [][]byte
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	return raws
}

// corpusDocs returns the real reports under ../../shared/corpus/SUB,
// decoded and cleaned (IDs are their indices), and their total size in
// bytes, skipping the benchmark when they are absent.
func corpusDocs(b *testing.B, sub string) ([]*reports.Document, int64) {
	b.Helper()
	var docs []*reports.Document
	var size int64
	for i, raw := range corpusFiles(b, sub) {
		text, _, err := reports.Decode(raw)
		if err != nil {
			b.Fatal(err)
		}
		d := &reports.Document{ID: strconv.Itoa(i), Text: reports.Clean(text)}
		docs = append(docs, d)
		size += int64(len(d.Text))
	}
	return docs, size
}

// BenchmarkCleanAndCount measures what `tifa count` does per report on one
// core: decode, clean, and count the built-in lexicon's slogans. MB/s is
// of raw report bytes.
func BenchmarkCleanAndCount(b *testing.B) {
	raws := corpusFiles(b, "national")
	builtin, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	lex, _, err := lexicon.New(builtin)
	if err != nil {
		b.Fatal(err)
	}
	counter := NewCounter(lex, reports.PartAll)
	var size int64
	for _, r := range raws {
		size += int64(len(r))
	}
	b.SetBytes(size)
	for b.Loop() {
		mentions := 0
		for _, raw := range raws {
			text, _, err := reports.Decode(raw)
			if err != nil {
				b.Fatal(err)
			}
			d := &reports.Document{Text: reports.Clean(text)}
			for _, sc := range counter.Count(d).Slogans {
				mentions += sc.Count
			}
		}
		if mentions < 2000 {
			b.Fatalf("only %d mentions in the national reports", mentions)
		}
	}
}

// BenchmarkSegmentWords measures segmentation with the built-in lexicon on
// one goroutine, over cleaned national reports.
func BenchmarkSegmentWords(b *testing.B) {
	raws := corpusFiles(b, "national")
	builtin, _ := lexicon.Default()
	lex, _, _ := lexicon.New(builtin)
	seg, err := NewSegmenter(lex, DefaultStopwords())
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var size int64
	for _, raw := range raws[len(raws)-10:] {
		text, _, _ := reports.Decode(raw)
		texts = append(texts, reports.Clean(text))
		size += int64(len(texts[len(texts)-1]))
	}
	b.SetBytes(size)
	for b.Loop() {
		n := 0
		for _, t := range texts {
			n += len(seg.Tokens(t))
		}
		if n < 10000 {
			b.Fatalf("only %d tokens", n)
		}
	}
}
