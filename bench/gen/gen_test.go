package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
)

// fakeYears are the years of the fake corpus: 8 reports, 2000..2014.
var fakeYears = []int{2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014}

// fakeCorpus writes a tiny corpus of reports whose paragraphs carry their
// source year (来源2004年 …), so a test can tell where each was drawn from.
func fakeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	man := "file,region,level,year\n"
	const filler = "我们坚持稳中求进工作总基调，推动经济社会持续健康发展，人民生活水平不断提高，社会大局和谐稳定。"
	for _, y := range fakeYears {
		var b strings.Builder
		fmt.Fprintf(&b, "甲县%d年政府工作报告\n各位代表：\n一、%d年工作回顾\n", y, y-1)
		for i := range 6 {
			fmt.Fprintf(&b, "来源%d年回顾第%d段：%s\n", y, i, filler)
		}
		fmt.Fprintf(&b, "二、%d年工作安排\n", y)
		for i := range 6 {
			fmt.Fprintf(&b, "来源%d年计划第%d段：%s\n", y, i, filler)
		}
		name := fmt.Sprintf("甲县_%d.txt", y)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		man += fmt.Sprintf("%s,甲县,county,%d\n", name, y)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte(man), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// generate runs gen on corpus into a new folder (more: further flags) and
// returns the folder.
func generate(t *testing.T, corpus string, n int, seed string, more ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "synth")
	var stderr bytes.Buffer
	args := append([]string{"-corpus", corpus, "-n", strconv.Itoa(n), "-out", out, "-seed", seed, "-per-dir", "10", "-q"}, more...)
	err := run(args, &stderr)
	if err != nil {
		t.Fatalf("gen: %v (stderr: %s)", err, stderr.String())
	}
	return out
}

// readTree maps every file under dir (slash paths) to its content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerate(t *testing.T) {
	corpus := fakeCorpus(t)
	const n = 25
	out := generate(t, corpus, n, "3")
	files := readTree(t, out)

	rows, err := csv.NewReader(strings.NewReader(files["manifest.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"file", "region", "level", "year", "province", "county"}; fmt.Sprint(rows[0]) != fmt.Sprint(want) {
		t.Fatalf("manifest header %v, want %v", rows[0], want)
	}
	if len(rows) != n+1 || len(files) != n+1 {
		t.Fatalf("%d manifest rows and %d files, want %d of each", len(rows)-1, len(files)-1, n)
	}
	perDir := map[string]int{}
	for _, r := range rows[1:] {
		if _, ok := files[r[0]]; !ok {
			t.Errorf("manifest names %s, not written", r[0])
		}
		perDir[filepath.Dir(r[0])]++
		if y, _ := strconv.Atoi(r[3]); y < firstYear || y > lastYear {
			t.Errorf("%s: year %s outside %d..%d", r[0], r[3], firstYear, lastYear)
		}
	}
	if len(perDir) != 3 {
		t.Errorf("subfolders %v, want 3 of at most 10 files", perDir)
	}
	for d, k := range perDir {
		if k > 10 {
			t.Errorf("subfolder %s holds %d files, more than -per-dir 10", d, k)
		}
	}

	for _, j := range []string{"1", "3"} {
		again := readTree(t, generate(t, corpus, n, "3", "-j", j))
		if fmt.Sprint(again) != fmt.Sprint(files) {
			t.Errorf("two runs with -seed 3 differ (the second with -j %s)", j)
		}
	}
	other := readTree(t, generate(t, corpus, n, "4"))
	if other["manifest.csv"] == files["manifest.csv"] {
		t.Error("-seed 4 gives the manifest of -seed 3")
	}
}

// TestKB: -kb sets the mean size of the reports written; without it they
// keep the real reports' sizes.
func TestKB(t *testing.T) {
	corpus := fakeCorpus(t)
	mean := func(files map[string]string) float64 {
		var sum, n float64
		for name, text := range files {
			if name != "manifest.csv" {
				sum += float64(len(text))
				n++
			}
		}
		return sum / n
	}
	const n = 40
	real := mean(readTree(t, generate(t, corpus, n, "3")))
	for _, kb := range []float64{4, 12} {
		got := mean(readTree(t, generate(t, corpus, n, "3", "-kb", strconv.FormatFloat(kb, 'f', -1, 64))))
		// sizes drawn ×0.8..1.25 (mean 1.025) and a paragraph's overshoot
		if got < kb*1000*0.9 || got > kb*1000*1.35 {
			t.Errorf("-kb %g: mean size %.0f bytes (without -kb %.0f)", kb, got, real)
		}
	}
}

// TestReadByTifa checks that tifa reads every synthetic report with the
// manifest's metadata and both parts, and that each paragraph comes from the
// pool of the report's year, from the matching part.
func TestReadByTifa(t *testing.T) {
	corpus := fakeCorpus(t)
	c, err := loadCorpus(corpus)
	if err != nil {
		t.Fatal(err)
	}
	out := generate(t, corpus, 40, "1")
	docs, _, err := reports.Load([]string{out}, reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 40 {
		t.Fatalf("tifa read %d documents, want 40", len(docs))
	}
	src := regexp.MustCompile(`来源(\d{4})年(回顾|计划)`)
	for _, d := range docs {
		if len(d.Warnings) > 0 || d.Meta.Year == 0 || d.Meta.Region == "" {
			t.Errorf("%s: meta %+v, warnings %v", d.ID, d.Meta, d.Warnings)
		}
		inPool := map[int]bool{}
		for _, i := range c.pools[d.Meta.Year] {
			inPool[c.docs[i].year] = true
		}
		for _, p := range []reports.Part{reports.PartReview, reports.PartPlan} {
			ms := src.FindAllStringSubmatch(d.PartText(p), -1)
			if len(ms) == 0 {
				t.Errorf("%s: no %s paragraph", d.ID, p)
			}
			for _, m := range ms {
				y, _ := strconv.Atoi(m[1])
				if !inPool[y] || (m[2] == "回顾") != (p == reports.PartReview) {
					t.Errorf("%s (%d): %s paragraph %s drawn, pool years %v", d.ID, d.Meta.Year, p, m[0], inPool)
				}
			}
		}
	}
}

func TestPool(t *testing.T) {
	c := &corpus{}
	for _, y := range fakeYears {
		c.docs = append(c.docs, source{year: y})
	}
	tests := []struct {
		name   string
		year   int
		lo, hi int // years of the pool
	}{
		{"years before suffice", 2014, 2004, 2014},
		{"exactly six before", 2010, 2000, 2010},
		{"too few before: widened both ways", 2002, 2000, 2010},
		{"before the corpus", 1990, 2000, 2010},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			for _, i := range c.pool(tc.year) {
				got = append(got, c.docs[i].year)
			}
			if len(got) < minPool || got[0] != tc.lo || got[len(got)-1] != tc.hi {
				t.Errorf("pool(%d) years %v, want %d..%d", tc.year, got, tc.lo, tc.hi)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	long := strings.Repeat("各地区各部门认真贯彻落实党中央国务院决策部署，扎实推进各项工作。", 60) // 1,920 runes
	tests := []struct {
		name string
		part string
		want int
	}{
		{"heading line dropped", "一、2019年工作回顾\n" + long[:300], 1},
		{"short line dropped", "回顾\n一年来\n" + long[:300], 1},
		{"ordinal heading dropped", "回顾\n二、" + long[:300] + "\n十一、" + long[:300], 0},
		{"second-level ordinal kept", "回顾\n（一）" + long[:300], 1},
		{"long line cut at 。", "回顾\n" + long, 3}, // 5,760 bytes: 1,536 + 1,536 + 2,688
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := paragraphs(tc.part)
			if len(got) != tc.want {
				t.Fatalf("%d paragraphs, want %d", len(got), tc.want)
			}
			for _, p := range got {
				if !strings.Contains(tc.part, p) {
					t.Errorf("paragraph %q is not a piece of the part", p)
				}
				if len(p) > maxParaBytes {
					t.Errorf("paragraph of %d bytes left uncut", len(p))
				}
			}
		})
	}
}

func TestCNNumber(t *testing.T) {
	tests := []struct {
		k    int
		want string
	}{{1, "一"}, {8, "八"}, {10, "十"}, {14, "十四"}, {20, "二十"}, {21, "二十一"}}
	for _, tc := range tests {
		if got := cnNumber(tc.k); got != tc.want {
			t.Errorf("cnNumber(%d) = %s, want %s", tc.k, got, tc.want)
		}
	}
}

func TestFlagErrors(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no -out", []string{"-n", "5"}, "flag -out"},
		{"zero reports", []string{"-n", "0", "-out", t.TempDir()}, "flag -n"},
		{"too many years", []string{"-years", "30", "-out", t.TempDir()}, "flag -years"},
		{"folder not empty", []string{"-out", full}, "not empty"},
		{"argument", []string{"-out", t.TempDir(), "extra"}, "unexpected argument"},
		{"size too small", []string{"-kb", "1", "-out", t.TempDir()}, "flag -kb"},
		{"more reports than regions", []string{"-n", "4000000", "-years", "1", "-out", t.TempDir(), "-corpus", t.TempDir()}, "flag -n: the gazetteer gives"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := run(tc.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tc.args, err, tc.want)
			}
		})
	}
}

// TestTownshipsResolve checks that the townships and streets of the
// synthetic reports are real, names shared with other townships included,
// and that tifa's resolver places each from its header alone, as the scale
// benchmark needs.
func TestTownshipsResolve(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := places.NewResolver(g, nil)
	out := generate(t, fakeCorpus(t), 300, "2", "-years", "1")
	files := readTree(t, out)
	rows, err := csv.NewReader(strings.NewReader(files["manifest.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	towns, shared := 0, 0
	for _, row := range rows[1:] {
		file, region, level, county := row[0], row[1], row[2], row[5]
		year, _ := strconv.Atoi(row[3])
		if level != levelTownship && level != levelStreet {
			continue
		}
		towns++
		if len(g.Lookup(region, places.Township)) > 1 {
			shared++
		}
		res := r.Resolve(places.Doc{Year: year, Header: files[file][:200]})
		if !res.Resolved() || res.Name != region || g.Parents(res.Code, 2022).County.Name != county {
			t.Errorf("%s: %s %s in %s (%s), want %s in %s", file, res.Code, res.Name, res.County.Name, res.Why, region, county)
		}
	}
	if towns < 200 || shared == 0 {
		t.Errorf("%d townships, %d with a name other townships have: want 200 or more, some shared", towns, shared)
	}
	t.Logf("%d townships, %d with a shared name (城关镇 …), all placed from their headers", towns, shared)
}
