package places

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is a place name found in a text by Mentions: Han characters
// ending in the suffix of a division.
type Mention struct {
	Name       string // text[Start:End]: 店口镇
	Start, End int    // byte offsets in the text
	Suffix     string // 镇
	Level      Level  // the level the suffix suggests; 市 suggests Prefecture, though a county-level city has it too
	// Gov reports whether the name is given as the reporting body: followed
	// by 人民政府, 政府, 人民代表大会, 人大, 党委, a session (第…届) or a year
	// (店口镇2020年度政府工作报告).
	Gov bool
	// Run is where the run of Han characters holding the name starts (after
	// the 年 or 月 of a date): a name may start before Start when a suffix
	// or function word is part of it (镇江市 in 在镇江市, 和平区 in 和平区), so
	// a resolver tries the names ending at End that start at Run or later.
	Run int
}

// mentionSuffixes are the suffixes of division names, longest first.
var mentionSuffixes = []struct {
	s string
	l Level
}{
	{"特别行政区", Province}, {"自治区", Province}, {"自治州", Prefecture}, {"自治县", County}, {"自治旗", County},
	{"街道", Township}, {"地区", Prefecture}, {"苏木", Township}, {"新区", Zone}, {"林区", County},
	{"省", Province}, {"市", Prefecture}, {"州", Prefecture}, {"盟", Prefecture},
	{"县", County}, {"旗", County}, {"区", County}, {"镇", Township}, {"乡", Township},
}

// govWords after a name make it the reporting body.
var govWords = []string{"人民政府", "人民代表大会", "政府", "人大", "党委", "党工委", "委员会", "管委会", "办事处", "工作报告", "年度"}

// leadWords are cut from the start of a name: 在诸暨市店口镇 names 诸暨市.
var leadWords = []string{"我代表", "代表", "关于", "中共", "在", "向", "对", "由", "从", "于", "和", "与", "及", "原"}

// badStems are one-character stems that make words, not names: 全镇, 我县,
// 本市, 社区, 景区.
const badStems = "全我本该各此每两多外城乡集市县区省州镇社小园景村老山郊辖街"

// maxNameRunes bounds the length of a name tried by a resolver.
const maxNameRunes = 16

// Mentions returns the place names in text, in order: every run of Han
// characters ending in a division suffix (省, 自治区, 市, 州, 盟, 地区, 县, 区,
// 旗, 镇, 乡, 街道, 苏木 …), cut after the previous suffix in the run
// (诸暨市店口镇 gives 诸暨市 and 店口镇) and after leading function words. A
// one-character stem counts for a county (嵩县, 易县) or when the name is
// the reporting body (乌镇人民政府), never for 全, 我, 本 … (全镇, 我县); so
// 城市, 社区 and 城镇 are no names. Names of anonymised reports
// (XX镇, xx县) hold no Han character before the suffix and are skipped.
//
// Mentions is lexical: it knows no gazetteer, so a name is a candidate that
// a Resolver checks (城市 and 市场 are filtered by the stem rule, 实现地区
// only by the gazetteer).
func Mentions(text string) []Mention {
	var out []Mention
	run, seg := -1, -1 // start of the Han run and of the current segment
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isHan(r) {
			run, seg = -1, -1
			i += size
			continue
		}
		if run < 0 {
			run, seg = i, afterDate(text, i)
			if seg > i {
				i = seg
				continue
			}
		}
		suf, l := suffixAt(text[i:])
		if suf == "" || i == seg {
			i += size
			continue
		}
		end := i + len(suf)
		start := trimLead(text, seg, i)
		if start > seg && utf8.RuneCountInString(text[start:i]) == 1 && suf != "县" {
			start = seg // 和龙市, 和平区, 从化区: the "function word" is the name's
		}
		name := text[start:end]
		gov := govAfter(text[end:])
		if suf2, _ := suffixAt(text[end:]); gov < 0 && suf2 != "" && govAfter(text[end+len(suf2):]) >= 0 {
			gov = 0 // 杭州|市人民政府, 沙县|区人民政府: the name may go on
		}
		if utf8.RuneCountInString(text[start:i]) == 1 {
			bad := strings.ContainsRune(badStems, firstRune(name))
			if bad && suf != "州" {
				// A word (全镇, 我县, 社区): the segment starts after it.
				seg, i = end, end
				continue
			}
			if bad || gov < 0 && suf != "县" {
				// 城市, 乌镇的: no name, but the suffix may start one
				// (镇江市, 新市镇), so the segment goes on.
				i += size
				continue
			}
		}
		out = append(out, Mention{Name: name, Start: start, End: end, Suffix: suf, Level: l, Gov: gov >= 0, Run: run})
		seg, i = end+max(gov, 0), end+max(gov, 0)
	}
	return out
}

// afterDate returns the offset after the date characters (年, 年度, 月, 日)
// at text[i:] when a digit comes before them: 2021年1月在嵩县 starts at 在.
func afterDate(text string, i int) int {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if !(r >= '0' && r <= '9' || r == 'x' || r == 'X') {
		return i
	}
	for _, w := range []string{"年度", "年", "月", "日", "号"} {
		if strings.HasPrefix(text[i:], w) {
			return i + len(w)
		}
	}
	return i
}

// suffixAt returns the division suffix s starts with, and its level.
func suffixAt(s string) (string, Level) {
	r, _ := utf8.DecodeRuneInString(s)
	switch r { // the first characters of the suffixes
	case '特', '自', '街', '地', '苏', '新', '林', '省', '市', '州', '盟', '县', '旗', '区', '镇', '乡':
	default:
		return "", Unknown
	}
	for _, m := range mentionSuffixes {
		if strings.HasPrefix(s, m.s) {
			return m.s, m.l
		}
	}
	return "", Unknown
}

// isHan reports whether r is a Han character, the common ones first.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && unicode.Is(unicode.Han, r)
}

// trimLead returns the offset after the function words at text[from:],
// keeping at least one character before limit.
func trimLead(text string, from, limit int) int {
	for {
		cut := false
		for _, w := range leadWords {
			if strings.HasPrefix(text[from:limit], w) && from+len(w) < limit {
				from += len(w)
				cut = true
				break
			}
		}
		if !cut {
			return from
		}
	}
}

// govAfter returns the length of the words naming a government that s
// starts with (人民政府, 党委 …), 0 for a session (第十届) or a year
// (2020年度), which a name is also given as the reporting body by, or -1.
// The length is skipped: 汾湖高新区党工委和黎里镇 names 黎里镇 next.
func govAfter(s string) int {
	for _, w := range govWords {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	// A session: 第十届, 第X届.
	if rest, ok := strings.CutPrefix(s, "第"); ok {
		for i, r := range rest {
			if r == '届' {
				return 0
			}
			if i >= 12 {
				break
			}
		}
		return -1
	}
	// A year: 2020年, 二〇二〇年, or the placeholders of scraped copies.
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' || strings.ContainsRune("〇一二三四五六七八九零xX", r) {
			n++
			continue
		}
		if n == 4 && r == '年' {
			return 0
		}
		break
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
