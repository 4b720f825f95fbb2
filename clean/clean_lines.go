package clean

import (
	"math"
	"strings"
	"unicode/utf8"
)

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
		tail, last := lines[i], lines[i]            // tail: the end of the joined line
		run := widthUpTo(lines[i], brokenWordWidth) // display width of the joined line, as far as brokenWord needs
		for i+1 < len(lines) && (shouldJoin(tail, last, lines[i+1], w) || brokenWord(tail, lines[i+1], run, w)) {
			next := lines[i+1]
			run += widthUpTo(next, brokenWordWidth)
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
	return IsHan(end) && IsHan(first)
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
		if !IsHan(r) && !isASCIILetter(r) && !isASCIIDigit(r) && r != '.' && r != ' ' {
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
	return widthUpTo(s, math.MaxInt)
}

// widthUpTo is displayWidth(s) when that is below limit, else a width of
// at least limit: it reads s only until the width reaches limit (paragraphs
// of scraped text are hundreds of characters long; measuring them in full
// took 4 % of tifa count).
func widthUpTo(s string, limit int) int {
	w := 0
	for i := 0; i < len(s) && w < limit; i++ {
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
