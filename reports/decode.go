package reports

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Errors returned by Decode. They carry no file name: the caller adds it
// (fmt.Errorf("%s: %w", path, err)) and tests them with errors.Is.
var (
	// ErrEmpty: the file has no bytes (or only a byte-order mark).
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the bytes are not text (NUL bytes without a UTF-16
	// byte-order mark, or control characters).
	ErrBinary = errors.New("not text: binary data")
	// ErrEncoding: the bytes are neither valid UTF-8 nor plausible
	// GB18030/GBK Chinese text, or a byte-order mark announces an encoding
	// the bytes then break.
	ErrEncoding = errors.New("undecodable: neither utf-8 nor gb18030")
)

// Byte-order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns raw file bytes into UTF-8 text and names the encoding found:
// "utf-8", "utf-8-bom", "gb18030", "utf-16le" or "utf-16be". Bytes that are
// none of these (binary data, a broken encoding) are an error, never a guess.
//
// The order of the tests is: a byte-order mark decides (UTF-8 or UTF-16,
// and the bytes after it must then be valid in that encoding); otherwise a
// NUL byte means binary data; valid UTF-8 is UTF-8; otherwise the bytes are
// decoded as GB18030 (a superset of GBK and GB2312) and accepted only when
// every byte sequence is valid and the result reads as Chinese text (see
// plausibleGB). The BOM is stripped and CRLF and CR line ends become LF.
func Decode(raw []byte) (text, encoding string, err error) {
	if len(raw) == 0 {
		return "", "", ErrEmpty
	}
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		text, err = decodeUTF8(raw[len(bomUTF8):])
		encoding = "utf-8-bom"
	case bytes.HasPrefix(raw, bomUTF16LE):
		text, err = decodeUTF16(raw[len(bomUTF16LE):], false)
		encoding = "utf-16le"
	case bytes.HasPrefix(raw, bomUTF16BE):
		text, err = decodeUTF16(raw[len(bomUTF16BE):], true)
		encoding = "utf-16be"
	case bytes.IndexByte(raw, 0) >= 0:
		return "", "", fmt.Errorf("%w (NUL bytes and no utf-16 byte-order mark)", ErrBinary)
	case utf8.Valid(raw):
		text, err = decodeUTF8(raw)
		encoding = "utf-8"
	default:
		text, err = decodeGB18030(raw)
		encoding = "gb18030"
	}
	if err != nil {
		return "", "", err
	}
	text = strings.TrimPrefix(text, "\uFEFF") // a second BOM, or GB18030's 84 31 95 33
	if text == "" {
		return "", "", ErrEmpty
	}
	return normalizeNewlines(text), encoding, nil
}

// decodeUTF8 checks b is UTF-8 text: valid and not binary.
func decodeUTF8(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%w (invalid utf-8 after a utf-8 byte-order mark)", ErrEncoding)
	}
	s := string(b)
	if err := checkControls(s); err != nil {
		return "", err
	}
	return s, nil
}

// decodeUTF16 decodes UTF-16 code units (after the BOM), rejecting an odd
// byte count and unpaired surrogates.
func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("%w (odd number of bytes after a utf-16 byte-order mark)", ErrEncoding)
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		switch {
		case utf16.IsSurrogate(u):
			if i+1 >= len(units) {
				return "", fmt.Errorf("%w (unpaired utf-16 surrogate)", ErrEncoding)
			}
			r := utf16.DecodeRune(u, rune(units[i+1]))
			if r == unicode.ReplacementChar {
				return "", fmt.Errorf("%w (unpaired utf-16 surrogate)", ErrEncoding)
			}
			sb.WriteRune(r)
			i++
		default:
			sb.WriteRune(u)
		}
	}
	s := sb.String()
	if strings.IndexByte(s, 0) >= 0 {
		return "", fmt.Errorf("%w (NUL characters in utf-16 text)", ErrBinary)
	}
	if err := checkControls(s); err != nil {
		return "", err
	}
	return s, nil
}

// checkControls rejects text in which more than 1 in 100 characters (and
// at least one) is a C0 control other than tab, line feed, vertical tab,
// form feed, carriage return, escape and the DOS end-of-file mark (0x1A).
func checkControls(s string) error {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if isBinaryControl(r) {
			bad++
		}
	}
	if bad > 0 && bad*100 > n {
		return fmt.Errorf("%w (%d control characters)", ErrBinary, bad)
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

// decodeGB18030 decodes b as GB18030 and accepts the result only if no
// byte sequence was invalid and plausibleGB accepts it.
func decodeGB18030(b []byte) (string, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%w (%v)", ErrEncoding, err)
	}
	s := string(out)
	if strings.ContainsRune(s, utf8.RuneError) {
		return "", fmt.Errorf("%w (invalid byte sequences)", ErrEncoding)
	}
	if !plausibleGB(b, s) {
		return "", fmt.Errorf("%w (bytes decode as gb18030 but do not read as chinese text)", ErrEncoding)
	}
	return s, nil
}

// plausibleGB reports whether s, decoded from the GB18030 bytes raw, reads
// as Chinese text. Mis-decoded bytes of another encoding (Big5, Shift-JIS,
// Latin-1, random data) come out as a scatter of rare characters, so:
//
//   - no control characters (as isBinaryControl) and no private-use
//     characters;
//   - at least 95% of the non-space characters are Han, CJK or full-width
//     punctuation, general punctuation or printable ASCII;
//   - at least 90% of the two- and four-byte sequences of raw are in the
//     GB2312 region (lead 0xB0–0xF7 for Han, 0xA1–0xA9 for symbols, trail
//     0xA1–0xFE), where the 7,445 common characters are; GBK extension
//     and four-byte GB18030 characters are rare in real text.
//   - at least one Han character.
func plausibleGB(raw []byte, s string) bool {
	han, good, total := 0, 0, 0
	for _, r := range s {
		if isBinaryControl(r) || unicode.Is(unicode.Co, r) {
			return false
		}
		if unicode.IsSpace(r) {
			continue
		}
		total++
		switch {
		case isHan(r):
			han++
			good++
		case r < utf8.RuneSelf, isCJKPunct(r), r >= 0x2000 && r <= 0x206F:
			good++
		}
	}
	if han == 0 || good*100 < total*95 {
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

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// isHan reports whether r is a Chinese (Han) character.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isCJKPunct reports whether r is CJK or full-width punctuation: the CJK
// Symbols and Punctuation block (、。《》「」【】…), full-width forms
// (，！？：；（）), CJK compatibility forms, and the quotes, dashes, ellipsis
// and middle dot Chinese text uses (“”‘’—…·).
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F && r != 0x3007: // 〇 is Han
		return true
	case r >= 0xFF01 && r <= 0xFF65 && !isFullwidthAlnum(r):
		return true
	case r >= 0xFE30 && r <= 0xFE4F:
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '—', '―', '…', '·', '•', '～', '－':
		return true
	}
	return false
}

// isFullwidthAlnum reports whether r is a full-width ASCII letter or digit.
func isFullwidthAlnum(r rune) bool {
	return (r >= '０' && r <= '９') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ')
}
