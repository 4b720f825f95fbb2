package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// TestChromiumPDF prints a synthetic report to PDF with headless Chromium,
// as a researcher's browser would save a web page, and reads it back: the
// text must be the report's, without Chromium's running header (date and
// title), footer (file URL) and page numbers ("2/13").
func TestChromiumPDF(t *testing.T) {
	chineseTTF(t) // the page needs a Chinese font; skips without one
	paras := reportParas(t)[:60]
	data := extracttest.ChromiumPDF(t, extracttest.HTMLPage("青溪县政府工作报告", paras))
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
