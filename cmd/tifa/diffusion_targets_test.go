package main

// Tests of the diffusion and targets commands:
// golden files on the samples, errors, the events file, and acceptance
// tests on ../shared/corpus.

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// nationalSample is a synthetic State Council report (read from stdin in
// the golden tests): the samples have no national level, so without it
// diffusion has no lags.
const nationalSample = `2018年政府工作报告
——2018年3月5日在第十三届全国人民代表大会第一次会议上

各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。

一、过去五年工作回顾
五年来，国内生产总值年均增长7.1%。全面推行河长制，生态环境明显好转。深化放管服改革，营商环境持续改善。

二、2018年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；城镇新增就业1100万人以上，城镇调查失业率5.5%以内；居民收入增长和经济增长基本同步；单位国内生产总值能耗下降3%以上。
大力实施乡村振兴战略。推广最多跑一次等地方经验，让群众办事更方便。
`

func TestDiffusionTargetsGolden(t *testing.T) {
	runGolden(t, []goldenCase{
		{"diffusion.csv", "", []string{"diffusion", samples, "-f", "csv"}},
		{"diffusion_national.txt", nationalSample, []string{"diffusion", samples, "-", "--slogan", "乡村振兴", "--slogan", "河长制", "--slogan", "最多跑一次", "-f", "table"}},
		{"diffusion_curve.csv", nationalSample, []string{"diffusion", samples, "-", "--table", "curve", "--slogan", "乡村振兴", "--slogan", "共同富裕", "-f", "csv"}},
		{"diffusion_regions_plan.md", nationalSample, []string{"diffusion", samples, "-", "--table", "regions", "--top", "5", "--section", "plan", "-f", "md"}},
		{"targets.csv", "", []string{"targets", samples, "-f", "csv"}},
		{"targets_headline.csv", nationalSample, []string{"targets", samples, "-", "--headline", "-f", "csv"}},
		{"targets_user_review.tsv", "", []string{"targets", samples, "--section", "review", "--indicators", "../../testdata/targets/indicators.txt", "-f", "tsv"}},
		{"targets_national.json", nationalSample, []string{"targets", "-", "-f", "json"}},
	})
}

// TestDiffusionEventsFile checks --events: a CSV written atomically, one
// row per region, slogan and observed year, at_risk up to the adoption.
func TestDiffusionEventsFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.csv")
	out, stderr, err := run(t, nationalSample, "diffusion", samples, "-", "--slogan", "最多跑一次", "--slogan", "六稳", "--events", path, "-f", "csv")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.HasPrefix(out, "slogan,category,level,") {
		t.Errorf("stdout holds %q, want the summary table", out[:min(len(out), 40)])
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "diffusion_events.csv", string(raw))
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 21 reports in 21 region-years (the 20 samples and the national one),
	// two slogans: 42 rows.
	if want := 2 * (nSamples + 1); len(rows)-1 != want {
		t.Errorf("%d event rows, want %d", len(rows)-1, want)
	}
	// Per region and slogan: at_risk is 1 up to the first adopted row and
	// 0 after it; adopted never goes back to 0.
	type key struct{ region, slogan string }
	adopted := map[key]bool{}
	for _, r := range rows[1:] {
		k := key{r[0], r[2]}
		atRisk, ad := r[4] == "1", r[5] == "1"
		if atRisk == adopted[k] {
			t.Errorf("%v %s: at_risk %s after adoption %v", k, r[3], r[4], adopted[k])
		}
		if adopted[k] && !ad {
			t.Errorf("%v %s: adopted went back to 0", k, r[3])
		}
		adopted[k] = adopted[k] || ad
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind in %s: %v", dir, entries)
	}
}

func TestDiffusionTargetsErrors(t *testing.T) {
	runErrors(t, []errCase{
		{"bad table", []string{"diffusion", samples, "--table", "map"}, "flag --table"},
		{"events to stdout", []string{"diffusion", samples, "--events", "-"}, "flag --events"},
		{"unknown slogan", []string{"diffusion", samples, "--slogan", "不存在的口号"}, "flag --slogan"},
		{"bad top", []string{"diffusion", samples, "--top", "-1"}, "flag --top"},
		{"no reports", []string{"targets"}, "no reports given"},
		{"bad section", []string{"targets", samples, "--section", "middle"}, "flag --section"},
		{"missing indicators", []string{"targets", samples, "--indicators", "no-such-file.txt"}, "no-such-file.txt"},
		{"clashing indicators", []string{"targets", samples, "--indicators", "../../testdata/targets/clash.txt"}, "clash.txt:2"},
	})
}

// TestTargetsWarnOnce: reports without targets are listed, not errors, and
// warned about on one line.
func TestTargetsWarnOnce(t *testing.T) {
	out, stderr, err := run(t, "", "targets", samples, "--headline", "-f", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n"); n != 1+nSamples {
		t.Errorf("%d lines, want a header and one row per sample (%d)", n, 1+nSamples)
	}
	// Only the county's three reports state a GDP target: townships and
	// the street report on tax, output and income instead.
	if c := strings.Count(stderr, "state no GDP growth target"); c != 1 || !strings.Contains(stderr, "17 of 20 documents") {
		t.Errorf("stderr %q: want one warning counting 17 of 20 documents", stderr)
	}
}

// TestNationalGDPTargets compares `tifa targets --headline` on the State
// Council's reports with the checked list testdata/targets/national_gdp.csv
// (read by hand from the reports): every year 1990–2025 must agree, a year
// without a target included.
func TestNationalGDPTargets(t *testing.T) {
	national := needShared(t, "corpus/national")
	out, stderr, err := run(t, "", "targets", national, "--headline", "-f", "csv", "-q")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	got := map[string][2]string{} // year → low, high
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		got[r[col["year"]]] = [2]string{r[col["low"]], r[col["high"]]}
	}
	f, err := os.Open("../../testdata/targets/national_gdp.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	same, stated := 0, 0
	for _, r := range checked[1:] {
		year, low, high := r[0], r[2], r[3]
		if low != "" {
			stated++
		}
		g, ok := got[year]
		if !ok {
			t.Errorf("%s: no report read", year)
			continue
		}
		if eqNum(g[0], low) && eqNum(g[1], high) {
			same++
		} else {
			t.Errorf("%s: tifa %s–%s, checked %s–%s (%s)", year, g[0], g[1], low, high, r[1])
		}
	}
	n := len(checked) - 1
	t.Logf("headline GDP target: %d of %d years agree (%.1f%%); %d years state one", same, n, 100*float64(same)/float64(n), stated)
	if n < 36 {
		t.Errorf("the checked list has %d years, want 1990–2025", n)
	}
}

// eqNum compares two numbers written as text ("" equals only "").
func eqNum(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && x == y
}

// TestCorpusDiffusion checks first national years and level order on the
// real corpus: 乡村振兴 reaches the State Council in 2018, 河长制 in 2017;
// Baoding (city, reports since 2007) adopts 乡村振兴 the same year.
func TestCorpusDiffusion(t *testing.T) {
	corpus := needShared(t, "corpus")
	out, stderr, err := run(t, "", "diffusion", corpus, "--table", "regions", "--slogan", "乡村振兴", "--slogan", "河长制", "-f", "csv", "-q")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	first := map[[2]string]string{}
	for _, r := range rows[1:] {
		first[[2]string{r[col["slogan"]], r[col["region"]]}] = r[col["first_year"]] + "/" + r[col["lag"]]
	}
	want := map[[2]string]string{
		{"乡村振兴", "全国"}:  "2018/0",
		{"河长制", "全国"}:   "2017/0",
		{"乡村振兴", "保定市"}: "2018/0",
	}
	for k, w := range want {
		if g := first[k]; g != w {
			t.Errorf("%s in %s: first_year/lag %q, want %q", k[0], k[1], g, w)
		}
	}
}
