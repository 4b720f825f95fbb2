package analysis

import (
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// BenchmarkCleanAndCount measures what `tifa count` does per report on one
// core: decode, clean, and count the built-in lexicon's slogans. MB/s is
// of raw report bytes.
func BenchmarkCleanAndCount(b *testing.B) {
	raws := testkit.CorpusFiles(b, "national")
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
	raws := testkit.CorpusFiles(b, "national")
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
