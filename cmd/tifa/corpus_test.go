package main

// Acceptance tests on the real corpus in ../shared (beside the repository).
// They skip cleanly when it is absent.

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tifa-project/tifa/reports"
)

const shared = "../../../shared"

func needShared(t *testing.T, sub string) string {
	t.Helper()
	p := filepath.Join(shared, sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present: %v", p, err)
	}
	if testing.Short() {
		t.Skip("acceptance test skipped in -short mode")
	}
	return p
}

// TestCorpusCountsAgree checks `tifa count --no-builtin --lexicon
// slogans.txt` against an independent count: the non-overlapping matches
// of each slogan on each document's cleaned text, quotation marks allowed
// between its characters (“两山”理论 is a mention of 两山理论), except those
// cutting a quotation (新”发展理念 in “创新”发展理念). None of the slogans is
// a compound written with 、.
func TestCorpusCountsAgree(t *testing.T) {
	corpus := needShared(t, "corpus")
	slogansFile := filepath.Join(shared, "bench", "slogans.txt")
	out, stderr, err := run(t, "", "count", corpus, "--no-builtin", "--lexicon", slogansFile, "-f", "csv", "-q")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	got := map[[2]string]int{}
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[col["count"]])
		got[[2]string{r[col["doc"]], r[col["slogan"]]}] = n
	}

	var slogans []string
	f, err := os.Open(slogansFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.HasPrefix(s, "#") {
			slogans = append(slogans, s)
		}
	}
	docs, _, err := reports.Load([]string{corpus}, reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 380 {
		t.Fatalf("read %d documents, want the corpus's 383", len(docs))
	}
	mismatches, total := 0, 0
	for _, d := range docs {
		for _, s := range slogans {
			want := countQuoted(d.Text, s)
			total += want
			if g := got[[2]string{d.ID, s}]; g != want {
				mismatches++
				if mismatches <= 10 {
					t.Errorf("%s %s: tifa %d, strings.Count %d", d.ID, s, g, want)
				}
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d mentions in the whole corpus: something is off", total)
	}
	t.Logf("%d documents × %d slogans, %d mentions, %d mismatches", len(docs), len(slogans), total, mismatches)
}

// countQuoted counts the non-overlapping, leftmost occurrences of s in
// text, quotation marks allowed between its characters, that do not cut a
// quotation: an opening mark inside must close inside or right after, a
// closing one must open inside or right before.
func countQuoted(text, s string) int {
	const marks = `“”‘’「」『』"'`
	var pat strings.Builder
	for i, r := range s {
		if i > 0 {
			pat.WriteString("[" + marks + "]*")
		}
		pat.WriteString(regexp.QuoteMeta(string(r)))
	}
	n := 0
	for _, m := range regexp.MustCompile(pat.String()).FindAllStringIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		after, _ := utf8.DecodeRuneInString(text[m[1]:])
		open, cut := 0, false
		for _, r := range text[m[0]:m[1]] {
			switch {
			case strings.ContainsRune("“‘「『", r):
				open++
			case !strings.ContainsRune("”’」』", r):
			case open > 0:
				open--
			case !strings.ContainsRune("“‘「『", before):
				cut = true
			}
		}
		if !cut && (open == 0 || strings.ContainsRune("”’」』", after)) {
			n++
		}
	}
	return n
}

// TestNationalFirstYears checks first years a reader of the national
// reports would agree with.
func TestNationalFirstYears(t *testing.T) {
	national := needShared(t, "corpus/national")
	out, stderr, err := run(t, "", "trend", national, "-f", "csv", "-q")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	first := map[string]string{}
	for _, r := range rows[1:] {
		first[r[1]] = r[len(r)-1] // slogan → first_year
	}
	cases := map[string]string{
		"供给侧结构性改革": "2016",
		"新常态":      "2015",
		"乡村振兴":     "2018",
		"六稳":       "2020",
		"新质生产力":    "2024",
		"新发展格局":    "2021",
		"大众创业万众创新": "2015",
		"精准扶贫":     "2014",
		"科学发展观":    "2004",
		"放管服":      "2016",
	}
	for slogan, want := range cases {
		if got := first[slogan]; got != want {
			t.Errorf("%s: first year %q, a reader of the national reports says %s", slogan, got, want)
		}
	}
}
