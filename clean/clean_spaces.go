package clean

import (
	"strings"
	"unicode/utf8"
)

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
// punctuation (IsCJKPunct) on at least one side is deleted, whatever is on
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

// joinSpacedHanLine applies JoinSpacedHan to one trimmed line. A line
// of navigation links separated by spaces (spacedMenu) has its spaces
// made "|", so it stays a menu that DropJunk can recognise (isMenuLine)
// rather than a run of words glued together.
func joinSpacedHanLine(line string) string {
	if strings.IndexByte(line, ' ') < 0 {
		return line
	}
	if items := strings.Split(line, " "); spacedMenu(items) {
		return strings.Join(items, "|")
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
	return IsHan(prev) && isHanHeadingStart(rest)
}
