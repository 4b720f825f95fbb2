package reports

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/extract/extracttest"
)

// BenchmarkLoadFormats reads the synthetic report (ten sample reports,
// 13,000 Chinese characters) through the loader on one worker —
// classification, extraction, cleaning, bundle split, metadata, sections
// and marks, as tifa does — as a printed 30-page PDF (pages/s), as a .docx
// and as .txt (MB/s of the file). The PDF engine is started before the
// timer (BenchmarkPDFStartup in extract measures that); no cache.
func BenchmarkLoadFormats(b *testing.B) {
	paras := extracttest.ReportParas(b, tifa.Samples())
	body := make([]any, len(paras))
	for i, p := range paras {
		body[i] = p
	}
	cases := []struct {
		name  string
		data  []byte
		pages int
	}{
		{"pdf30", extracttest.PDF(b, extracttest.Font(b), extracttest.PDFSpec{Paras: paras, Header: "青溪县人民政府工作报告",
			Footer: func(n int) string { return "— " + strconv.Itoa(n) + " —" }, MaxPages: 30}), 30},
		{"docx", extracttest.DOCX(b, body...), 0},
		{"txt", []byte(strings.Join(paras, "\n")), 0},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			file := filepath.Join(dir, "report."+strings.TrimRight(c.name, "0123456789"))
			if err := os.WriteFile(file, c.data, 0o644); err != nil {
				b.Fatal(err)
			}
			src, err := Open([]string{file}, Options{Workers: 1})
			if err != nil {
				b.Fatal(err)
			}
			defer src.Close()
			each := func() {
				n, chars := 0, 0
				err := src.Each(func(d *Document) error {
					n++
					chars += d.Chars(PartAll)
					if c.pages > 0 && d.Pages != c.pages {
						b.Fatalf("%s: %d pages, want %d", d.ID, d.Pages, c.pages)
					}
					return nil
				})
				if err != nil || n == 0 || chars < 12000 {
					b.Fatalf("%v: %d documents of %d characters", err, n, chars)
				}
			}
			each() // starts the PDF engine
			b.SetBytes(int64(len(c.data)))
			cpu0 := extracttest.CPUTime()
			for b.Loop() {
				each()
			}
			if c.pages > 0 {
				extracttest.ReportRate(b, float64(c.pages*b.N), "pages/s", cpu0)
			}
			extracttest.ReportRate(b, float64(len(c.data)*b.N)/1e6, "MB/s", cpu0)
		})
	}
}
