package reports

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
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
func isCJK(r rune) bool { return isHan(r) || isCJKPunct(r) }

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

// ---------------------------------------------------------------------------
// FoldWidth.

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

// ---------------------------------------------------------------------------
// StripHTML.

// htmlBlockTags become a line break; htmlCellTags a space; the contents of
// htmlSkipTags are dropped; every other tag is removed.
var (
	htmlBlockTags = setOf("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
		"section", "article", "ul", "ol", "table", "tbody", "thead", "html", "body", "head",
		"title", "header", "footer", "nav", "main", "aside", "blockquote", "pre", "hr", "dd", "dt", "dl", "form")
	htmlCellTags = setOf("td", "th")
	htmlSkipTags = setOf("script", "style", "noscript", "template", "iframe", "svg")
	// htmlSignTags are the tags whose presence makes text HTML.
	htmlSignTags = setOf("p", "div", "br", "html", "body", "li", "tr", "td", "table", "span",
		"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "!doctype", "meta", "script", "style", "font")
)

// setOf builds a string set.
func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// StripHTML turns HTML into text when text looks like HTML (it holds a
// tag such as <p>, <div>, <br>, <html>, <td>, <span> or <!DOCTYPE>); other
// text comes back unchanged. Block tags (p, div, br, li, tr, h1–h6,
// section …) become line breaks, table cells a space, the contents of
// <script>, <style> and comments are removed, all other tags are removed,
// source line breaks become spaces (HTML ignores them) and entities are
// decoded with html.UnescapeString (then FoldWidth runs on the decoded
// text, for &nbsp; and &#8203;). A '<' or '>' left in the text — written
// as such or as &lt; &gt; — becomes full-width ＜ ＞, so the result never
// looks like HTML again.
func StripHTML(text string) string {
	if !looksLikeHTML(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	ends := tagEnds{text: text}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			writeHTMLText(&b, text[i:])
			break
		}
		writeHTMLText(&b, text[i:i+j])
		i += j
		name, end := parseTag(text, i, &ends)
		switch {
		case end < 0:
			b.WriteString("＜")
			i++
			continue
		case htmlBlockTags[name]:
			b.WriteByte('\n')
		case htmlCellTags[name]:
			b.WriteByte(' ')
		case htmlSkipTags[name] && text[i+1] != '/':
			end = skipElement(text, end, name)
		}
		i = end
	}
	return b.String()
}

// looksLikeHTML reports whether text holds one of htmlSignTags.
func looksLikeHTML(text string) bool {
	ends := tagEnds{text: text}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if name, end := parseTag(text, i, &ends); end > 0 && htmlSignTags[name] {
			return true
		}
		i++
	}
}

// parseTag parses the tag starting at text[i] == '<' and returns its
// lower-cased name ("!--" for a comment, "!doctype" …) and the index just
// after it, or end -1 when text[i] does not start a tag. Calls must come
// with i increasing (ends searches forward only).
func parseTag(text string, i int, ends *tagEnds) (name string, end int) {
	if strings.HasPrefix(text[i:], "<!--") {
		k := ends.next(&ends.comment, "-->", i+4)
		if k < 0 {
			return "", -1
		}
		return "!--", k + 3
	}
	j := i + 1
	if j < len(text) && (text[j] == '/' || text[j] == '!') {
		j++
	}
	start := j
	for j < len(text) && (isASCIILetter(rune(text[j])) || (j > start && isASCIIDigit(rune(text[j])))) {
		j++
	}
	if j == start || j >= len(text) {
		return "", -1
	}
	if c := text[j]; c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' {
		return "", -1
	}
	k := ends.next(&ends.tag, ">", j)
	if k < 0 || k-j > maxTagBytes {
		return "", -1
	}
	name = strings.ToLower(text[start:j])
	if text[i+1] == '!' {
		name = "!" + name
	}
	return name, k + 1
}

// maxTagBytes bounds the length of a tag: a '<' followed by a name whose
// '>' is further away is text.
const maxTagBytes = 2000

// tagEnds finds the next '>' and the next "-->" of a text, searching
// forward only, so that scanning a text with many stray '<' stays linear.
type tagEnds struct {
	text         string
	tag, comment search
}

// search caches the last search for a separator: started at from (0: none
// yet), found at at (-1: not found).
type search struct{ from, at int }

// next returns the index of the first sep at or after from, reusing the
// cached search c when it answers.
func (e *tagEnds) next(c *search, sep string, from int) int {
	if c.from > 0 && from >= c.from && (c.at < 0 || c.at >= from) {
		return c.at
	}
	c.from = max(from, 1)
	c.at = strings.Index(e.text[from:], sep)
	if c.at >= 0 {
		c.at += from
	}
	return c.at
}

// skipElement returns the index just after the closing tag of the element
// name whose opening tag ends at text[from], or len(text) when unclosed.
func skipElement(text string, from int, name string) int {
	closing := "</" + name
	for i := from; i < len(text); {
		k := strings.IndexByte(text[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if len(text)-i >= len(closing) && strings.EqualFold(text[i:i+len(closing)], closing) {
			if e := strings.IndexByte(text[i:], '>'); e >= 0 {
				return i + e + 1
			}
			break
		}
		i++
	}
	return len(text)
}

// writeHTMLText writes a run of HTML text: source line breaks become
// spaces, entities are decoded, and '<' '>' become ＜ ＞.
func writeHTMLText(b *strings.Builder, s string) {
	if strings.ContainsAny(s, "\n&>") {
		s = strings.ReplaceAll(s, "\n", " ")
		if strings.IndexByte(s, '&') >= 0 {
			s = FoldWidth(html.UnescapeString(s))
			s = strings.ReplaceAll(s, "\n", " ")
		}
		s = strings.ReplaceAll(s, "<", "＜")
		s = strings.ReplaceAll(s, ">", "＞")
	}
	b.WriteString(s)
}

// ---------------------------------------------------------------------------
// CollapseSpaces.

// CollapseSpaces trims spaces from both ends of a line and collapses each
// run of spaces inside it to one. It expects FoldWidth to have turned tabs
// and other spaces into ' '.
func CollapseSpaces(line string) string {
	line = strings.Trim(line, " ")
	if !strings.Contains(line, "  ") {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(line[i])
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// JoinSpacedHan.

// JoinSpacedHan removes the spaces PDF extraction and some editors put
// next to Chinese text: a run of spaces with a Han character or CJK
// punctuation (isCJKPunct) on at least one side is deleted, whatever is on
// the other side ("2020 年度" → "2020年度", "同 比下降 15%" → "同比下降15%",
// "R&D 经费" → "R&D经费"); spaces between two non-Chinese characters stay
// ("New York", "37.5 KB"). Where a PDF's line breaks were flattened into
// spaces, the break before a numbered heading is restored: a space run
// after 。！？ followed by a heading number (see isHeadingStart), or after a
// Han character followed by a Chinese-numbered heading (一、 （一）), becomes
// a line break.
func JoinSpacedHan(text string) string {
	lines := splitLines(text)
	return strings.Join(joinSpacedHanLines(lines), "\n")
}

// joinSpacedHanLines applies JoinSpacedHan to each line; a line split at a
// restored heading break becomes several lines.
func joinSpacedHanLines(lines []string) []string {
	var out []string
	for i, l := range lines {
		j := joinSpacedHanLine(l)
		if out == nil && j == l {
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(lines)+8), lines[:i]...)
		}
		if strings.IndexByte(j, '\n') >= 0 {
			out = append(out, strings.Split(j, "\n")...)
		} else {
			out = append(out, j)
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// joinSpacedHanLine applies JoinSpacedHan to one trimmed line.
func joinSpacedHanLine(line string) string {
	if strings.IndexByte(line, ' ') < 0 {
		return line
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(line); {
		j := strings.IndexByte(line[i:], ' ')
		if j < 0 {
			break
		}
		j += i
		k := j
		for k < len(line) && line[k] == ' ' {
			k++
		}
		i = k
		if j == 0 || k == len(line) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(line[:j])
		next, _ := utf8.DecodeRuneInString(line[k:])
		if !isCJK(prev) && !isCJK(next) {
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(line))
		}
		b.WriteString(line[last:j])
		if headingBreak(prev, line[k:]) {
			b.WriteByte('\n')
		}
		last = k
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// headingBreak reports whether a space between prev and rest stood for a
// line break before a heading.
func headingBreak(prev rune, rest string) bool {
	switch prev {
	case '。', '！', '？', '!', '?':
		return isHeadingStart(rest)
	}
	return isHan(prev) && isHanHeadingStart(rest)
}

// ---------------------------------------------------------------------------
// DropJunk.

// junkZoneLines bounds how far into the head and tail DropJunk looks.
const junkZoneLines = 40

// proseHan is the number of Han characters that makes a line prose: the
// head zone ends at the first such line, the tail zone at the last.
const proseHan = 30

// DropJunk removes web-page boilerplate from the head and the tail of a
// report and never from its middle. The head zone runs from the start to
// the first prose line (one that is not junk and has at least proseHan
// Chinese characters), at most junkZoneLines lines; the tail zone likewise
// from the end back to the last prose line. In the zones, junk lines (see
// isJunkLine: navigation, breadcrumbs, toolbars such as 下载 打印 【字号：
// 加大 还原 减小】, 来源/时间/浏览数 lines, share buttons, copyright and
// ICP lines, time stamps, file sizes) and blank lines are dropped, other
// lines (titles, dates, speakers) are kept. In the tail, a line that opens
// a page footer (相关文章, 推荐访问, 上一篇, 打印本页, Wikisource's licence
// note …) is dropped with everything after it when that is at most
// footerMaxBytes, footerMaxLines and a quarter of the text; and
// "查看更多"-style suffixes are cut off the last line.
func DropJunk(text string) string {
	return strings.Join(dropJunkLines(splitLines(text)), "\n")
}

// dropJunkLines applies DropJunk to trimmed lines until nothing changes.
func dropJunkLines(lines []string) []string {
	for range 5 {
		n, last := len(lines), lastLine(lines)
		lines = dropHeadJunk(lines)
		lines = cutFooter(lines)
		lines = dropTailJunk(lines)
		if len(lines) == n && lastLine(lines) == last {
			break
		}
	}
	return lines
}

// lastLine returns the last element of lines, or "".
func lastLine(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[len(lines)-1]
}

// dropHeadJunk drops junk and blank lines from the head zone.
func dropHeadJunk(lines []string) []string {
	end := 0
	for end < len(lines) && end < junkZoneLines && (!isProse(lines[end]) || afterAbstractLabel(lines, end)) {
		end++
	}
	junk := zoneJunk(lines[:end])
	if junk == nil {
		return lines
	}
	// Move the kept lines of the zone next to the rest, in place.
	k := end
	for i := end - 1; i >= 0; i-- {
		if !junk[i] {
			k--
			lines[k] = lines[i]
		}
	}
	return lines[k:]
}

// dropTailJunk drops junk and blank lines from the tail zone and cuts
// "查看更多"-style suffixes off the last line.
func dropTailJunk(lines []string) []string {
	start := len(lines)
	for start > 0 && len(lines)-start < junkZoneLines && !isProse(lines[start-1]) {
		start--
	}
	out := lines
	if junk := zoneJunk(lines[start:]); junk != nil {
		out = lines[:start:start]
		for i, l := range lines[start:] {
			if !junk[start+i-start] {
				out = append(out, l)
			}
		}
	}
	for len(out) > 0 {
		l := out[len(out)-1]
		s := trimJunkSuffix(l)
		if s == l {
			break
		}
		if s == "" {
			out = out[:len(out)-1]
			continue
		}
		out[len(out)-1] = s
	}
	return out
}

// afterAbstractLabel reports whether lines[i] follows a "内容摘要：" line:
// the abstract a scraped page repeats before the text.
func afterAbstractLabel(lines []string, i int) bool {
	p := neighbour(lines, i, -1)
	return p >= 0 && abstractLabels[trimJunkDecor(lines[p])]
}

// abstractLabels label a page's abstract of the text.
var abstractLabels = setOf("内容摘要", "摘要", "内容提要")

// isProse reports whether l is a paragraph of the report: not junk, at
// least proseHan Chinese characters and a comma or full stop. Titles,
// dates and speaker lines are not prose.
func isProse(l string) bool {
	return hanAtLeast(l, proseHan) && strings.ContainsAny(l, "，。,") && !isJunkLine(l)
}

// hanAtLeast reports whether s holds at least n Chinese characters,
// reading no further than needed.
func hanAtLeast(s string, n int) bool {
	for _, r := range s {
		if isHan(r) {
			if n--; n <= 0 {
				return true
			}
		}
	}
	return n <= 0
}

// zoneJunk marks the lines of a head or tail zone to drop, or returns nil
// when none is. Dropped are blank lines, junk lines (isJunkLine), and
// lines that junk lines give away as page chrome: the value after a label
// line such as "来源：" or "编辑：", the items of a breadcrumb (short lines
// next to a ">" separator) and a repeat of a dropped line.
func zoneJunk(zone []string) []bool {
	junk := make([]bool, len(zone))
	any := false
	for i, l := range zone {
		junk[i] = l == "" || isJunkLine(l)
		any = any || junk[i]
	}
	if !any {
		return nil
	}
	for i, l := range zone {
		if junk[i] {
			continue
		}
		prev, next := neighbour(zone, i, -1), neighbour(zone, i, 1)
		if prev >= 0 && abstractLabels[trimJunkDecor(zone[prev])] {
			junk[i] = true // the abstract
			continue
		}
		if utf8.RuneCountInString(l) > 20 || strings.ContainsAny(l, "，。,") {
			continue
		}
		switch {
		case prev >= 0 && hasAnySuffix(zone[prev], "：", ":") && junkLabels[trimJunkDecor(zone[prev])]:
			junk[i] = true // a label's value
		case prev >= 0 && isCrumbSeparator(zone[prev]), next >= 0 && isCrumbSeparator(zone[next]):
			junk[i] = true // a breadcrumb item
		case prev >= 0 && junk[prev] && zone[prev] == l:
			junk[i] = true // a repeated item
		}
	}
	markMenus(zone, junk)
	return junk
}

// menuMinLines is the length of a run of short lines that makes a menu.
const menuMinLines = 4

// markMenus marks as junk the navigation menus of a zone: runs of at least
// menuMinLines consecutive short lines (at most 8 characters, no comma or
// full stop) of which at least one is junk already. A line naming a
// report (holding 报告) is kept.
func markMenus(zone []string, junk []bool) {
	for i := 0; i < len(zone); {
		j, hasJunk := i, false
		for j < len(zone) && zone[j] != "" && isMenuItem(zone[j]) {
			hasJunk = hasJunk || junk[j]
			j++
		}
		if j-i >= menuMinLines && hasJunk {
			for k := i; k < j; k++ {
				junk[k] = junk[k] || !strings.Contains(zone[k], "报告")
			}
		}
		i = j + 1
	}
}

// isMenuItem reports whether l is short enough to be a menu item.
func isMenuItem(l string) bool {
	return utf8.RuneCountInString(l) <= 8 && !strings.ContainsAny(l, "，。,；")
}

// junkLabels are page-chrome labels whose value may sit on the next line.
var junkLabels = setOf("来源", "编辑", "责任编辑", "作者", "时间", "发布时间", "发表时间",
	"发布日期", "更新时间", "阅读量", "阅读", "浏览数", "浏览次数", "点击数", "评论")

// neighbour returns the index of the nearest non-blank line before (dir
// -1) or after (dir 1) zone[i], or -1.
func neighbour(zone []string, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(zone); j += dir {
		if zone[j] != "" {
			return j
		}
	}
	return -1
}

// isCrumbSeparator reports whether l separates breadcrumb items: > >> » 〉.
func isCrumbSeparator(l string) bool {
	switch l {
	case ">", ">>", "»", "〉", "＞", "＞＞", "->":
		return true
	}
	return false
}

// hasAnySuffix reports whether s ends with one of suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// junkSuffixes are "read more" links glued to a page's last line.
var junkSuffixes = []string{"点击查看全文", "展开阅读全文", "查看更多", "展开全文", "阅读全文", "收起全文"}

// trimJunkSuffix cuts one of junkSuffixes off the end of l.
func trimJunkSuffix(l string) string {
	for _, s := range junkSuffixes {
		if strings.HasSuffix(l, s) {
			return strings.TrimRight(strings.TrimSuffix(l, s), " ")
		}
	}
	return l
}

// footerMaxBytes and footerMaxLines bound the footer cutFooter removes.
const (
	footerMaxBytes = 6000
	footerMaxLines = 150
)

// footerMarks open a page footer: related links, pagination, print
// buttons, Wikisource's licence note.
var footerMarks = []string{
	"相关文章", "相关阅读", "相关报道", "相关推荐", "相关新闻", "相关附件", "相关链接",
	"推荐访问", "推荐阅读", "延伸阅读", "上一篇", "下一篇", "打印本页", "关闭窗口",
	"本作品是中华人民共和国", "本作品在全世界", "本作品来自", "分享到", "本栏最新",
	"本栏推荐", "阅读排行", "标签云", "友情链接", "热门文章", "最新文章", "热点文章",
	"猜你喜欢", "网友评论", "发表评论", "上一页", "下一页", "免责声明",
}

// cutFooter drops the first footer line of the tail and everything after
// it, when that is short (see DropJunk).
func cutFooter(lines []string) []string {
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	after := 0
	cut := -1
	for i := len(lines) - 1; i >= 0 && len(lines)-i <= footerMaxLines; i-- {
		after += len(lines[i]) + 1
		if after > footerMaxBytes || after*4 > total {
			break
		}
		if hasAnyPrefix(trimJunkDecor(lines[i]), footerMarks...) {
			cut = i
		}
	}
	if cut < 0 {
		return lines
	}
	return lines[:cut]
}

// trimJunkDecor strips what decorates a junk line: list bullets, pipes,
// brackets and trailing colons.
func trimJunkDecor(l string) string {
	l = strings.TrimLeft(l, "•·*>|[【〔(（ ")
	l = strings.TrimPrefix(l, "- ")
	l = strings.TrimRight(l, "|:：]】〕)）> ")
	return l
}

// junkExact are whole lines of web-page chrome (after trimJunkDecor).
var junkExact = setOf(
	"下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "大", "中", "小", "字号", "字体",
	"分享", "分享到", "首页", "放弃", "是否继续？", "是否继续", "关闭窗口", "关闭", "打印本页",
	"关闭本页", "打印此页", "法律声明", "关于本站", "关于我们", "网站地图", "联系我们",
	"Copyright", "copyright", "Top", "TOP", "top", "返回顶部", "回到顶部", "微信", "微博",
	"QQ空间", "QQ", "EN", "繁體中文", "繁体", "简体中文", "简体", "无障碍", "长者模式",
	"文档介绍", "评论", "阅读", "点赞", "查看更多", "展开全文", "阅读全文", "Public domain",
	"false", "true", "扫一扫", "二维码", "来源", "时间", "作者", "编辑", "责任编辑",
	"发布时间", "浏览数", "阅读量", "内容摘要", "摘要", "热门搜索", "推荐访问", "相关文章",
	"登录", "注册", "搜索", "字号：", "相关附件>>", "相关链接>>", "政府信息公开", "English", "标签",
)

// junkPrefixes start lines of web-page chrome; they count only in lines
// of at most 300 characters.
var junkPrefixes = []string{
	"当前位置", "您的位置", "您现在的位置", "您当前的位置", "现在位置", "所在位置",
	"热门搜索", "热门关键词", "推荐访问", "推荐阅读", "相关文章", "相关阅读", "相关报道",
	"相关推荐", "相关链接", "相关附件", "相关新闻", "延伸阅读", "上一篇", "下一篇", "上一条",
	"下一条", "版权所有", "Copyright", "copyright", "分享到", "来源：", "来源:", "时间：",
	"时间:", "发布时间", "发表时间", "发布日期", "更新时间", "浏览数", "浏览次数", "浏览量",
	"阅读量", "阅读次数", "阅读数", "点击数", "点击量", "访问量", "作者：", "作者:",
	"责任编辑", "编辑：", "编辑:", "（责任编辑", "(责任编辑", "申明敬告", "免责声明",
	"声明：", "索引号", "主题分类", "发布机构", "成文日期", "发文机关", "发文字号", "文号：",
	"主办：", "主办单位", "承办：", "承办单位", "技术支持", "网站标识码", "公安机关备案号",
	"ICP备案", "字号：", "字号:", "字体：", "字体:", "内容摘要", "扫一扫", "您访问的链接即将离开",
	"本作品是中华人民共和国", "本作品在全世界", "注：中文维基文库", "Public domain",
	"本站", "本网", "上一页", "下一页",
}

// junkContains mark lines of web-page chrome anywhere in lines of at most
// 120 characters.
var junkContains = []string{"ICP备", "公网安备", "www.", "http://", "https://", ".com",
	".gov.cn", "All Rights Reserved", "All rights reserved", "版权所有", "©"}

// isJunkLine reports whether a trimmed line is web-page chrome.
func isJunkLine(l string) bool {
	if len(l) > 4*300 {
		return false // longer than any junk line
	}
	s := trimJunkDecor(l)
	if s == "" || !hasWordChar(s) || junkExact[s] {
		return true
	}
	n := utf8.RuneCountInString(s)
	if n <= 300 && hasAnyPrefix(s, junkPrefixes...) {
		return true
	}
	if n <= 15 && hasAnySuffix(s, "微信", "微博", "客户端", "公众号", "头条号") {
		return true // follow-us links
	}
	if n <= 120 {
		for _, c := range junkContains {
			if strings.Contains(s, c) {
				return true
			}
		}
		if strings.Contains(s, "记者") && strings.HasSuffix(s, "摄") {
			return true // photo caption
		}
	}
	return isStampLine(s)
}

// hasWordChar reports whether s holds a letter, digit or Han character.
func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isStampLine reports whether s is a bare number, a publication time stamp
// ("2023-12-09 10:45:02", "2026年02月10日 07时41分", "2021-04-15 发布"), a
// file size ("37.5 KB"), a page count ("11页") or a hexadecimal id. A
// date without a time written in Chinese ("2001年1月8日") is not a stamp:
// it may be the date the report was delivered.
func isStampLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	s = strings.TrimSpace(trimAnySuffix(s, "发布", "更新", "星期一", "星期二", "星期三", "星期四",
		"星期五", "星期六", "星期日", "星期天"))
	switch {
	case s == "":
		return false
	case isAll(s, isASCIIDigit):
		return len(s) <= 12
	case isFileSize(s), isPageCount(s), isHexID(s):
		return true
	}
	digits, sep := 0, false
	for _, r := range s {
		switch {
		case isASCIIDigit(r):
			digits++
		case r == '-' || r == ':' || r == '/' || r == '时' || r == '分' || r == '秒':
			sep = true
		case r == ' ' || r == '.' || r == '年' || r == '月' || r == '日':
		default:
			return false
		}
	}
	return sep && digits >= 4
}

// trimAnySuffix removes the first of suffixes that s ends with.
func trimAnySuffix(s string, suffixes ...string) string {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return strings.TrimSuffix(s, x)
		}
	}
	return s
}

// isAll reports whether every rune of s satisfies f.
func isAll(s string, f func(rune) bool) bool {
	return countPrefix(s, f) == len(s)
}

// isFileSize reports whether s is a number and a size unit: "37.5 KB".
func isFileSize(s string) bool {
	num := countPrefix(s, func(r rune) bool { return isASCIIDigit(r) || r == '.' })
	if num == 0 {
		return false
	}
	switch strings.ToUpper(strings.TrimSpace(s[num:])) {
	case "B", "K", "KB", "M", "MB", "G", "GB":
		return true
	}
	return false
}

// isPageCount reports whether s is a page count or page number: "11页",
// "共11页", "第3页", "第3页共11页", "3/11" (spaces ignored).
func isPageCount(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if a, b, ok := strings.Cut(s, "/"); ok {
		return a != "" && b != "" && isAll(a, isASCIIDigit) && isAll(b, isASCIIDigit)
	}
	if s == "" {
		return false
	}
	for s != "" {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "共"), "第")
		d := countPrefix(s, isASCIIDigit)
		if d == 0 || !strings.HasPrefix(s[d:], "页") {
			return false
		}
		s = s[d+len("页"):]
	}
	return true
}

// isHexID reports whether s is a long hexadecimal id (an anchor of a
// scraped page's related-links list).
func isHexID(s string) bool {
	return len(s) >= 16 && isAll(s, func(r rune) bool {
		return isASCIIDigit(r) || (r >= 'a' && r <= 'f')
	})
}

// ---------------------------------------------------------------------------
// JoinBrokenLines.

// JoinBrokenLines joins lines broken inside a sentence. Everywhere:
//
//   - a line starting with a mark no paragraph starts with (，。、；：！？）》”%)
//     is joined to the line before;
//   - a line that leaves a bracket or quote open near its end (根据《,
//     细颗粒物（PM) and does not end a sentence is joined to the next
//     non-blank, non-heading line.
//
// In a PDF extraction — at least 8 lines, half of them within 5 columns
// of a common width W between 20 and 160 display columns (a Chinese
// character counts 2), most not ending a sentence — a full line (width
// W−5 … W+2) that does not end a paragraph (。！？… or a closing quote) is
// also joined to the next line unless that is blank or a heading
// (isHeadingStart), and page-number lines ("- 3 -", "第3页") are dropped. Scraped web text, one paragraph per
// line, is therefore left as it is, and headings are never joined to body
// text. Lines are joined without a space, except between two Latin letters.
func JoinBrokenLines(text string) string {
	return strings.Join(joinBrokenLines(splitLines(text)), "\n")
}

// joinBrokenLines applies JoinBrokenLines to trimmed lines.
func joinBrokenLines(lines []string) []string {
	w := pdfWidth(lines)
	if w > 0 {
		lines = dropPageNumbers(lines)
	}
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		first := i
		tail, last := lines[i], lines[i] // tail: the end of the joined line
		run := displayWidth(lines[i])    // display width of the joined line
		for i+1 < len(lines) && (shouldJoin(tail, last, lines[i+1], w) || brokenWord(tail, lines[i+1], run, w)) {
			next := lines[i+1]
			run += displayWidth(next)
			if len(next) >= joinTailBytes {
				tail = lastBytes(next, joinTailBytes)
			} else {
				tail = lastBytes(joinPair(tail, next), joinTailBytes)
			}
			last = next
			i++
		}
		if i == first {
			out = append(out, lines[i])
		} else {
			out = append(out, joinRun(lines[first:i+1]))
		}
	}
	return out
}

// joinTailBytes is how much of the end of a joined line shouldJoin needs
// (openBracketAtEnd looks at 11 characters at most).
const joinTailBytes = 64

// lastBytes returns the last n bytes of s or a little less, starting at a
// character boundary.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// joinRun joins lines as joinPair does, in one allocation.
func joinRun(run []string) string {
	n := 0
	for _, l := range run {
		n += len(l) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for k, l := range run {
		if k > 0 {
			x, _ := utf8.DecodeLastRuneInString(run[k-1])
			y, _ := utf8.DecodeRuneInString(l)
			if isASCIILetter(x) && isASCIILetter(y) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// shouldJoin reports whether next continues cur, whose last physical line
// is last, in a text whose PDF line width is w (0 when not a PDF).
func shouldJoin(cur, last, next string, w int) bool {
	if cur == "" || next == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if isContinuation(first) {
		return true
	}
	end, _ := utf8.DecodeLastRuneInString(cur)
	if isHeadingStart(next) || isParagraphEnd(end) {
		return false
	}
	if !isSentenceFinal(end) && openBracketAtEnd(cur) {
		return true
	}
	if w == 0 {
		return false
	}
	lw := displayWidth(last)
	return lw >= w-pdfSlack && lw <= w+2
}

// brokenWordWidth is the display width (a Chinese character counts 2) from
// which a line ending in a Chinese character is taken to be a paragraph cut
// mid-sentence rather than a title or heading.
const brokenWordWidth = 100

// brokenWord reports whether, outside PDF text, a long line (run wide) that
// ends in a Chinese character continues on the next line, which starts with
// one and is no heading: scraped pages break paragraphs around links and
// bold words ("开展农村人居环境\n整治\n三年行动"). Titles and headings are
// short, and a paragraph that ends ends with punctuation.
func brokenWord(cur, next string, run, w int) bool {
	if w > 0 || run < brokenWordWidth || cur == "" || next == "" || isHeadingStart(next) {
		return false
	}
	end, _ := utf8.DecodeLastRuneInString(cur)
	first, _ := utf8.DecodeRuneInString(next)
	return isHan(end) && isHan(first)
}

// isParagraphEnd reports whether a full PDF line ending in r may end its
// paragraph: after 。！？… and closing quotes; a full line ending in ，；：
// goes on.
func isParagraphEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '…', '”', '’', '」', '』', '.', '!', '?', '"':
		return true
	}
	return false
}

// joinPair joins two lines: directly, or with a space between two Latin
// letters.
func joinPair(a, b string) string {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	if isASCIILetter(x) && isASCIILetter(y) {
		return a + " " + b
	}
	return a + b
}

// openBracketAtEnd reports whether s leaves a bracket or quote open with
// at most 10 characters, none of them punctuation, after it: the line was
// broken inside a title or a parenthesis.
func openBracketAtEnd(s string) bool {
	count := 0
	for i := len(s); i > 0 && count <= 10; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch r {
		case '《', '（', '(', '“', '【', '「', '『':
			return true
		case '》', '）', ')', '”', '】', '」', '』':
			return false
		}
		if !isHan(r) && !isASCIILetter(r) && !isASCIIDigit(r) && r != '.' && r != ' ' {
			return false
		}
		count++
	}
	return false
}

// displayWidth returns the width of s in display columns, estimated from
// its UTF-8 bytes: 2 for a character from U+3000 up (Chinese, full-width),
// 1 for anything else.
func displayWidth(s string) int {
	w := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			w++
		case c >= 0xE3:
			w += 2
		case c >= 0xC0:
			w++
		}
	}
	return w
}

// pdfWidth returns the common line width W of a PDF extraction (see
// JoinBrokenLines), or 0 when the lines do not look like one.
// pdfSlack is how much narrower than the common width a full PDF line may
// be: lines holding digits and Latin letters (one column each) or ending
// before a long word come out a few columns short.
const pdfSlack = 11

func pdfWidth(lines []string) int {
	const maxW = 160
	var hist [maxW + 1]int
	var open [maxW + 1]int // lines of that width not ending a sentence
	n := 0
	for _, l := range lines {
		if l == "" || isPageNumber(l) {
			continue
		}
		n++
		if len(l) > 3*maxW {
			continue // wider than maxW columns for sure
		}
		if w := displayWidth(l); w <= maxW {
			hist[w]++
			if r, _ := utf8.DecodeLastRuneInString(l); !isSentenceFinal(r) {
				open[w]++
			}
		}
	}
	if n < 8 {
		return 0
	}
	best, bestCount, bestOpen := 0, 0, 0
	for w := 20; w <= maxW; w++ {
		c, o := 0, 0
		for v := w - pdfSlack; v <= w; v++ {
			c += hist[v]
			o += open[v]
		}
		if c >= bestCount {
			best, bestCount, bestOpen = w, c, o
		}
	}
	if bestCount*2 < n || bestOpen*2 < bestCount {
		return 0
	}
	return best
}

// isPageNumber reports whether l is a page number: "3", "- 3 -", "—3—",
// "第3页", "第 3 页 共 11 页", "3/11".
func isPageNumber(l string) bool {
	s := strings.Trim(l, "-—– ")
	if s == "" || len(s) > 30 {
		return false
	}
	if isAll(s, isASCIIDigit) {
		return len(s) <= 4
	}
	return isPageCount(strings.ReplaceAll(s, " ", ""))
}

// dropPageNumbers removes page-number lines and the blank lines around
// them, so that a sentence broken across a page break can be joined.
func dropPageNumbers(lines []string) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if !isPageNumber(lines[i]) {
			out = append(out, lines[i])
			continue
		}
		for len(out) > 0 && out[len(out)-1] == "" {
			out = out[:len(out)-1]
		}
		for i+1 < len(lines) && lines[i+1] == "" {
			i++
		}
	}
	return out
}
