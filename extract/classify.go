package extract

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// Format names a file format as Classify recognises it. The values are
// short lowercase names fit for a "format" column.
type Format string

// Report formats: Plain ones are read by the caller as text; the others
// through Extractor.Extract.
const (
	TXT  Format = "txt"
	MD   Format = "md"
	HTML Format = "html"
	PDF  Format = "pdf"
	DOCX Format = "docx"
	DOC  Format = "doc"
	WPS  Format = "wps"
	RTF  Format = "rtf"
	OFD  Format = "ofd"
)

// Archive formats, opened by OpenArchive.
const (
	Zip   Format = "zip"
	Tar   Format = "tar"
	TarGz Format = "tar.gz"
)

// Formats recognised as something other than a report, and formats that
// are not read.
const (
	Image       Format = "image"
	Manifest    Format = "manifest"    // manifest.csv
	System      Format = "system"      // .DS_Store, Thumbs.db, desktop.ini, ._*, ~$* lock files
	Data        Format = "data"        // spreadsheets, CSV, JSON, XML, slides
	TifaOutput  Format = "tifa-output" // report.html, charts and tables tifa wrote
	Unreadable  Format = "unsupported" // a known format that is not read (.7z, .rar, .odt …)
	UnknownType Format = "unknown"     // neither extension nor content is known
)

// Plain reports whether f is a text format (txt, md, html) that the
// caller decodes and cleans itself, without Extract.
func (f Format) Plain() bool { return f == TXT || f == MD || f == HTML }

// Action says what the caller should do with a file, so that every file
// is read, listed or warned about, and none is skipped without a word.
type Action uint8

const (
	// Warn: a format that is not read (.7z, .odt, an unknown binary …);
	// warn about the file by name with Class.Reason.
	Warn Action = iota
	// Read: a report. Plain formats are decoded by the caller; the others
	// go through Extractor.Extract.
	Read
	// Walk: an archive; open it with OpenArchive and walk it like a folder.
	Walk
	// List: recognised as not a report (images, a manifest, system files,
	// spreadsheets, tifa's own outputs); list it, e.g. in
	// `tifa docs --all-files`.
	List
)

// String returns "warn", "read", "walk" or "list".
func (a Action) String() string {
	switch a {
	case Read:
		return "read"
	case Walk:
		return "walk"
	case List:
		return "list"
	}
	return "warn"
}

// Class is what Classify found.
type Class struct {
	Action Action
	Format Format
	// Reason describes the file for a listing or a warning, e.g.
	// "image (PNG)", "tifa's own HTML report", "7z archive: not read;
	// unpack it first (7z x FILE)". It is "" for reports and archives.
	Reason string
}

// SniffLen is how many leading bytes Classify reads. tifa's HTML report
// carries its marker within its first 8 KB.
const SniffLen = 64 << 10

// tifaMarkers are strings only tifa's own HTML report holds near its
// start: the generator meta tag, and the error hook of its script.
var tifaMarkers = [][]byte{[]byte(`<meta name="generator" content="tifa`), []byte("window.tifaErrors")}

// Classify tells what the file name (a path; only its last element and
// extension are used) holding size bytes read through r is, by its
// content first and its extension second, so that a .doc that is really
// RTF or HTML — as government sites often serve — is read as what it is.
// It reads the first SniffLen bytes, the last 1 KB of a PDF (tifa's
// charts say "/Producer (tifa)" there), the directory of a zip (to tell
// .docx, .xlsx, .ofd and plain archives apart) and of an OLE compound file
// (.doc and .wps hold a WordDocument stream). It never fails: an
// unreadable file is Warn with the read error as its reason. For a
// file in memory, pass bytes.NewReader(data) and len(data).
func Classify(name string, r io.ReaderAt, size int64) Class {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	lower := strings.ToLower(base)
	ext := extOf(lower)
	if c, ok := byName(lower); ok {
		return c
	}
	n := min(size, SniffLen)
	head := make([]byte, n)
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return Class{Warn, UnknownType, "cannot read: " + err.Error()}
	}
	if size == 0 {
		if isReportExt(ext) {
			return Class{Read, Format(strings.TrimPrefix(normExt(ext), ".")), ""}
		}
		return Class{Warn, UnknownType, "empty file"}
	}
	if c, ok := byMagic(head, ext, r, size); ok {
		return c
	}
	if isText(head) {
		return classifyText(head, ext)
	}
	if ext == "" {
		return Class{Warn, UnknownType, "binary data of an unknown format, no extension"}
	}
	return Class{Warn, UnknownType, "binary data of an unknown format (" + ext + ")"}
}

// extOf returns the extension of a lower-case base name, with ".tar.gz"
// as one extension.
func extOf(lower string) string {
	if strings.HasSuffix(lower, ".tar.gz") {
		return ".tar.gz"
	}
	return path.Ext(lower)
}

// normExt maps extensions that name the same format to one.
func normExt(ext string) string {
	switch ext {
	case ".htm", ".xhtml", ".shtml":
		return ".html"
	case ".markdown":
		return ".md"
	case ".text":
		return ".txt"
	}
	return ext
}

// isReportExt reports whether ext names a plain-text report format.
func isReportExt(ext string) bool {
	switch normExt(ext) {
	case ".txt", ".md", ".html":
		return true
	}
	return false
}

// ClassifyName tells what the file name (a path; only its last element is
// used) is from its name alone, reading nothing: system files (.DS_Store,
// Thumbs.db, ._* and ~$* files …) and the manifest are List. It reports
// false when the name says nothing; Classify then looks at the content.
func ClassifyName(name string) (Class, bool) {
	return byName(strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/"))))
}

// byName recognises files by name alone: system files and the manifest.
func byName(lower string) (Class, bool) {
	switch {
	case lower == ".ds_store":
		return Class{List, System, "macOS folder metadata (.DS_Store)"}, true
	case lower == "thumbs.db" || lower == "ehthumbs.db":
		return Class{List, System, "Windows thumbnail cache (Thumbs.db)"}, true
	case lower == "desktop.ini":
		return Class{List, System, "Windows folder settings (desktop.ini)"}, true
	case strings.HasPrefix(lower, "._"):
		return Class{List, System, "macOS resource fork (._ file)"}, true
	case strings.HasPrefix(lower, "~$"):
		return Class{List, System, "Office lock file (~$): the document is open elsewhere"}, true
	case lower == "manifest.csv":
		return Class{List, Manifest, "manifest"}, true
	}
	return Class{}, false
}

// imageMagic lists image signatures and the names given in reasons.
var imageMagic = []struct {
	magic string
	name  string
}{
	{"\x89PNG\r\n\x1a\n", "PNG"},
	{"\xff\xd8\xff", "JPEG"},
	{"GIF87a", "GIF"},
	{"GIF89a", "GIF"},
	{"BM", "BMP"},
	{"II*\x00", "TIFF"},
	{"MM\x00*", "TIFF"},
}

// byMagic recognises binary formats by their signature.
func byMagic(head []byte, ext string, r io.ReaderAt, size int64) (Class, bool) {
	s := string(head[:min(len(head), 16)])
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")) || (bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")) && ext == ".pdf"):
		if isTifaPDF(r, size) {
			return Class{List, TifaOutput, "tifa's own chart (PDF)"}, true
		}
		return Class{Read, PDF, ""}, true
	case strings.HasPrefix(s, "PK\x03\x04") || strings.HasPrefix(s, "PK\x05\x06"):
		return classifyZip(r, size, ext), true
	case strings.HasPrefix(s, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return classifyOLE(r, size, ext), true
	case strings.HasPrefix(s, "{\\rtf"):
		return Class{Read, RTF, ""}, true
	case strings.HasPrefix(s, "\x1f\x8b"):
		if ext == ".tar.gz" || ext == ".tgz" {
			return Class{Walk, TarGz, ""}, true
		}
		return Class{Warn, Unreadable, "gzip-compressed file: not read; unpack it first (gunzip)"}, true
	case len(head) > 262 && string(head[257:262]) == "ustar":
		return Class{Walk, Tar, ""}, true
	case strings.HasPrefix(s, "7z\xbc\xaf\x27\x1c"):
		return Class{Warn, Unreadable, "7z archive: not read; unpack it first (7z x FILE) or repack it as .zip"}, true
	case strings.HasPrefix(s, "Rar!\x1a\x07"):
		return Class{Warn, Unreadable, "RAR archive: not read; unpack it first (unrar x FILE) or repack it as .zip"}, true
	case strings.HasPrefix(s, "RIFF") && len(s) >= 12 && s[8:12] == "WEBP":
		return Class{List, Image, "image (WebP)"}, true
	}
	for _, m := range imageMagic {
		if strings.HasPrefix(s, m.magic) {
			if m.name == "BMP" && ext != ".bmp" {
				continue // "BM" starts too much text to trust alone
			}
			return Class{List, Image, "image (" + m.name + ")"}, true
		}
	}
	return Class{}, false
}

// isTifaPDF reports whether the PDF's last 1 KB names tifa as its
// producer, as package chart writes it.
func isTifaPDF(r io.ReaderAt, size int64) bool {
	n := min(size, 1024)
	tail := make([]byte, n)
	if _, err := r.ReadAt(tail, size-n); err != nil && err != io.EOF {
		return false
	}
	return bytes.Contains(tail, []byte("/Producer (tifa)"))
}

// classifyZip tells the zip-based formats apart by their members.
func classifyZip(r io.ReaderAt, size int64, ext string) Class {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if ext == ".docx" || ext == ".ofd" {
			return Class{Read, Format(ext[1:]), ""} // Extract names the damage
		}
		return Class{Walk, Zip, ""} // OpenArchive names the damage
	}
	has := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		has[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = true
	}
	switch {
	case has["word/document.xml"]:
		return Class{Read, DOCX, ""}
	case has["ofd.xml"]:
		return Class{Read, OFD, ""}
	case has["xl/workbook.xml"]:
		return Class{List, Data, "spreadsheet (.xlsx)"}
	case has["ppt/presentation.xml"]:
		return Class{List, Data, "slides (.pptx)"}
	case has["mimetype"] && has["content.xml"]:
		return Class{Warn, Unreadable, "OpenDocument file (" + ext + "): not read; save it as .docx"}
	case has["[content_types].xml"]:
		return Class{Warn, Unreadable, "Office Open XML file without a Word document (" + ext + ")"}
	}
	return Class{Walk, Zip, ""}
}

// classifyOLE tells the OLE compound formats apart by their streams:
// Word's WordDocument (also written by WPS), Excel's Workbook, PowerPoint.
func classifyOLE(r io.ReaderAt, size int64, ext string) Class {
	doc, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		if ext == ".wps" {
			return Class{Read, WPS, ""}
		}
		return Class{Read, DOC, ""} // Extract names the damage
	}
	for _, e := range doc.File {
		switch e.Name {
		case "WordDocument":
			if ext == ".wps" {
				return Class{Read, WPS, ""}
			}
			return Class{Read, DOC, ""}
		case "EncryptedPackage": // a password-protected .docx, .xlsx …
			if ext == ".docx" {
				return Class{Read, DOCX, ""} // Extract says it is encrypted
			}
			return Class{Warn, Unreadable, "password-protected Office file (" + ext + ")"}
		case "Workbook", "Book":
			return Class{List, Data, "spreadsheet (.xls)"}
		case "PowerPoint Document":
			return Class{List, Data, "slides (.ppt)"}
		}
	}
	return Class{Warn, Unreadable, "OLE compound file without a Word document (" + ext + ")"}
}

// isText reports whether head looks like text: UTF-16 with a byte-order
// mark, or no NUL byte and, but for a character cut at the end, either
// valid UTF-8 or mostly printable bytes (GBK text is not UTF-8).
func isText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return true // UTF-16 with its byte-order mark
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	if utf8.Valid(head) || utf8.Valid(head[:max(0, len(head)-3)]) {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*100 < len(head)
}

// classifyText classifies a text file by its extension and, for HTML, by
// tifa's marker. A .doc holding HTML (Word's "save as web page" under the
// old name) is HTML.
func classifyText(head []byte, ext string) Class {
	lowerHead := bytes.ToLower(head[:min(len(head), 2048)])
	html := bytes.Contains(lowerHead, []byte("<html")) || bytes.Contains(lowerHead, []byte("<!doctype html"))
	if html {
		for _, m := range tifaMarkers {
			if bytes.Contains(head, m) {
				return Class{List, TifaOutput, "tifa's own HTML report"}
			}
		}
	}
	if bytes.HasPrefix(lowerHead, []byte("mime-version:")) || bytes.Contains(lowerHead, []byte("multipart/related")) {
		return Class{Warn, Unreadable, "MHTML web archive (" + ext + "): not read; open it in a browser and save it as HTML"}
	}
	switch normExt(ext) {
	case ".txt", ".md", ".html":
		return Class{Read, Format(normExt(ext)[1:]), ""}
	case ".doc", ".wps", ".docx", ".rtf":
		if html {
			return Class{Read, HTML, ""}
		}
		return Class{Read, TXT, ""}
	case ".csv", ".tsv", ".json", ".jsonl", ".xml", ".yaml", ".yml":
		return Class{List, Data, "data file (" + ext + ")"}
	case ".svg":
		return Class{List, Image, "image (SVG)"}
	}
	if html {
		return Class{Read, HTML, ""}
	}
	if ext == "" {
		return Class{Warn, UnknownType, "text file without an extension: not read; rename it to .txt to read it"}
	}
	return Class{Warn, UnknownType, "text file of an unknown type (" + ext + "): not read; rename it to .txt to read it"}
}
