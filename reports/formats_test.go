package reports

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/extract/extracttest"
	"github.com/tifa-project/tifa/infile/infiletest"
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
		"石桥镇_2020.pdf":  pdfOf(t, sample(t, "石桥镇_2020.txt")),
		"禾丰乡_2018.docx": extracttest.DOCX(t, asAny(sample(t, "禾丰乡_2018.txt"))...),
		"桑田镇_2022.docx": extracttest.DOCX(t, asAny(sample(t, "桑田镇_2022.txt"))...),
		"东湖街道_2019.ofd": ofdOf(t, sample(t, "东湖街道_2019.txt")),
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
		"东湖街道_2019.ofd ofd 3 东湖街道/street/2019 true",
		"扫描件.pdf pdf 3 //0 false",
		"报告.zip/报告/云溪镇_2020.docx docx 0 云溪镇/township/2020 true",
		"报告.zip/报告/青溪县_2021.pdf pdf 3 青溪县/county/2021 true",
		"桑田镇_2022.docx docx 0 桑田镇/township/2022 true",
		"石桥镇_2020.pdf pdf 3 石桥镇/township/2020 true",
		"禾丰乡_2018.docx docx 0 禾丰乡/township/2018 true",
		"青溪县_2017.txt txt 0 青溪县/county/2017 true",
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
	if n, kinds := src.OtherKinds(); n != 3 || !slices.Equal(kinds, []string{"system", "image", "unsupported"}) {
		t.Errorf("other kinds: %d %v, want 3 (the manifests aside) [system image unsupported]", n, kinds)
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
	src, err := Open([]string{filepath.Join(dir, "石桥镇_2020.pdf"), filepath.Join(dir, "报告.zip")}, Options{})
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
	want := []string{"石桥镇_2020.pdf pdf 1", "报告.zip/报告/云溪镇_2020.docx docx 1", "报告.zip/报告/青溪县_2021.pdf pdf 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSameTextEveryFormat: one report as .txt, .pdf, .docx, .ofd and in a
// zip cleans to the same text (white space aside), so every count on it
// agrees.
func TestSameTextEveryFormat(t *testing.T) {
	paras := sample(t, "青溪县_2023.txt")
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

// memCache is a DocCache in memory that counts what it is asked.
type memCache struct {
	mu         sync.Mutex
	docs       map[string][]*Document
	hits, puts int
}

func (c *memCache) GetDocs(key string) ([]*Document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.docs[key]
	if ok {
		c.hits++
	}
	return d, ok
}

func (c *memCache) PutDocs(key string, docs []*Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs[key] = docs
	c.puts++
}

// TestCacheKeepsExtracted: a second run takes every document, PDFs and
// Word files included, with their pages and marks, from the cache: nothing
// is extracted again.
func TestCacheKeepsExtracted(t *testing.T) {
	dir := mixedFolder(t)
	c := &memCache{docs: map[string][]*Document{}}
	read := func() []*Document {
		docs, src, err := Load([]string{dir}, Options{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		src.Close()
		return docs
	}
	first := read()
	if c.puts != len(first) || c.hits != 0 {
		t.Fatalf("first run: %d puts, %d hits for %d documents", c.puts, c.hits, len(first))
	}
	second := read()
	if c.puts != len(first) || c.hits != len(first) {
		t.Errorf("second run: %d puts, %d hits; want %d and %d", c.puts, c.hits, len(first), len(first))
	}
	pdfs := 0
	for i, d := range second {
		if !reflect.DeepEqual(d, first[i]) {
			t.Errorf("%s differs from the cache", d.ID)
		}
		if d.Format == "pdf" && d.Text != "" && d.Pages == 3 && len(d.Marks) == 3 {
			pdfs++
		}
	}
	if pdfs != 2 {
		t.Errorf("%d PDFs with their 3 pages and marks from the cache, want 2", pdfs)
	}
}

// TestEachStopsOnCancel: Ctrl-C while PDFs are read stops the run with
// ctx's error, and what was cut short is not cached.
func TestEachStopsOnCancel(t *testing.T) {
	dir := mixedFolder(t)
	c := &memCache{docs: map[string][]*Document{}}
	src, err := Open([]string{dir}, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err = src.EachContext(ctx, func(d *Document) error {
		if n++; n == 1 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("EachContext returned %v after %d documents; want context.Canceled after 1", err, n)
	}
	for _, docs := range c.docs {
		for _, d := range docs {
			if d.Format == "pdf" && d.Text == "" && !strings.Contains(strings.Join(d.Warnings, ";"), "no text layer") {
				t.Errorf("%s cached as %q", d.ID, d.Warnings)
			}
		}
	}
}

// tarGz writes a .tar.gz of the members given, in order.
func tarGz(t *testing.T, members ...[2]string) []byte {
	var b bytes.Buffer
	gz := gzip.NewWriter(&b)
	tw := tar.NewWriter(gz)
	for _, m := range members {
		if err := tw.WriteHeader(&tar.Header{Name: m[0], Mode: 0o644, Size: int64(len(m[1])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(m[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestOpenOddFiles: damaged, encrypted, nested and unknown files in a
// folder are each a document with the reason it has no text, or listed
// and warned about by name; none stops the run or passes in silence.
func TestOpenOddFiles(t *testing.T) {
	paras := sample(t, "青溪县_2023.txt")
	text := strings.Join(paras, "\n")
	inner := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "deep.zip", Data: string(extracttest.Zip(t, []extracttest.ZipEntry{{Name: "x.txt", Data: text}}))},
		{Name: "y.txt", Data: text}})
	files := map[string][]byte{
		"ok.txt":      []byte(text),
		"damaged.zip": []byte("PK\x03\x04 not a zip at all"),
		"locked.pdf": extracttest.PDF(t, extracttest.Font(t), extracttest.PDFSpec{Paras: paras[:3],
			Protect: &[2]string{"user", "owner"}}),
		"cut.docx":     extracttest.DOCX(t, asAny(paras)...)[:2000],
		"nested.zip":   extracttest.Zip(t, []extracttest.ZipEntry{{Name: "in.zip", Data: string(inner)}, {Name: "a.txt", Data: text}}),
		"bundle.tgz":   tarGz(t, [2]string{"青溪县_2023.txt", text}, [2]string{"说明", "这是一个说明文件"}),
		"notes":        []byte("一些笔记"),
		"binary.dat":   []byte("\x00\x01\x02\x03\x04\x05"),
		"empty.pdf":    nil,
		"mislabel.pdf": []byte(text),
	}
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var w []string
	src, err := Open([]string{dir}, Options{Warn: func(m string) { w = append(w, strings.ReplaceAll(m, dir+"/", "")) }})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	got := map[string]string{}
	err = src.Each(func(d *Document) error {
		got[d.ID] = fmt.Sprintf("%s %v", d.Format, d.Chars(PartAll) > 500)
		if p := d.Unread(); p != "" {
			got[d.ID] += " " + p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ok.txt":                  "txt true",
		"locked.pdf":              "pdf false not read: encrypted: needs a password (PDF with a user password)",
		"cut.docx":                "docx false not read: damaged: not a Word document: not a readable zip file",
		"nested.zip/a.txt":        "txt true",
		"nested.zip/in.zip/y.txt": "txt true",
		"bundle.tgz/青溪县_2023.txt": "txt true",
		"empty.pdf":               "pdf false not read: empty file",
		"mislabel.pdf":            "unknown false not read: text file of an unknown type (.pdf); rename it to .txt",
	}
	for id, g := range got {
		if want[id] == "" {
			t.Errorf("unexpected document %s: %s", id, g)
		} else if !strings.HasPrefix(g, want[id]) {
			t.Errorf("%s: %s, want %s", id, g, want[id])
		}
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("no document %s", id)
		}
	}
	warned := strings.Join(w, "\n")
	for _, s := range []string{
		"damaged.zip: archive not read: damaged",
		"nested.zip/in.zip/deep.zip: an archive nested more than one level deep: not opened",
		"bundle.tgz/说明: text file without an extension: not read; rename it to .txt to read it",
		"notes: text file without an extension",
		"binary.dat: binary data of an unknown format (.dat)",
		"locked.pdf: not read: encrypted",
		"cut.docx: not read: damaged",
	} {
		if !strings.Contains(warned, s) {
			t.Errorf("warnings lack %q:\n%s", s, warned)
		}
	}
}

// FuzzOpenFolder: whatever bytes a file holds, under whatever report,
// archive or other name, a folder run neither panics nor fails: every file
// is a document or listed in Others. (PDF parsing is fuzzed in extract,
// with a time bound; inputs that would reach it are skipped here.)
func FuzzOpenFolder(f *testing.F) {
	f.Add([]byte("各位代表：现在报告工作。"), uint8(0))
	f.Add(extracttest.Zip(f, []extracttest.ZipEntry{{RawName: extracttest.GBK(f, "报告/a.txt"), Data: "乡村振兴"}, {Name: "manifest.csv", Data: "file,region,level,year\na.txt,甲,,2020\n"}}), uint8(3))
	f.Add(extracttest.DOCX(f, "各位代表"), uint8(1))
	f.Add(extracttest.OFD(f, [][]string{{"各位代表"}}), uint8(2))
	f.Add([]byte("{\\rtf1 \\u21508?}"), uint8(4))
	names := []string{"a.txt", "b.docx", "c.ofd", "d.zip", "e.rtf", "f.doc", "g.tar.gz", "h", "manifest.csv", "i.html"}
	f.Fuzz(func(t *testing.T, data []byte, n uint8) {
		if bytes.Contains(data, []byte("%PDF")) {
			t.Skip()
		}
		name := names[int(n)%len(names)]
		fsys := fstest.MapFS{name: {Data: data}, "ok.txt": {Data: []byte("各位代表：现在报告工作。")}}
		src, err := OpenFS(fsys, ".", Options{Workers: 1})
		if err != nil {
			if strings.Contains(err.Error(), "manifest.csv") {
				return // a malformed manifest is the user's error to fix
			}
			t.Fatal(err)
		}
		defer src.Close()
		docs := 0
		if err := src.Each(func(*Document) error { docs++; return nil }); err != nil {
			t.Fatal(err)
		}
		if docs == 0 || docs+len(src.Others()) < 2 {
			t.Errorf("%d documents and %d others for 2 files", docs, len(src.Others()))
		}
	})
}

// TestOpenHostileArchive: a FIFO or a link to nowhere named like an
// archive is listed with its problem, never opened (infile refuses it).
func TestOpenHostileArchive(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ok.txt"), []byte(strings.Join(sample(t, "青溪县_2023.txt"), "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	infiletest.FIFO(t, filepath.Join(dir, "pipe.zip"))
	if err := os.Symlink(filepath.Join(dir, "nowhere.zip"), filepath.Join(dir, "gone.zip")); err != nil {
		t.Fatal(err)
	}
	var w []string
	infiletest.Within(t, func() {
		src, err := Open([]string{dir}, Options{Warn: func(m string) { w = append(w, strings.ReplaceAll(m, dir+"/", "")) }})
		if err != nil {
			t.Fatal(err)
		}
		if err := src.Each(func(*Document) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if len(src.Others()) != 2 {
			t.Errorf("others %+v, want the FIFO and the link", src.Others())
		}
	})
	if got := strings.Join(w, "\n"); !strings.Contains(got, "pipe.zip: not read: ") || !strings.Contains(got, "gone.zip: not read: ") {
		t.Errorf("warnings:\n%s", got)
	}
}
