package extract

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"html"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/chart"
	"golang.org/x/text/encoding/charmap"
)

// Fixtures: every test document is built here, in Go, from the synthetic
// sample reports of testdata/samples (fictional places, written for tifa).

// sampleNames are the UTF-8 sample reports the synthetic report is made of.
var sampleNames = []string{"青溪县_2017.txt", "石桥镇_2020.txt", "禾丰乡_2018.txt", "枫岭乡_2019.txt",
	"青溪县_2021.txt", "桑田镇_2022.txt", "青溪县_2023.txt", "云溪镇_2020.txt", "白沙镇_2023.txt",
	"云溪镇_2024.txt", "东湖街道_2024.txt"}

// reportParas returns the paragraphs (non-blank lines) of the sample
// reports, in order: about 16,000 Chinese characters.
func reportParas(t testing.TB) []string {
	var paras []string
	for _, name := range sampleNames {
		b, err := fs.ReadFile(tifa.Samples(), name)
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

// noSpace returns s without white space, to compare texts whose line
// breaks differ.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var (
	ttfOnce sync.Once
	ttfData []byte
	ttfErr  error
)

// chineseTTF returns a TrueType face with Chinese glyphs for fpdf, or
// skips the test saying what to install.
func chineseTTF(t testing.TB) []byte {
	ttfOnce.Do(func() {
		f, err := chart.FindFont("")
		if err != nil {
			ttfErr = err
			return
		}
		ttfData, ttfErr = f.TrueType()
	})
	if ttfErr != nil {
		t.Skipf("no TrueType Chinese font to write test PDFs (apt-get install fonts-wqy-zenhei): %v", ttfErr)
	}
	return ttfData
}

// pdfSpec describes a test PDF.
type pdfSpec struct {
	paras    []string
	header   string           // running header on every page, "" for none
	footer   func(int) string // page footer from the page number, nil for none
	maxPages int              // stop adding paragraphs on this page (0: all)
	blank    []int            // 1-based pages to leave with no text
	protect  *[2]string       // user and owner password
}

// makePDF writes a PDF in the layout of a printed government report
// (A4, 16 pt, about 28 lines of 28 characters) with fpdf, which embeds a
// subset of the font as an Identity-H CID font with a ToUnicode map.
func makePDF(t testing.TB, s pdfSpec) []byte {
	ttf := chineseTTF(t)
	doc := fpdf.New("P", "mm", "A4", "")
	if s.protect != nil {
		doc.SetProtection(fpdf.CnProtectPrint, s.protect[0], s.protect[1])
	}
	doc.SetCompression(true)
	doc.AddUTF8FontFromBytes("cjk", "", ttf)
	doc.SetMargins(28, 37, 26)
	doc.SetAutoPageBreak(true, 35)
	doc.SetHeaderFunc(func() {
		if s.header != "" {
			doc.SetFont("cjk", "", 10)
			doc.SetXY(28, 18)
			doc.CellFormat(0, 6, s.header, "", 0, "C", false, 0, "")
		}
		doc.SetFont("cjk", "", 16)
		doc.SetXY(28, 37)
	})
	doc.SetFooterFunc(func() {
		if s.footer != nil {
			doc.SetFont("cjk", "", 12)
			doc.SetXY(28, 297-25)
			doc.CellFormat(0, 6, s.footer(doc.PageNo()), "", 0, "C", false, 0, "")
		}
	})
	doc.SetFont("cjk", "", 16)
	doc.AddPage()
	width := 210 - 28 - 26 - 1.0
	for k := 0; k < len(s.paras) || (s.maxPages > 0 && doc.PageNo() < s.maxPages); k++ {
		for contains(s.blank, doc.PageNo()) {
			doc.AddPage()
		}
		if s.maxPages > 0 && doc.PageNo() == s.maxPages && doc.GetY() > 200 {
			break
		}
		// fpdf's MultiCell drops the character where it wraps Chinese
		// text, so lines are cut here
		for _, line := range wrapWidth(s.paras[k%len(s.paras)], width, doc.GetStringWidth) {
			doc.CellFormat(0, 8.5, line, "", 2, "L", false, 0, "")
		}
	}
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// wrapWidth cuts s into lines no wider than w as measured by width.
func wrapWidth(s string, w float64, width func(string) float64) []string {
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

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// docxPart is a raw WordprocessingML fragment for makeDOCX.
type docxPart string

// makeDOCX writes a .docx whose body holds the paragraphs given (a string
// is a plain paragraph, a docxPart raw XML), with a header and a comment
// part beside it that must not be read.
func makeDOCX(t testing.TB, body ...any) []byte {
	return makeZip(t, []zipEntry{
		{name: "[Content_Types].xml", data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{name: "_rels/.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{name: "word/document.xml", data: docxXML(t, body...)},
		{name: "word/header1.xml", data: `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>页眉不读</w:t></w:r></w:p></w:hdr>`},
		{name: "word/comments.xml", data: `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"><w:p><w:r><w:t>批注不读</w:t></w:r></w:p></w:comment></w:comments>`},
	})
}

// docxXML returns the word/document.xml of makeDOCX.
func docxXML(t testing.TB, body ...any) string {
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
		case docxPart:
			x.WriteString(string(b))
		default:
			t.Fatalf("makeDOCX: %T", b)
		}
	}
	x.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>`)
	return x.String()
}

// zipEntry is one member for makeZip.
type zipEntry struct {
	name    string
	data    string
	rawName []byte // the name's bytes as stored (e.g. GBK), flag bit 11 unset
	method  uint16 // zip.Deflate when 0
}

// makeZip writes a zip; a member with rawName keeps those bytes as its
// name without the UTF-8 flag, as Chinese Windows writes names.
func makeZip(t testing.TB, entries []zipEntry) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.method != 0 {
			h.Method = e.method
		}
		if e.rawName != nil {
			h.Name = string(e.rawName)
			h.NonUTF8 = true
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// makeOFD writes an OFD file: one TextObject per line, a template page
// holding a letterhead (not read), and a page number at each page's foot.
func makeOFD(t testing.TB, pages [][]string) []byte {
	ns := `xmlns:ofd="http://www.ofdspec.org/2016"`
	entries := []zipEntry{
		{name: "OFD.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ` + ns + ` Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`},
		{name: "Doc_0/Tpls/Tpl_0/Content.xml", data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ` + ns + `><ofd:Content><ofd:Layer ID="90"><ofd:TextObject ID="91" Boundary="20 10 170 8" Font="5" Size="5"><ofd:TextCode X="0" Y="5">模板页眉不读</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`},
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
		entries = append(entries, zipEntry{name: "Doc_0/" + loc, data: c.String()})
	}
	doc.WriteString(`</ofd:Pages></ofd:Document>`)
	entries = append(entries, zipEntry{name: "Doc_0/Document.xml", data: doc.String()})
	return makeZip(t, entries)
}

// chunkLines cuts paragraphs into lines of at most n characters, as a
// page layout does.
func chunkLines(paras []string, n int) []string {
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

// docPiece is a piece of text for makeDOC: 8-bit (compressed) pieces
// must be cp1252 text.
type docPiece struct {
	text       string
	compressed bool
}

// docSpec describes a test .doc.
type docSpec struct {
	main, boxes []docPiece
	flags       uint16 // FibBase flags besides fWhichTblStm
	nFib        uint16 // 0: Word 97 (0x00C1)
	prc         bool   // a Prc record before the piece table
}

// makeDOC writes a Word 97 .doc: an OLE compound file (CFB version 3,
// 512-byte sectors, [MS-CFB]) holding a WordDocument stream (the FIB,
// then the pieces' text) and a 1Table stream (the CLX). Streams are padded
// to 4,096 bytes so that none lives in the mini stream.
func makeDOC(t testing.TB, s docSpec) []byte {
	const textStart = 1024
	wd := make([]byte, textStart)
	var cps []uint32
	var fcs []uint32
	cp := uint32(0)
	ccp := func(ps []docPiece) uint32 {
		n := uint32(0)
		for _, p := range ps {
			n += uint32(len(utf16.Encode([]rune(p.text))))
		}
		return n
	}
	for _, p := range append(append([]docPiece{}, s.main...), s.boxes...) {
		cps = append(cps, cp)
		u := utf16.Encode([]rune(p.text))
		if p.compressed {
			fcs = append(fcs, uint32(len(wd))*2|0x40000000)
			b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(p.text))
			if err != nil {
				t.Fatalf("makeDOC: compressed piece %q: %v", p.text, err)
			}
			wd = append(wd, b...)
		} else {
			fcs = append(fcs, uint32(len(wd)))
			for _, c := range u {
				wd = binary.LittleEndian.AppendUint16(wd, c)
			}
		}
		cp += uint32(len(u))
	}
	cps = append(cps, cp)
	// FIB: FibBase, csw=14, fibRgW, cslw=22, fibRgLw97, cbRgFcLcb=93, blob
	le := binary.LittleEndian
	le.PutUint16(wd[0:], 0xA5EC)
	nFib := s.nFib
	if nFib == 0 {
		nFib = 0x00C1
	}
	le.PutUint16(wd[2:], nFib)
	le.PutUint16(wd[10:], 0x0200|s.flags)
	le.PutUint16(wd[32:], 14)
	lwAt := 34 + 28 + 2
	le.PutUint16(wd[lwAt-2:], 22)
	le.PutUint32(wd[lwAt+4*3:], ccp(s.main))
	le.PutUint32(wd[lwAt+4*9:], ccp(s.boxes))
	blob := lwAt + 88 + 2
	le.PutUint16(wd[blob-2:], 93)
	var table []byte
	if s.prc {
		table = append(table, 0x01, 2, 0, 0x55, 0x66)
	}
	clxAt := 0
	table = append(make([]byte, 16), table...) // the CLX need not start the stream
	clxAt = 16
	table = append(table, 0x02)
	n := len(cps) - 1
	table = le.AppendUint32(table, uint32(4*(n+1)+8*n))
	for _, c := range cps {
		table = le.AppendUint32(table, c)
	}
	for _, fc := range fcs {
		table = le.AppendUint16(table, 0)
		table = le.AppendUint32(table, fc)
		table = le.AppendUint16(table, 0)
	}
	le.PutUint32(wd[blob+8*33:], uint32(clxAt))
	le.PutUint32(wd[blob+8*33+4:], uint32(len(table)-clxAt))
	return makeCFB(t, []cfbStream{{"WordDocument", wd}, {"1Table", table}})
}

// cfbStream is a stream for makeCFB.
type cfbStream struct {
	name string
	data []byte
}

// makeCFB writes a compound file of streams at the root ([MS-CFB] 2.2–2.6):
// header, FAT sectors, one directory sector (root and up to three
// streams), then each stream's sectors, padded to 4,096 bytes.
func makeCFB(t testing.TB, streams []cfbStream) []byte {
	const (
		sector     = 512
		endOfChain = 0xFFFFFFFE
		freeSect   = 0xFFFFFFFF
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	if len(streams) > 3 {
		t.Fatal("makeCFB: at most three streams")
	}
	le := binary.LittleEndian
	var sizes []int // sectors per stream
	data := 0
	for i := range streams {
		d := streams[i].data
		for len(d) < 4096 || len(d)%sector != 0 {
			d = append(d, 0)
		}
		streams[i].data = d
		sizes = append(sizes, len(d)/sector)
		data += len(d) / sector
	}
	nFAT := 1
	for (nFAT + 1 + data) > nFAT*128 {
		nFAT++
	}
	total := nFAT + 1 + data
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = freeSect
	}
	for i := range nFAT {
		fat[i] = fatSect
	}
	dirSect := nFAT
	fat[dirSect] = endOfChain
	starts := make([]int, len(streams))
	next := dirSect + 1
	for i, n := range sizes {
		starts[i] = next
		for k := range n {
			if k == n-1 {
				fat[next+k] = endOfChain
			} else {
				fat[next+k] = uint32(next + k + 1)
			}
		}
		next += n
	}
	hdr := make([]byte, sector)
	copy(hdr, oleMagic)
	le.PutUint16(hdr[24:], 0x003E)
	le.PutUint16(hdr[26:], 0x0003)
	le.PutUint16(hdr[28:], 0xFFFE)
	le.PutUint16(hdr[30:], 9)
	le.PutUint16(hdr[32:], 6)
	le.PutUint32(hdr[44:], uint32(nFAT))
	le.PutUint32(hdr[48:], uint32(dirSect))
	le.PutUint32(hdr[56:], 4096)
	le.PutUint32(hdr[60:], endOfChain)
	le.PutUint32(hdr[68:], endOfChain)
	for i := range 109 {
		v := uint32(freeSect)
		if i < nFAT {
			v = uint32(i)
		}
		le.PutUint32(hdr[76+4*i:], v)
	}
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, left, right, child uint32, start, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], left)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], uint32(start))
		le.PutUint32(e[120:], uint32(size))
	}
	// the children form a chain of right siblings, which [MS-CFB] allows
	// as a (degenerate) red-black tree when sorted: shorter names first
	entry(0, "Root Entry", 5, noStream, noStream, 1, endOfChain, 0)
	order := sortCFBNames(streams)
	for k, i := range order {
		right := uint32(noStream)
		if k+1 < len(order) {
			right = uint32(order[k+1] + 1)
		}
		entry(i+1, streams[i].name, 2, noStream, right, noStream, starts[i], len(streams[i].data))
	}
	if order[0] != 0 {
		le.PutUint32(dir[76:], uint32(order[0]+1))
	}
	for i := len(streams) + 1; i < 4; i++ {
		e := dir[128*i:]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	out := make([]byte, 0, sector*(1+total))
	out = append(out, hdr...)
	for _, v := range fat {
		out = le.AppendUint32(out, v)
	}
	out = append(out, dir...)
	for _, s := range streams {
		out = append(out, s.data...)
	}
	return out
}

// sortCFBNames returns the streams' indexes in [MS-CFB] name order:
// shorter names first, then by upper-case code units.
func sortCFBNames(streams []cfbStream) []int {
	idx := make([]int, len(streams))
	for i := range idx {
		idx[i] = i
	}
	less := func(a, b string) bool {
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return strings.ToUpper(a) < strings.ToUpper(b)
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && less(streams[idx[j]].name, streams[idx[j-1]].name); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}
