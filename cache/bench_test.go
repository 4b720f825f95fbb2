package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"unicode"

	"github.com/tifa-project/tifa/reports"
)

// benchDocs loads the real State Council reports of ../shared/corpus
// (57 files), skipping the benchmark when they are absent.
func benchDocs(b *testing.B) [][]*reports.Document {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "national")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("../shared/corpus not present")
	}
	src, err := reports.Open([]string{dir}, reports.Options{})
	if err != nil {
		b.Fatal(err)
	}
	byPath := map[string][]*reports.Document{}
	var paths []string
	err = src.Each(func(d *reports.Document) error {
		if byPath[d.Path] == nil {
			paths = append(paths, d.Path)
		}
		byPath[d.Path] = append(byPath[d.Path], d)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]*reports.Document, len(paths))
	for i, p := range paths {
		out[i] = byPath[p]
	}
	return out
}

// textBytes sums the bytes of the documents' texts: MB/s is of cleaned text.
func textBytes(files [][]*reports.Document) int64 {
	var n int64
	for _, docs := range files {
		for _, d := range docs {
			n += int64(len(d.Text))
		}
	}
	return n
}

// bigramTerms gives a document term counts shaped like the words space's:
// every pair of adjacent Han characters, a few thousand distinct terms.
func bigramTerms(d *reports.Document) (terms []string, counts, entries []int) {
	count := map[string]int{}
	var prev rune
	for _, r := range d.Text {
		if unicode.Is(unicode.Han, r) && prev != 0 {
			count[string(prev)+string(r)]++
		}
		prev = 0
		if unicode.Is(unicode.Han, r) {
			prev = r
		}
	}
	for t := range count {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		counts = append(counts, count[t])
		entries = append(entries, -1)
	}
	return terms, counts, entries
}

func BenchmarkEncodeDocs(b *testing.B) {
	files := benchDocs(b)
	b.SetBytes(textBytes(files))
	for b.Loop() {
		for _, docs := range files {
			if v := encodeDocs(docs); len(v) < len(docs[0].Text) {
				b.Fatal("encoding shorter than the text")
			}
		}
	}
}

func BenchmarkDecodeDocs(b *testing.B) {
	files := benchDocs(b)
	vals := make([][]byte, len(files))
	for i, docs := range files {
		vals[i] = encodeDocs(docs)
	}
	b.SetBytes(textBytes(files))
	for b.Loop() {
		for i, v := range vals {
			p, err := unseal(kindDocs, v)
			if err != nil {
				b.Fatal(err)
			}
			docs, err := decodeDocs(p)
			if err != nil || docs[0].Text != files[i][0].Text {
				b.Fatalf("decoded %d: %v", i, err)
			}
		}
	}
}

// BenchmarkPutDocs measures a cold run's cache writes: every file's
// documents queued and committed in batches to a new database.
func BenchmarkPutDocs(b *testing.B) {
	files := benchDocs(b)
	b.SetBytes(textBytes(files))
	for b.Loop() {
		c, err := Open(b.TempDir(), Options{Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		for i, docs := range files {
			c.PutDocs(fmt.Sprint("file", i), docs)
		}
		if err := c.Close(); err != nil {
			b.Fatal(err)
		}
		if s := c.Stats(); s.Puts != len(files) || s.Commits == 0 {
			b.Fatalf("stats %+v", s)
		}
	}
}

// BenchmarkGetDocs measures a warm run's reads of every file's documents.
func BenchmarkGetDocs(b *testing.B) {
	files := benchDocs(b)
	c, err := Open(b.TempDir(), Options{Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	for i, docs := range files {
		c.PutDocs(fmt.Sprint("file", i), docs)
	}
	if err := c.Flush(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(textBytes(files))
	for b.Loop() {
		for i, want := range files {
			docs, ok := c.GetDocs(fmt.Sprint("file", i))
			if !ok || len(docs) != len(want) || !reflect.DeepEqual(docs[0].Sections, want[0].Sections) {
				b.Fatalf("file %d: hit %v", i, ok)
			}
		}
	}
}

// termRow is one document's term counts.
type termRow struct {
	terms           []string
	counts, entries []int
}

// benchTerms gives every document of benchDocs its bigram term counts and
// returns them with the bytes of their term text.
func benchTerms(b *testing.B) ([]termRow, int64) {
	var rows []termRow
	var size int64
	for _, docs := range benchDocs(b) {
		for _, d := range docs {
			t, c, e := bigramTerms(d)
			rows = append(rows, termRow{t, c, e})
			for _, s := range t {
				size += int64(len(s))
			}
		}
	}
	return rows, size
}

func BenchmarkEncodeTerms(b *testing.B) {
	rows, size := benchTerms(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, r := range rows {
			if v := encodeTerms(r.terms, r.counts, r.entries); len(v) < 3*len(r.terms) {
				b.Fatal("encoding too short")
			}
		}
	}
}

func BenchmarkDecodeTerms(b *testing.B) {
	rows, size := benchTerms(b)
	vals := make([][]byte, len(rows))
	for i, r := range rows {
		vals[i] = encodeTerms(r.terms, r.counts, r.entries)
	}
	b.SetBytes(size)
	for b.Loop() {
		for i, v := range vals {
			terms, counts, _, err := decodeTerms(v[headerLen:])
			if err != nil || len(terms) != len(rows[i].terms) || counts[len(counts)-1] != rows[i].counts[len(counts)-1] {
				b.Fatalf("row %d: %v", i, err)
			}
		}
	}
}

// BenchmarkPutGetTerms measures the terms entries of the same reports: one
// cold write of all and one warm read of all per iteration. MB/s is of
// term text.
func BenchmarkPutGetTerms(b *testing.B) {
	rows, size := benchTerms(b)
	b.SetBytes(size)
	for b.Loop() {
		c, err := Open(b.TempDir(), Options{Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		for i, r := range rows {
			c.PutTerms(fmt.Sprint("doc", i), r.terms, r.counts, r.entries)
		}
		if err := c.Flush(); err != nil {
			b.Fatal(err)
		}
		for i, r := range rows {
			terms, counts, _, ok := c.GetTerms(fmt.Sprint("doc", i))
			if !ok || len(terms) != len(r.terms) || counts[len(counts)-1] != r.counts[len(r.counts)-1] {
				b.Fatalf("doc %d: hit %v", i, ok)
			}
		}
		c.Close()
	}
}
