package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/extract/extracttest"
)

// Fixtures of this file are built by extracttest; its font comes from
// font_test.go.

// sample returns the paragraphs of one sample report.
func sample(t *testing.T, name string) []string {
	return extracttest.Paras(t, tifa.Samples(), name)
}

// asAny turns paragraphs into extracttest.DOCX's body.
func asAny(paras []string) []any {
	out := make([]any, len(paras))
	for i, p := range paras {
		out[i] = p
	}
	return out
}

// pdfOf writes the paragraphs as a printed report: running header, page
// numbers.
func pdfOf(t *testing.T, paras []string) []byte {
	return extracttest.PDF(t, extracttest.Font(t), extracttest.PDFSpec{Paras: paras, Header: "人民政府文件",
		Footer: func(n int) string { return fmt.Sprintf("— %d —", n) }})
}

// ofdOf lays the paragraphs out in lines of 28 characters, 26 a page.
func ofdOf(t *testing.T, paras []string) []byte {
	var pages [][]string
	for lines := extracttest.ChunkLines(paras, 28); len(lines) > 0; {
		n := min(len(lines), 26)
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	return extracttest.OFD(t, pages)
}

// mixedFolder writes a folder as researchers collect it: reports as text,
// PDF, Word and OFD, a scan, a zip from Chinese Windows (GBK names, its
// own manifest in its only folder), an unsupported archive, an image, a
// macOS file and the folder's manifest, which lists one member of the zip.
func mixedFolder(t *testing.T) string {
	dir := t.TempDir()
	files := map[string][]byte{
		"manifest.csv": []byte("file,region,level,year\n青溪县_2017.txt,青溪县,county,2017\n" +
			"报告.zip/报告/云溪镇_2020.docx,云溪镇,township,2020\n"),
		"青溪县_2017.txt":  []byte(strings.Join(sample(t, "青溪县_2017.txt"), "\n")),
		"临江市_2020.pdf":  pdfOf(t, sample(t, "临江市_2020.txt")),
		"云溪镇_2018.docx": extracttest.DOCX(t, asAny(sample(t, "云溪镇_2018.txt"))...),
		"白沙镇_2021.docx": extracttest.DOCX(t, asAny(sample(t, "白沙镇_2021.txt"))...),
		"青溪县_2019.ofd":  ofdOf(t, sample(t, "青溪县_2019.txt")),
		"扫描件.pdf":       extracttest.ScanPDF(t, extracttest.Font(t), extracttest.GreyPNG(t), 3, nil),
		"旧报告.7z":        []byte("7z\xbc\xaf\x27\x1c\x00\x04"),
		"photo.png":     extracttest.GreyPNG(t),
		".DS_Store":     []byte("\x00\x00\x00\x01Bud1"),
		"报告.zip": extracttest.Zip(t, []extracttest.ZipEntry{
			{RawName: extracttest.GBK(t, "报告/青溪县_2021.pdf"), Data: string(pdfOf(t, sample(t, "青溪县_2021.txt")))},
			{RawName: extracttest.GBK(t, "报告/云溪镇_2020.docx"), Data: string(extracttest.DOCX(t, asAny(sample(t, "云溪镇_2020.txt"))...))},
			{RawName: extracttest.GBK(t, "报告/manifest.csv"), Data: "file,region,level,year,source\n青溪县_2021.pdf,青溪县,county,2021,县政府网站\n"},
		}),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestOpenMixedFolder is issue 15's "nothing silent": every file of a
// mixed folder is read, listed or warned about by name, and the reports
// in PDF, Word, OFD and a zip are read with their metadata, pages and
// format.
func TestOpenMixedFolder(t *testing.T) {
	dir := mixedFolder(t)
	var w []string
	src, err := Open([]string{dir}, Options{Warn: func(m string) { w = append(w, strings.ReplaceAll(m, dir+"/", "")) }, OCRFlag: "--ocr"})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var docs []*Document
	if err := src.Each(func(d *Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s %s %d %s/%s/%d %v", d.ID, d.Format, d.Pages, d.Meta.Region, d.Meta.Level, d.Meta.Year, d.Chars(PartAll) > 500))
	}
	want := []string{
		"临江市_2020.pdf pdf 3 临江市/city/2020 true",
		"云溪镇_2018.docx docx 0 云溪镇/township/2018 true",
		"扫描件.pdf pdf 3 //0 false",
		"报告.zip/报告/云溪镇_2020.docx docx 0 云溪镇/township/2020 true",
		"报告.zip/报告/青溪县_2021.pdf pdf 3 青溪县/county/2021 true",
		"白沙镇_2021.docx docx 0 白沙镇/township/2021 true",
		"青溪县_2017.txt txt 0 青溪县/county/2017 true",
		"青溪县_2019.ofd ofd 3 青溪县/county/2019 true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var others []string
	for _, e := range src.Others() {
		others = append(others, fmt.Sprintf("%s %s %v: %s", e.ID, e.Format, e.Warned, e.Reason))
	}
	wantOthers := []string{
		".DS_Store system false: macOS folder metadata (.DS_Store)",
		"manifest.csv manifest false: manifest: metadata of the reports",
		"photo.png image false: image (PNG)",
		"报告.zip/报告/manifest.csv manifest false: manifest: metadata of the reports",
		"旧报告.7z unsupported true: 7z archive: not read; unpack it first (7z x FILE) or repack it as .zip",
	}
	if !reflect.DeepEqual(others, wantOthers) {
		t.Errorf("others:\n%s\nwant:\n%s", strings.Join(others, "\n"), strings.Join(wantOthers, "\n"))
	}
	warned := strings.Join(w, "\n")
	if strings.Contains(warned, "no such file") {
		t.Errorf("the manifest's row naming a member of the zip is not found:\n%s", warned)
	}
	for _, s := range []string{
		"旧报告.7z: 7z archive: not read",
		"扫描件.pdf: not read: no text layer, 3 pages: a scan? OCR it, e.g. `pdftoppm -r 300 -png FILE page && tesseract page-1.png out -l chi_sim`; or run tifa with --ocr",
	} {
		if !strings.Contains(warned, s) {
			t.Errorf("warnings lack %q:\n%s", s, warned)
		}
	}
	for _, d := range docs {
		if d.ID == "报告.zip/报告/青溪县_2021.pdf" && d.Meta.Extra["source"] != "县政府网站" {
			t.Errorf("%s: the archive's manifest is not applied: %+v", d.ID, d.Meta)
		}
		if d.Format == "pdf" && d.Pages == 3 && d.Text != "" {
			last := finalLine(d.Text)
			if _, page := d.Locate(strings.LastIndex(d.Text, last)); page != 3 {
				t.Errorf("%s: the last line %q on page %d, want 3", d.ID, last, page)
			}
		}
	}
}

func finalLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// TestOpenNamedPDF: a PDF named on the command line is read (it used to
// be "binary data"), and so is a zip, as a folder of its members.
func TestOpenNamedPDF(t *testing.T) {
	dir := mixedFolder(t)
	src, err := Open([]string{filepath.Join(dir, "临江市_2020.pdf"), filepath.Join(dir, "报告.zip")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var got []string
	err = src.Each(func(d *Document) error {
		got = append(got, fmt.Sprintf("%s %s %d", strings.TrimPrefix(d.ID, dir+"/"), d.Format, d.Chars(PartAll)/1000))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"临江市_2020.pdf pdf 1", "报告.zip/报告/云溪镇_2020.docx docx 1", "报告.zip/报告/青溪县_2021.pdf pdf 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSameTextEveryFormat: one report as .txt, .pdf, .docx, .ofd and in a
// zip cleans to the same text (white space aside), so every count on it
// agrees.
func TestSameTextEveryFormat(t *testing.T) {
	paras := sample(t, "临江市_2020.txt")
	dir := t.TempDir()
	files := map[string][]byte{
		"a.txt":  []byte(strings.Join(paras, "\n")),
		"b.pdf":  pdfOf(t, paras),
		"c.docx": extracttest.DOCX(t, asAny(paras)...),
		"d.ofd":  ofdOf(t, paras),
		"e.zip":  extracttest.Zip(t, []extracttest.ZipEntry{{RawName: extracttest.GBK(t, "临江市.pdf"), Data: string(pdfOf(t, paras))}}),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, src, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if len(docs) != len(files) {
		t.Fatalf("%d documents, want %d", len(docs), len(files))
	}
	want := noSpace(docs[0].Text)
	for _, d := range docs[1:] {
		if got := noSpace(d.Text); got != want {
			t.Errorf("%s (%s) differs from the .txt:\n%s", d.ID, d.Format, firstDiff(got, want))
		}
	}
}

func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	return fmt.Sprintf("at rune %d: %q\nvs %q", i, string(ra[max(0, i-20):min(len(ra), i+20)]), string(rb[max(0, i-20):min(len(rb), i+20)]))
}
