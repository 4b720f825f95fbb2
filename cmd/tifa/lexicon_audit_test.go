package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconSampleAuditGolden(t *testing.T) {
	runGolden(t, []goldenCase{
		{"lexicon_sample.csv", "", []string{"lexicon", "sample", samples, "--n", "2", "--seed", "3", "--width", "6", "-f", "csv"}},
		{"lexicon_sample_entry.csv", "", []string{"lexicon", "sample", samples, "--entry", "碳中和", "--entry", "乡村振兴",
			"--n", "3", "--section", "plan", "-f", "csv"}},
	})
}

// TestLexiconAudit draws a sample, judges it (no for every mention of
// 招商引资, yes for the others, one line left out) and audits it.
func TestLexiconAudit(t *testing.T) {
	out, _, err := run(t, "", "lexicon", "sample", samples, "--n", "3", "--seed", "5", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	again, _, _ := run(t, "", "lexicon", "sample", samples, "--n", "3", "--seed", "5", "-f", "csv")
	if again != out {
		t.Fatal("the same seed drew other lines")
	}
	col, rows := readCSV(t, out)
	if len(rows) < 100 {
		t.Fatalf("%d lines drawn from the samples", len(rows))
	}
	var b strings.Builder
	b.WriteString(strings.SplitN(out, "\n", 2)[0] + "\n")
	for i, r := range rows {
		switch {
		case i == 0:
			r[col["verdict"]] = "?"
		case r[col["entry"]] == "招商引资":
			r[col["verdict"]] = "no"
		default:
			r[col["verdict"]] = "yes"
		}
		b.WriteString(csvLine(r))
	}
	path := filepath.Join(t.TempDir(), "judged.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	runGolden(t, []goldenCase{
		{"lexicon_audit.csv", "", []string{"lexicon", "audit", path, "-f", "csv"}},
		{"lexicon_audit_category.csv", "", []string{"lexicon", "audit", path, "--by", "category", "-f", "csv"}},
	})
	_, stderr, err := run(t, "", "lexicon", "audit", path, "-f", "csv")
	if err != nil || !strings.Contains(stderr, "weighted by mentions") || !strings.Contains(stderr, "look first at 招商引资") ||
		!strings.Contains(stderr, "(1 lines not judged)") {
		t.Errorf("summary: %q, %v", stderr, err)
	}
}

// csvLine writes one CSV record (quoting every field).
func csvLine(r []string) string {
	q := make([]string, len(r))
	for i, f := range r {
		q[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
	}
	return strings.Join(q, ",") + "\n"
}

func TestLexiconAuditErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("entry,mentions,verdict\n六稳,3,yes\n六稳,3,perhaps\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runErrors(t, []errCase{
		{"n", []string{"lexicon", "sample", samples, "--n", "0"}, "flag --n: must be 1 or more (got 0)"},
		{"width", []string{"lexicon", "sample", samples, "--width", "-1"}, "flag --width: must be 0 or more (got -1)"},
		{"entry", []string{"lexicon", "sample", samples, "--entry", "没有这个"}, "flag --entry: 没有这个 is no form of any lexicon entry"},
		{"no reports", []string{"lexicon", "sample"}, "requires at least 1 arg"},
		{"by", []string{"lexicon", "audit", bad, "--by", "doc"}, `flag --by: want entry or category (got "doc")`},
		{"verdict", []string{"lexicon", "audit", bad}, `audit ` + bad + `:3: bad verdict "perhaps"`},
		{"missing file", []string{"lexicon", "audit", filepath.Join(dir, "none.csv")}, "audit " + filepath.Join(dir, "none.csv")},
		{"a report is no sample", []string{"lexicon", "audit", filepath.Join(samples, "青溪县_2017.txt")}, "no column entry, mentions, verdict"},
	})
}

// TestReplacedBuiltinWarns: a user entry replacing 千万工程 says that it
// drops the built-in exclusion 百千万工程 (issue 14 item 21).
func TestReplacedBuiltinWarns(t *testing.T) {
	lex := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(lex, []byte("[rural]\n千万工程 | 千万工程经验\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t, "", "count", samples, "--lexicon", lex, "-f", "csv")
	want := "tifa: warning: lexicon " + lex + ":2: 千万工程 replaces the built-in entry 千万工程 (rural) and drops its exclusions 百千万工程"
	if err != nil || !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, %v; want it to contain %q", stderr, err, want)
	}
}
