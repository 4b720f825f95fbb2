package clean

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Clean runs every cleaning step, in order, on decoded text:
//
//	JoinZeroWidthBreaks  Wikisource breaks marked by a zero-width-space line
//	FoldWidth            widths, invisible characters, odd spaces, controls
//	StripHTML            only when the text is HTML
//	CollapseSpaces       each line trimmed, space runs collapsed
//	JoinSpacedHan        spaces next to Chinese characters removed
//	DropJunk             web-page junk at the head and tail
//	JoinBrokenLines      lines broken inside a sentence joined
//	DropJunk             again, for junk the joins completed
//
// repeating the last four until they change nothing, and finally collapses runs of blank lines to one blank line and trims the
// text. Clean is idempotent (Clean(Clean(s)) == Clean(s)), never panics and
// always returns valid UTF-8 (invalid input bytes become U+FFFD).
func Clean(text string) string {
	text = JoinZeroWidthBreaks(text)
	text = FoldWidth(text)
	text = StripHTML(text)
	lines := splitLines(text)
	for range maxLinePasses {
		prev := slices.Clone(lines)
		lines = joinSpacedHanLines(lines)
		lines = dropJunkLines(lines)
		lines = joinBrokenLines(lines)
		lines = dropJunkLines(lines)
		if slices.Equal(lines, prev) {
			break
		}
	}
	return joinLines(lines)
}

// maxLinePasses bounds the passes of Clean's line steps. The steps are
// repeated until a pass changes nothing — one step can enable another
// (a join completes a junk line; junk dropped changes the common width of
// a PDF) — which is what makes Clean idempotent; two passes are the rule.
const maxLinePasses = 8

// joinLines joins lines with "\n", dropping blank lines at both ends and
// keeping at most one blank line between two non-blank ones.
func joinLines(lines []string) string {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	var b strings.Builder
	b.Grow(n)
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// splitLines splits text on "\n" and applies CollapseSpaces to each line.
func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = CollapseSpaces(l)
	}
	return lines
}

// ---------------------------------------------------------------------------
// Character classes.

// isSentenceFinal reports whether a line ending in r ends a sentence or a
// clause that a line break may follow: 。！？；：… and closing quotes and
// brackets, full-width or ASCII.
func isSentenceFinal(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '：', '…', '”', '’', '」', '』', '）', '】', '》',
		'.', '!', '?', ';', ':', ')', ']', '"':
		return true
	}
	return false
}

// isContinuation reports whether a line starting with r must continue the
// line before it: no paragraph starts with a comma, a full stop or a
// closing bracket.
func isContinuation(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '！', '？', '）', '》', '」', '』', '】', '”', '’', '%', '％',
		',', ';', '!', '?', ')':
		return true
	}
	return false
}

// isCJK reports whether r is a Han character or CJK punctuation.
func isCJK(r rune) bool { return IsHan(r) || IsCJKPunct(r) }

// isHanNumeral reports whether r is a Chinese numeral used in headings.
func isHanNumeral(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十百零〇两", r)
}

// isASCIIDigit reports whether r is 0-9.
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// isASCIILetter reports whether r is a-z or A-Z.
func isASCIILetter(r rune) bool { return (r|0x20) >= 'a' && (r|0x20) <= 'z' }

// ---------------------------------------------------------------------------
// Headings.

// isHeadingStart reports whether s starts with a heading number: 一、
// （一） (一) 第一章/节/篇/部分 1. 1、 (1) （1） ①.
func isHeadingStart(s string) bool {
	if isHanHeadingStart(s) {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳':
		return true
	case r == '(' || r == '（':
		d := countPrefix(s[n:], isASCIIDigit)
		return d > 0 && d <= 2 && hasAnyPrefix(s[n+d:], ")", "）")
	case isASCIIDigit(r):
		d := countPrefix(s, isASCIIDigit)
		if d > 2 {
			return false
		}
		rest := s[d:]
		if !hasAnyPrefix(rest, "、", ".", "．", ")", "）") {
			return false
		}
		_, m := utf8.DecodeRuneInString(rest)
		next, _ := utf8.DecodeRuneInString(rest[m:])
		return !isASCIIDigit(next)
	}
	return false
}

// isHanHeadingStart reports whether s starts with a heading numbered in
// Chinese numerals: 一、 （一） (一) 第一章 第一节 第一篇 第一部分.
func isHanHeadingStart(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '(' || r == '（':
		d := countPrefix(s[n:], isHanNumeral)
		return d > 0 && d <= 9 && hasAnyPrefix(s[n+d:], ")", "）")
	case r == '第':
		d := countPrefix(s[n:], isHanNumeral)
		return d > 0 && d <= 9 && hasAnyPrefix(s[n+d:], "章", "节", "篇", "部分")
	case isHanNumeral(r):
		d := countPrefix(s, isHanNumeral)
		return d <= 9 && hasAnyPrefix(s[d:], "、")
	}
	return false
}

// countPrefix returns the byte length of the longest prefix of s whose
// runes all satisfy f.
func countPrefix(s string, f func(rune) bool) int {
	for i, r := range s {
		if !f(r) {
			return i
		}
	}
	return len(s)
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
