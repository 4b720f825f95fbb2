package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func writeTestFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDocsAllEmpty (issue 14 item 16): docs on a folder whose reports are
// all empty lists them with their problem; the commands that analyse say
// there is no text.
func TestDocsAllEmpty(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "甲县_2020.txt"), "")
	writeTestFile(t, filepath.Join(dir, "乙县_2021.txt"), "\n\n  \n")
	out, _, err := run(t, "", "docs", dir, "-f", "csv")
	if err != nil {
		t.Fatalf("docs: %v", err)
	}
	for _, want := range []string{"甲县_2020.txt,甲县,", "empty file", "乙县_2021.txt,乙县,", "no text left after cleaning"} {
		if !strings.Contains(out, want) {
			t.Errorf("docs lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := run(t, "", "count", dir); err == nil || !strings.Contains(err.Error(), "none of the 2 documents read has any text") {
		t.Errorf("count: %v", err)
	}
}

// TestWarningsOnlyAnalysed (issue 14 item 23): compare warns about the
// documents of --a and --b only; the others are counted in one line.
func TestWarningsOnlyAnalysed(t *testing.T) {
	dir := copySamples(t)
	writeTestFile(t, filepath.Join(dir, "旧县_1954.txt"), "旧县人民委员会工作报告\n")
	_, stderr, err := run(t, "", "compare", dir, "--a", "year=2017..2020", "--b", "year=2021..2024", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr, "旧县") || strings.Contains(stderr, "warning") {
		t.Errorf("compare warns about a document it does not analyse:\n%s", stderr)
	}
	entries, _ := os.ReadDir(samples)
	n := len(entries) - 1 // the reports, without the manifest
	if !strings.Contains(stderr, fmt.Sprintf("tifa: --a year=2017..2020 or --b year=2021..2024: %d of %d documents analysed", n, n+1)) {
		t.Errorf("no summary of the documents left out:\n%s", stderr)
	}
	// The same document inside the analysis is warned about.
	_, stderr, err = run(t, "", "compare", dir, "--a", "year=..2020", "--b", "year=2021..2024", "-f", "csv")
	if err != nil || !strings.Contains(stderr, "旧县_1954.txt") {
		t.Errorf("compare with 1954 on side A: %v, no warning about it:\n%s", err, stderr)
	}
	// --where narrows the warnings as well.
	_, stderr, err = run(t, "", "count", dir, "--where", "year=2017..", "-f", "csv")
	if err != nil || strings.Contains(stderr, "旧县") {
		t.Errorf("count --where: %v, warns about a document left out:\n%s", err, stderr)
	}
}

// TestMaxSizeFlag: --max-size lists a larger report with its problem and
// names the flag; none lifts the cap; a bad size names the flag.
func TestMaxSizeFlag(t *testing.T) {
	dir := copySamples(t)
	out, _, err := run(t, "", "docs", dir, "--max-size", "1300", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(--max-size raises it)") {
		t.Errorf("docs --max-size 1300 names no file over the cap:\n%s", out)
	}
	big, _, err := run(t, "", "docs", dir, "--max-size", "none", "-f", "csv")
	if err != nil || strings.Contains(big, "--max-size") {
		t.Errorf("--max-size none: %v\n%s", err, big)
	}
	if _, _, err := run(t, "", "docs", dir, "--max-size", "lots"); err == nil || !strings.Contains(err.Error(), "flag --max-size: bad size") {
		t.Errorf("--max-size lots: %v", err)
	}
}

// TestCountWideAll (issue 14 item 22): count --wide --all has a column for
// every slogan of the lexicon, mentioned or not; without --all only the
// mentioned ones.
func TestCountWideAll(t *testing.T) {
	header := func(args ...string) []string {
		out, _, err := run(t, "", append([]string{"count", samples, "--wide", "-f", "csv", "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.SplitN(out, "\n", 2)[0], ",")
	}
	list, _, err := run(t, "", "lexicon", "list", "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	entries := strings.Count(list, "\n") - 1
	mentioned, all := header(), header("--all")
	const fixed = 6 // doc, region, level, year, county (the manifest's), chars
	if len(all) != fixed+entries || len(mentioned) >= len(all) {
		t.Errorf("--wide --all: %d slogan columns, want the lexicon's %d (without --all: %d)", len(all)-fixed, entries, len(mentioned)-fixed)
	}
	for i, c := range mentioned {
		if all[i] != c {
			t.Errorf("--all changes column %d: %q, was %q", i, all[i], c)
		}
	}
}

// TestCountSlogan (issue 14 item 19): count --slogan lists only the
// slogans asked for, by canonical form or alias, in both layouts, with the
// counts of the whole lexicon.
func TestCountSlogan(t *testing.T) {
	full, _, err := run(t, "", "count", samples, "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := run(t, "", "count", samples, "--slogan", "乡村振兴", "--slogan", "六稳", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(strings.TrimSpace(full), "\n")[1:] {
		if strings.Contains(line, ",乡村振兴,") || strings.Contains(line, ",六稳,") {
			want = append(want, line)
		}
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(want) == 0 || strings.Join(lines[1:], "\n") != strings.Join(want, "\n") {
		t.Errorf("--slogan 乡村振兴 --slogan 六稳:\n%s\nwant the rows of count:\n%s", got, strings.Join(want, "\n"))
	}
	wide, _, err := run(t, "", "count", samples, "--wide", "--slogan", "六稳", "-f", "csv")
	if header, _, _ := strings.Cut(wide, "\n"); err != nil || !strings.HasPrefix(header, "doc,") || !strings.HasSuffix(header, ",chars,六稳") {
		t.Errorf("--wide --slogan 六稳: %v\n%s", err, wide)
	}
	if _, _, err := run(t, "", "count", samples, "--slogan", "不存在的口号"); err == nil || !strings.Contains(err.Error(), "flag --slogan") {
		t.Errorf("unknown --slogan: %v", err)
	}
}

// TestTermsKeyness (issue 14 item 20): terms ranks by keyness against the
// rest by default, so no unit's top terms include one it uses no more than
// the other units do (g2 ≤ 0), where the old TF-IDF ranking (--rank tfidf)
// lists such generic words (增长, 工作, 建设) for the years of the samples.
func TestTermsKeyness(t *testing.T) {
	generic := func(args ...string) (n int, rows [][]string) {
		out, _, err := run(t, "", append([]string{"terms", samples, "--by", "year", "--top", "10", "-f", "csv"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) < 2 || recs[0][len(recs[0])-1] != "g2" {
			t.Fatalf("terms %v: %v\n%s", args, err, out)
		}
		for _, r := range recs[1:] {
			if g2, _ := strconv.ParseFloat(r[len(r)-1], 64); g2 <= 0 {
				n++
			}
		}
		return n, recs[1:]
	}
	if n, _ := generic("--rank", "tfidf"); n == 0 {
		t.Fatal("--rank tfidf lists no generic term in the samples: the test cannot tell the rankings apart")
	}
	n, rows := generic()
	if n > 0 {
		t.Errorf("keyness (the default) lists %d terms a unit uses no more than the rest", n)
	}
	for i := 1; i < len(rows); i++ {
		a, _ := strconv.ParseFloat(rows[i-1][len(rows[i-1])-1], 64)
		b, _ := strconv.ParseFloat(rows[i][len(rows[i])-1], 64)
		if rows[i][0] == rows[i-1][0] && b > a {
			t.Errorf("%s: g2 %v after %v: not ranked by keyness", rows[i][0], b, a)
		}
	}
	if _, _, err := run(t, "", "terms", samples+"/云溪镇_2020.txt"); err == nil || !strings.Contains(err.Error(), "--rank tfidf ranks the terms of one") {
		t.Errorf("keyness of one document: %v", err)
	}
	if _, _, err := run(t, "", "terms", samples+"/云溪镇_2020.txt", "--rank", "tfidf", "-f", "csv"); err != nil {
		t.Errorf("--rank tfidf of one document: %v", err)
	}
	if _, _, err := run(t, "", "terms", samples, "--rank", "bm25"); err == nil || !strings.Contains(err.Error(), "flag --rank") {
		t.Errorf("--rank bm25: %v", err)
	}
}

// TestNationalTargetKinds (issue 14 item 26) reads the targets of the State
// Council's reports (skipped without ../shared): the goals of the
// five-year chapters of 2016 and 2021 are plan-period ones, the results
// those chapters and older reports state are results, left out by
// default, and 2021's 降低13.5%、18% is one energy-intensity row (the 18 %
// is carbon dioxide's). TestNationalGDPTargets checks --headline.
func TestNationalTargetKinds(t *testing.T) {
	national := needShared(t, "corpus/national")
	out, stderr, err := run(t, "", "targets", national, "--kind", "all", "-f", "csv", "-q")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	kind := map[string]string{} // year|text → kind
	energy2021 := 0
	for _, r := range recs[1:] {
		year, text, k := r[col["year"]], r[col["text"]], r[col["kind"]]
		kind[year+"|"+text] = k
		if year == "2021" && r[col["indicator"]] == "单位GDP能耗" && r[col["multi_year"]] == "1" {
			energy2021++
			if r[col["value"]] != "13.5" {
				t.Errorf("2021 energy intensity over 2021–25: %s (%s)", r[col["value"]], text)
			}
		}
		if y, _ := strconv.Atoi(year); y < 2005 && k == "target" && r[col["indicator"]] == "居民消费价格" && (strings.Contains(text, "比上年") || strings.Contains(text, "因素")) {
			t.Errorf("%s: %q is a CPI target", year, text)
		}
	}
	if energy2021 != 1 {
		t.Errorf("2021: %d energy-intensity rows for 2021–25, want 1", energy2021)
	}
	for key, want := range map[string]string{
		"2016|城镇新增就业5000万人以上":            "plan_period", // 十三五 chapter
		"2016|国内生产总值增长6.5%-7%":           "target",      // 三、2016年重点工作
		"2021|国内生产总值从不到70万亿元增加到超过100万亿元": "result",      // 过去五年
		"2021|城镇新增就业超过6000万人":            "result",
		"2021|城镇调查失业率控制在5.5%以内":          "plan_period", // 十四五 goal
		"2021|国内生产总值增长6%以上":              "target",
		"1996|零售物价涨幅从21.7%回落到14.8%":      "result",
		"1989|零售物价总指数比1987年上升18.5%":      "result",
		"2002|居民消费价格总水平上升0.7%":           "result",
		"2006|国内生产总值年均增长7.5%":            "plan_period",
		"2011|城镇新增就业4500万人":              "plan_period",
		"1990|国民生产总值比上年增长百分之五":           "target",
	} {
		if got := kind[key]; got != want {
			t.Errorf("%s: kind %q, want %s", key, got, want)
		}
	}
	sh := filepath.Join(shared, "corpus", "provincial", "上海_2026.txt")
	if all, _, err := run(t, "", "targets", sh, "--kind", "all", "-f", "csv", "-q"); err != nil || !strings.Contains(all, ",生产总值从4.16万亿元增加到5.67万亿元,5.67,5.67,5.67,万亿元,growth,result,") {
		t.Errorf("上海_2026: the five-year result is no result (%v):\n%s", err, all)
	}
	def, _, err := run(t, "", "targets", national, "-f", "csv", "-q")
	if err != nil || strings.Contains(def, ",result,") || !strings.Contains(def, ",plan_period,") {
		t.Errorf("targets without --kind lists results or no plan-period targets (%v)", err)
	}
}
