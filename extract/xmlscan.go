package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanXML reads an XML document and hands its elements and character
// data to h: start and end tags by local name (the prefix dropped), text
// with entities and character references decoded, CDATA sections as
// text, "\r\n" and "\r" as "\n"; comments, processing instructions and
// the DOCTYPE, and text outside the root element, are skipped. It checks
// what encoding/xml checks for well formed input that matters here: an
// XML declaration naming an encoding other than UTF-8 is an error, tags
// are closed, elements balanced, entities known. It does not check that
// an end tag names the element it closes, nor attribute syntax beyond
// quoting, nor that the text is valid UTF-8 (the caller makes the text it
// keeps valid).
//
// It is written here, rather than using encoding/xml, for speed: about
// twenty times the library's on a report's document.xml (BenchmarkDOCX).
func scanXML(data []byte, h xmlHandler) error {
	s := xmlScanner{h: h}
	if _, err := s.scan(data, true); err != nil {
		return err
	}
	return s.close()
}

// scanXMLFrom is scanXML reading the document from r as it comes, in buf
// (its length; at least a byte), which grows only to hold a construct (a
// tag, or text up to the next tag) longer than that: a document.xml is
// read as it inflates, without holding all of it. It returns the buffer,
// grown or not, for the next document. Errors of r are returned as they
// are.
func scanXMLFrom(r io.Reader, h xmlHandler, buf []byte) ([]byte, error) {
	s := xmlScanner{h: h}
	n := 0 // bytes of buf not yet scanned
	for {
		m, err := io.ReadFull(r, buf[n:])
		n += m
		final := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !final {
			return buf, err
		}
		used, err := s.scan(buf[:n], final)
		if err != nil {
			return buf, err
		}
		if final {
			return buf, s.close()
		}
		n = copy(buf, buf[used:n])
		if n == len(buf) { // one construct fills the buffer
			buf = append(buf, make([]byte, len(buf))...)
		}
	}
}

// xmlScanner is scanXML's state between pieces of a document.
type xmlScanner struct {
	h     xmlHandler
	depth int
}

// shortError is the error of a document that ends inside a construct:
// reading a stream, the construct waits for more bytes.
type shortError string

func (e shortError) Error() string { return string(e) }

// scan reads the complete constructs at the start of data and returns
// the bytes they take. With final, data is the end of the document and a
// construct it cuts short is an error; without, scanning stops before it.
func (s *xmlScanner) scan(data []byte, final bool) (int, error) {
	i := 0
	for i < len(data) {
		j := 0 // most often a tag follows a tag
		if data[i] != '<' {
			j = bytes.IndexByte(data[i:], '<')
		}
		if j < 0 {
			if final {
				return len(data), nil // text after the root element: nothing to read
			}
			return i, nil
		}
		if j > 0 && s.depth > 0 { // text outside the root element is not read
			if err := scanText(data[i:i+j], s.h); err != nil {
				return 0, err
			}
		}
		i += j
		k, err := s.markup(data, i+1)
		if err != nil {
			if _, short := err.(shortError); short && !final {
				return i, nil
			}
			return 0, err
		}
		i = k
	}
	return i, nil
}

// close reports an error if elements are still open.
func (s *xmlScanner) close() error {
	if s.depth != 0 {
		return errors.New("XML ends with elements open")
	}
	return nil
}

// markup reads the construct whose '<' is at data[i-1] and returns the
// index after it.
func (s *xmlScanner) markup(data []byte, i int) (int, error) {
	if i >= len(data) {
		return 0, shortError("XML ends inside a tag")
	}
	switch data[i] {
	case '/':
		k, name, err := scanEndTag(data, i+1)
		if err != nil {
			return 0, err
		}
		if s.depth == 0 {
			return 0, errors.New("XML end tag without a start")
		}
		s.depth--
		s.h.end(name)
		return k, nil
	case '?':
		k := bytes.Index(data[i+1:], []byte("?>"))
		if k < 0 {
			return 0, shortError("XML ends inside a processing instruction")
		}
		if err := checkDecl(data[i+1 : i+1+k]); err != nil {
			return 0, err
		}
		return i + 1 + k + 2, nil
	case '!':
		switch {
		case bytes.HasPrefix(data[i:], []byte("!--")):
			k := bytes.Index(data[i+3:], []byte("-->"))
			if k < 0 {
				return 0, shortError("XML ends inside a comment")
			}
			return i + 3 + k + 3, nil
		case bytes.HasPrefix(data[i:], []byte("![CDATA[")):
			k := bytes.Index(data[i+8:], []byte("]]>"))
			if k < 0 {
				return 0, shortError("XML ends inside CDATA")
			}
			s.h.chars(newlines(data[i+8 : i+8+k]))
			return i + 8 + k + 3, nil
		case bytes.HasPrefix([]byte("!--"), data[i:]) || bytes.HasPrefix([]byte("![CDATA["), data[i:]):
			return 0, shortError("XML ends inside a declaration") // not yet known which
		default: // <!DOCTYPE …>
			k := skipDirective(data, i)
			if k < 0 {
				return 0, shortError("XML ends inside a declaration")
			}
			return k, nil
		}
	default:
		k, selfClose, hasAttr, local, err := scanTag(data, i)
		if err != nil {
			return 0, err
		}
		s.h.start(local, hasAttr)
		if selfClose {
			s.h.end(local)
		} else {
			s.depth++
		}
		return k, nil
	}
}

// skipDirective returns the index after a directive (<!DOCTYPE …>) whose
// '!' is at data[i], or -1. As encoding/xml does, the byte after '!' is
// taken whatever it is, then '<' and '>' nest (a DOCTYPE's internal
// subset) unless quoted.
func skipDirective(data []byte, i int) int {
	depth := 0
	var quote byte
	for j := i + 2; j < len(data); j++ {
		c := data[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			depth++
		case c == '>':
			if depth == 0 {
				return j + 1
			}
			depth--
		}
	}
	return -1
}

// scanTag reads a start tag whose name starts at data[i] and returns the
// index after its '>', whether it closes itself, whether it has
// attributes, and its local name. It goes byte by byte, as tags are short
// (a call to bytes.IndexByte costs more than it saves on a dozen bytes),
// and jumps over quoted values, since a '>' may stand inside one.
func scanTag(data []byte, i int) (next int, selfClose, hasAttr bool, local []byte, err error) {
	k, local := scanName(data, i)
	if k == i {
		return 0, false, false, nil, errors.New("XML tag without a name")
	}
	for k < len(data) {
		c := data[k]
		switch tagByte[c] {
		case tagOther: // an attribute's name and '='
			hasAttr = true
			k++
			for k < len(data) && tagByte[data[k]] == tagOther {
				k++
			}
		case tagSpace:
			k++
		case tagQuote:
			hasAttr = true
			k++
			for k < len(data) && data[k] != c {
				k++
			}
			if k == len(data) {
				return 0, false, false, nil, shortError("XML ends inside an attribute")
			}
			k++
		case tagEnd:
			return k + 1, false, hasAttr, local, nil
		default: // '/'
			if k+1 < len(data) && data[k+1] == '>' {
				return k + 2, true, hasAttr, local, nil
			}
			if bytes.IndexByte(data[k:], '>') < 0 {
				return 0, false, false, nil, shortError("XML ends inside a tag")
			}
			return 0, false, false, nil, errors.New("XML tag with a stray /")
		}
	}
	return 0, false, false, nil, shortError("XML ends inside a tag")
}

// tagByte sorts the bytes of a tag for scanTag and scanName (a lookup
// costs less than comparing with each).
var tagByte = [256]uint8{'>': tagEnd, '/': tagSlash, '"': tagQuote, '\'': tagQuote,
	' ': tagSpace, '\t': tagSpace, '\n': tagSpace, '\r': tagSpace}

const (
	tagOther = iota
	tagSpace
	tagQuote
	tagEnd
	tagSlash
)

// scanEndTag reads an end tag whose name starts at data[i] and returns
// the index after its '>' and its local name.
func scanEndTag(data []byte, i int) (next int, local []byte, err error) {
	for i < len(data) && isXMLSpace(data[i]) {
		i++
	}
	k, local := scanName(data, i)
	for ; k < len(data); k++ {
		if data[k] == '>' {
			return k + 1, local, nil
		}
	}
	return 0, nil, shortError("XML ends inside a tag")
}

// scanName returns the index after the name starting at data[i] (up to a
// space, '>' or '/') and the name without its prefix.
func scanName(data []byte, i int) (next int, local []byte) {
	k, start := i, i
	for ; k < len(data); k++ {
		c := data[k]
		if c == ':' && start == i {
			start = k + 1
		} else if t := tagByte[c]; t == tagSpace || t == tagEnd || t == tagSlash {
			break
		}
	}
	return k, data[start:k]
}

// checkDecl refuses an XML declaration naming an encoding other than
// UTF-8. It reads the declaration as encoding/xml does: the value after
// the first `encoding=` followed by a quote; a declaration without one,
// or with an empty value, says nothing.
func checkDecl(pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && !isXMLSpace(pi[3]) {
		return nil
	}
	const param = "encoding="
	s := pi[3:]
	for {
		k := bytes.Index(s, []byte(param))
		if k < 0 || k+len(param) >= len(s) {
			return nil
		}
		q := s[k+len(param)]
		s = s[k+len(param)+1:]
		if q != '"' && q != '\'' {
			continue
		}
		end := bytes.IndexByte(s, q)
		if end <= 0 {
			return nil
		}
		label := string(bytes.ToLower(s[:end]))
		if label != "utf-8" && label != "utf8" {
			return fmt.Errorf("XML in %s, not UTF-8", s[:end])
		}
		return nil
	}
}

// scanText hands character data to h, entities decoded.
func scanText(text []byte, h xmlHandler) error {
	if bytes.IndexByte(text, '&') < 0 {
		h.chars(newlines(text))
		return nil
	}
	out := make([]byte, 0, len(text))
	for len(text) > 0 {
		a := bytes.IndexByte(text, '&')
		if a < 0 {
			out = append(out, text...)
			break
		}
		out = append(out, text[:a]...)
		text = text[a:]
		semi := bytes.IndexByte(text, ';')
		if semi < 0 {
			return errors.New("XML entity without its ;")
		}
		ent := string(text[1:semi])
		text = text[semi+1:]
		switch ent {
		case "amp":
			out = append(out, '&')
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return fmt.Errorf("XML entity &%s; unknown", ent)
			}
			out = utf8.AppendRune(out, r)
		}
	}
	h.chars(newlines(out))
	return nil
}

// charRef decodes a character reference's body ("#20013", "#x4E2D").
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(ent[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ent[1:], 10, 32)
	}
	r := rune(n)
	if err != nil || !isXMLChar(r) {
		return 0, false
	}
	return r, true
}

// isXMLChar reports whether r is allowed in XML (XML 1.0 §2.2 Char).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// newlines applies XML's end-of-line handling: "\r\n" and "\r" become
// "\n".
func newlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
