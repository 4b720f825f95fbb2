package extract

import (
	"bytes"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
)

func TestClassify(t *testing.T) {
	docx := extracttest.DOCX(t, "报告")
	ofd := extracttest.OFD(t, [][]string{{"报告"}})
	doc := makeDOC(t, docSpec{main: []docPiece{{text: "报告\r"}}})
	zipped := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "a.txt", Data: "报告"}})
	xlsx := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "[Content_Types].xml", Data: "<Types/>"}, {Name: "xl/workbook.xml", Data: "<workbook/>"}})
	odt := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "mimetype", Data: "application/vnd.oasis.opendocument.text"}, {Name: "content.xml", Data: "<x/>"}})
	xls := makeCFB(t, []cfbStream{{"Workbook", []byte("x")}})
	lockedDocx := makeCFB(t, []cfbStream{{"EncryptedPackage", []byte("x")}, {"EncryptionInfo", []byte("x")}})
	tgz := makeTarGz(t, true, [][2]string{{"a.txt", "报告"}})
	tarball := makeTarGz(t, false, [][2]string{{"a.txt", "报告"}})
	tifaReport := []byte("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head><style>body{}</style></head><body><script>\nwindow.tifaErrors = 0;\n</script>")
	tifaChart := []byte("%PDF-1.3\n1 0 obj\n<<\n/Producer (tifa)\n/CreationDate (D:20000101000000)\n>>\nendobj\ntrailer\n%%EOF\n")
	gbkText := extracttest.GBK(t, "各位代表：现在，我代表县人民政府向大会报告政府工作")
	cases := []struct {
		name   string
		data   []byte
		action Action
		format Format
	}{
		{"报告.txt", []byte("各位代表："), Read, TXT},
		{"报告.TXT", gbkText, Read, TXT},
		{"notes.md", []byte("# 报告"), Read, MD},
		{"page.htm", []byte("<html><body>报告</body></html>"), Read, HTML},
		{"报告.pdf", []byte("%PDF-1.7\n..."), Read, PDF},
		{"no-extension", []byte("%PDF-1.4\n..."), Read, PDF},
		{"report.html", tifaReport, List, TifaOutput},
		{"trend.pdf", tifaChart, List, TifaOutput},
		{"报告.docx", docx, Read, DOCX},
		{"misnamed.zip", docx, Read, DOCX},
		{"报告.ofd", ofd, Read, OFD},
		{"报告.doc", doc, Read, DOC},
		{"报告.wps", doc, Read, WPS},
		{"rtf-as.doc", []byte(`{\rtf1\ansi 报告}`), Read, RTF},
		{"html-as.doc", []byte("<html><body><p>报告</p></body></html>"), Read, HTML},
		{"text-as.doc", []byte("各位代表：现在报告工作"), Read, TXT},
		{"locked.docx", lockedDocx, Read, DOCX},
		{"locked.xlsx", lockedDocx, Warn, Unreadable},
		{"reports.zip", zipped, Walk, Zip},
		{"reports.tar.gz", tgz, Walk, TarGz},
		{"reports.tgz", tgz, Walk, TarGz},
		{"reports.tar", tarball, Walk, Tar},
		{"single.txt.gz", tgz, Warn, Unreadable},
		{"reports.7z", []byte("7z\xbc\xaf\x27\x1c\x00\x04"), Warn, Unreadable},
		{"reports.rar", []byte("Rar!\x1a\x07\x01\x00"), Warn, Unreadable},
		{"data.xlsx", xlsx, List, Data},
		{"data.xls", xls, List, Data},
		{"报告.odt", odt, Warn, Unreadable},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), List, Image},
		{"scan.JPG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), List, Image},
		{"scan.tif", []byte("II*\x00\x08\x00"), List, Image},
		{"scan.webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), List, Image},
		{"chart.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), List, Image},
		{"BM-start.txt", []byte("BMW and more text"), Read, TXT},
		{"manifest.csv", []byte("file,region\n"), List, Manifest},
		{"counts.csv", []byte("slogan,count\n"), List, Data},
		{"rows.json", []byte(`{"a":1}`), List, Data},
		{".DS_Store", []byte("\x00\x00\x00\x01Bud1"), List, System},
		{"Thumbs.db", xls, List, System},
		{"desktop.ini", []byte("[.ShellClassInfo]"), List, System},
		{"._报告.pdf", []byte("\x00\x05\x16\x07"), List, System},
		{"~$报告.docx", []byte("\x06user  "), List, System},
		{"saved.mht", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x"), Warn, Unreadable},
		{"notes.log", []byte("plain text"), Warn, UnknownType},
		{"README", []byte("plain text"), Warn, UnknownType},
		{"blob.bin", []byte{0, 1, 2, 3, 0xff, 0xfe, 0}, Warn, UnknownType},
		{"empty.txt", nil, Read, TXT},
		{"empty.pdf", nil, Warn, UnknownType},
		{"utf16.txt", []byte("\xff\xfe\x04\x54\x4d\x4f"), Read, TXT},
		{`C:\docs\报告.PDF`, []byte("%PDF-1.5"), Read, PDF},
	}
	for _, c := range cases {
		got := Classify(c.name, bytes.NewReader(c.data), int64(len(c.data)))
		if got.Action != c.action || got.Format != c.format {
			t.Errorf("Classify(%q) = %v %q (%s); want %v %q", c.name, got.Action, got.Format, got.Reason, c.action, c.format)
		}
		if (got.Action == Warn || got.Action == List) != (got.Reason != "") {
			t.Errorf("Classify(%q): %v with reason %q", c.name, got.Action, got.Reason)
		}
	}
}
