package sections

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/tifa-project/tifa/clean"
)

// Part selects which text of a report is analysed.
type Part int

const (
	PartAll    Part = iota // the whole cleaned text
	PartReview             // the review of past work (工作回顾, 工作总结 …)
	PartPlan               // the plan for the coming period (工作安排, 主要任务 …)
)

// ParsePart reads "all", "review" or "plan".
func ParsePart(s string) (Part, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "all", "":
		return PartAll, true
	case "review":
		return PartReview, true
	case "plan":
		return PartPlan, true
	}
	return PartAll, false
}

func (p Part) String() string {
	switch p {
	case PartReview:
		return "review"
	case PartPlan:
		return "plan"
	}
	return "all"
}

// Section is a contiguous span of a Document's Text. Start and End are byte
// offsets into the text split (a reports.Document's Text); Heading is the heading line that opened the
// section (empty for the preamble), kept so a researcher can check the split.
type Section struct {
	Part       Part // PartReview or PartPlan; PartAll marks the preamble
	Heading    string
	Start, End int
}

// SplitSections finds the review and plan parts of a report by its headings
// and returns the sections in text order, or nil when no heading marks
// either part (then the whole text is the preamble).
//
// A heading is a short line (after trimming spaces) that
//   - starts with a top-level Chinese ordinal (一、 … 十、, 第一部分) and has
//     at most 60 characters; the second-level ordinals （一） and the
//     arabic 1. count only when the text has no top-level ordinal heading;
//   - or carries no ordinal, has at most 30 characters, no sentence
//     punctuation (but may end in a colon), and names a section outright
//     (2023年工作回顾, 2024年工作安排：…) — one part only: a line naming
//     both (2020年度工作总结和2021年度工作思路) is a title.
//
// A heading may also share its line with the text after it: an ordinal
// at the start of a line, or (in a line of 400 characters or more, as in a
// text flattened onto one line) after a full stop or a space, is a heading
// when its phrase ends in a space (…意见。一、2023年工作回顾　过去的一年…)
// or, glued to the text, ends in a section name within 40 characters
// (一、2023年工作回顾2023年是…; the heading is cut after 回顾).
//
// Each heading is classified by its words: review words (回顾, 总结, 成就,
// 成效, 执行情况, 过去一年 …) and plan words (安排, 计划, 任务, 思路, 要求,
// 部署, 目标, 今后, 展望, 建议, 今年 …); a heading with both is review
// when no review has begun and plan after. 主要工作, 重点工作 and "X年工作"
// depend on the year X written in the heading: review when X < year, plan
// when X >= year; when year is 0 (unknown) the heading is plan once review
// has begun (or its X is later than the review's), else review for 主要工作
// and plan for 重点工作. A planning period (“十四五” …) without review words
// is plan. Other headings (加强政府自身建设, topical headings) start nothing.
//
// The sections are contiguous: the preamble (Part PartAll, empty Heading)
// runs from the start to the first review or plan heading, the review from
// the first review heading to the first plan heading after it, and the plan
// from there to the end of the text. There are at most three sections; each
// non-preamble section's Heading is the heading that opened it.
//
// When a top-level heading opened the review and no heading names the plan,
// the next top-level heading opens it (一、1991年国内工作的回顾 then 二、抓紧
// 有利时机，加快经济发展), unless it is a closing one (政府自身建设, 外交, 统一).
func SplitSections(text string, year int) []Section {
	hs := findHeadings(text)
	var out []Section
	state := PartAll
	reviewYear, opener := 0, 0
	for i, h := range hs {
		p := classifyHeading(h.norm, year, state, reviewYear)
		if p == PartAll || p == state || (state == PartPlan && p == PartReview) {
			continue
		}
		if state == PartAll && h.start > 0 {
			out = append(out, Section{Part: PartAll, Start: 0, End: h.start})
		}
		if len(out) > 0 {
			out[len(out)-1].End = h.start
		}
		out = append(out, Section{Part: p, Heading: h.text, Start: h.start, End: len(text)})
		state = p
		if p == PartReview {
			reviewYear = headingYear(h.norm)
			opener = i
		}
	}
	if state == PartReview && hs[opener].kind == kindTop {
		if h, ok := implicitPlan(hs[opener+1:]); ok {
			out[len(out)-1].End = h.start
			out = append(out, Section{Part: PartPlan, Heading: h.text, Start: h.start, End: len(text)})
		}
	}
	return out
}

// implicitPlan returns the top-level heading that follows a top-level
// review heading when no heading names the plan: 一、1991年国内工作的回顾
// followed by 二、抓紧有利时机，加快经济发展. A closing heading (政府自身建设,
// 外交, 统一) is not taken for the plan.
func implicitPlan(after []secHeading) (secHeading, bool) {
	for _, h := range after {
		if h.kind != kindTop {
			continue
		}
		if hasAnyWord(h.norm, closingWords) {
			return secHeading{}, false
		}
		return h, true
	}
	return secHeading{}, false
}

// secHeading is a heading candidate: its byte offset in the text, the text as
// written (trimmed) and its normalised form (width-folded, no spaces, no
// ordinal, no quotes) used for matching.
type secHeading struct {
	start int
	text  string
	norm  string
	kind  headingKind
}

type headingKind int

const (
	kindBare   headingKind = iota // no ordinal
	kindTop                       // 一、 第一部分
	kindSub                       // （一）
	kindArabic                    // 1.
)

const (
	maxNumberedHeading = 60  // runes in a numbered heading line
	maxBareHeading     = 30  // runes in a heading line without an ordinal
	maxInlineHeading   = 40  // runes scanned after an inline ordinal
	flattenedLine      = 400 // runes from which a line is scanned for inline headings
)

// findHeadings returns the heading candidates of text in order, keeping
// the top-level ordinals when there are any, else the second level, else
// the arabic ones, and the bare headings in every case.
func findHeadings(text string) []secHeading {
	var all []secHeading
	has := map[headingKind]bool{}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if h, ok := lineHeading(line, start); ok {
			all = append(all, h)
			has[h.kind] = true
		} else {
			for _, h := range runInHeadings(line, start, clean.MoreRunes(line, flattenedLine-1)) {
				all = append(all, h)
				has[h.kind] = true
			}
		}
		start = end + 1
	}
	keep := kindTop
	if !has[kindTop] {
		keep = kindSub
		if !has[kindSub] {
			keep = kindArabic
		}
	}
	out := all[:0]
	for _, h := range all {
		if h.kind == keep || h.kind == kindBare {
			out = append(out, h)
		}
	}
	return out
}

// IsPad reports whether r is blank for trimming: Unicode spaces, the
// ideographic space, and the zero-width characters scraped pages carry.
func IsPad(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u3000'
}

// lineHeading reports whether line (starting at byte off of the text) is a
// heading line.
func lineHeading(line string, off int) (secHeading, bool) {
	trimmed := strings.TrimLeftFunc(line, IsPad)
	start := off + len(line) - len(trimmed)
	trimmed = strings.TrimRightFunc(trimmed, IsPad)
	if trimmed == "" {
		return secHeading{}, false
	}
	if clean.MoreRunes(trimmed, maxNumberedHeading) {
		return secHeading{}, false
	}
	n := utf8.RuneCountInString(trimmed)
	folded := width.Fold.String(trimmed)
	kind, rest := cutOrdinal(folded)
	body := strings.TrimRight(rest, "。.:：")
	if kind == kindBare {
		lead, colon := strings.CutSuffix(rest, ":")
		if n > maxBareHeading || strings.ContainsAny(lead, "。，,；;：:！!？?") {
			return secHeading{}, false
		}
		norm := headingNorm(body)
		if !namesSection(norm) || (colon && !endsWithName(norm)) || (hasAnyWord(norm, reviewWords) && hasAnyWord(norm, planWords)) {
			return secHeading{}, false
		}
	} else if strings.ContainsAny(body, "。") || strings.TrimFunc(body, IsPad) == "" {
		return secHeading{}, false
	}
	return secHeading{start: start, text: trimmed, norm: headingNorm(body), kind: kind}, true
}

// runInHeadings finds headings that share their line with text: at the
// start of the line, and, in a line of a flattened text (all is true),
// after a full stop or a space. The heading is the ordinal's phrase up to a
// space (一、2023年工作回顾　过去的一年…) or, with no space, up to the end of
// the first section name in it (一、2023年工作回顾过去的一年…).
func runInHeadings(line string, off int, all bool) []secHeading {
	var out []secHeading
	prev := rune(-1)
	lead := true
	for i, r := range line {
		p := prev
		prev = r
		if lead && IsPad(r) {
			prev = -1
			continue
		}
		atStart := lead
		lead = false
		if !atStart && !all {
			break // only the line's start can open a heading
		}
		if !atStart && p != '。' && p != '！' && p != '？' && p != '!' && p != '?' && !IsPad(p) {
			continue
		}
		if !strings.ContainsRune(chineseDigits, r) && r != '（' && r != '(' && r != '第' {
			continue
		}
		phrase, ok := inlinePhrase(line[i:])
		if !ok {
			phrase, ok = gluedPhrase(line[i:])
		}
		if !ok {
			continue
		}
		kind, body := cutOrdinal(width.Fold.String(phrase))
		if kind == kindBare || kind == kindArabic || strings.TrimFunc(body, IsPad) == "" {
			continue
		}
		out = append(out, secHeading{start: off + i, text: phrase, norm: headingNorm(body), kind: kind})
	}
	return out
}

// gluedNames end a heading glued to the text that follows it.
var gluedNames = []string{"回顾", "工作总结", "工作安排", "工作计划", "工作思路", "工作要点", "主要任务", "重点任务", "目标任务", "工作任务", "总体要求", "总体部署", "工作建议", "发展成就"}

// gluedPhrase returns the heading at the start of s when it is glued to
// the text after it: the ordinal and the words up to the end of the first
// section name (主要工作 and 重点工作 only after a year), within
// maxInlineHeading characters and before any punctuation.
func gluedPhrase(s string) (string, bool) {
	if !mayEndName(s) {
		return "", false
	}
	return gluedScan(s)
}

// gluedScan is gluedPhrase without the check of mayEndName.
func gluedScan(s string) (string, bool) {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n > maxInlineHeading || strings.ContainsRune("。，,；;：:！!？?\n", r) {
			break
		}
		b.WriteString(width.Fold.String(string(r)))
		n++
		kind, rest := cutOrdinal(b.String())
		if kind == kindBare || kind == kindArabic {
			continue
		}
		if endsWithName(headingNorm(rest)) {
			return s[:i+utf8.RuneLen(r)], true
		}
	}
	return "", false
}

// nameEnds holds the last character of each glued name, of 主要工作 and of
// 重点工作.
var nameEnds = func() string {
	var b strings.Builder
	for _, w := range append([]string{"主要工作", "重点工作"}, gluedNames...) {
		r, _ := utf8.DecodeLastRuneInString(w)
		if !strings.ContainsRune(b.String(), r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}()

// mayEndName reports whether what gluedPhrase scans of s (the same runes,
// up to the same stop) holds the last character of a name: without one no
// heading can end with a name (width folding changes no Chinese
// character), and gluedPhrase, which folds and normalizes its phrase anew
// at each character, need not run. Most sentences after an ordinal (一是…)
// have none: the quadratic walk took 5 % of tifa count.
func mayEndName(s string) bool {
	n := 0
	for _, r := range s {
		if n > maxInlineHeading || strings.ContainsRune("。，,；;：:！!？?\n", r) {
			return false
		}
		if strings.ContainsRune(nameEnds, r) {
			return true
		}
		n++
	}
	return false
}

// endsWithName reports whether a heading ends with a section name (主要工作
// and 重点工作 only after a year).
func endsWithName(norm string) bool {
	for _, w := range gluedNames {
		if strings.HasSuffix(norm, w) {
			return true
		}
	}
	return (strings.HasSuffix(norm, "主要工作") || strings.HasSuffix(norm, "重点工作")) && headingYear(norm) > 0
}

// inlinePhrase returns the heading phrase at the start of s: up to the
// first space that follows a Chinese character or a closing mark, provided
// no sentence punctuation comes first and it is short.
func inlinePhrase(s string) (string, bool) {
	n := 0
	var last rune
	for i, r := range s {
		if n > maxInlineHeading {
			return "", false
		}
		if strings.ContainsRune("。，,；;：:！!？?", r) {
			return "", false
		}
		if IsPad(r) && n > 2 && (unicode.Is(unicode.Han, last) || strings.ContainsRune("”」）)》", last)) {
			return s[:i], true
		}
		last = r
		n++
	}
	return "", false
}

const chineseDigits = "一二三四五六七八九十"

// ordinal splits a width-folded heading into its ordinal kind and the rest.
func cutOrdinal(s string) (headingKind, string) {
	switch {
	case strings.HasPrefix(s, "第"):
		rest, ok := cutChineseNumber(s[len("第"):])
		for _, unit := range []string{"部分", "章"} {
			if ok && strings.HasPrefix(rest, unit) {
				return kindTop, strings.TrimLeftFunc(strings.TrimPrefix(rest, unit), isSpaceOrSep)
			}
		}
	case strings.HasPrefix(s, "("):
		rest, ok := cutChineseNumber(s[1:])
		if ok && strings.HasPrefix(rest, ")") {
			return kindSub, strings.TrimLeftFunc(rest[1:], IsPad)
		}
	default:
		if rest, ok := cutChineseNumber(s); ok {
			rest = strings.TrimLeftFunc(rest, IsPad)
			if strings.HasPrefix(rest, "、") {
				return kindTop, strings.TrimLeftFunc(rest[len("、"):], IsPad)
			}
			if strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "..") {
				return kindTop, strings.TrimLeftFunc(rest[1:], IsPad)
			}
			return kindBare, s
		}
		i := 0
		for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > 0 && i <= 2 && i < len(s) && (s[i] == '.' || strings.HasPrefix(s[i:], "、")) {
			rest := s[i+1:]
			if s[i] != '.' {
				rest = s[i+len("、"):]
			}
			if rest != "" && (rest[0] < '0' || rest[0] > '9') {
				return kindArabic, strings.TrimLeftFunc(rest, IsPad)
			}
		}
	}
	return kindBare, s
}

func isSpaceOrSep(r rune) bool { return IsPad(r) || r == '、' || r == ':' || r == '：' }

// cutChineseNumber removes a Chinese number of one to three digits
// (一 … 九十九) from the start of s.
func cutChineseNumber(s string) (string, bool) {
	n := 0
	i := 0
	for _, r := range s {
		if !strings.ContainsRune(chineseDigits, r) || n == 3 {
			break
		}
		i += utf8.RuneLen(r)
		n++
	}
	return s[i:], n > 0
}

// headingNorm prepares a heading body for matching: width-folded, without
// spaces, quotation marks and brackets.
func headingNorm(s string) string {
	s = width.Fold.String(s)
	return strings.Map(func(r rune) rune {
		if IsPad(r) || strings.ContainsRune("“”\"‘’'「」『』《》", r) {
			return -1
		}
		return r
	}, s)
}

var (
	// reviewWords mark a heading of the review of past work.
	reviewWords = []string{"回顾", "总结", "成就", "成效", "执行情况", "过去一年", "过去五年", "过去的一年", "去年", "一年来", "五年来", "几年来"}
	// planWords mark a heading of the plan for the coming period.
	planWords = []string{"计划", "安排", "任务", "思路", "要求", "部署", "目标", "今后", "展望", "建议", "今年", "明年", "下一步", "取向", "打算", "设想", "规划"}
	// sectionNames are the phrases that make a line without an ordinal a
	// heading.
	sectionNames = []string{"回顾", "工作总结", "工作安排", "工作计划", "工作思路", "主要任务", "重点工作", "总体要求", "目标任务", "工作任务", "工作建议", "总体部署", "发展成就", "主要工作", "重点任务", "主要目标", "总体目标"}
	// closingWords mark the closing headings of a report, which follow
	// the plan.
	closingWords = []string{"自身建设", "外交", "统一"}
)

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// namesSection reports whether a line without an ordinal names a review or
// plan section outright.
func namesSection(norm string) bool {
	return hasAnyWord(norm, sectionNames) || (headingYear(norm) > 0 && strings.HasSuffix(norm, "工作"))
}

// classifyHeading returns PartReview or PartPlan for a heading that opens
// one, PartAll for a heading that opens neither. state is the part the
// heading falls in; reviewYear is the year written in the review's heading.
func classifyHeading(norm string, year int, state Part, reviewYear int) Part {
	norm = strings.ReplaceAll(norm, "计划生育", "")
	review := hasAnyWord(norm, reviewWords)
	plan := hasAnyWord(norm, planWords)
	switch {
	case review && plan:
		if state == PartAll {
			return PartReview
		}
		return PartPlan
	case review:
		return PartReview
	case plan:
		return PartPlan
	}
	hy := headingYear(norm)
	if strings.Contains(norm, "主要工作") || strings.Contains(norm, "重点工作") || (hy > 0 && strings.Contains(norm, "工作")) {
		switch {
		case hy > 0 && year > 0:
			if hy < year {
				return PartReview
			}
			return PartPlan
		case state != PartAll:
			if hy > 0 && reviewYear > 0 && hy < reviewYear {
				return PartReview
			}
			return PartPlan
		case strings.Contains(norm, "重点工作"):
			return PartPlan
		}
		return PartReview
	}
	if planningPeriod(norm) {
		return PartPlan
	}
	return PartAll
}

// planningPeriod reports whether norm names a five-year planning period
// (十四五, 十五五 …).
func planningPeriod(norm string) bool {
	i := strings.Index(norm, "十")
	for i >= 0 {
		rest := norm[i+len("十"):]
		r, size := utf8.DecodeRuneInString(rest)
		if strings.ContainsRune(chineseDigits, r) && strings.HasPrefix(rest[size:], "五") {
			return true
		}
		j := strings.Index(rest, "十")
		if j < 0 {
			break
		}
		i += len("十") + j
	}
	return false
}

// HeadingYear returns the first year written in a heading line (2023年,
// 一九八九年, 二〇二〇年), or 0.
func HeadingYear(heading string) int { return headingYear(headingNorm(heading)) }

// YearFromHeadings returns the year implied by the first review or plan
// heading among lines (the head of a report, each line trimmed) that
// carries a year: X+1 for the review of X, with that heading's text, X for
// the plan of X, with "". Only top-level and unnumbered headings count:
// （一） may head a sub-part of the review. It returns 0, "" when no such
// heading is found.
func YearFromHeadings(lines []string) (int, string) {
	state := PartAll
	for _, line := range lines {
		hs := []secHeading{}
		if hd, ok := lineHeading(line, 0); ok {
			hs = append(hs, hd)
		} else {
			hs = runInHeadings(line, 0, true)
		}
		for _, hd := range hs {
			if hd.kind != kindTop && hd.kind != kindBare {
				continue // （一） may head a sub-part of the review
			}
			p := classifyHeading(hd.norm, 0, state, 0)
			y := headingYear(hd.norm)
			switch {
			case p == PartReview && y > 0 && y < MaxYear:
				return y + 1, hd.text
			case p == PartPlan && y > 0:
				return y, ""
			case p != PartAll:
				state = p
			}
		}
	}
	return 0, ""
}

// headingYear returns the first year written in a heading (2023年,
// 一九八九年, 二〇二〇年), or 0.
func headingYear(norm string) int {
	rs := []rune(norm)
	for i := 0; i+4 < len(rs)+1; i++ {
		if i+4 < len(rs) && rs[i+4] != '年' {
			continue
		}
		if i+4 >= len(rs) {
			break
		}
		if y, ok := YearOfDigits(rs[i : i+4]); ok && (i == 0 || !isYearDigitRune(rs[i-1])) {
			return y
		}
	}
	return 0
}

func isYearDigitRune(r rune) bool {
	return (r >= '0' && r <= '9') || strings.ContainsRune("〇○零一二三四五六七八九", r)
}

// YearOfDigits reads four arabic or Chinese digits as a year in
// MinYear..MaxYear.
func YearOfDigits(rs []rune) (int, bool) {
	y := 0
	for _, r := range rs {
		d := -1
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r == '〇' || r == '○' || r == '零':
			d = 0
		default:
			if k := strings.IndexRune("一二三四五六七八九", r); k >= 0 {
				d = k/3 + 1
			}
		}
		if d < 0 {
			return 0, false
		}
		y = y*10 + d
	}
	return y, y >= MinYear && y <= MaxYear
}

// The range of years a report can carry.
const (
	MinYear = 1949
	MaxYear = 2100
)

// Check reports whether secs keep the promises of SplitSections for text:
// the sections partition the text in order (the first starts at 0, each
// ends where the next starts, the last at the end), none is empty, each
// starts and ends on a character boundary (as a range loop decodes the
// text, so invalid UTF-8 counts byte by byte), only the first may be the
// preamble (PartAll, without heading), the parts rise, and a heading is
// the text its section starts with. No sections at all is fine: the text
// has none. The tests of this package and of reports hold every split to it.
func Check(text string, secs []Section) error {
	if len(secs) == 0 {
		return nil
	}
	if secs[0].Start != 0 || secs[len(secs)-1].End != len(text) {
		return fmt.Errorf("sections span %d..%d, want 0..%d", secs[0].Start, secs[len(secs)-1].End, len(text))
	}
	for i, s := range secs {
		switch {
		case s.Start >= s.End || s.End > len(text):
			return fmt.Errorf("section %d: bad span %d..%d of %d", i, s.Start, s.End, len(text))
		case !runeStart(text, s.Start) || !runeStart(text, s.End):
			return fmt.Errorf("section %d: span %d..%d splits a character", i, s.Start, s.End)
		case i > 0 && secs[i-1].End != s.Start:
			return fmt.Errorf("section %d starts at %d, previous ends at %d", i, s.Start, secs[i-1].End)
		case (s.Part == PartAll) != (s.Heading == "") || (s.Part == PartAll && i > 0):
			return fmt.Errorf("section %d: part %v with heading %q", i, s.Part, s.Heading)
		case i > 0 && s.Part <= secs[i-1].Part:
			return fmt.Errorf("section %d: part %v after %v", i, s.Part, secs[i-1].Part)
		case s.Heading != "" && !strings.HasPrefix(text[s.Start:], s.Heading):
			return fmt.Errorf("section %d: heading %q not at its start", i, s.Heading)
		}
	}
	return nil
}

// runeStart reports whether byte off of text is where a range loop over
// text starts a character, or the end of text.
func runeStart(text string, off int) bool {
	if off == len(text) {
		return true
	}
	for i := range text {
		if i >= off {
			return i == off
		}
	}
	return false
}
