package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// oldCopy copies the sample reports into a temporary folder with their
// modification times an hour back, so that their hashes are trusted on
// the next run (a file modified within infile.RacyMargin of its hashing
// is read again).
func oldCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(samples, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCorpusCache: vector commands run three times on one cache give the
// bytes (stdout and stderr, provenance included) of a run without it; the
// second and third read the corpus's vectors, or its matrix when only the
// weighting changed, and the vectors' Gram matrix from the cache (the
// first cluster run finds the Gram matrix similar kept). A changed report is not served
// stale.
func TestCorpusCache(t *testing.T) {
	dir := oldCopy(t)
	cache := t.TempDir()
	var hits []string
	corpusHit = func(kind string) { hits = append(hits, kind) }
	defer func() { corpusHit = nil }()
	tests := []struct {
		args []string
		want []string // what the three runs read from the cache
	}{
		{[]string{"similar", dir, "--space", "words", "--k", "2", "-f", "csv", "--provenance"}, []string{"vectors", "gram", "vectors", "gram"}},
		// the same matrix, weighed otherwise
		{[]string{"similar", dir, "--space", "words", "--k", "2", "--min-df", "2", "-f", "csv"}, []string{"matrix", "vectors", "gram", "vectors", "gram"}},
		// the vectors of the first
		{[]string{"cluster", dir, "--space", "words", "--k", "3", "--table", "members,profile,terms", "-f", "md"}, []string{"vectors", "gram", "vectors", "gram", "vectors", "gram"}},
		{[]string{"similar", dir, "--by", "region", "--where", "year=2020..2025", "-f", "csv", "--provenance"}, []string{"vectors", "gram", "vectors", "gram"}},
		// terms ranks by keyness, which needs each unit's size: the counts
		{[]string{"terms", dir, "--space", "words", "-f", "csv"}, []string{"matrix", "matrix", "matrix"}},
		// compare analyses only the documents of --a or --b: a matrix of its
		// own, built by the first run
		{[]string{"compare", dir, "--space", "words", "--a", "year=2017..2020", "--b", "year=2021..2024", "-f", "csv"}, []string{"matrix", "matrix"}},
	}
	// the command line in provenance names the cache flag
	norm := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "# command: ") {
				lines[i] = "# command: …"
			}
		}
		return strings.Join(lines, "\n")
	}
	for _, tc := range tests {
		wantOut, wantErr, err := run(t, "", append(tc.args, "--no-cache")...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", tc.args, err, wantErr)
		}
		hits = nil
		for pass := 1; pass <= 3; pass++ {
			out, stderr, err := run(t, "", append(tc.args, "--cache", cache)...)
			if err != nil {
				t.Fatalf("%v pass %d: %v\n%s", tc.args, pass, err, stderr)
			}
			if norm(out) != norm(wantOut) || stderr != wantErr {
				t.Errorf("%v pass %d: output differs from the run without a cache\n--- got ---\n%s%s\n--- want ---\n%s%s", tc.args, pass, stderr, out, wantErr, wantOut)
			}
		}
		if strings.Join(hits, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%v: read from the cache %q, want %q", tc.args, hits, tc.want)
		}
	}

	// A report changed (another size): its vectors are built again.
	p := filepath.Join(dir, "云溪镇_2020.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(b, "\n全面推进乡村振兴。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"similar", dir, "--space", "words", "--k", "2", "-f", "csv"}
	want, _, _ := run(t, "", append(args, "--no-cache")...)
	hits = nil
	got, _, err := run(t, "", append(args, "--cache", cache)...)
	if err != nil || got != want || len(hits) != 0 {
		t.Errorf("after a report changed: hits %q, same output %v, %v", hits, got == want, err)
	}
	if info, _, _ := run(t, "", "cache", "info", "--cache", cache); !strings.Contains(info, "corpus: ") || strings.Contains(info, "corpus: 0 entries") {
		t.Errorf("cache info:\n%s", info)
	}
}
