package load

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/vector"
)

const samples = "../testdata/samples"

// messages is a Reader whose warnings and notes are kept, "warning: " or
// "note: " before each.
func messages() (*Reader, *[]string) {
	var got []string
	r := &Reader{
		Warn: func(msg string) { got = append(got, "warning: "+msg) },
		Note: func(msg string) { got = append(got, "note: "+msg) },
	}
	return r, &got
}

// noCache is the Input of the tests: the sample reports, no cache.
func noCache() Input {
	return Input{Section: "all", MaxSize: "64MB", Cache: CacheOptions{Off: true}}
}

func TestOpenCache(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	locked := t.TempDir()
	holder, err := cache.Open(locked, cache.Options{Version: "v", Timeout: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tests := []struct {
		name      string
		opt       CacheOptions
		wantCache bool
		wantErr   string // in the error, "" for none
		wantWarn  string // in the warnings, "" for none
	}{
		{"default in tests: none", CacheOptions{}, false, "", ""},
		{"off", CacheOptions{Off: true}, false, "", ""},
		{"a folder", CacheOptions{Dir: t.TempDir()}, true, "", ""},
		{"a folder and a cap", CacheOptions{Dir: t.TempDir(), Max: "2GB"}, true, "", ""},
		{"folder and off", CacheOptions{Dir: t.TempDir(), Off: true}, false, "give one or the other", ""},
		{"cap and off", CacheOptions{Max: "1GB", Off: true}, false, "give one or the other", ""},
		{"a bad cap", CacheOptions{Max: "lots"}, false, "flag --cache-max", ""},
		{"the folder is a file", CacheOptions{Dir: file}, false, "flag --cache", ""},
		{"in use", CacheOptions{Dir: locked}, false, "", "in use by another tifa run"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, got := messages()
			c, err := r.openCache(&tc.opt)
			if c != nil {
				defer c.Close()
			}
			if (c != nil) != tc.wantCache {
				t.Errorf("cache %v, want one: %v", c, tc.wantCache)
			}
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("error %v, want %q", err, tc.wantErr)
			}
			warns := strings.Join(*got, "\n")
			if tc.wantWarn == "" && warns != "" || !strings.Contains(warns, tc.wantWarn) {
				t.Errorf("warnings %q, want %q", warns, tc.wantWarn)
			}
		})
	}
}

func TestCacheVersion(t *testing.T) {
	v := CacheVersion("1.2.3")
	if !strings.HasPrefix(v, "1.2.3 ") || len(v) <= len("1.2.3 ") {
		t.Errorf("CacheVersion = %q, want the version and a build identity", v)
	}
	if CacheVersion("1.2.3") != v {
		t.Error("CacheVersion changes within one process")
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr string
	}{
		{"none", -1, ""},
		{" NONE ", -1, ""},
		{"500MB", 500_000_000, ""},
		{"2GB", 2_000_000_000, ""},
		{"lots", 0, "flag --max-size: "},
		{"", 0, ", or none"},
	}
	for _, tc := range tests {
		got, err := parseSize("--max-size", tc.in)
		if got != tc.want || tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("parseSize(%q) = %d, %v; want %d, %q", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestTally(t *testing.T) {
	tests := []struct {
		hint  string
		added [][2]string
		total int
		want  string
	}{
		{"", nil, 5, ""},
		{"", [][2]string{{"a.txt", "cut short"}}, 5, "1 of 5 documents have warnings (first: a.txt: cut short); 'tifa docs' lists them"},
		{"the warnings column lists them", [][2]string{{"a.txt", "cut short"}, {"b.txt", "GBK"}}, 9, "2 of 9 documents have warnings (first: a.txt: cut short); the warnings column lists them"},
	}
	for _, tc := range tests {
		tl := Tally{What: "have warnings", Hint: tc.hint}
		for _, a := range tc.added {
			tl.Add(a[0], a[1])
		}
		if got := tl.Warning(tc.total); got != tc.want {
			t.Errorf("%v: Warning(%d) = %q, want %q", tc.added, tc.total, got, tc.want)
		}
	}
}

// TestOpenErrors: what Prepare and Open refuse, before a report is read.
func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		in   func(*Input)
		args []string
		want string
	}{
		{"bad section", func(in *Input) { in.Section = "middle" }, []string{samples}, "flag --section: want all, review or plan"},
		{"no lexicon", func(in *Input) { in.NoBuiltin = true }, []string{samples}, "the lexicon is empty"},
		{"missing lexicon", func(in *Input) { in.Lexicons = []string{"no-such.txt"} }, []string{samples}, "no-such.txt"},
		{"no reports", func(*Input) {}, nil, "no reports given"},
		{"bad filter", func(in *Input) { in.Where = []string{"year"} }, []string{samples}, "flag --where"},
		{"bad size", func(in *Input) { in.MaxSize = "big" }, []string{samples}, "flag --max-size"},
		{"missing places", func(in *Input) { in.Places = "no-such.csv" }, []string{samples}, "flag --places"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := noCache()
			tc.in(&in)
			r, _ := messages()
			_, _, err := r.Prepare(&in)
			if err == nil {
				_, err = r.Open(&in, tc.args)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestEach: what Each tells of --where and the scope, which documents it
// hands on, and what it records for provenance.
func TestEach(t *testing.T) {
	tests := []struct {
		name    string
		where   []string
		scope   *Scope
		wantN   int
		want    []string // the messages
		wantErr string
	}{
		{"all", nil, nil, 20, nil, ""},
		{"where", []string{"year=2023"}, nil, 4, []string{"note: --where year=2023: 4 of 20 documents"}, ""},
		{"where none", []string{"year=1990"}, nil, 0, nil, "--where year=1990 matches none of the 20 documents read"},
		{"scope", []string{"level=township"}, &Scope{"--a region=白沙镇", func(_ string, m reports.Meta) bool { return m.Region == "白沙镇" }}, 2,
			[]string{"note: --where level=township: 14 of 20 documents", "note: --a region=白沙镇: 2 of 14 documents analysed"}, ""},
		{"scope none: the command says", nil, &Scope{"--a year=1990", func(string, reports.Meta) bool { return false }}, 0,
			[]string{"note: --a year=1990: 0 of 20 documents analysed"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := noCache()
			in.Where = tc.where
			r, got := messages()
			r.Scope = tc.scope
			src, err := r.Open(&in, []string{samples})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			err = r.Each(context.Background(), src, func(d *reports.Document) error { ids = append(ids, d.ID); return nil })
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			if len(ids) != tc.wantN {
				t.Errorf("%d documents handed on, want %d", len(ids), tc.wantN)
			}
			if !slices.Equal(*got, tc.want) {
				t.Errorf("messages\n%q\nwant\n%q", *got, tc.want)
			}
			if _, n := r.Digest(); n != tc.wantN {
				t.Errorf("provenance records %d documents, want %d", n, tc.wantN)
			}

			// EachWork hands on the same documents, each with its work's
			// result, and works on those analysed only.
			r2, _ := messages()
			r2.Scope = tc.scope
			if src, err = r2.Open(&in, []string{samples}); err != nil {
				t.Fatal(err)
			}
			var worked atomic.Int64
			var ids2 []string
			err = r2.EachWork(context.Background(), src, func(d *reports.Document) any { worked.Add(1); return d.ID }, func(d *reports.Document, v any) error {
				if v != d.ID {
					t.Errorf("%s: work gave %v", d.ID, v)
				}
				ids2 = append(ids2, d.ID)
				return nil
			})
			if (err == nil) != (tc.wantErr == "") || !slices.Equal(ids2, ids) || worked.Load() != int64(tc.wantN) {
				t.Errorf("EachWork: %v, %d worked on, handed on %q, want %q", err, worked.Load(), ids2, ids)
			}
		})
	}
}

// TestEachNoText: a document without text is an error for a command that
// analyses text, and listed by one that lists the documents.
func TestEachNoText(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "空_2020.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, listed := range []bool{false, true} {
		in := noCache()
		r, _ := messages()
		src, err := r.Open(&in, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		each := r.Each
		if listed {
			each = r.EachListed
		}
		err = each(context.Background(), src, func(*reports.Document) error { return nil })
		if listed && err != nil || !listed && (err == nil || !strings.Contains(err.Error(), "none of the 1 documents read has any text")) {
			t.Errorf("listed %v: error %v", listed, err)
		}
	}
}

func TestVectorsErrors(t *testing.T) {
	tests := []struct {
		name string
		v    Vectors
		want string
	}{
		{"space", Vectors{Space: "letters", By: "doc"}, "flag --space: want slogans or words"},
		{"by", Vectors{Space: vector.SpaceSlogans, By: "planet"}, "flag --by"},
		{"stopwords", Vectors{Space: vector.SpaceWords, By: "doc", Stopwords: "no-such.txt"}, "flag --stopwords"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.v.Input = noCache()
			r, _ := messages()
			_, err := r.Build(context.Background(), &tc.v, []string{samples})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestCorpusCache: a second Build over unchanged reports reads the
// vectors from the cache, a Counts with other weighting the matrix; each
// tells the same messages and records the same documents as the first.
func TestCorpusCache(t *testing.T) {
	dir := t.TempDir()
	type run struct {
		vectors bool
		minDF   float64
		want    []string // read from the cache
	}
	for i, tc := range []run{{true, 1, nil}, {true, 1, []string{"vectors"}}, {false, 2, []string{"matrix"}}, {true, 2, []string{"matrix"}}, {true, 2, []string{"vectors"}}} {
		var hits []string
		r, got := messages()
		r.Version = "test"
		r.Hit = func(kind string) { hits = append(hits, kind) }
		in := noCache()
		in.Cache = CacheOptions{Dir: dir}
		in.Where = []string{"year=2019..2024"}
		v := &Vectors{Input: in, Space: vector.SpaceSlogans, By: "region", MinDF: tc.minDF}
		var c *Corpus
		var err error
		if tc.vectors {
			c, err = r.Build(context.Background(), v, []string{samples})
		} else {
			c, err = r.Counts(context.Background(), v, []string{samples})
		}
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		r.Close()
		if !slices.Equal(hits, tc.want) {
			t.Errorf("run %d: read %q from the cache, want %q", i, hits, tc.want)
		}
		if want := []string{"note: --where year=2019..2024: 18 of 20 documents"}; !slices.Equal(*got, want) {
			t.Errorf("run %d: messages %q, want %q", i, *got, want)
		}
		if _, n := r.Digest(); n != 18 {
			t.Errorf("run %d: provenance records %d documents, want 18", i, n)
		}
		if tc.vectors && len(c.Vectors.Units) != 8 || !tc.vectors && len(c.Matrix.Units) != 8 {
			t.Errorf("run %d: not 8 units", i)
		}
	}
}
