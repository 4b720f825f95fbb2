package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestDOC(t *testing.T) {
	paras := reportParas(t)[:6]
	cases := []struct {
		name string
		spec docSpec
		want string
	}{
		{
			name: "one UTF-16 piece",
			spec: docSpec{main: []docPiece{{text: strings.Join(paras, "\r") + "\r"}}},
			want: strings.Join(paras, "\n"),
		},
		{
			// an 8-bit piece (cp1252: é, the euro sign at 0x80), a Prc
			// before the piece table, a field whose code is dropped, a
			// table of two cells and a row end, a picture mark, a soft and
			// a non-breaking hyphen, a page break
			name: "pieces, fields, a table",
			spec: docSpec{prc: true, main: []docPiece{
				{text: "Caf\u00e9 \u20ac5\r", compressed: true},
				{text: "见\x13 PAGEREF _Toc1 \\h \x14第3页\x15。\x01图\x1f\x1e\r指标\x07218.6\x07\x07\x0c完"},
			}},
			want: "Café €5\n见第3页。图-\n指标\t218.6\n\n完", // row end, then page break
		},
		{
			// text boxes follow the main text
			name: "text box",
			spec: docSpec{main: []docPiece{{text: "正文\r"}}, boxes: []docPiece{{text: "文本框\r"}}},
			want: "正文\n文本框",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range []Format{DOC, WPS} {
				got, err := extractor().Extract(context.Background(), f, makeDOC(t, c.spec))
				if err != nil {
					t.Fatal(err)
				}
				if len(got.Pages) != 1 || got.Pages[0] != c.want || got.Format != f {
					t.Errorf("%s: got %q; want %q", f, got.Pages, c.want)
				}
			}
		})
	}
}

func TestDOCErrors(t *testing.T) {
	ok := docSpec{main: []docPiece{{text: "正文\r"}}}
	encrypted := ok
	encrypted.flags = 0x0100
	word95 := ok
	word95.nFib = 0x0065
	noTable := makeCFB(t, []cfbStream{{"WordDocument", makeDOCStream(t, ok)}})
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted", makeDOC(t, encrypted), ErrEncrypted},
		{"Word 95", makeDOC(t, word95), ErrDamaged},
		{"not OLE", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 and nothing"), ErrDamaged},
		{"no WordDocument", makeCFB(t, []cfbStream{{"Workbook", []byte("x")}}), ErrDamaged},
		{"no table stream", noTable, ErrDamaged},
		{"empty", nil, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := extractor().Extract(context.Background(), DOC, c.data)
			if !errors.Is(err, c.want) {
				t.Errorf("error %v; want %v", err, c.want)
			}
		})
	}
}

// makeDOCStream returns the WordDocument stream of makeDOC's file.
func makeDOCStream(t *testing.T, s docSpec) []byte {
	data := makeDOC(t, s)
	// the stream starts after the header, one FAT sector and the directory
	return data[3*512:]
}
