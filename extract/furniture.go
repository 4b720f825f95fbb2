package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// furnitureZone is how many non-blank lines at the top and at the bottom
// of a page may be page furniture (page numbers, running headers and
// footers); lines further in are never dropped.
const furnitureZone = 3

// maxFurnitureRunes is the longest line taken for a running header or
// footer; longer lines are prose.
const maxFurnitureRunes = 60

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

// zone returns the indexes of the first and last furnitureZone non-blank
// lines of a page.
func zone(lines []string) []int {
	var idx []int
	for i, n := 0, 0; i < len(lines) && n < furnitureZone; i++ {
		if strings.TrimSpace(lines[i]) != "" {
			idx = append(idx, i)
			n++
		}
	}
	first := len(idx)
	for i, n := len(lines)-1, 0; i >= 0 && n < furnitureZone; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			if i <= lastOf(idx[:first]) {
				break
			}
			idx = append(idx, i)
			n++
		}
	}
	return idx
}

// lastOf returns the last element of idx, or -1.
func lastOf(idx []int) int {
	if len(idx) == 0 {
		return -1
	}
	return idx[len(idx)-1]
}

// dropFurniture removes page furniture from pages of lines, in place:
// page-number lines, and running headers and footers — lines that, with
// digits ignored, stand in the top or bottom zone of at least half the
// pages and of at least 3. Only lines in a page's zone (its first and last
// furnitureZone non-blank lines) are candidates, so a number or a repeated
// phrase inside the text stays.
func dropFurniture(pages [][]string) [][]string {
	zones := make([][]int, len(pages))
	count := map[string]int{}
	for p, lines := range pages {
		zones[p] = zone(lines)
		seen := map[string]bool{}
		for _, i := range zones[p] {
			k := furnitureKey(lines[i])
			if utf8.RuneCountInString(k) > maxFurnitureRunes || seen[k] {
				continue
			}
			seen[k] = true
			count[k]++
		}
	}
	need := max(3, (len(pages)+1)/2)
	for p, lines := range pages {
		drop := map[int]bool{}
		for _, i := range zones[p] {
			if isPageNumber(lines[i]) || count[furnitureKey(lines[i])] >= need {
				drop[i] = true
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
