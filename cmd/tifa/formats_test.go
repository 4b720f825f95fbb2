package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/extract/extracttest"
)

// The test PDFs are written in the Chinese font package chart finds.
func init() { extracttest.SetFont(func() ([]byte, error) { return chart.FindTrueType("") }) }

// fileCounts runs tifa count on args and returns, for each file read
// (the parts of a bundle added up), the mentions of each slogan.
func fileCounts(t *testing.T, args ...string) map[string]map[string]int {
	t.Helper()
	out, errs, err := run(t, "", append([]string{"count", "-f", "csv", "--no-cache"}, args...)...)
	if err != nil {
		t.Fatalf("tifa count: %v\n%s", err, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("bad CSV (%v): %q", err, out)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	counts := map[string]map[string]int{}
	for _, r := range rows[1:] {
		file, _, _ := strings.Cut(r[col["doc"]], "#")
		n, err := strconv.Atoi(r[col["count"]])
		if err != nil {
			t.Fatal(err)
		}
		if counts[file] == nil {
			counts[file] = map[string]int{}
		}
		counts[file][r[col["slogan"]]] += n
	}
	return counts
}

// agreement returns the share of want's mentions that got has too
// (Σ min(got, want) / Σ want over the slogans) and the slogans whose
// counts differ, as "slogan: want → got".
func agreement(got, want map[string]int) (float64, []string) {
	same, total := 0, 0
	var diffs []string
	for s, w := range want {
		total += w
		same += min(w, got[s])
		if got[s] != w {
			diffs = append(diffs, fmt.Sprintf("%s: %d → %d", s, w, got[s]))
		}
	}
	for s, g := range got {
		if _, ok := want[s]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: 0 → %d", s, g))
		}
	}
	sort.Strings(diffs)
	if total == 0 {
		return 0, diffs
	}
	return float64(same) / float64(total), diffs
}

// TestSameCountsEveryFormat is issue 15's acceptance test: the synthetic
// report (ten sample reports, 16,000 Chinese characters) as .txt, as a
// printed .pdf (running header, page numbers), .docx, .ofd and a .pdf
// and a .docx inside a zip with GBK member names gives the same slogan
// counts through tifa count: at least 99.5 % of the .txt's mentions, and
// in fact all of them.
func TestSameCountsEveryFormat(t *testing.T) {
	paras := extracttest.ReportParas(t, tifa.Samples())
	body := make([]any, len(paras))
	for i, p := range paras {
		body[i] = p
	}
	var ofd [][]string
	for lines := extracttest.ChunkLines(paras, 28); len(lines) > 0; {
		n := min(len(lines), 26)
		ofd = append(ofd, lines[:n])
		lines = lines[n:]
	}
	pdf := extracttest.PDF(t, extracttest.Font(t), extracttest.PDFSpec{Paras: paras, Header: "青溪县人民政府",
		Footer: func(n int) string { return fmt.Sprintf("— %d —", n) }})
	docx := extracttest.DOCX(t, body...)
	dir := t.TempDir()
	files := map[string][]byte{
		"report.txt":  []byte(strings.Join(paras, "\n")),
		"report.pdf":  pdf,
		"report.docx": docx,
		"report.ofd":  extracttest.OFD(t, ofd),
		"reports.zip": extracttest.Zip(t, []extracttest.ZipEntry{
			{RawName: extracttest.GBK(t, "青溪县/报告.pdf"), Data: string(pdf)},
			{RawName: extracttest.GBK(t, "青溪县/报告.docx"), Data: string(docx)},
		}),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	counts := fileCounts(t, dir)
	want := counts["report.txt"]
	if len(want) < 20 {
		t.Fatalf("the .txt has mentions of only %d slogans: %v", len(want), want)
	}
	for _, file := range []string{"report.pdf", "report.docx", "report.ofd", "reports.zip/青溪县/报告.pdf", "reports.zip/青溪县/报告.docx"} {
		a, diffs := agreement(counts[file], want)
		t.Logf("%-28s %.4f of the .txt's mentions", file, a)
		if a < 0.995 || len(diffs) > 0 {
			t.Errorf("%s: %.4f of the mentions; differences: %s", file, a, strings.Join(diffs, "; "))
		}
	}
}

// TestChromiumPDFCounts prints the synthetic report as a web page to PDF
// with headless Chromium (installed by .ci/run), as a researcher saves a
// page, and counts it with tifa count: at least 99.5 % of the mentions of
// the same report as .txt.
func TestChromiumPDFCounts(t *testing.T) {
	extracttest.Font(t) // the page needs a Chinese font; skips without one
	paras := extracttest.ReportParas(t, tifa.Samples())
	dir := t.TempDir()
	files := map[string][]byte{
		"report.txt": []byte(strings.Join(paras, "\n")),
		"report.pdf": extracttest.ChromiumPDF(t, extracttest.HTMLPage("青溪县政府工作报告", paras)),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	counts := fileCounts(t, dir)
	a, diffs := agreement(counts["report.pdf"], counts["report.txt"])
	t.Logf("Chromium's PDF: %.4f of the .txt's mentions; differences: %v", a, diffs)
	if a < 0.995 {
		t.Errorf("Chromium's PDF: %.4f of the mentions (want ≥ 0.995); differences: %s", a, strings.Join(diffs, "; "))
	}
}
