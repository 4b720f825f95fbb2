package extract

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// checkResult fails unless err is one of Extract's documented errors, or
// the text is valid UTF-8.
func checkResult(t *testing.T, got *Text, err error) {
	t.Helper()
	if err != nil {
		var nt *NoTextError
		if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrEncrypted) && !errors.Is(err, ErrTooLarge) &&
			!errors.Is(err, ErrTimeout) && !errors.As(err, &nt) {
			t.Fatalf("undocumented error %v", err)
		}
		return
	}
	for i, p := range got.Pages {
		if !utf8.ValidString(p) {
			t.Fatalf("page %d not UTF-8: %q", i+1, p)
		}
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(extracttest.DOCX(f, "各位代表：", extracttest.DOCXPart(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readDOCX(bytes.NewReader(data), int64(len(data)), DefaultLimits)
		checkResult(t, got, err)
	})
}

// FuzzDOCXScanner checks scanXML against encoding/xml: on a document the
// library reads, both give the same text. Read in pieces (scanXMLFrom),
// every document gives what it gives whole.
func FuzzDOCXScanner(f *testing.F) {
	for _, c := range scannerCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(extracttest.DOCXML(f, "各位代表：", extracttest.DOCXPart(`<w:p><w:r><w:tab/><w:t>a&amp;b</w:t></w:r><w:del><w:r><w:t>x</w:t></w:r></w:del></w:p>`))))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := docxText(data)
		if err == nil && !utf8.ValidString(got) {
			t.Fatalf("not UTF-8: %q", got)
		}
		checkStream(t, data, 1+len(data)%13, got, err)
		want, wantErr := xmlDocxText(data)
		if wantErr != nil {
			return // encoding/xml refuses more (names, attribute syntax, UTF-8)
		}
		if err != nil || got != want {
			t.Fatalf("scanXML %q, %v; encoding/xml %q", got, err, want)
		}
	})
}

func FuzzDOC(f *testing.F) {
	f.Add(makeDOC(f, docSpec{main: []docPiece{{text: "Caf\u00e9\r", compressed: true}, {text: "见\x13 PAGE \x14第3页\x15\x07\x07完\r"}}, boxes: []docPiece{{text: "框\r"}}, prc: true}))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readDOC(bytes.NewReader(data), int64(len(data)))
		checkResult(t, got, err)
	})
}

// FuzzPieceTable feeds the piece table parser and text reader directly,
// which the OLE container rarely lets fuzzed bytes reach.
func FuzzPieceTable(f *testing.F) {
	f.Add([]byte{0x01, 2, 0, 0x55, 0x66, 0x02, 16, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0x10, 0, 0, 0x40, 0, 0}, []byte("0123456789abcdefghijklmnopqrstuv"))
	f.Fuzz(func(t *testing.T, clx, wd []byte) {
		pieces, err := parseCLX(clx)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("undocumented error %v", err)
			}
			return
		}
		s := wordChars(pieceText(wd, pieces, 0, 1<<20))
		if !utf8.ValidString(s) {
			t.Fatalf("not UTF-8: %q", s)
		}
	})
}

func FuzzRTF(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 x;}}\f0 \'b9\'fa\uc1\u20013?{\field{\*\fldinst PAGE}{\fldrslt 3}}\par}`))
	f.Add([]byte(`{\rtf1 {\*\blob\bin3 {}}\'`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readRTF(data)
		checkResult(t, got, err)
	})
}

func FuzzOFD(f *testing.F) {
	f.Add(extracttest.OFD(f, [][]string{{"各位代表：", "现在报告工作"}, {"第二页"}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readOFD(bytes.NewReader(data), int64(len(data)), DefaultLimits)
		checkResult(t, got, err)
	})
}

// FuzzOFDPage feeds a page's Content.xml directly.
func FuzzOFDPage(f *testing.F) {
	f.Add([]byte(`<ofd:Page xmlns:ofd="x"><ofd:Content><ofd:Layer><ofd:TextObject Boundary="25 35 160 8" Size="5"><ofd:TextCode X="0" Y="6">甲</ofd:TextCode><ofd:TextCode X="5" Y="6">乙</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := ofdPageText(data)
		if err == nil {
			for _, l := range lines {
				if !utf8.ValidString(l) {
					t.Fatalf("not UTF-8: %q", l)
				}
			}
		}
	})
}

// FuzzArchive opens fuzzed bytes as each archive format and reads every
// member it lists.
func FuzzArchive(f *testing.F) {
	f.Add(extracttest.Zip(f, []extracttest.ZipEntry{{RawName: extracttest.GBK(f, "报告/临江市.txt"), Data: "临江"}, {Name: "in.zip", Data: string(extracttest.Zip(f, []extracttest.ZipEntry{{Name: "a", Data: "b"}}))}}))
	f.Add(makeTarGz(f, true, [][2]string{{"dir/", ""}, {"dir/a.txt", "a"}}))
	f.Add(makeTarGz(f, false, [][2]string{{string(extracttest.GBK(f, "白沙镇.txt")), "a"}}))
	lim := Limits{MaxMembers: 100, MaxTotal: 64 << 20, MaxMember: 16 << 20, MaxRatio: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []Format{Zip, Tar, TarGz} {
			a, err := OpenArchive(bytes.NewReader(data), int64(len(data)), format, lim)
			if err != nil {
				if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrTooLarge) {
					t.Fatalf("%s: undocumented error %v", format, err)
				}
				continue
			}
			fs.WalkDir(a, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					t.Fatalf("%s: walk %s: %v", format, p, err)
				}
				if !fs.ValidPath(p) || !utf8.ValidString(p) {
					t.Fatalf("%s: bad name %q", format, p)
				}
				if !d.IsDir() {
					fs.ReadFile(a, p)
				}
				return nil
			})
		}
	})
}

// FuzzZipName checks member names come out as UTF-8 whatever their bytes
// and extra fields.
func FuzzZipName(f *testing.F) {
	raw := extracttest.GBK(f, "报告.txt")
	f.Add(raw, unicodePath(raw, "报告.txt"), false)
	f.Add([]byte("a\\b.txt"), []byte{}, true)
	f.Fuzz(func(t *testing.T, name, extra []byte, utf8Flag bool) {
		if s := decodeName(string(name), utf8Flag); !utf8.ValidString(s) || strings.Contains(s, "\\") {
			t.Fatalf("decodeName(%q) = %q", name, s)
		}
		if s, ok := unicodePathExtra(extra, string(name)); ok && !utf8.ValidString(s) {
			t.Fatalf("unicodePathExtra = %q", s)
		}
	})
}

func FuzzClassify(f *testing.F) {
	f.Add("报告.docx", extracttest.DOCX(f, "甲"))
	f.Add("a.doc", makeDOC(f, docSpec{main: []docPiece{{text: "甲\r"}}}))
	f.Add("a.pdf", []byte("%PDF-1.7"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		c := Classify(name, bytes.NewReader(data), int64(len(data)))
		if c.Action > List || ((c.Action == Warn || c.Action == List) != (c.Reason != "")) {
			t.Fatalf("Classify = %+v", c)
		}
	})
}

func FuzzFurniture(f *testing.F) {
	f.Add("页眉\n正文\n— 1 —\f页眉\n正文二\n— 2 —\f页眉\n正文三\n第3页")
	f.Fuzz(func(t *testing.T, s string) {
		var pages [][]string
		n := 0
		for _, p := range strings.Split(s, "\f") {
			lines := strings.Split(p, "\n")
			n += len(lines)
			pages = append(pages, lines)
		}
		m := 0
		for _, p := range dropFurniture(pages) {
			m += len(p)
		}
		if m > n {
			t.Fatalf("%d lines out of %d", m, n)
		}
	})
}

// FuzzPDF runs the PDF engine on fuzzed bytes with a time bound: it must
// return one of Extract's errors or text, never hang or crash.
func FuzzPDF(f *testing.F) {
	f.Add(makePDF(f, extracttest.PDFSpec{Paras: []string{"各位代表：现在报告工作。"}}))
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	e := New(Options{Timeout: 10 * time.Second, Workers: 1})
	f.Cleanup(func() { e.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := e.Extract(context.Background(), PDF, data)
		checkResult(t, got, err)
	})
}
