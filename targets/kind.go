package targets

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tifa-project/tifa/reports"
)

// Kinds of value: what a number in a report is, beside its Direction.
const (
	KindTarget     = "target"      // set for the coming year
	KindPlanPeriod = "plan_period" // set for several years: a five-year plan, 年均, 到2025年
	KindResult     = "result"      // reached: 比上年增长12.5%, 从4.16万亿元增加到5.67万亿元
)

// Kinds lists the kinds in the order tifa prints them.
var Kinds = []string{KindTarget, KindPlanPeriod, KindResult}

// Evidence that a value reports the past, weakest first.
const (
	pastNone   = iota
	pastWeak   // the paragraph speaks of the past, or the value is compared with last year (比上年)
	pastStrong // the sentence does: 去年, 过去五年, an earlier year, 从…增加到, 累计, 预计
)

var (
	// pastWords mark the past in a sentence or paragraph (comparisons
	// with last year, 比上年, are taken out first: a target says them too).
	pastWords   = []string{"去年", "过去", "五年来", "一年来", "几年来", "多年来", "这五年", "这一年", "上年", "已经", "回顾"}
	comparisons = strings.NewReplacer("比上年", "", "较上年", "", "比去年", "", "较去年", "", "与去年", "", "同去年", "", "上年同期", "", "上年末", "")
	// targetQuals are the qualifiers only a target has: a result may be
	// 超过 or 以上 a value, not 控制在 it or 力争 it.
	targetQuals = []string{"不低于", "不少于", "不高于", "不超过", "控制在", "保持在", "稳定在", "力争", "争取", "确保", "左右", "以内"}
	compareRe   = regexp.MustCompile(`比上年|较上年|比去年|较去年|同比`)
	// pastSpanRe is a span of years just past: 这两年, 近五年, 四年间, 五年来.
	pastSpanRe = regexp.MustCompile(`(?:这|近|过去)[一二两三四五六七八九十几]+年|[一二两三四五六七八九十几]+年(?:来|间|中)`)
	// futureWords mark the coming year or years.
	futureWords = []string{"今年", "明年", "今后", "未来", "下一步"}
	// fromToRe is a change from one value to another: 从4.16万亿元增加到5.67万亿元.
	fromToRe = regexp.MustCompile(`从[^，。；,;]{0,24}?(?:增加|提高|增长|扩大|上升|提升|下降|降低|回落|减少|降)(?:到|至)`)
	// yearRe is a year: 2021年, ２０２１年, 一九八九年, 一九九○年 (with a
	// white circle for zero, as some transcriptions write it).
	yearRe = regexp.MustCompile(`([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年`)
	// planNameRe names a five-year plan (“十四五”时期, 十三五规划, 第十五个
	// 五年规划, 七五计划) or a span of years (今后十五年).
	planNameRe = regexp.MustCompile(`([一二三四五六七八九十]{1,3})五["“”]?\s*(?:时期|期间|计划|规划)|第([一二三四五六七八九十]{1,3})个五年|五年(?:规划|计划)|今后[一二三四五六七八九十]+年`)
	// headingYearRe is a year in a heading, where it may be cut short:
	// 三、二三年的工作重点 (2003).
	headingYearRe = regexp.MustCompile(`(?:[0-9０-９]{2,4}|[〇○零一二三四五六七八九]{2,4})年`)
	// headingRe starts a chapter heading: 二、, 十一、.
	headingRe = regexp.MustCompile(`^[ \t　]*[一二三四五六七八九十]{1,3}、`)
)

// netOf reports whether an indicator is named only to be taken out of
// another figure: 扣除物价上涨因素 (net of price rises) names no price target.
func netOf(before, tail string) bool {
	return strings.HasSuffix(before, "扣除") || strings.HasPrefix(strings.TrimPrefix(strings.TrimPrefix(tail, "上涨"), "上升"), "因素")
}

// evidence is what the text around a value says of its time.
type evidence struct {
	past   int  // pastNone, pastWeak or pastStrong
	future bool // the sentence marks a target or the coming years: 目标, 预期, 计划, 今年, a later year …
	later  bool // the value is for a later year or a five-year plan not yet over: a plan-period value
	sent   int  // byte offset of the sentence, to tell values of one sentence
}

// timeEvidence weighs what the text around a value (c, in the paragraph
// before its sentence, para) says of its time in a report of year (0 when
// unknown: no year is then read as past or future).
func timeEvidence(c surround, para string, year int) evidence {
	var e evidence
	sent := c.before + c.gap
	clause := c.clause + c.after[:firstClauseEnd(c.after)]
	topic := c.before[:firstClauseEnd(c.before)]
	e.later = laterYear(sent, year) || plansAround(topic+"，"+c.clause, year) > 0 && !containsAny(sent, []string{"今年", "明年"}) && yearsAround(sent, year) == 0
	e.future = e.later || containsAny(c.leadIn+sent, targetWords) || containsAny(sent, futureWords) ||
		hasAnyPrefix(strings.TrimLeft(c.after, " "), ofTarget) || containsAny(c.after, backRefs) ||
		byYearRe.MatchString(c.clause) || yearsAround(sent, year) > 0 || plansAround(c.leadIn+c.before, year) > 0
	bare := comparisons.Replace(sent)
	switch {
	case fromToRe.MatchString(clause), strings.Contains(c.clause, "累计"), strings.Contains(sent, "预计"),
		containsAny(bare, pastWords), pastSpanRe.MatchString(bare), yearsAround(sent, year) < 0, plansAround(c.before, year) < 0:
		e.past = pastStrong
	case compareRe.MatchString(c.gap), compareRe.MatchString(c.after[:firstSentenceEnd(c.after)]),
		containsAny(comparisons.Replace(para), pastWords), pastSpanRe.MatchString(para),
		yearsAround(para, year) < 0, plansAround(para, year) < 0:
		e.past = pastWeak
	}
	return e
}

// laterYear reports whether s names a year after the one after year (0:
// unknown). The year after is the coming one of a report delivered at the
// end of a year (全国_1981 sets 1982年的计划), not a plan period.
func laterYear(s string, year int) bool {
	if year == 0 {
		return false
	}
	for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
		if y := parseYear(m[1]); y > year+1 && y < 2200 {
			return true
		}
	}
	return false
}

// firstSentenceEnd returns the offset of the first sentence end (。！？；
// or a line break) of s, or len(s).
func firstSentenceEnd(s string) int {
	if i := strings.IndexAny(s, "。！？；;!?\n"); i >= 0 {
		return i
	}
	return len(s)
}

// yearsAround returns −1 when s names a year before year (and none
// after), +1 when it names the year itself or a later one, 0 when it names
// none or year is 0.
func yearsAround(s string, year int) int {
	if year == 0 {
		return 0
	}
	sign := 0
	for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
		y := parseYear(m[1])
		switch {
		case y < 1900 || y > 2200:
		case y >= year:
			return 1
		default:
			sign = -1
		}
	}
	return sign
}

// parseYear reads four digits (ASCII, full width or Chinese).
func parseYear(s string) int {
	y := 0
	for _, r := range s {
		var d int
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '０' && r <= '９':
			d = int(r - '０')
		case r == '〇' || r == '○' || r == '零':
			d = 0
		default:
			n, ok := parseCNNumber(string(r))
			if !ok || n > 9 {
				return 0
			}
			d = int(n)
		}
		y = y*10 + d
	}
	return y
}

// plansAround returns −1 when s names a five-year plan that ended before
// year (“十四五”时期 in a report of 2026), +1 when it names one that has
// not ended (or a span of years to come), 0 when it names none or year is 0.
func plansAround(s string, year int) int {
	if year == 0 {
		return 0
	}
	sign := 0
	for _, m := range planNameRe.FindAllStringSubmatchIndex(s, -1) {
		num := ""
		switch {
		case m[2] >= 0:
			num = s[m[2]:m[3]]
		case m[4] >= 0:
			num = s[m[4]:m[5]]
		default:
			return 1 // 今后十五年, 五年规划: years to come
		}
		if afterNumeral(s, m[0]) {
			continue // 一九九五年计划: a year, not a plan
		}
		k, ok := parseCNNumber(num)
		if !ok || k < 1 {
			continue
		}
		if planStart(int(k))+4 < year {
			sign = -1
		} else {
			return 1
		}
	}
	return sign
}

// planStart is the first year of the k-th five-year plan: 1953 for the
// first, 1958 for the second, then 1966 + 5(k−3) (the third began in 1966,
// after three years of adjustment; the fourteenth in 2021).
func planStart(k int) int {
	switch k {
	case 1:
		return 1953
	case 2:
		return 1958
	}
	return 1966 + 5*(k-3)
}

// afterNumeral reports whether the rune before offset i of s is a Chinese
// numeral: 一九九五年计划 holds 五年计划 but names a year.
func afterNumeral(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return strings.ContainsRune("〇○零一二三四五六七八九", r)
}

// planChapters returns the byte spans of text[from:to] that lie in a
// chapter on a five-year plan: from a heading line (二、…) naming one (“十三五”
// 时期主要目标任务, 关于…第十五个五年规划纲要的说明, 今后十五年的奋斗目标) to the next
// heading naming a single year (三、2016年重点工作) or to. In the reports of
// 2016 and 2021 the plan part opens with such a chapter: its goals are for
// five years, not for the coming one. A heading naming both (二、“十四五”
// 时期主要目标和2021年工作安排) opens none: its sentences say which year they
// mean.
func planChapters(text string, from, to int) [][2]int {
	var out [][2]int
	open := -1
	for at := from; at < to; {
		end := strings.IndexByte(text[at:to], '\n')
		if end < 0 {
			end = to - at
		}
		line := text[at : at+end]
		if headingRe.MatchString(line) && utf8.RuneCountInString(line) <= 60 {
			year := headingYearRe.MatchString(line) || containsAny(line, []string{"今年", "明年", "本年"})
			switch {
			case year && open >= 0:
				out = append(out, [2]int{open, at})
				open = -1
			case !year && open < 0 && namesPlan(line):
				open = at
			}
		}
		at += end + 1
	}
	if open >= 0 {
		out = append(out, [2]int{open, to})
	}
	return out
}

// namesPlan reports whether s names a five-year plan or a span of years.
func namesPlan(s string) bool {
	for _, m := range planNameRe.FindAllStringIndex(s, -1) {
		if !afterNumeral(s, m[0]) {
			return true
		}
	}
	return false
}

// classify sets the Kind of the targets ts found in text[from:to], part p
// of a report of year (0: unknown), and marks MultiYear those inside a
// chapter on a five-year plan (planChapters). In the review part every
// value is a result. Elsewhere a value is a result when its sentence speaks
// of the past — or only its paragraph does, or it is compared with last
// year (比上年) — and neither the sentence speaks of a target or the years
// to come nor a qualifier only targets have (targetQuals: 控制在, 力争,
// 左右 …) marks it; else a plan-period target when it is multi-year, else
// a target.
func classify(text string, from, to int, p reports.Part, ts []Target) {
	chapters := planChapters(text, from, to)
	for i := range ts {
		t := &ts[i]
		for _, c := range chapters {
			if c[0] <= t.Start && t.Start < c[1] {
				t.MultiYear = true
			}
		}
		if t.ev.later {
			t.MultiYear = true
		}
		aimed := t.ev.future || slices.ContainsFunc(t.Qualifiers, func(q string) bool { return slices.Contains(targetQuals, q) })
		// A value with no evidence of its own after a result of its
		// sentence is one too: 国内生产总值比上年增长2.3%，城镇新增就业1186万人.
		sibling := i > 0 && ts[i-1].ev.sent == t.ev.sent && ts[i-1].Kind == KindResult
		switch {
		case p == reports.PartReview, t.ev.past > pastNone && !aimed, sibling && !aimed:
			t.Kind = KindResult
		case t.MultiYear:
			t.Kind = KindPlanPeriod
		default:
			t.Kind = KindTarget
		}
	}
}

// ParseKinds reads a comma-separated list of kinds (all: every kind)
// into a set.
func ParseKinds(s string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		switch {
		case k == "all":
			for _, x := range Kinds {
				set[x] = true
			}
		case slices.Contains(Kinds, k):
			set[k] = true
		default:
			return nil, fmt.Errorf("kind %q: want %s or all", k, strings.Join(Kinds, ", "))
		}
	}
	return set, nil
}
