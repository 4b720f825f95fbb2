package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// FoldWidth normalises the characters of text, rune by rune:
//
//   - full-width letters, digits and symbols become ASCII (ＡＢＣ１２３％ →
//     ABC123%) and half-width katakana and punctuation become full-width,
//     by golang.org/x/text/width.Fold — except the full-width punctuation
//     of Chinese prose, kept as written: ，！？：；（） and ＜＞;
//   - zero-width and other invisible format characters (U+200B–U+200F,
//     U+2060, U+FEFF, U+00AD soft hyphen, bidi controls: Unicode category
//     Cf) are removed;
//   - NBSP, U+3000 ideographic space, the U+2000–U+200A spaces and tab
//     become a plain space;
//   - CRLF, CR, form feed, vertical tab, U+0085, U+2028 and U+2029 become
//     LF; other control characters are removed;
//   - bytes that are not UTF-8 become U+FFFD.
//
// It returns text itself when nothing changes.
func FoldWidth(text string) string {
	var b strings.Builder
	last := 0 // text[last:i] is pending, unchanged
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7F {
				i++
				continue
			}
			size, repl := 1, ""
			switch c {
			case '\n':
				i++
				continue
			case '\t':
				repl = " "
			case '\r':
				repl = "\n"
				if i+1 < len(text) && text[i+1] == '\n' {
					size = 2
				}
			case '\v', '\f':
				repl = "\n"
			}
			foldWrite(&b, text, last, i, len(text), repl)
			i += size
			last = i
			continue
		}
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			i += 3 // U+4000–U+9FFF: Han, nothing to fold
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		repl, changed := foldRune(r, size)
		if changed {
			foldWrite(&b, text, last, i, len(text), repl)
			last = i + size
		}
		i += size
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// foldWrite flushes text[last:i] and repl into b, growing b on first use.
func foldWrite(b *strings.Builder, text string, last, i, n int, repl string) {
	if b.Cap() == 0 {
		b.Grow(n)
	}
	b.WriteString(text[last:i])
	b.WriteString(repl)
}

// keptFullwidth lists the full-width punctuation FoldWidth keeps: the
// marks of Chinese prose, and ＜＞ (StripHTML writes a literal < as ＜ so
// that cleaned text never looks like HTML again).
const keptFullwidth = "，！？：；（）＜＞"

// asciiChars holds the ASCII characters, to slice one-byte strings from.
const asciiChars = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// foldRune returns what FoldWidth writes for the rune r of encoded size
// size, and whether that differs from r.
func foldRune(r rune, size int) (string, bool) {
	switch {
	case r == utf8.RuneError && size == 1:
		return "\uFFFD", true
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return "\n", true
	case r < 0xA0:
		return "", true // C1 controls
	case r == 0xA0 || r == 0x3000 || r == 0x202F || r == 0x205F || (r >= 0x2000 && r <= 0x200A):
		return " ", true
	case r >= 0xFF00 && r <= 0xFFEF:
		if r == '，' || strings.ContainsRune(keptFullwidth, r) {
			return "", false
		}
		f := width.LookupRune(r).Folded()
		switch {
		case f == 0:
			return "", false
		case f < utf8.RuneSelf:
			return asciiChars[f : f+1], true
		}
		return string(f), true
	case r < 0x2E80 || r >= 0xFE00:
		if unicode.Is(unicode.Cf, r) {
			return "", true
		}
	}
	return "", false
}

// ---------------------------------------------------------------------------
// JoinZeroWidthBreaks.

// JoinZeroWidthBreaks removes the stray breaks Wikisource leaves inside
// words and sentences: a line holding only zero-width characters (and
// spaces) between a line that does not end a sentence (see
// isSentenceFinal) and a non-blank line is removed together with both
// line breaks, so "交出一份人\n\u200b\n民满意" becomes "交出一份人民满意".
// It must run before FoldWidth, which deletes the marks.
func JoinZeroWidthBreaks(text string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		j += i // text[j] is the line break before a candidate mark line
		k, ok := zeroWidthLineEnd(text, j+1)
		if !ok || !brokenBefore(text[:j]) || !nonBlankAt(text, k+1) {
			i = j + 1
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(strings.TrimRight(text[last:j], " \t\r"))
		last = k + 1
		i = k + 1
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// zeroWidthLineEnd reports whether the line starting at text[start] holds
// at least one zero-width character and otherwise only spaces, and returns
// the index of its closing "\n".
func zeroWidthLineEnd(text string, start int) (int, bool) {
	seen := false
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			return i, seen
		case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
			seen = true
		case ' ', '\t', '\r', 0x3000, 0xA0:
		default:
			return 0, false
		}
		i += size
	}
	return 0, false
}

// brokenBefore reports whether the text before a line break ends inside a
// sentence: its last visible rune is not sentence-final.
func brokenBefore(before string) bool {
	before = strings.TrimRight(before, " \t\r\u3000")
	if before == "" || before[len(before)-1] == '\n' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return !isSentenceFinal(r)
}

// nonBlankAt reports whether the line starting at text[start] has a
// visible character.
func nonBlankAt(text string, start int) bool {
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			return false
		}
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return true
		}
		i += size
	}
	return false
}
