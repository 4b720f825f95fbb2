package testkit

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/reports"
)

// CorpusFiles returns the raw bytes of the real reports under
// ../../shared/corpus/SUB (the path from a package folder), skipping the
// test or benchmark when they are absent.
func CorpusFiles(tb testing.TB, sub string) [][]byte {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", sub, "*.txt"))
	if len(paths) == 0 {
		tb.Skip("../shared/corpus not present")
	}
	var raws [][]byte
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		raws = append(raws, raw)
	}
	return raws
}

// CorpusDocs returns the real reports under ../../shared/corpus/SUB,
// decoded and cleaned (IDs are their indices), and their total size in
// bytes, skipping the test or benchmark when they are absent.
func CorpusDocs(tb testing.TB, sub string) ([]*reports.Document, int64) {
	tb.Helper()
	var docs []*reports.Document
	var size int64
	for i, raw := range CorpusFiles(tb, sub) {
		text, _, err := decode.Decode(raw)
		if err != nil {
			tb.Fatal(err)
		}
		d := &reports.Document{ID: strconv.Itoa(i), Text: clean.Clean(text)}
		docs = append(docs, d)
		size += int64(len(d.Text))
	}
	return docs, size
}
