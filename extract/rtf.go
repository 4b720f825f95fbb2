package extract

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// rtfSkipped are the destinations whose text is not the document's:
// tables (fonts are parsed for their charsets), metadata, pictures and
// objects, headers, footers, footnotes, comments and field instructions.
// Any destination marked \* that is not known is skipped too.
var rtfSkipped = setOf("colortbl", "stylesheet", "info", "pict", "object", "header", "headerl",
	"headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "annotation",
	"fldinst", "themedata", "colorschememapping", "datastore", "latentstyles", "listtable",
	"listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "pgdsctbl", "filetbl",
	"revtbl", "atnid", "atnauthor", "nonshppict", "userprops", "docvar", "template", "listtext",
	"pntext", "pntxta", "pntxtb", "bkmkstart", "bkmkend", "shpinst", "sp", "sn", "sv", "upr")

// rtfKnown are destinations and words read as text even after \*.
var rtfKnown = setOf("ud", "fldrslt", "shptxt")

// setOf builds a string set.
func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// rtfWords maps control words to the text they stand for.
var rtfWords = map[string]string{
	"par": "\n", "line": "\n", "page": "\n", "sect": "\n", "row": "\n", "cell": "\t",
	"nestcell": "\t", "nestrow": "\n", "tab": "\t", "emdash": "—", "endash": "–",
	"bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
	"emspace": " ", "enspace": " ", "qmspace": " ",
}

// rtfState is the state a group starts with and restores on its end.
type rtfState struct {
	skip    bool
	deleted bool // \deleted: tracked deletion
	uc      int  // characters to skip after \uN
	font    int
	fonttbl bool // inside \fonttbl
}

// rtfCharsets maps \fcharsetN to a decoder ([MS-RTF] / RTF 1.9.1
// \fcharset): 0 and 1 leave the document's \ansicpg.
var rtfCharsets = map[int]encoding.Encoding{
	128: japanese.ShiftJIS, 129: korean.EUCKR, 134: simplifiedchinese.GBK,
	136: traditionalchinese.Big5, 161: charmap.Windows1253, 162: charmap.Windows1254,
	177: charmap.Windows1255, 178: charmap.Windows1256, 186: charmap.Windows1257,
	204: charmap.Windows1251, 222: charmap.Windows874, 238: charmap.Windows1250,
	163: charmap.Windows1258,
}

// rtfCodepages maps \ansicpgN to a decoder.
var rtfCodepages = map[int]encoding.Encoding{
	936: simplifiedchinese.GBK, 54936: simplifiedchinese.GB18030, 950: traditionalchinese.Big5,
	932: japanese.ShiftJIS, 949: korean.EUCKR, 874: charmap.Windows874,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
}

// rtfReader turns RTF into text.
type rtfReader struct {
	data    []byte
	out     strings.Builder
	pending []byte // 8-bit text not yet decoded
	enc     encoding.Encoding
	ansi    encoding.Encoding // \ansicpg
	fonts   map[int]encoding.Encoding
	st      rtfState
	stack   []rtfState
	skipN   int // fallback characters still to skip after \uN
	ignore  bool
}

// readRTF returns the text of an RTF document ([MS-RTF], RTF 1.9.1): text
// in the codepage of its font's \fcharset or of \ansicpg (GBK for
// \fcharset134 or \ansicpg936), \uN characters with their \ucN fallback
// skipped, \par and \line as line breaks, \cell as a tab; font, colour and
// style tables, pictures, objects, headers, footers, footnotes, comments,
// field instructions, unknown \* destinations and tracked deletions
// (\deleted) left out.
func readRTF(data []byte) (*Text, error) {
	if !bytes.HasPrefix(data, []byte("{\\rtf")) {
		return nil, damaged("not an RTF file (no {\\rtf at its start)")
	}
	r := &rtfReader{data: data, ansi: charmap.Windows1252, fonts: map[int]encoding.Encoding{}, st: rtfState{uc: 1}}
	r.enc = r.ansi
	r.run()
	r.flush()
	return &Text{Pages: []string{tidyLines([]byte(r.out.String()))}}, nil
}

// run reads the whole document; unbalanced braces are forgiven.
func (r *rtfReader) run() {
	d := r.data
	for i := 0; i < len(d); {
		c := d[i]
		switch c {
		case '{':
			r.flush()
			r.stack = append(r.stack, r.st)
			r.skipN = 0
			i++
		case '}':
			r.flush()
			if len(r.stack) > 0 {
				r.st = r.stack[len(r.stack)-1]
				r.stack = r.stack[:len(r.stack)-1]
			}
			r.setFont(r.st.font)
			r.skipN = 0
			i++
		case '\\':
			i = r.control(i + 1)
		case '\r', '\n':
			i++
		default:
			if r.skipN > 0 {
				r.skipN--
			} else if r.reading() {
				r.pending = append(r.pending, c)
			}
			i++
		}
	}
}

// reading reports whether text in the current group is the document's.
func (r *rtfReader) reading() bool { return !r.st.skip && !r.st.deleted && !r.st.fonttbl }

// control reads a control word or symbol starting at d[i] (after the
// backslash) and returns the index after it.
func (r *rtfReader) control(i int) int {
	d := r.data
	if i >= len(d) {
		return i
	}
	c := d[i]
	if !isLetter(c) {
		r.ignore = false
		switch c {
		case '\'':
			if i+2 >= len(d) {
				return len(d)
			}
			v, err := strconv.ParseUint(string(d[i+1:i+3]), 16, 8)
			if r.skipN > 0 {
				r.skipN--
			} else if err == nil && r.reading() {
				r.pending = append(r.pending, byte(v))
			}
			return i + 3
		case '*':
			r.ignore = true
		case '\\', '{', '}':
			r.text(string(c))
		case '~':
			r.text("\u00a0")
		case '_':
			r.text("-")
		case '\r', '\n':
			r.text("\n")
		}
		return i + 1
	}
	j := i
	for j < len(d) && isLetter(d[j]) {
		j++
	}
	word := string(d[i:j])
	k := j
	if k < len(d) && (d[k] == '-' || isDigit(d[k])) {
		k++
		for k < len(d) && isDigit(d[k]) {
			k++
		}
	}
	num, hasNum := 0, k > j
	if hasNum {
		n, err := strconv.Atoi(string(d[j:k]))
		if err != nil {
			n = 0
		}
		num = n
	}
	if k < len(d) && d[k] == ' ' {
		k++
	}
	ignore := r.ignore
	r.ignore = false
	if word == "bin" {
		if hasNum && num > 0 {
			k = min(len(d), k+num)
		}
		return k
	}
	r.word(word, num, hasNum, ignore)
	return k
}

// word acts on a control word.
func (r *rtfReader) word(word string, num int, hasNum, ignorable bool) {
	switch {
	case word == "u":
		if num < 0 {
			num += 65536
		}
		if r.skipN > 0 {
			r.skipN = 0
		}
		r.text(string(rune(num)))
		r.skipN = r.st.uc
		return
	case word == "uc":
		r.st.uc = max(num, 0)
		return
	}
	r.skipN = 0
	switch {
	case word == "ansicpg":
		if e, ok := rtfCodepages[num]; ok {
			r.flush()
			r.ansi = e
			r.setFont(r.st.font)
		}
	case word == "fonttbl":
		r.st.fonttbl = true
	case word == "f":
		r.st.font = num
		if !r.st.fonttbl {
			r.setFont(num)
		}
	case word == "fcharset" && r.st.fonttbl:
		if e, ok := rtfCharsets[num]; ok {
			r.fonts[r.st.font] = e
		}
	case word == "deleted":
		r.st.deleted = !hasNum || num != 0
	case word == "plain":
		r.st.deleted = false
	case word == "ud":
		r.st.skip = false
	case rtfSkipped[word] || (ignorable && !rtfKnown[word]):
		r.st.skip = true
	default:
		if s, ok := rtfWords[word]; ok {
			r.text(s)
		}
	}
}

// setFont makes font f's charset the one 8-bit text is decoded in.
func (r *rtfReader) setFont(f int) {
	e, ok := r.fonts[f]
	if !ok {
		e = r.ansi
	}
	if e != r.enc {
		r.flush()
		r.enc = e
	}
}

// text writes s when the current group is read.
func (r *rtfReader) text(s string) {
	if r.reading() {
		r.flush()
		r.out.WriteString(s)
	}
}

// flush decodes the pending 8-bit text.
func (r *rtfReader) flush() {
	if len(r.pending) == 0 {
		return
	}
	s, err := r.enc.NewDecoder().Bytes(r.pending)
	if err != nil {
		s = bytes.ToValidUTF8(r.pending, []byte("\uFFFD"))
	}
	r.out.Write(s)
	r.pending = r.pending[:0]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
