package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// furnitureZone is how many non-blank lines at the top and at the bottom
// of a page may be page furniture (a running header or footer and a page
// number); lines further in are never dropped.
const furnitureZone = 2

// maxFurnitureRunes is the longest line taken for a running header or
// footer; longer lines are prose. A line holding a URL ("://") may be
// longer, up to maxURLFurnitureRunes: a browser prints the page's address
// (file:///C:/Users/…/某县2023年政府工作报告.html 3/26) at every page's foot.
const (
	maxFurnitureRunes    = 60
	maxURLFurnitureRunes = 400
)

// isFurnitureCandidate reports whether a line of furnitureKey k is short
// enough to be a running header or footer.
func isFurnitureCandidate(k string) bool {
	n := utf8.RuneCountInString(k)
	return n <= maxFurnitureRunes || (n <= maxURLFurnitureRunes && strings.Contains(k, "://"))
}

// pageNumberRes match a whole line that is only a page number, after
// full-width digits and spaces are folded: "3", "- 3 -", "— 3 —", "·3·",
// "第3页", "第 3 页 共 30 页", "共30页 第3页", "3/30", "Page 3 of 30".
var pageNumberRes = []*regexp.Regexp{
	regexp.MustCompile(`^[-—–―－~·•.\s]*\d{1,3}[-—–―－~·•.\s]*$`),
	regexp.MustCompile(`^第\s*\d{1,4}\s*页(\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?$`),
	regexp.MustCompile(`^共\s*\d{1,4}\s*页\s*[,，、/]?\s*第\s*\d{1,4}\s*页$`),
	regexp.MustCompile(`^\d{1,4}\s*/\s*\d{1,4}$`),
	regexp.MustCompile(`^(?i:page)\s*\d{1,4}(\s*(?i:of|/)\s*\d{1,4})?$`),
}

// isPageNumber reports whether line is only a page number.
func isPageNumber(line string) bool {
	s := strings.TrimSpace(strings.Map(foldDigit, line))
	if s == "" {
		return false
	}
	for _, re := range pageNumberRes {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// foldDigit maps full-width digits and the ideographic space to ASCII.
func foldDigit(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r == '\u3000' || r == '\u00a0':
		return ' '
	}
	return r
}

// furnitureKey is a line as running headers repeat it: digits (the page
// number, a date) as "#", without spaces.
func furnitureKey(line string) string {
	return strings.Map(func(r rune) rune {
		r = foldDigit(r)
		switch {
		case r >= '0' && r <= '9':
			return '#'
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, line)
}

// zone returns the indexes of the first and of the last furnitureZone
// non-blank lines of a page; a line is in one of them only.
func zone(lines []string) (top, bottom []int) {
	for i := 0; i < len(lines) && len(top) < furnitureZone; i++ {
		if strings.TrimSpace(lines[i]) != "" {
			top = append(top, i)
		}
	}
	last := -1
	if len(top) > 0 {
		last = top[len(top)-1]
	}
	for i := len(lines) - 1; i > last && len(bottom) < furnitureZone; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			bottom = append(bottom, i)
		}
	}
	return top, bottom
}

// dropFurniture removes page furniture from pages of lines, in place:
// page-number lines, and running headers and footers — lines that, with
// digits ignored, stand among the top (or the bottom) furnitureZone
// non-blank lines of at least half the pages and of at least 3. Only
// lines in those zones are candidates, so a number or a repeated phrase
// inside the text stays.
func dropFurniture(pages [][]string) [][]string {
	type zones struct{ top, bottom []int }
	zs := make([]zones, len(pages))
	count := [2]map[string]int{{}, {}} // top, bottom
	for p, lines := range pages {
		top, bottom := zone(lines)
		zs[p] = zones{top, bottom}
		for e, idx := range [2][]int{top, bottom} {
			seen := map[string]bool{}
			for _, i := range idx {
				k := furnitureKey(lines[i])
				if !isFurnitureCandidate(k) || seen[k] {
					continue
				}
				seen[k] = true
				count[e][k]++
			}
		}
	}
	need := max(3, (len(pages)+1)/2)
	for p, lines := range pages {
		drop := map[int]bool{}
		for e, idx := range [2][]int{zs[p].top, zs[p].bottom} {
			for _, i := range idx {
				if isPageNumber(lines[i]) || count[e][furnitureKey(lines[i])] >= need {
					drop[i] = true
				}
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := lines[:0]
		for i, l := range lines {
			if !drop[i] {
				kept = append(kept, l)
			}
		}
		pages[p] = kept
	}
	return pages
}
