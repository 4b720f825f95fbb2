package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
	"unicode/utf8"
)

// oleMagic starts an OLE compound file; an encrypted .docx is one.
const oleMagic = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

// zipDoc is a zip-based document (.docx, .ofd) with its members by
// lower-case name, checked against the limits.
type zipDoc struct {
	files map[string]*zip.File
}

// openZipDoc opens a zip-based document of the kind what ("docx").
func openZipDoc(r io.ReaderAt, size int64, lim Limits, what string) (*zipDoc, error) {
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n == 8 && string(head) == oleMagic {
		return nil, fmt.Errorf("%w (a password-protected %s)", ErrEncrypted, what)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, damaged("not a %s: not a readable zip file (%v)", what, err)
	}
	useInflater(zr)
	b := &budget{lim: lim}
	d := &zipDoc{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zipName(f), "\\", "/"), "/"))
		if err := b.add(name, int64(min(f.UncompressedSize64, 1<<62)), int64(min(f.CompressedSize64, 1<<62))); err != nil {
			return nil, err
		}
		if _, dup := d.files[name]; !dup {
			d.files[name] = f
		}
	}
	return d, nil
}

// open returns a reader of the member name (a path inside the zip,
// compared ignoring case), or an error naming it when it is missing.
func (d *zipDoc) open(name string) ([]byte, error) {
	f, err := d.file(name)
	if err != nil {
		return nil, err
	}
	data, err := zipMember(f)()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return data, nil
}

// file returns the member name, or an error naming it when it is
// missing.
func (d *zipDoc) file(name string) (*zip.File, error) {
	f, ok := d.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, damaged("%s missing", name)
	}
	return f, nil
}

// has reports whether the member name exists.
func (d *zipDoc) has(name string) bool {
	_, ok := d.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	return ok
}

// readDOCX returns the text of a .docx: the main document part's
// paragraphs, tables and text boxes, in order (see docxText).
func readDOCX(r io.ReaderAt, size int64, lim Limits) (*Text, error) {
	d, err := openZipDoc(r, size, lim, "Word document")
	if err != nil {
		return nil, err
	}
	part := mainPart(d)
	f, err := d.file(part)
	if err != nil {
		return nil, err
	}
	rc, err := openMember(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", part, err)
	}
	defer rc.Close()
	src := &errReader{r: rc}
	dr := docxReaders.Get().(*docxReader)
	defer dr.put()
	b := &dr.b
	b.main.Grow(int(min(f.UncompressedSize64/4, maxTextGuess)))
	dr.scan, err = scanXMLFrom(src, b, dr.scan)
	if err != nil {
		if src.err != nil {
			return nil, fmt.Errorf("%s: %w", part, damaged("zip member (%v)", src.err))
		}
		return nil, damaged("%s: %v", part, err)
	}
	return &Text{Pages: []string{b.text()}}, nil
}

// docxReader holds readDOCX's buffers: the one document.xml inflates
// into and the text's. They are most of what reading a .docx allocates,
// and are kept for the next document (docxReaders), unless they grew
// past maxPooled for a large one.
type docxReader struct {
	scan []byte
	b    docxBuilder
}

var docxReaders = sync.Pool{New: func() any { return &docxReader{scan: make([]byte, scanBuffer)} }}

// put empties dr and returns it to docxReaders.
func (dr *docxReader) put() {
	if len(dr.scan) > maxPooled || dr.b.main.Cap() > maxPooled || dr.b.box.Cap() > maxPooled {
		return
	}
	dr.b.main.Reset()
	dr.b.box.Reset()
	dr.b.skip, dr.b.inT, dr.b.table, dr.b.boxDepth = 0, false, 0, 0
	docxReaders.Put(dr)
}

const (
	// scanBuffer is the size of the buffer document.xml inflates into
	// as it is read: large enough that each refill costs little, small
	// enough to stay in the processor's cache.
	scanBuffer = 64 << 10
	// maxPooled is the largest buffer kept for the next document.
	maxPooled = 4 << 20
	// maxTextGuess bounds the room made for a document's text ahead of
	// reading it: a quarter of document.xml, more than the text takes in
	// Word's markup (a ninth) or in the plainest (a fifth; BenchmarkDOCX),
	// so the text's buffer seldom grows.
	maxTextGuess = 64 << 20
)

// errReader keeps the error of the reader it wraps, to tell a damaged
// zip member from damaged XML in it.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

// officeDocument is the relationship type of a package's main part.
const officeDocument = "/officeDocument"

// mainPart returns the main document part named by _rels/.rels, or
// word/document.xml.
func mainPart(d *zipDoc) string {
	const def = "word/document.xml"
	if !d.has("_rels/.rels") {
		return def
	}
	data, err := d.open("_rels/.rels")
	if err != nil {
		return def
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &rels) != nil {
		return def
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, officeDocument) {
			t := path.Clean(strings.TrimPrefix(r.Target, "/"))
			if d.has(t) {
				return t
			}
		}
	}
	return def
}

// docxText returns the text of WordprocessingML (word/document.xml), one
// paragraph a line:
//
//	w:t                     text
//	w:tab, w:br, w:cr       tab, line break
//	w:noBreakHyphen         -
//	w:p                     ends a line; inside a table cell, a space
//	w:tc, w:tr              a cell ends with a tab, a row with a line break
//	w:txbxContent           text box paragraphs, written after the
//	                        paragraph that anchors the box
//	w:del, w:moveFrom       tracked deletions and moves away: left out
//	                        (w:ins and w:moveTo are kept)
//	mc:Fallback             left out (it repeats mc:Choice, e.g. a text
//	                        box drawn twice, as DrawingML and as VML)
//
// Field codes (w:instrText) are not w:t and are left out; field results
// are kept. Elements are matched by local name, whatever the prefix.
// Headers, footers, footnotes and comments are other parts and are not
// read.
//
// The XML is read by scanXML, a scanner written here: encoding/xml, the
// library, reads Word's document.xml at about 35 MB/s, a tenth of what
// issue 15's 50 MB/s of .docx file takes (document.xml is about 7.5 times
// the file). The tests check both give the same text (TestDOCXScanner,
// FuzzDOCXScanner).
func docxText(data []byte) (string, error) {
	var d docxBuilder
	if err := scanXML(data, &d); err != nil {
		return "", err
	}
	return d.text(), nil
}

// xmlHandler receives the elements and text of an XML document, element
// names without their prefix. The slices are valid during the call only.
type xmlHandler interface {
	start(local []byte, hasAttr bool)
	end(local []byte)
	chars(text []byte)
}

// docxBuilder builds docxText's text from WordprocessingML elements.
type docxBuilder struct {
	main, box bytes.Buffer
	skip      int // depth inside a left-out element
	inT       bool
	table     int // table nesting, outside text boxes
	boxDepth  int
}

// out returns the buffer text goes to: the text box's inside one.
func (d *docxBuilder) out() *bytes.Buffer {
	if d.boxDepth > 0 {
		return &d.box
	}
	return &d.main
}

func (d *docxBuilder) start(local []byte, hasAttr bool) {
	if d.skip > 0 {
		d.skip++
		return
	}
	switch string(local) { // no allocation: the compiler compares in place
	case "t":
		d.inT = true
	case "del", "moveFrom", "Fallback":
		d.skip = 1
	case "tab":
		if !hasAttr { // w:tab in a run, not a tab stop (w:tabs/w:tab w:val w:pos)
			d.out().WriteByte('\t')
		}
	case "br", "cr":
		d.out().WriteByte('\n')
	case "noBreakHyphen":
		d.out().WriteByte('-')
	case "txbxContent":
		d.boxDepth++
	case "tbl":
		if d.boxDepth == 0 {
			d.table++
		}
	}
}

func (d *docxBuilder) end(local []byte) {
	if d.skip > 0 {
		d.skip--
		return
	}
	switch string(local) {
	case "t":
		d.inT = false
	case "p":
		switch {
		case d.boxDepth > 0:
			d.box.WriteByte('\n')
		case d.table > 0:
			d.main.WriteByte(' ')
		default:
			d.main.WriteByte('\n')
			d.main.Write(d.box.Bytes())
			d.box.Reset()
		}
	case "tc":
		b := d.out()
		if n := b.Len(); n > 0 && b.Bytes()[n-1] == ' ' {
			b.Truncate(n - 1) // the space after the cell's last paragraph
		}
		b.WriteByte('\t')
	case "tr":
		d.out().WriteByte('\n')
	case "tbl":
		if d.boxDepth == 0 {
			d.table--
		}
	case "txbxContent":
		d.boxDepth--
	}
}

func (d *docxBuilder) chars(text []byte) {
	if d.inT && d.skip == 0 {
		d.out().Write(text)
	}
}

// text returns what was built, a text box not yet placed at the end;
// bytes that are not UTF-8 become U+FFFD.
func (d *docxBuilder) text() string {
	d.main.Write(d.box.Bytes())
	b := d.main.Bytes()
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return tidyLines(b)
}

// utf8Only is an xml CharsetReader that accepts UTF-8 under its names.
func utf8Only(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8":
		return r, nil
	}
	return nil, fmt.Errorf("XML in %s, not UTF-8", label)
}

// tidyLines trims spaces and tabs at the end of each line, drops blank
// lines at both ends and keeps at most one blank line in a row. It
// copies the text once, straight into the string it returns.
func tidyLines(text []byte) string {
	var b strings.Builder
	b.Grow(len(text))
	first, blank := true, false
	for {
		l, rest, more := bytes.Cut(text, []byte("\n"))
		l = bytes.TrimRight(l, " \t\u3000\r")
		if len(bytes.TrimSpace(l)) == 0 {
			blank = !first
		} else {
			if !first {
				b.WriteByte('\n')
			}
			if blank {
				b.WriteByte('\n')
				blank = false
			}
			b.Write(l)
			first = false
		}
		if !more {
			return b.String()
		}
		text = rest
	}
}
