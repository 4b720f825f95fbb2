package extract

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// TestSameText is the acceptance test of issue 15 at the text level: the
// same synthetic report as .txt, .pdf, .docx, .doc, .rtf, .ofd, and as a
// .pdf and a .docx inside a .zip with GBK member names, read through
// Classify, OpenArchive and Extract as the loader will, gives the same
// text up to white space and page furniture. The similarity (shared
// characters over the longer text, white space ignored) must be at least
// 99.5 %; the texts are in fact identical once white space is removed.
func TestSameText(t *testing.T) {
	paras := reportParas(t)
	txt := strings.Join(paras, "\n")
	body := make([]any, len(paras))
	for i, p := range paras {
		body[i] = p
	}
	var rtf strings.Builder
	rtf.WriteString(`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0 `)
	for _, p := range paras {
		rtf.WriteString(gbkHex(t, p) + "\\par\n")
	}
	rtf.WriteString("}")
	var ofdPages [][]string
	for lines := extracttest.ChunkLines(paras, 28); len(lines) > 0; {
		n := min(len(lines), 26)
		ofdPages = append(ofdPages, lines[:n])
		lines = lines[n:]
	}
	pdf := makePDF(t, extracttest.PDFSpec{Paras: paras, Header: "青溪县人民政府", Footer: func(n int) string { return fmt.Sprintf("- %d -", n) }})
	docx := extracttest.DOCX(t, body...)
	files := map[string][]byte{
		"report.pdf":  pdf,
		"report.docx": docx,
		"report.doc":  makeDOC(t, docSpec{main: []docPiece{{text: strings.Join(paras, "\r") + "\r"}}}),
		"report.rtf":  []byte(rtf.String()),
		"report.ofd":  extracttest.OFD(t, ofdPages),
		"reports.zip": extracttest.Zip(t, []extracttest.ZipEntry{
			{RawName: extracttest.GBK(t, "青溪县/报告.pdf"), Data: string(pdf)},
			{RawName: extracttest.GBK(t, "青溪县/报告.docx"), Data: string(docx)},
			{Name: "manifest.csv", Data: "file,region\n"},
		}),
	}
	read := func(name string, data []byte) {
		c := Classify(name, bytes.NewReader(data), int64(len(data)))
		switch c.Action {
		case Read:
			got, err := extractor().Extract(context.Background(), c.Format, data)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			s := similarity(got.String(), txt)
			t.Logf("%-22s %-5s %3d pages  similarity %.5f", name, c.Format, len(got.Pages), s)
			if s < 0.995 || noSpace(got.String()) != noSpace(txt) {
				t.Errorf("%s: similarity %.4f:\n%s", name, s, firstDiff(noSpace(got.String()), noSpace(txt)))
			}
		case List:
			t.Logf("%-22s listed: %s", name, c.Reason)
		default:
			t.Errorf("%s: %v %s %s", name, c.Action, c.Format, c.Reason)
		}
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		data := files[name]
		c := Classify(name, bytes.NewReader(data), int64(len(data)))
		if c.Action != Walk {
			read(name, data)
			continue
		}
		a, err := OpenArchive(bytes.NewReader(data), int64(len(data)), c.Format, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		fs.WalkDir(a, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			member, err := fs.ReadFile(a, p)
			if err != nil {
				t.Error(err)
				return nil
			}
			n++
			read(name+"/"+p, member)
			return nil
		})
		if n != 3 {
			t.Errorf("%s: %d members read; want 3", name, n)
		}
	}
}
