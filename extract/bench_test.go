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

// BenchmarkDOCX reads the sample reports (about 16,000 characters) as a
// .docx laid out as Word saves one (extracttest.WordDOCX: 433 KB of
// document.xml in a 58 KB file, a ratio of 7.5, at the hard end of the 4
// to 8 of Word-saved reports, whose other parts weigh about 11 KB zipped)
// and as the bare .docx of the other tests (extracttest.DOCX: 252 KB of
// uniform document.xml in 28 KB, a ratio of 9.0, harder still), and
// reports MB/s of the file (the figure issue 15's target of 50 MB/s is
// about) and of its document.xml. The other cases take document.xml to
// text with encoding/xml and with scanXML (MB/s of XML), and only
// inflate document.xml (the floor set by the inflater).
func BenchmarkDOCX(b *testing.B) {
	paras := reportParas(b)
	body := make([]any, len(paras))
	for i, p := range paras {
		body[i] = p
	}
	want := strings.Join(paras, "\n")
	word := extracttest.WordDOCX(b, paras)
	wordXML := docxPart(b, word, "word/document.xml")
	bare := extracttest.DOCX(b, body...)
	for _, c := range []struct {
		name string
		data []byte
		xml  int
	}{{"read", word, len(wordXML)}, {"read-bare", bare, len(docxPart(b, bare, "word/document.xml"))}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			cpu0 := extracttest.CPUTime()
			for b.Loop() {
				got, err := readDOCX(bytes.NewReader(c.data), int64(len(c.data)), DefaultLimits)
				if err != nil || got.Pages[0] != want {
					b.Fatalf("%v; want the paragraphs", err)
				}
			}
			extracttest.ReportRate(b, float64(len(c.data)*b.N)/1e6, "MB/s", cpu0)
			extracttest.ReportRate(b, float64(c.xml*b.N)/1e6, "xml-MB/s", cpu0)
		})
	}
	b.Run("encoding-xml", func(b *testing.B) { // the library scanXML replaces
		b.SetBytes(int64(len(wordXML)))
		for b.Loop() {
			got, err := xmlDocxText(wordXML)
			if err != nil || got != want {
				b.Fatalf("%v; want the paragraphs", err)
			}
		}
	})
	b.Run("scanXML", func(b *testing.B) {
		b.SetBytes(int64(len(wordXML)))
		cpu0 := extracttest.CPUTime()
		for b.Loop() {
			got, err := docxText(wordXML)
			if err != nil || got != want {
				b.Fatalf("%v; want the paragraphs", err)
			}
		}
		extracttest.ReportRate(b, float64(len(wordXML)*b.N)/1e6, "xml-MB/s", cpu0)
	})
	b.Run("unzip", func(b *testing.B) {
		b.SetBytes(int64(len(word)))
		cpu0 := extracttest.CPUTime()
		for b.Loop() {
			if x := docxPart(b, word, "word/document.xml"); len(x) != len(wordXML) {
				b.Fatalf("%d bytes; want %d", len(x), len(wordXML))
			}
		}
		extracttest.ReportRate(b, float64(len(word)*b.N)/1e6, "MB/s", cpu0)
		extracttest.ReportRate(b, float64(len(wordXML)*b.N)/1e6, "xml-MB/s", cpu0)
	})
}

// docxPart returns the member name of the zip data, unpacked.
func docxPart(b testing.TB, data []byte, name string) []byte {
	d, err := openZipDoc(bytes.NewReader(data), int64(len(data)), DefaultLimits, "docx")
	if err != nil {
		b.Fatal(err)
	}
	x, err := d.open(name)
	if err != nil {
		b.Fatal(err)
	}
	return x
}
