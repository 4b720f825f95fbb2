package extracttest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// sampleNames are the sample reports (testdata/samples, fictional places
// written for tifa) the synthetic report is made of.
var sampleNames = []string{"青溪县_2017.txt", "石桥镇_2020.txt", "禾丰乡_2018.txt", "枫岭乡_2019.txt",
	"青溪县_2021.txt", "桑田镇_2022.txt", "青溪县_2023.txt", "云溪镇_2020.txt", "白沙镇_2023.txt",
	"云溪镇_2024.txt", "东湖街道_2024.txt"}

// ReportParas returns the paragraphs (non-blank lines) of the synthetic
// report made of eleven sample reports of samples (tifa.Samples()), in
// order: about 16,000 Chinese characters.
func ReportParas(t testing.TB, samples fs.FS) []string {
	return Paras(t, samples, sampleNames...)
}

// Paras returns the paragraphs (non-blank lines, trimmed) of the UTF-8
// text files names of fsys, in order.
func Paras(t testing.TB, fsys fs.FS, names ...string) []string {
	var paras []string
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
	}
	return paras
}

var (
	fontMu   sync.Mutex
	findFont func() ([]byte, error)
	fontOnce sync.Once
	fontData []byte
	fontErr  error
)

// SetFont says where Font takes its font from: a test package's
// external test file sets it, e.g. to chart.FindFont's TrueType face.
func SetFont(find func() ([]byte, error)) {
	fontMu.Lock()
	defer fontMu.Unlock()
	findFont = find
}

// Font returns a TrueType face with Chinese glyphs for PDF, found once by
// the function SetFont gave, or skips the test saying what to install.
func Font(t testing.TB) []byte {
	fontMu.Lock()
	find := findFont
	fontMu.Unlock()
	if find == nil {
		t.Fatal("extracttest.Font: no SetFont in this test binary")
	}
	fontOnce.Do(func() { fontData, fontErr = find() })
	if fontErr != nil {
		t.Skipf("no TrueType Chinese font to write test PDFs (apt-get install fonts-wqy-zenhei): %v", fontErr)
	}
	return fontData
}

// PDFSpec describes a test PDF.
type PDFSpec struct {
	Paras    []string         // paragraphs, each starting a line
	Header   string           // running header on every page, "" for none
	Footer   func(int) string // page footer from the page number, nil for none
	MaxPages int              // fill this many pages, repeating the paragraphs (0: the paragraphs once)
	Blank    []int            // 1-based pages to leave with no text
	Protect  *[2]string       // user and owner password
}

// PDF writes a PDF in the layout of a printed government report (A4,
// 16 pt, about 28 lines of 28 characters) with fpdf, which embeds a
// subset of the TrueType font ttf (with Chinese glyphs) as an Identity-H
// CID font with a ToUnicode map, as word processors do.
func PDF(t testing.TB, ttf []byte, s PDFSpec) []byte {
	doc := fpdf.New("P", "mm", "A4", "")
	if s.Protect != nil {
		doc.SetProtection(fpdf.CnProtectPrint, s.Protect[0], s.Protect[1])
	}
	doc.SetCompression(true)
	doc.AddUTF8FontFromBytes("cjk", "", ttf)
	doc.SetMargins(28, 37, 26)
	doc.SetAutoPageBreak(true, 35)
	doc.SetHeaderFunc(func() {
		if s.Header != "" {
			doc.SetFont("cjk", "", 10)
			doc.SetXY(28, 18)
			doc.CellFormat(0, 6, s.Header, "", 0, "C", false, 0, "")
		}
		doc.SetFont("cjk", "", 16)
		doc.SetXY(28, 37)
	})
	doc.SetFooterFunc(func() {
		if s.Footer != nil {
			doc.SetFont("cjk", "", 12)
			doc.SetXY(28, 297-25)
			doc.CellFormat(0, 6, s.Footer(doc.PageNo()), "", 0, "C", false, 0, "")
		}
	})
	doc.SetFont("cjk", "", 16)
	doc.AddPage()
	width := 210 - 28 - 26 - 1.0
	for k := 0; k < len(s.Paras) || (s.MaxPages > 0 && doc.PageNo() < s.MaxPages); k++ {
		for slices.Contains(s.Blank, doc.PageNo()) {
			doc.AddPage()
		}
		if s.MaxPages > 0 && doc.PageNo() == s.MaxPages && doc.GetY() > 200 {
			break
		}
		// fpdf's MultiCell drops the character where it wraps Chinese
		// text, so lines are cut here
		for _, line := range WrapWidth(s.Paras[k%len(s.Paras)], width, doc.GetStringWidth) {
			doc.CellFormat(0, 8.5, line, "", 2, "L", false, 0, "")
		}
	}
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// GreyPNG returns a small grey square, a stand-in for a scanned page.
func GreyPNG(t testing.TB) []byte {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 4)
	}
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// ScanPDF writes a PDF of n pages, each only the image scan (a PNG) as a
// scanner does, but for the pages given text instead (in the TrueType
// font ttf).
func ScanPDF(t testing.TB, ttf, scan []byte, n int, text map[int]string) []byte {
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontFromBytes("cjk", "", ttf)
	doc.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(scan))
	if doc.Err() {
		t.Fatal(doc.Error())
	}
	for i := 1; i <= n; i++ {
		doc.AddPage()
		if s, ok := text[i]; ok {
			doc.SetFont("cjk", "", 14)
			doc.Text(30, 40, s)
			continue
		}
		doc.ImageOptions("scan", 0, 0, 210, 297, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// WrapWidth cuts s into lines no wider than w as measured by width.
func WrapWidth(s string, w float64, width func(string) float64) []string {
	var lines []string
	r := []rune(s)
	for len(r) > 0 {
		n := 1
		for n < len(r) && width(string(r[:n+1])) <= w {
			n++
		}
		lines = append(lines, string(r[:n]))
		r = r[n:]
	}
	return lines
}

// DOCXPart is a raw WordprocessingML fragment for DOCX.
type DOCXPart string

// DOCX writes a .docx whose body holds the paragraphs given (a string
// is a plain paragraph, a DOCXPart raw XML), with a header and a comment
// part beside it that must not be read.
func DOCX(t testing.TB, body ...any) []byte {
	return Zip(t, []ZipEntry{
		{Name: "[Content_Types].xml", Data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{Name: "_rels/.rels", Data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{Name: "word/document.xml", Data: DOCXML(t, body...)},
		{Name: "word/header1.xml", Data: `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>页眉不读</w:t></w:r></w:p></w:hdr>`},
		{Name: "word/comments.xml", Data: `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"><w:p><w:r><w:t>批注不读</w:t></w:r></w:p></w:comment></w:comments>`},
	})
}

// DOCXML returns the word/document.xml of DOCX.
func DOCXML(t testing.TB, body ...any) string {
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
		`xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>`)
	for _, b := range body {
		switch b := b.(type) {
		case string:
			// as Word writes a paragraph: revision ids, paragraph and run
			// properties, the text cut into runs where it was edited
			x.WriteString(`<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6" w:rsidP="00A7B8C9"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:pPr>`)
			r := []rune(b)
			for len(r) > 0 {
				n := min(len(r), 40)
				fmt.Fprintf(&x, `<w:r w:rsidRPr="00E1F2A3"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, html.EscapeString(string(r[:n])))
				r = r[n:]
			}
			x.WriteString(`</w:p>`)
		case DOCXPart:
			x.WriteString(string(b))
		default:
			t.Fatalf("extracttest.DOCX: %T", b)
		}
	}
	x.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>`)
	return x.String()
}

// ZipEntry is one member for Zip.
type ZipEntry struct {
	Name    string
	Data    string
	RawName []byte // the name's bytes as stored (e.g. GBK), flag bit 11 unset
	Method  uint16 // zip.Deflate when 0
}

// Zip writes a zip; a member with rawName keeps those bytes as its
// name without the UTF-8 flag, as Chinese Windows writes names.
func Zip(t testing.TB, entries []ZipEntry) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate}
		if e.Method != 0 {
			h.Method = e.Method
		}
		if e.RawName != nil {
			h.Name = string(e.RawName)
			h.NonUTF8 = true
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(e.Data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// OFD writes an OFD file: one TextObject per line, a template page
// holding a letterhead (not read), and a page number at each page's foot.
func OFD(t testing.TB, pages [][]string) []byte {
	ns := `xmlns:ofd="http://www.ofdspec.org/2016"`
	entries := []ZipEntry{
		{Name: "OFD.xml", Data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ` + ns + ` Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`},
		{Name: "Doc_0/Tpls/Tpl_0/Content.xml", Data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ` + ns + `><ofd:Content><ofd:Layer ID="90"><ofd:TextObject ID="91" Boundary="20 10 170 8" Font="5" Size="5"><ofd:TextCode X="0" Y="5">模板页眉不读</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`},
	}
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document ` + ns + `><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>`)
	id := 100
	for i, lines := range pages {
		loc := fmt.Sprintf("Pages/Page_%d/Content.xml", i)
		fmt.Fprintf(&doc, `<ofd:Page ID="%d" BaseLoc="%s"/>`, 10+i, loc)
		var c strings.Builder
		c.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ` + ns + `><ofd:Template TemplateID="2" ZOrder="Background"/><ofd:Content><ofd:Layer ID="3">`)
		for j, l := range lines {
			id++
			// a line as one TextCode, or (odd lines) one TextCode per
			// character, as some writers do
			fmt.Fprintf(&c, `<ofd:TextObject ID="%d" Boundary="25 %.1f 160 8" Font="5" Size="5.6">`, id, 35+float64(j)*8.5)
			if j%2 == 0 {
				fmt.Fprintf(&c, `<ofd:TextCode X="0" Y="6">%s</ofd:TextCode>`, html.EscapeString(l))
			} else {
				for k, r := range []rune(l) {
					fmt.Fprintf(&c, `<ofd:TextCode X="%.1f" Y="6">%s</ofd:TextCode>`, float64(k)*5.6, html.EscapeString(string(r)))
				}
			}
			c.WriteString(`</ofd:TextObject>`)
		}
		id++
		fmt.Fprintf(&c, `<ofd:TextObject ID="%d" Boundary="95 270 20 8" Font="5" Size="4"><ofd:TextCode X="0" Y="5">— %d —</ofd:TextCode></ofd:TextObject>`, id, i+1)
		c.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
		entries = append(entries, ZipEntry{Name: "Doc_0/" + loc, Data: c.String()})
	}
	doc.WriteString(`</ofd:Pages></ofd:Document>`)
	entries = append(entries, ZipEntry{Name: "Doc_0/Document.xml", Data: doc.String()})
	return Zip(t, entries)
}

// ChunkLines cuts paragraphs into lines of at most n characters, as a
// page layout does.
func ChunkLines(paras []string, n int) []string {
	var out []string
	for _, p := range paras {
		r := []rune(p)
		for len(r) > n {
			out = append(out, string(r[:n]))
			r = r[n:]
		}
		out = append(out, string(r))
	}
	return out
}

// GBK returns s encoded in GBK, as Chinese Windows writes zip member names.
func GBK(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// HTMLPage writes the paragraphs as a web page titled title, in a Chinese
// font at 16 pt, as a government site shows a report.
func HTMLPage(title string, paras []string) string {
	var page strings.Builder
	page.WriteString(`<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>` + html.EscapeString(title) + `</title>` +
		`<style>body{font:16pt "WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;line-height:1.8;margin:0 1cm}p{margin:0;text-indent:2em}</style></head><body>`)
	for _, p := range paras {
		page.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	page.WriteString("</body></html>")
	return page.String()
}

// ChromiumPDF prints the web page page to PDF with headless Chromium, as
// a researcher's browser saves a page: with Chromium's running header
// (date and title), footer (file URL) and page numbers ("2/13"). It skips
// the test when chromium is not installed.
func ChromiumPDF(t testing.TB, page string) []byte {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (apt-get install chromium): the browser-printed PDF is not tested")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "report.html")
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
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
	return data
}
