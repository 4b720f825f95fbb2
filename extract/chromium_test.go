package extract

import (
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestChromiumPDF prints a synthetic report to PDF with headless Chromium,
// as a researcher's browser would save a web page, and reads it back: the
// text must be the report's, without Chromium's running header (date and
// title), footer (file URL) and page numbers ("2/13").
func TestChromiumPDF(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (apt-get install chromium): the browser-printed PDF is not tested")
	}
	chineseTTF(t) // the page needs a Chinese font; skips without one
	paras := reportParas(t)[:60]
	dir := t.TempDir()
	var page strings.Builder
	page.WriteString(`<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>青溪县政府工作报告</title>` +
		`<style>body{font:16pt "WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;line-height:1.8;margin:0 1cm}p{margin:0;text-indent:2em}</style></head><body>`)
	for _, p := range paras {
		page.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	page.WriteString("</body></html>")
	src := filepath.Join(dir, "report.html")
	if err := os.WriteFile(src, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := extractor().Extract(context.Background(), PDF, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) < 3 {
		t.Fatalf("%d pages; want several", len(got.Pages))
	}
	want := strings.Join(paras, "")
	if s := similarity(got.String(), want); s < 0.995 {
		t.Errorf("similarity %.4f; want ≥ 0.995:\n%s", s, firstDiff(noSpace(got.String()), noSpace(want)))
	}
	for _, junk := range []string{"青溪县政府工作报告", "file://", "1/"} {
		if strings.Contains(got.String(), junk) {
			t.Errorf("page furniture %q kept", junk)
		}
	}
}
