package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/tifa-project/tifa/extract/extracttest"
)

func TestDOCX(t *testing.T) {
	w := func(s string) string { return `<w:r><w:t>` + s + `</w:t></w:r>` }
	data := extracttest.DOCX(t,
		"青溪县2017年政府工作报告",
		// a paragraph anchoring a text box, drawn twice (DrawingML and its
		// VML fallback): the box is read once, after the paragraph
		extracttest.DOCXPart(`<w:p>`+w("各位代表：")+`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p>`+w("文本框里的话")+`</w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>`+w("文本框里的话")+`</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`+w("现在报告工作。")+`</w:p>`),
		// tracked changes: the deletion left out, the insertion kept; a
		// moved-away run left out, its destination kept
		extracttest.DOCXPart(`<w:p>`+w("全年")+`<w:del w:id="1" w:author="a"><w:r><w:delText>减少</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">`+w("增长")+`</w:ins>`+w("8%")+`<w:moveFrom w:id="3">`+w("挪走的字")+`</w:moveFrom></w:p>`),
		// a field: its code left out, its result kept; tab and break
		extracttest.DOCXPart(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>`+w("见")+`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+w("第3页")+`<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/></w:r>`+w("甲")+`<w:r><w:br/></w:r>`+w("乙")+`<w:r><w:noBreakHyphen/></w:r>`+w("丙")+`</w:p>`),
		// a table: cells by tabs, rows by lines
		extracttest.DOCXPart(`<w:tbl><w:tr><w:tc><w:p>`+w("指标")+`</w:p></w:tc><w:tc><w:p>`+w("2016年")+`</w:p><w:p>`+w("（亿元）")+`</w:p></w:tc></w:tr><w:tr><w:tc><w:p>`+w("生产总值")+`</w:p></w:tc><w:tc><w:p>`+w("218.6")+`</w:p></w:tc></w:tr></w:tbl>`),
		"一、2016年工作回顾 & <总结>",
		// a content control is read through
		extracttest.DOCXPart(`<w:sdt><w:sdtContent><w:p>`+w("内容控件")+`</w:p></w:sdtContent></w:sdt>`),
	)
	got, err := extractor().Extract(context.Background(), DOCX, data)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"青溪县2017年政府工作报告",
		"各位代表：现在报告工作。",
		"文本框里的话",
		"全年增长8%",
		"见第3页\t甲",
		"乙-丙",
		"指标\t2016年 （亿元）",
		"生产总值\t218.6",
		"一、2016年工作回顾 & <总结>",
		"内容控件",
	}, "\n")
	if len(got.Pages) != 1 || got.Pages[0] != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got.Pages, "\f"), want)
	}
}

func TestDOCXErrors(t *testing.T) {
	noDoc := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "word/other.xml", Data: "<x/>"}})
	badXML := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "word/document.xml", Data: "<w:document><w:body><w:p>"}})
	gbkXML := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "word/document.xml", Data: `<?xml version="1.0" encoding="GBK"?><w:document/>`}})
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("PK\x03\x04 not really"), ErrDamaged},
		{"no document part", noDoc, ErrDamaged},
		{"bad XML", badXML, ErrDamaged},
		{"XML not in UTF-8", gbkXML, ErrDamaged},
		{"password-protected", makeCFB(t, []cfbStream{{"EncryptedPackage", []byte("x")}}), ErrEncrypted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := extractor().Extract(context.Background(), DOCX, c.data)
			if !errors.Is(err, c.want) {
				t.Errorf("error %v; want %v", err, c.want)
			}
		})
	}
}

func TestDOCXBomb(t *testing.T) {
	// 300 MB of spaces deflate to 300 KB: a ratio of 1000:1
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	f, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 300 {
		f.Write(chunk)
	}
	zw.Close()
	_, err = extractor().Extract(context.Background(), DOCX, b.Bytes())
	var le *LimitError
	if !errors.As(err, &le) || !errors.Is(err, ErrTooLarge) || le.What != "compression ratio" {
		t.Fatalf("error %v; want a compression ratio LimitError", err)
	}
	if !strings.Contains(err.Error(), "word/document.xml") {
		t.Errorf("%q does not name the member", err)
	}
}

// xmlDocxText is docxText with encoding/xml reading the XML: the oracle
// for scanXML.
func xmlDocxText(data []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = utf8Only
	var d docxBuilder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			d.start([]byte(t.Name.Local), len(t.Attr) > 0)
		case xml.EndElement:
			d.end([]byte(t.Name.Local))
		case xml.CharData:
			d.chars(t)
		}
	}
	return d.text(), nil
}

// scannerCases are XML documents on which scanXML must agree with
// encoding/xml.
var scannerCases = []string{
	`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>甲&amp;乙&lt;&gt;&quot;&apos;&#20013;&#x56FD;</w:t></w:r></w:p></w:body></w:document>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<!-- c --><!DOCTYPE x><d><p><t><![CDATA[<不是标签>]]></t></p><p><t>a` + "\r\n" + `b` + "\r" + `c</t></p></d>`,
	`<d><p><t a='x>y' b="/>">属性里的尖括号</t><tab/><tab w:val="left"/></p></d>`,
	`<d><p><t>one</t><t xml:space="preserve"> two </t></p><?pi stuff?><p><t>三</t></p></d>`,
	`<d><p><t>a</t></p><p><t>b</t></p>`,
	`<d><p><t>&nbsp;</t></p></d>`,
	`<?xml version="1.0" encoding="GBK"?><d/>`,
	`<d><p><t>a</t></p></d></d>`,
	`<d><p><t>a</t`,
	"<d><p><t>\xff</t></p></d>", // encoding/xml refuses it; scanXML reads U+FFFD
}

func TestDOCXScanner(t *testing.T) {
	docs := append([]string{}, scannerCases...)
	paras := reportParas(t)
	body := make([]any, len(paras))
	for i, p := range paras {
		body[i] = p
	}
	docs = append(docs, extracttest.DOCXML(t, body...), string(docxPart(t, extracttest.WordDOCX(t, paras), "word/document.xml")))
	for _, doc := range docs {
		want, wantErr := xmlDocxText([]byte(doc))
		got, err := docxText([]byte(doc))
		if wantErr != nil && !utf8.ValidString(doc) {
			want, wantErr = strings.ToValidUTF8(doc[strings.Index(doc, "<t>")+3:strings.Index(doc, "</t>")], "\uFFFD"), nil
		}
		if (err != nil) != (wantErr != nil) || got != want {
			t.Errorf("%.60q:\nscanXML    %q, %v\nencoding/xml %q, %v", doc, got, err, want, wantErr)
		}
		for _, size := range []int{1, 2, 7, 64, 4096} {
			checkStream(t, []byte(doc), size, got, err)
		}
	}
}

// checkStream checks that scanXMLFrom, reading data with a buffer of size
// bytes, gives scanXML's text and error.
func checkStream(t *testing.T, data []byte, size int, want string, wantErr error) {
	t.Helper()
	var d docxBuilder
	_, err := scanXMLFrom(iotest.HalfReader(bytes.NewReader(data)), &d, make([]byte, size))
	got := ""
	if err == nil {
		got = d.text()
	}
	if fmt.Sprint(err) != fmt.Sprint(wantErr) || got != want {
		t.Errorf("%.60q in a buffer of %d: scanXMLFrom %q, %v; scanXML %q, %v", data, size, got, err, want, wantErr)
	}
}

func TestTidyLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"\n \n\t\n", ""},
		{"甲", "甲"},
		{"\n\n甲 \t\u3000\r\n乙\n", "甲\n乙"},
		{"甲\n\n\n \n乙\n\n", "甲\n\n乙"},
		{"\u3000\u3000首行缩进\n\u00a0\n末行", "\u3000\u3000首行缩进\n\n末行"},
		{"a\r\nb\r\n\r\nc", "a\nb\n\nc"},
	} {
		if got := tidyLines([]byte(c.in)); got != c.want {
			t.Errorf("tidyLines(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
