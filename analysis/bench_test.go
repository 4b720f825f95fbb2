package analysis

import (
	"testing"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/internal/testkit"

	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/reports"
)

// BenchmarkCleanAndCount measures what `tifa count` does per report on one
// core: decode, clean, and count the built-in lexicon's slogans. MB/s is
// of raw report bytes.
func BenchmarkCleanAndCount(b *testing.B) {
	raws := testkit.CorpusFiles(b, "national")
	lex := testkit.Builtin(b)
	counter := NewCounter(lex, reports.PartAll)
	var size int64
	for _, r := range raws {
		size += int64(len(r))
	}
	b.SetBytes(size)
	for b.Loop() {
		mentions := 0
		for _, raw := range raws {
			text, _, err := decode.Decode(raw)
			if err != nil {
				b.Fatal(err)
			}
			d := &reports.Document{Text: clean.Clean(text)}
			for _, sc := range counter.Count(d).Slogans {
				mentions += sc.Count
			}
		}
		if mentions < 2000 {
			b.Fatalf("only %d mentions in the national reports", mentions)
		}
	}
}
