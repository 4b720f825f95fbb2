package extract

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// BenchmarkPDF reads a 30-page report (A4, 16 pt, about 800 Chinese
// characters a page, with a running header and page numbers) and reports
// pages/s. The engine is started before the timer; BenchmarkPDFStartup
// measures that.
func BenchmarkPDF(b *testing.B) {
	data := makePDF(b, extracttest.PDFSpec{
		Paras:    reportParas(b),
		Header:   "青溪县人民政府工作报告",
		Footer:   func(n int) string { return "— " + strconv.Itoa(n) + " —" },
		MaxPages: 30,
	})
	e := New(Options{Workers: 1})
	defer e.Close()
	if _, err := e.engine(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	cpu0 := extracttest.CPUTime()
	for b.Loop() {
		got, err := e.Extract(context.Background(), PDF, data)
		if err != nil || len(got.Pages) != 30 || !strings.Contains(got.Pages[29], "。") {
			b.Fatalf("%v; want 30 pages of text", err)
		}
	}
	extracttest.ReportRate(b, float64(30*b.N), "pages/s", cpu0)
}

// BenchmarkPDFStartup measures starting the PDF engine and reading a
// one-page PDF: with the compiled engine in the cache (a second run),
// and without it (compiling PDFium, about 3 s on one core).
func BenchmarkPDFStartup(b *testing.B) {
	data := makePDF(b, extracttest.PDFSpec{Paras: reportParas(b)[:3]})
	for _, c := range []struct {
		name string
		opt  Options
	}{
		{"cached", Options{CacheDir: b.TempDir()}},
		{"compile", Options{NoCache: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			if !c.opt.NoCache { // fill the cache first
				e := New(c.opt)
				e.engine()
				e.Close()
			}
			for b.Loop() {
				e := New(c.opt)
				got, err := e.Extract(context.Background(), PDF, data)
				if err != nil || len(got.Pages) != 1 {
					b.Fatalf("%v; want 1 page", err)
				}
				e.Close()
			}
		})
	}
}

// BenchmarkDOCX reads a .docx of the sample reports (about 16,000
// characters, marked up as Word writes them: 240 KB of document.xml,
// 27 KB zipped) and reports MB/s of the .docx file and of its XML. The
// other cases take document.xml to text with encoding/xml and with
// scanXML (MB/s of XML), and only inflate document.xml (the floor set by
// compress/flate).
func BenchmarkDOCX(b *testing.B) {
	paras := reportParas(b)
	body := make([]any, len(paras))
	for i, p := range paras {
		body[i] = p
	}
	data := extracttest.DOCX(b, body...)
	xml := len(extracttest.DOCXML(b, body...))
	want := strings.Join(paras, "\n")
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		cpu0 := extracttest.CPUTime()
		for b.Loop() {
			got, err := readDOCX(bytes.NewReader(data), int64(len(data)), DefaultLimits)
			if err != nil || got.Pages[0] != want {
				b.Fatalf("%v; want the paragraphs", err)
			}
		}
		extracttest.ReportRate(b, float64(len(data)*b.N)/1e6, "MB/s", cpu0)
		extracttest.ReportRate(b, float64(xml*b.N)/1e6, "xml-MB/s", cpu0)
	})
	b.Run("encoding-xml", func(b *testing.B) { // the library scanXML replaces
		x := []byte(extracttest.DOCXML(b, body...))
		b.SetBytes(int64(len(x)))
		for b.Loop() {
			got, err := xmlDocxText(x)
			if err != nil || got != want {
				b.Fatalf("%v; want the paragraphs", err)
			}
		}
	})
	b.Run("scanXML", func(b *testing.B) {
		x := []byte(extracttest.DOCXML(b, body...))
		b.SetBytes(int64(len(x)))
		for b.Loop() {
			got, err := docxText(x)
			if err != nil || got != want {
				b.Fatalf("%v; want the paragraphs", err)
			}
		}
	})
	b.Run("unzip", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		cpu0 := extracttest.CPUTime()
		for b.Loop() {
			d, err := openZipDoc(bytes.NewReader(data), int64(len(data)), DefaultLimits, "docx")
			if err != nil {
				b.Fatal(err)
			}
			if x, err := d.open("word/document.xml"); err != nil || len(x) != xml {
				b.Fatalf("%d bytes, %v; want %d", len(x), err, xml)
			}
		}
		extracttest.ReportRate(b, float64(len(data)*b.N)/1e6, "MB/s", cpu0)
		extracttest.ReportRate(b, float64(xml*b.N)/1e6, "xml-MB/s", cpu0)
	})
}
