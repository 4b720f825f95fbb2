package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Errors returned by Decode. They carry no file name: the caller adds it
// (fmt.Errorf("%s: %w", path, err)) and tests them with errors.Is.
var (
	// ErrEmpty: the file has no bytes (or only a byte-order mark).
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the bytes are not text: more than 1 in 100 characters
	// is a NUL or another control character text files do not hold.
	ErrBinary = errors.New("not text: binary data")
	// ErrEncoding: no encoding decodes the bytes with few errors into
	// plausible text (see Detect), or a byte-order mark announces an
	// encoding the bytes then break.
	ErrEncoding = errors.New("undecodable: neither utf-8 nor gb18030")
)

// Byte-order marks; UTF-32's are tested before UTF-16's, which they begin
// with.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF32LE = []byte{0xFF, 0xFE, 0, 0}
	bomUTF32BE = []byte{0, 0, 0xFE, 0xFF}
)

// Decoded is the text Detect found in a file's bytes.
type Decoded struct {
	Text     string // UTF-8, byte-order mark stripped, LF line ends
	Encoding string // utf-8, utf-8-bom, gb18030, utf-16le, utf-16be, utf-32le, utf-32be
	// Replaced counts the byte sequences that are not valid in Encoding,
	// each written as U+FFFD; FirstBad is the byte offset in the file of
	// the first (-1 when there is none).
	Replaced int
	FirstBad int
}

// maxBadPercent is the share of characters, in percent, that may be
// replacement characters in a text Detect accepts: one stray byte in a
// report is replaced, a file of another encoding is refused.
const maxBadPercent = 1

// Decode is Detect without the count of replaced bytes: the text and the
// name of its encoding.
func Decode(raw []byte) (text, encoding string, err error) {
	d, err := Detect(raw)
	return d.Text, d.Encoding, err
}

// Detect turns raw file bytes into UTF-8 text and names the encoding found:
// "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be", "utf-32le" or
// "utf-32be". Byte sequences that are not valid in that encoding become
// U+FFFD and are counted (Decoded.Replaced, FirstBad), so one stray byte
// does not lose a report; bytes that read as no text are an error, never a
// guess.
//
// A byte-order mark decides the encoding (UTF-8, UTF-16 or UTF-32), and
// the bytes after it must then decode with at most 1 in 100 characters
// replaced. Without one, bytes that are valid UTF-8 and hold no NUL are
// UTF-8. Otherwise each encoding is tried, and kept when at most 1 in 100
// of its characters is a replacement and the text is plausible:
//
//   - UTF-8: any text;
//   - UTF-32, little- or big-endian (a file saved without a byte-order
//     mark), when the length is a multiple of 4 and the high byte of at
//     least 90% of the 4-byte units is zero;
//   - UTF-16, little-endian when more zero bytes (the high bytes of ASCII
//     characters) sit at odd offsets than at even ones, big-endian when
//     the other way round;
//   - the text of UTF-32 and UTF-16 must be plausible: at least 95% of the
//     non-space characters Han, CJK or general punctuation or printable
//     ASCII, none private-use (bytes of another encoding decode as a
//     scatter of rare characters);
//   - GB18030 (a superset of GBK and GB2312), when the bytes are not
//     valid UTF-8: reads as Chinese text (PlausibleGB).
//
// No encoding is kept whose text is binary (below). Of those kept, the one
// with the fewest replacements wins (ties in the order listed). The decoded text is binary data (ErrBinary) when more
// than 1 in 100 of its characters is a NUL or another control character
// text files do not hold (see isBinaryControl): the presence of a NUL byte
// is not enough. The BOM is stripped and CRLF and CR line ends become LF.
func Detect(raw []byte) (Decoded, error) {
	if len(raw) == 0 {
		return Decoded{}, ErrEmpty
	}
	var d Decoded
	var ok bool
	bom := ""
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		d, bom = decodeUTF8(raw[len(bomUTF8):], len(bomUTF8)), "utf-8"
		d.Encoding = "utf-8-bom"
	case bytes.HasPrefix(raw, bomUTF32LE):
		d, bom = decodeUTF32(raw[len(bomUTF32LE):], false, len(bomUTF32LE)), "utf-32"
	case bytes.HasPrefix(raw, bomUTF32BE):
		d, bom = decodeUTF32(raw[len(bomUTF32BE):], true, len(bomUTF32BE)), "utf-32"
	case bytes.HasPrefix(raw, bomUTF16LE):
		d, bom = decodeUTF16(raw[len(bomUTF16LE):], false, len(bomUTF16LE)), "utf-16"
	case bytes.HasPrefix(raw, bomUTF16BE):
		d, bom = decodeUTF16(raw[len(bomUTF16BE):], true, len(bomUTF16BE)), "utf-16"
	default:
		if d, ok = guessEncoding(raw); !ok {
			if controlShare(raw) {
				return Decoded{}, fmt.Errorf("%w (NUL or control bytes, and no encoding reads them as text)", ErrBinary)
			}
			return Decoded{}, fmt.Errorf("%w (no encoding decodes the bytes into text with few errors)", ErrEncoding)
		}
	}
	if bom != "" && !fewBad(d) {
		return Decoded{}, fmt.Errorf("%w (%d invalid byte sequences after a %s byte-order mark)", ErrEncoding, d.Replaced, bom)
	}
	if err := checkControls(d.Text); err != nil {
		return Decoded{}, err
	}
	d.Text = strings.TrimPrefix(d.Text, "\uFEFF") // a second BOM, or GB18030's 84 31 95 33
	if d.Text == "" {
		return Decoded{}, ErrEmpty
	}
	d.Text = normalizeNewlines(d.Text)
	return d, nil
}

// guessEncoding decodes bytes without a byte-order mark: see Detect.
func guessEncoding(raw []byte) (Decoded, bool) {
	hasNUL := bytes.IndexByte(raw, 0) >= 0
	valid := utf8.Valid(raw)
	if valid && !hasNUL {
		return Decoded{Text: string(raw), Encoding: "utf-8", FirstBad: -1}, true
	}
	var best Decoded
	found := false
	consider := func(d Decoded, plausible func(Decoded) bool) {
		if fewBad(d) && (!found || d.Replaced < best.Replaced) && checkControls(d.Text) == nil && plausible(d) {
			best, found = d, true
		}
	}
	anyText := func(Decoded) bool { return true }
	unicodeText := func(d Decoded) bool { return plausibleChars(d.Text, false) }
	consider(decodeUTF8(raw, 0), anyText)
	if hasNUL {
		z := zeroBytes(raw)
		if len(raw)%4 == 0 && z[3] > 0 && z[3]*10 >= len(raw)/4*9 {
			consider(decodeUTF32(raw, false, 0), unicodeText)
		}
		if len(raw)%4 == 0 && z[0] > 0 && z[0]*10 >= len(raw)/4*9 {
			consider(decodeUTF32(raw, true, 0), unicodeText)
		}
		odd, even := z[1]+z[3], z[0]+z[2]
		if odd > even {
			consider(decodeUTF16(raw, false, 0), unicodeText)
		}
		if even > odd {
			consider(decodeUTF16(raw, true, 0), unicodeText)
		}
	}
	if !valid {
		consider(GB18030(raw), func(d Decoded) bool { return PlausibleGB(raw, d.Text) })
	}
	return best, found
}

// zeroBytes counts the zero bytes of raw at each offset modulo 4.
func zeroBytes(raw []byte) [4]int {
	var z [4]int
	for i, c := range raw {
		if c == 0 {
			z[i%4]++
		}
	}
	return z
}

// fewBad reports whether at most maxBadPercent of d's characters are
// replacements.
func fewBad(d Decoded) bool {
	return d.Replaced == 0 || d.Replaced*100 <= utf8.RuneCountInString(d.Text)*maxBadPercent
}

// controlShare reports whether more than 1 in 100 bytes of raw is a NUL
// or another control byte (isBinaryControl).
func controlShare(raw []byte) bool {
	n := 0
	for _, c := range raw {
		if c < 0x20 && isBinaryControl(rune(c)) {
			n++
		}
	}
	return n*100 > len(raw)
}

// UTF8 decodes b as UTF-8 whatever it holds, each invalid byte becoming
// U+FFFD and counted, where Detect would refuse bytes with too many; the
// text keeps its byte-order mark and line ends. Package reports locates
// the first bad byte of a manifest with it.
func UTF8(b []byte) Decoded {
	return decodeUTF8(b, 0)
}

// decodeUTF8 decodes b as UTF-8, each invalid byte becoming U+FFFD (as a
// Go range loop reads it); offset is b's offset in the file.
func decodeUTF8(b []byte, offset int) Decoded {
	d := Decoded{Encoding: "utf-8", FirstBad: -1}
	if utf8.Valid(b) {
		d.Text = string(b)
		return d
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			d.bad(offset + i)
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[i : i+size])
		}
		i += size
	}
	d.Text = sb.String()
	return d
}

// bad counts a replaced sequence at byte offset off.
func (d *Decoded) bad(off int) {
	if d.Replaced == 0 {
		d.FirstBad = off
	}
	d.Replaced++
}

// decodeUTF16 decodes UTF-16 code units, an unpaired surrogate or a last
// odd byte becoming U+FFFD; offset is b's offset in the file.
func decodeUTF16(b []byte, bigEndian bool, offset int) Decoded {
	d := Decoded{Encoding: "utf-16le", FirstBad: -1}
	if bigEndian {
		d.Encoding = "utf-16be"
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[2*i])<<8 | rune(b[2*i+1])
		}
		return rune(b[2*i+1])<<8 | rune(b[2*i])
	}
	n := len(b) / 2
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	for i := 0; i < n; i++ {
		u := unit(i)
		if !utf16.IsSurrogate(u) {
			sb.WriteRune(u)
			continue
		}
		if i+1 < n {
			if r := utf16.DecodeRune(u, unit(i+1)); r != unicode.ReplacementChar {
				sb.WriteRune(r)
				i++
				continue
			}
		}
		d.bad(offset + 2*i)
		sb.WriteRune(utf8.RuneError)
	}
	if len(b)%2 != 0 {
		d.bad(offset + len(b) - 1)
		sb.WriteRune(utf8.RuneError)
	}
	d.Text = sb.String()
	return d
}

// decodeUTF32 decodes UTF-32 code units, a unit that is no character (a
// surrogate, above U+10FFFF) or a last incomplete one becoming U+FFFD;
// offset is b's offset in the file.
func decodeUTF32(b []byte, bigEndian bool, offset int) Decoded {
	d := Decoded{Encoding: "utf-32le", FirstBad: -1}
	if bigEndian {
		d.Encoding = "utf-32be"
	}
	n := len(b) / 4
	var sb strings.Builder
	sb.Grow(n * 3)
	for i := range n {
		u := b[4*i : 4*i+4]
		var r uint32
		if bigEndian {
			r = uint32(u[0])<<24 | uint32(u[1])<<16 | uint32(u[2])<<8 | uint32(u[3])
		} else {
			r = uint32(u[3])<<24 | uint32(u[2])<<16 | uint32(u[1])<<8 | uint32(u[0])
		}
		if r > unicode.MaxRune || utf16.IsSurrogate(rune(r)) {
			d.bad(offset + 4*i)
			sb.WriteRune(utf8.RuneError)
			continue
		}
		sb.WriteRune(rune(r))
	}
	if len(b)%4 != 0 {
		d.bad(offset + 4*n)
		sb.WriteRune(utf8.RuneError)
	}
	d.Text = sb.String()
	return d
}

// checkControls rejects text in which more than 1 in 100 characters (and
// at least one) is a NUL or a C0 control other than tab, line feed,
// vertical tab, form feed, carriage return, escape and the DOS end-of-file
// mark (0x1A).
func checkControls(s string) error {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if isBinaryControl(r) {
			bad++
		}
	}
	if bad > 0 && bad*100 > n {
		return fmt.Errorf("%w (%d NUL or control characters)", ErrBinary, bad)
	}
	return nil
}

// isBinaryControl reports whether r is a control character that text files
// do not hold.
func isBinaryControl(r rune) bool {
	if r >= 0x20 {
		return r == 0x7F
	}
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1A, 0x1B:
		return false
	}
	return true
}

// gbReplacement is U+FFFD encoded in GB18030: a replacement character the
// file itself holds, not one the decoder wrote.
var gbReplacement = []byte{0x84, 0x31, 0xA4, 0x37}

// decodeGB18030 decodes b as GB18030 with golang.org/x/text, which writes
// U+FFFD for each invalid sequence; the first is located by feeding the
// decoder one sequence at a time.
func GB18030(b []byte) Decoded {
	d := Decoded{Encoding: "gb18030", FirstBad: -1}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil { // x/text replaces rather than fails; keep a failure visible
		d.Text, d.Replaced, d.FirstBad = "", len(b), 0
		return d
	}
	d.Text = string(out)
	d.Replaced = strings.Count(d.Text, "\uFFFD") - bytes.Count(b, gbReplacement)
	if d.Replaced > 0 {
		d.FirstBad = firstBadGB18030(b)
	}
	return d
}

// firstBadGB18030 returns the offset of the first byte sequence of b the
// GB18030 decoder replaces, or -1.
func firstBadGB18030(b []byte) int {
	dec := simplifiedchinese.GB18030.NewDecoder()
	var dst [16]byte
	for i := 0; i < len(b); {
		n := 1
		for {
			end := min(i+n, len(b))
			nDst, nSrc, err := dec.Transform(dst[:], b[i:end], end == len(b))
			if err == transform.ErrShortSrc && nSrc == 0 && end < len(b) {
				n++
				continue
			}
			if nSrc == 0 {
				return i
			}
			if bytes.Contains(dst[:nDst], []byte("\uFFFD")) && !bytes.HasPrefix(b[i:], gbReplacement) {
				return i
			}
			i += nSrc
			break
		}
	}
	return -1
}

// plausibleGB reports whether s, decoded from the GB18030 bytes raw, reads
// as Chinese text. Mis-decoded bytes of another encoding (Big5, Shift-JIS,
// Latin-1, random data) come out as a scatter of rare characters, so:
//
//   - the characters are plausible (plausibleChars), with at least one Han;
//   - at least 90% of the two- and four-byte sequences of raw are in the
//     GB2312 region (lead 0xB0–0xF7 for Han, 0xA1–0xA9 for symbols, trail
//     0xA1–0xFE), where the 7,445 common characters are; GBK extension
//     and four-byte GB18030 characters are rare in real text.
func PlausibleGB(raw []byte, s string) bool {
	if !plausibleChars(s, true) {
		return false
	}
	common, rare := 0, 0
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < 0x80 || c == 0x80 || c == 0xFF {
			i++
			continue
		}
		if i+1 < len(raw) && raw[i+1] >= 0x30 && raw[i+1] <= 0x39 { // four-byte sequence
			rare++
			i += 4
			continue
		}
		t := byte(0)
		if i+1 < len(raw) {
			t = raw[i+1]
		}
		if ((c >= 0xB0 && c <= 0xF7) || (c >= 0xA1 && c <= 0xA9)) && t >= 0xA1 && t <= 0xFE {
			common++
		} else {
			rare++
		}
		i += 2
	}
	return rare*10 <= common+rare
}

// plausibleChars reports whether the decoded text s reads as Chinese (or
// plain) text: no private-use characters, and at least 95% of the
// non-space characters that are not replacements are Han, CJK or
// full-width punctuation, general punctuation or printable ASCII (a
// control character is none of these); with needHan, at least one Han
// character.
func plausibleChars(s string, needHan bool) bool {
	han, good, total := 0, 0, 0
	for _, r := range s {
		if unicode.Is(unicode.Co, r) {
			return false
		}
		if unicode.IsSpace(r) || r == utf8.RuneError {
			continue
		}
		total++
		switch {
		case isHan(r):
			han++
			good++
		case (r < utf8.RuneSelf && !isBinaryControl(r)), unicode.Is(textPunct, r):
			good++
		}
	}
	if needHan && han == 0 {
		return false
	}
	return total > 0 && good*100 >= total*95
}

// isHan reports whether r is a Chinese (Han) character; CJK Unified
// Ideographs, the common case, need no table.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r)
}

// textPunct is the punctuation Chinese text holds: the middle dot, general
// punctuation (“”‘’—…•), CJK symbols and punctuation (、。《》「」【】), CJK
// compatibility forms, and the full-width forms but for letters and digits
// (，！？：；（）～－). It is package clean's IsCJKPunct with general
// punctuation added, written out here because decode imports no package
// of tifa; TestTextPunct checks the two agree.
var textPunct = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00B7, Hi: 0x00B7, Stride: 1},
		{Lo: 0x2000, Hi: 0x206F, Stride: 1},
		{Lo: 0x3000, Hi: 0x303F, Stride: 1},
		{Lo: 0xFE30, Hi: 0xFE4F, Stride: 1},
		{Lo: 0xFF01, Hi: 0xFF0F, Stride: 1},
		{Lo: 0xFF1A, Hi: 0xFF20, Stride: 1},
		{Lo: 0xFF3B, Hi: 0xFF40, Stride: 1},
		{Lo: 0xFF5B, Hi: 0xFF65, Stride: 1},
	},
	LatinOffset: 1,
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
