package targets

import (
	"bufio"
	_ "embed" // the default indicator list
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

//go:embed indicators.txt
var indicatorsText string

// HeadlineIndicator is the canonical name of the indicator whose growth
// target is the headline of a report: GDP at any level (国内生产总值 of the
// State Council, 地区生产总值 of a province, city or county).
const HeadlineIndicator = "地区生产总值"

// Directions of a target's value.
const (
	DirGrowth    = "growth"    // 增长, 提高, 上涨, 涨幅 … a rate or an increase
	DirReduction = "reduction" // 下降, 降低, 减少 …
	DirLevel     = "level"     // a value to reach or keep: 达到, 控制在, or a bare value
)

// Indicator is one economic indicator: its canonical name and the other
// forms that name it in a report.
type Indicator struct {
	Name    string   // canonical name, printed in every output
	Aliases []string // other forms: 国内生产总值, GDP … for 地区生产总值
	File    string   // where it was defined ("builtin" for the embedded list)
	Line    int
}

// Forms returns the canonical name followed by the aliases.
func (ind *Indicator) Forms() []string { return append([]string{ind.Name}, ind.Aliases...) }

// Errors of indicator lists, wrapped with the file and line.
var (
	ErrIndicatorEmpty = errors.New("empty indicator form")
	ErrIndicatorClash = errors.New("form names two indicators")
)

// ParseIndicators reads an indicator list: one indicator a line, canonical
// name first, aliases after "|" (地区生产总值 | GDP | 国内生产总值); "#" starts a
// comment; blank lines are skipped. Forms are normalised like lexicon
// forms (full width folded, spaces removed). An empty form or a form given
// twice is an error naming name:line; all errors are returned, joined.
func ParseIndicators(name string, r io.Reader) ([]Indicator, error) {
	var out []Indicator
	var errs []error
	seen := map[string]int{} // form → line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		ind := Indicator{File: name, Line: n}
		for i, raw := range strings.Split(line, "|") {
			f := lexicon.Normalize(raw)
			switch {
			case f == "":
				errs = append(errs, fmt.Errorf("indicators %s:%d: %w (field %d)", name, n, ErrIndicatorEmpty, i+1))
				continue
			case seen[f] != 0:
				errs = append(errs, fmt.Errorf("indicators %s:%d: %w: %q is already on line %d", name, n, ErrIndicatorClash, f, seen[f]))
				continue
			}
			seen[f] = n
			if i == 0 {
				ind.Name = f
			} else {
				ind.Aliases = append(ind.Aliases, f)
			}
		}
		if ind.Name != "" {
			out = append(out, ind)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("indicators %s: %w", name, err))
	}
	return out, errors.Join(errs...)
}

// DefaultIndicators returns the embedded indicator list
// (targets/indicators.txt). It panics if the embedded list is broken, a
// bug of tifa's that its tests catch.
func DefaultIndicators() []Indicator {
	inds, err := ParseIndicators("builtin", strings.NewReader(indicatorsText))
	if err != nil {
		panic("targets: embedded indicators.txt: " + err.Error())
	}
	return inds
}

// Finder finds numeric targets in report texts. It is safe for
// concurrent use.
type Finder struct {
	names  []string
	byRune map[rune][]indForm // forms by first rune, longest first
}

type indForm struct {
	form string
	ind  int
}

// NewFinder returns a finder of the indicators of sets, merged in
// order: an indicator with the name of an earlier one replaces it (so a
// user's list can redefine a built-in indicator); a form claimed by two
// remaining indicators is an error naming both lines.
func NewFinder(sets ...[]Indicator) (*Finder, error) {
	var all []Indicator
	pos := map[string]int{}
	for _, set := range sets {
		for _, ind := range set {
			if i, ok := pos[ind.Name]; ok {
				all[i] = ind
				continue
			}
			pos[ind.Name] = len(all)
			all = append(all, ind)
		}
	}
	f := &Finder{byRune: map[rune][]indForm{}}
	owner := map[string]int{}
	var errs []error
	for i, ind := range all {
		f.names = append(f.names, ind.Name)
		for _, form := range ind.Forms() {
			if j, ok := owner[form]; ok && j != i {
				o := all[j]
				errs = append(errs, fmt.Errorf("indicators %s:%d: %w: %q is also a form of %s (%s:%d)",
					ind.File, ind.Line, ErrIndicatorClash, form, o.Name, o.File, o.Line))
				continue
			}
			owner[form] = i
			r, _ := utf8.DecodeRuneInString(form)
			f.byRune[r] = append(f.byRune[r], indForm{form, i})
		}
	}
	for _, fs := range f.byRune {
		sort.SliceStable(fs, func(a, b int) bool { return len(fs[a].form) > len(fs[b].form) })
	}
	return f, errors.Join(errs...)
}

// Target is one numeric target (or, with the qualifier 同步, a
// qualitative one) read from a report.
type Target struct {
	Indicator string  // canonical name
	Form      string  // the indicator as written
	Text      string  // the target as written, from the indicator to its last qualifier
	Value     float64 // the value; the midpoint of a range
	Low, High float64 // the range; both equal Value for a single value
	HasValue  bool    // false for 与经济增长同步, which states no number
	Unit      string  // %, 个百分点, 亿元, 万人, 万吨 … ("%" for 百分之)
	Direction string  // DirGrowth, DirReduction or DirLevel
	// Qualifiers in the order written: 力争, 不低于, 控制在 … before the
	// value, 区间 for a range, 左右, 以上, 以内 … after it, 同步, and
	// 争取更好结果 when the next clause says so.
	Qualifiers []string
	Sentence   string // the sentence, cut to about 80 characters around the target
	Start, End int    // byte offsets of Text in the text searched

	// MultiYear: a five-year or average target (年均, 期间, 到2025年 …, or
	// in a chapter on a five-year plan), not one for the coming year; or a
	// result over several years.
	MultiYear bool
	// Kind says what the value is: KindTarget (for the coming year),
	// KindPlanPeriod (a multi-year target) or KindResult (reached; see
	// classify for the evidence weighed).
	Kind string

	ev    evidence // what the text around says of its time (classify)
	score int      // evidence that this is a target for the coming year
	pair  int      // 1 or 2: first or second value of 分别 … 和 …
	lead  bool     // the first value after its indicator
}

// rank orders headline candidates: the evidence score, and the first value
// after an indicator before the ones that follow it (增长6.5%、力争7%).
func (t *Target) rank() int {
	if t.lead {
		return t.score + 2
	}
	return t.score
}

// DocTargets are the targets found in one document.
type DocTargets struct {
	ID      string
	Meta    reports.Meta
	Part    reports.Part // the part searched: the one asked for, or PartAll when the document has none
	Targets []Target
}

// Find returns the targets in part p of d, in text order. When d has no
// section of part p (no plan heading was recognised), the whole text is
// searched and Part says so.
func (f *Finder) Find(d *reports.Document, p reports.Part) DocTargets {
	dt := DocTargets{ID: d.ID, Meta: d.Meta, Part: p}
	spans := d.Spans(p)
	if len(spans) == 0 {
		dt.Part, spans = reports.PartAll, d.Spans(reports.PartAll)
	}
	for _, s := range spans {
		n := len(dt.Targets)
		dt.Targets = f.findSpan(d.Text, s[0], s[1], d.Meta.Year, dt.Targets)
		classify(d.Text, s[0], s[1], dt.Part, dt.Targets[n:])
	}
	return dt
}

// FindText returns the targets in text, in order, read as the whole text
// of a report of an unknown year.
func (f *Finder) FindText(text string) []Target {
	ts := f.findSpan(text, 0, len(text), 0, nil)
	classify(text, 0, len(text), reports.PartAll, ts)
	return ts
}

// Headline returns d's headline target: the growth rate of GDP stated as
// the target of the coming year (HeadlineTarget), looked for in part p
// and, when that part states none, in the whole text (a report may state
// it under a heading like 1998年工作回顾和1999年工作的总体要求). The part
// returned is where it was found.
func (f *Finder) Headline(d *reports.Document, p reports.Part) (Target, reports.Part, bool) {
	dt := f.Find(d, p)
	if t, ok := HeadlineTarget(dt.Targets); ok {
		return t, dt.Part, true
	}
	if dt.Part != reports.PartAll {
		if t, ok := HeadlineTarget(f.FindText(d.Text)); ok {
			return t, reports.PartAll, true
		}
	}
	return Target{}, dt.Part, false
}

// HeadlineTarget picks the headline among ts: a growth target of
// HeadlineIndicator in percent, not a multi-year one (年均, 期间, 五年 …),
// whose sentence or wording marks it as a target (目标, 预期, 计划, 要求,
// 调控, 力争, 争取 or a qualifier such as 左右). Of several, the one with
// the most such evidence wins, then the first; a bare statement of growth
// (国内生产总值增长6.6%, a result) is never a headline.
func HeadlineTarget(ts []Target) (Target, bool) {
	best := -1
	for i, t := range ts {
		if t.Indicator != HeadlineIndicator || t.Direction != DirGrowth || t.Unit != "%" || !t.HasValue || t.MultiYear || t.Kind == KindResult || t.score <= 0 {
			continue
		}
		if best < 0 || t.rank() > ts[best].rank() {
			best = i
		}
	}
	if best < 0 {
		return Target{}, false
	}
	return ts[best], true
}

// indMention is an indicator found in a sentence.
type indMention struct {
	ind        int
	start, end int
}

// findSpan appends the targets of text[from:to], in a report of year (0:
// unknown), to out. A sentence's lead-in — its text up to a colon, as in
// 主要预期目标是： — stays the context of the sentences after it (a list
// separated by ；) until a full stop.
func (f *Finder) findSpan(text string, from, to, year int, out []Target) []Target {
	leadIn := ""
	for from < to {
		end := targetSentenceEnd(text, from, to)
		out = f.findSentence(sentence{text, from, end, leadIn, year}, out)
		if i := strings.LastIndexAny(text[from:end], "：:"); i >= 0 {
			leadIn = text[from : from+i]
		}
		from = end
		if from < to {
			r, n := utf8.DecodeRuneInString(text[from:])
			if strings.ContainsRune("。！？!?", r) { // a line break or ； keeps the list going
				leadIn = ""
			}
			from += n
		}
	}
	return out
}

// targetSentenceEnd returns the offset of the next sentence end at or
// after from, or to: 。！？；!?; or a line break — except a line break
// before a number (增长\n9%, where a PDF extraction broke the line).
func targetSentenceEnd(text string, from, to int) int {
	for i := from; i < to; {
		j := strings.IndexAny(text[i:to], "。！？；;!?\n")
		if j < 0 {
			return to
		}
		i += j
		if text[i] != '\n' || !numberFollows(text[i+1:to]) {
			return i
		}
		i++
	}
	return to
}

// numberFollows reports whether s starts, after spaces, with a digit, a
// decimal point, a percent sign or 百分之.
func numberFollows(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return s != "" && (s[0] >= '0' && s[0] <= '9' || s[0] == '.' || s[0] == '%') || strings.HasPrefix(s, "百分之")
}

// mentions finds the indicators in text[from:to], leftmost-longest, not
// overlapping.
func (f *Finder) mentions(text string, from, to int) []indMention {
	var ms []indMention
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		matched := false
		for _, c := range f.byRune[r] {
			if i+len(c.form) <= to && strings.HasPrefix(text[i:], c.form) {
				ms = append(ms, indMention{c.ind, i, i + len(c.form)})
				i += len(c.form)
				matched = true
				break
			}
		}
		if !matched {
			i += n
		}
	}
	return ms
}

// findSentence appends the targets of the sentence st.
func (f *Finder) findSentence(st sentence, out []Target) []Target {
	text := st.text
	ms := f.mentions(text, st.from, st.to)
	for k, m := range ms {
		scopeEnd := st.to
		if k+1 < len(ms) {
			scopeEnd = ms[k+1].start
		}
		n := len(out)
		out = f.readMention(st, scopeEnd, m, out)
		// 城镇居民收入和农村居民收入分别增长a和b, 接待游客112万人次、旅游收入
		// 6.3亿元，分别增长a和b: the first value of the pair is the previous
		// indicator's (a 城乡 indicator splits itself, see renamePairs).
		if k > 0 && !strings.HasPrefix(f.names[m.ind], "城乡") {
			for i := n; i < len(out); i++ {
				if out[i].pair == 1 {
					p := ms[k-1]
					out[i].Indicator, out[i].Form, out[i].Start = f.names[p.ind], text[p.start:p.end], p.start
					out[i].Text = oneLine(text[p.start:out[i].End])
				}
			}
		}
	}
	return out
}

// Limits on how far a value may lie from its indicator, in characters.
const (
	maxFirstGap = 16 // indicator … first value
	maxNextGap  = 12 // one value … the next (，力争8%; 分别增长6%和7%)
	maxSyncGap  = 20 // indicator … 同步
)

// sentence is the sentence text[from:to] being read, with the lead-in of
// the list it belongs to and the year of the report (0: unknown).
type sentence struct {
	text     string
	from, to int
	leadIn   string
	year     int
}

// paragraph returns the text of the sentence's paragraph (its line) before
// the sentence.
func (st sentence) paragraph() string {
	return st.text[strings.LastIndexByte(st.text[:st.from], '\n')+1 : st.from]
}

// readMention reads the values following mention m, up to scopeEnd (the
// next indicator or the sentence end), and appends them as targets.
func (f *Finder) readMention(st sentence, scopeEnd int, m indMention, out []Target) []Target {
	text := st.text
	before := text[st.from:m.start]
	tail := text[m.end:min(st.to, m.end+maxSyncGap*4)]
	if comparedTo(before, tail) || netOf(before, tail) {
		return out
	}
	start, prev, kind := len(out), m.end, ""
	for {
		v, ok := nextTargetValue(text, prev, scopeEnd)
		if !ok {
			break
		}
		gap := text[prev:v.start]
		first := len(out) == start
		limit := maxNextGap
		if first {
			limit = maxFirstGap
		}
		if utf8.RuneCountInString(gap) > limit || isShare(gap) || !first && !continues(gap) {
			break
		}
		t := f.valueTarget(st, scopeEnd, m, v, gap, first, kind)
		if !first && pairJoin(gap) && strings.Contains(text[m.end:v.start], "分别") {
			out[len(out)-1].pair, t.pair = 1, 2
		}
		out = append(out, t)
		prev, kind = t.End, t.Direction
	}
	if len(out) == start {
		if t, ok := syncTarget(text, m, tail, f.names[m.ind]); ok {
			t.Sentence = cutAround(text, st.from, st.to, t.Start, t.End)
			c := surround{leadIn: st.leadIn, before: before, clause: text[clauseStart(text, st.from, m.start):t.End], after: followingText(text, t.End, st.to)}
			t.ev = timeEvidence(c, st.paragraph(), st.year)
			t.ev.sent = st.from
			return append(out, t)
		}
		return out
	}
	out = dropForeignPair(out, start, text[m.end:scopeEnd])
	rest := text[prev:min(scopeEnd, prev+maxNextGap*4)]
	better := strings.Contains(rest, "争取更好") || strings.Contains(rest, "力争更好")
	for i := start; i < len(out); i++ {
		t := &out[i]
		t.Text = oneLine(text[t.Start:t.End])
		t.Sentence = cutAround(text, st.from, st.to, t.Start, t.End)
		if better && i == len(out)-1 {
			t.Qualifiers = append(t.Qualifiers, "争取更好结果")
			t.score++
		}
	}
	renamePairs(out[start:])
	return out
}

// dropForeignPair drops, of the values out[start:] read after an
// indicator, the second of a 分别 pair whose second subject is no indicator
// of the finder: in 单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18% the 18% is
// carbon dioxide's, not a second target for energy intensity. scope is
// the text after the indicator.
func dropForeignPair(out []Target, start int, scope string) []Target {
	i := strings.Index(scope, "分别")
	if i < 0 || utf8.RuneCountInString(scope[:i]) > maxNextGap || !containsAny(scope[:i], []string{"和", "与", "及", "、"}) {
		return out
	}
	for k := start + 1; k < len(out); k++ {
		if out[k].pair == 2 {
			out[k-1].pair = 0
			return append(out[:k], out[k+1:]...)
		}
	}
	return out
}

// valueTarget builds the target of value v of mention m: its kind from the
// verb in gap (else growth for 经济增长 …, the previous value's kind for a
// value that follows another, or level), its qualifiers, its score.
func (f *Finder) valueTarget(st sentence, scopeEnd int, m indMention, v targetValue, gap string, first bool, prevKind string) Target {
	text := st.text
	form := text[m.start:m.end]
	t := Target{Indicator: f.names[m.ind], Form: form, Value: (v.low + v.high) / 2, Low: v.low, High: v.high,
		HasValue: true, Unit: v.unit, Start: m.start, End: v.end, lead: first}
	t.Direction = verbKind(gap)
	switch {
	case t.Direction != "":
	case first && growthForm(form):
		t.Direction = DirGrowth
	case !first && prevKind != "":
		t.Direction = prevKind
	default:
		t.Direction = DirLevel
	}
	t.Qualifiers = prefixQualifiers(gap)
	if v.low != v.high {
		t.Qualifiers = append(t.Qualifiers, "区间")
	}
	if q, n := suffixQualifier(text[t.End:scopeEnd]); n > 0 {
		t.Qualifiers = append(t.Qualifiers, q)
		t.End += n
	}
	c := surround{leadIn: st.leadIn, before: text[st.from:m.start], gap: gap,
		clause: text[clauseStart(text, st.from, m.start):t.End], after: followingText(text, t.End, st.to)}
	t.score, t.MultiYear = judgeTarget(c, len(t.Qualifiers) > 0)
	t.ev = timeEvidence(c, st.paragraph(), st.year)
	t.ev.sent = st.from
	return t
}

// comparedTo reports whether an indicator is the object of a comparison or
// a share — 与经济增长同步, 占地区生产总值比重, 对经济增长的贡献率 — and so
// states no target.
func comparedTo(before, tail string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	switch last {
	case '与', '同', '跟', '占', '于', '对':
		return true
	case '和':
		return strings.Contains(tail[:firstClauseEnd(tail)], "同步")
	}
	return false
}

// firstClauseEnd returns the offset of the first clause delimiter of s, or
// len(s).
func firstClauseEnd(s string) int {
	if i := strings.IndexAny(s, "，,、：:"); i >= 0 {
		return i
	}
	return len(s)
}

// isShare reports whether the words between an indicator and a value make
// the value a share or ratio of it (比重, 比例, 占) or a count of something
// else (进出口实绩企业120家) rather than a target of it.
func isShare(gap string) bool {
	return containsAny(gap, []string{"比重", "比例", "占", "比率", "贡献率", "企业"})
}

// growthForm reports whether the indicator's own form says growth
// (经济增长, 经济增速).
func growthForm(form string) bool {
	return strings.Contains(form, "增长") || strings.Contains(form, "增速")
}

var (
	growthVerbs    = []string{"增长", "增速", "增幅", "增加", "提高", "上涨", "涨幅", "递增", "上升", "提升"}
	reductionVerbs = []string{"下降", "降低", "减少", "压减", "回落", "下调"}
	levelVerbs     = []string{"达到", "突破", "保持在", "控制在", "稳定在", "实现"}
)

// verbKind returns the kind of the first verb in gap, or "".
func verbKind(gap string) string {
	best, kind := len(gap)+1, ""
	for _, vs := range []struct {
		words []string
		kind  string
	}{{growthVerbs, DirGrowth}, {reductionVerbs, DirReduction}, {levelVerbs, DirLevel}} {
		for _, w := range vs.words {
			if i := strings.Index(gap, w); i >= 0 && i < best {
				best, kind = i, vs.kind
			}
		}
	}
	return kind
}

// Qualifiers before a value (longest first, so 不低于 is not read as 低于)
// and after it.
var (
	prefixQuals = []string{"不低于", "不少于", "不高于", "不超过", "控制在", "保持在", "稳定在", "力争", "争取", "确保", "高于", "低于", "快于", "超过"}
	suffixQuals = []string{"左右", "以上", "以内", "以下", "上下", "之间"}
)

// prefixQualifiers returns the qualifiers written in gap, in order.
func prefixQualifiers(gap string) []string {
	var out []string
	for i := 0; i < len(gap); {
		hit := ""
		for _, q := range prefixQuals {
			if strings.HasPrefix(gap[i:], q) {
				hit = q
				break
			}
		}
		if hit != "" {
			out = append(out, hit)
			i += len(hit)
			continue
		}
		_, n := utf8.DecodeRuneInString(gap[i:])
		i += n
	}
	return out
}

// suffixQualifier returns the qualifier s starts with (after spaces) and
// the bytes it takes.
func suffixQualifier(s string) (string, int) {
	t := strings.TrimLeft(s, " ")
	for _, q := range suffixQuals {
		if strings.HasPrefix(t, q) {
			return q, len(s) - len(t) + len(q)
		}
	}
	return "", 0
}

var (
	targetWords = []string{"目标", "预期", "计划", "要求", "调控", "力争", "争取", "确保"}
	ofTarget    = []string{"的目标", "的预期目标", "的增长目标", "的调控目标", "的预期"}
	backRefs    = []string{"这一指标", "这个指标", "这一目标", "这个目标", "上述目标", "上述指标", "上述主要预期目标"}
	multiWords  = []string{"年均", "平均每年", "每年", "期间", "五年", "翻番", "翻一番", "翻两番", "时期", "本世纪末"}
	byYearRe    = regexp.MustCompile(`到\d{4}年|\d{4}年前`)
	planRe      = regexp.MustCompile(`五年内|草案|纲要|五”?(?:计划|规划)`)
)

// surround is the text around a value that judgeTarget weighs.
type surround struct {
	leadIn string // the lead-in of the list the sentence belongs to
	before string // the sentence before the indicator
	gap    string // between the indicator (or the previous value) and the value
	clause string // the clause holding the indicator, to the end of the value
	after  string // the rest of the sentence and the next one
}

// judgeTarget scores the evidence that a value is a target for the coming
// year: +3 when a target word (目标, 预期, 计划 …) comes before it in its
// sentence or it is followed by 的目标, +2 when the text after it refers
// back to it (执行中争取超过这一指标), +1 for a qualifier, −1 for 比上年 (a
// comparison typical of results), −3 for 预计 (an estimate of the past
// year). A value is multi-year when its clause
// speaks of several years (年均, 期间, 到2020年 …) or its sentence of a
// five-year plan (五年内, 草案, “七五”计划).
func judgeTarget(c surround, qualified bool) (score int, multi bool) {
	after := strings.TrimLeft(c.after, " ")
	switch {
	case containsAny(c.leadIn+c.before+c.gap, targetWords), hasAnyPrefix(after, ofTarget):
		score += 3
	case containsAny(after, backRefs):
		score += 2
	}
	if qualified {
		score++
	}
	if strings.Contains(c.gap, "比上年") {
		score--
	}
	if strings.Contains(c.before+c.gap, "预计") { // 预计全年增长5.5%: an estimate of the past year
		score -= 3
	}
	multi = containsAny(c.clause, multiWords) || byYearRe.MatchString(c.clause) ||
		planRe.MatchString(c.before) && !strings.Contains(c.before, "今年")
	return score, multi
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// followingText returns the text after a value: the rest of its sentence
// (which ends at sentTo) and the next sentence, at most about 60
// characters.
func followingText(text string, end, sentTo int) string {
	stop := sentTo
	if stop < len(text) {
		_, n := utf8.DecodeRuneInString(text[stop:])
		stop = targetSentenceEnd(text, stop+n, len(text))
	}
	s := text[end:stop]
	if len(s) > 180 {
		s = s[:180]
	}
	return s
}

// clauseStart returns the offset of the start of the clause holding
// offset at: after the last clause delimiter (，,：:) of the sentence
// before at, or the sentence start.
func clauseStart(text string, sentFrom, at int) int {
	s := text[sentFrom:at]
	i := strings.LastIndexAny(s, "，,：:")
	if i < 0 {
		return sentFrom
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return sentFrom + i + n
}

// continues reports whether the words between two values keep the first
// value's subject: nothing but joining punctuation, then a verb or a
// qualifier (，增长7.1%; ，力争8%; 和). 工业总产值增长 starts a new subject.
func continues(gap string) bool {
	g := strings.TrimLeft(gap, "，,、和及或 ")
	if g == "" {
		return true
	}
	for _, ws := range [][]string{growthVerbs, reductionVerbs, levelVerbs, prefixQuals, {"比上年", "同比", "分别"}} {
		if hasAnyPrefix(g, ws) {
			return true
		}
	}
	return false
}

// pairJoin reports whether the gap between two values joins them as a pair
// (分别增长6%和7%: the gap is 和 or 、).
func pairJoin(gap string) bool {
	g := strings.TrimSpace(gap)
	return g == "和" || g == "、" || g == "及"
}

// renamePairs gives the two values of 城乡X 分别 … 和 … their indicators:
// 城镇X and 农村X.
func renamePairs(ts []Target) {
	for i := range ts {
		t := &ts[i]
		if t.pair == 0 || !strings.HasPrefix(t.Indicator, "城乡") {
			continue
		}
		rest := strings.TrimPrefix(t.Indicator, "城乡")
		if t.pair == 1 {
			t.Indicator = "城镇" + rest
		} else {
			t.Indicator = "农村" + rest
		}
	}
}

// syncTarget reads a qualitative target: 居民收入增长与经济增长(基本)同步.
func syncTarget(text string, m indMention, tail, name string) (Target, bool) {
	clause := tail[:firstClauseEnd(tail)]
	i := strings.Index(clause, "同步")
	if i < 0 || utf8.RuneCountInString(clause[:i]) > maxSyncGap {
		return Target{}, false
	}
	end := m.end + i + len("同步")
	kind := verbKind(clause[:i])
	if kind == "" {
		kind = DirGrowth
	}
	return Target{Indicator: name, Form: text[m.start:m.end], Text: oneLine(text[m.start:end]), Direction: kind,
		Qualifiers: []string{"同步"}, Start: m.start, End: end}, true
}

// cutAround returns the sentence text[from:to] trimmed, cut to about 80
// characters around text[start:end] with "…" where it was cut.
func cutAround(text string, from, to, start, end int) string {
	const width = 80
	s := strings.TrimSpace(text[from:to])
	if utf8.RuneCountInString(s) <= width {
		return oneLine(s)
	}
	need := width - utf8.RuneCountInString(text[start:end])
	left, right := start, end
	for need > 0 && (left > from || right < to) {
		if left > from {
			_, n := utf8.DecodeLastRuneInString(text[from:left])
			left -= n
			need--
		}
		if need > 0 && right < to {
			_, n := utf8.DecodeRuneInString(text[right:to])
			right += n
			need--
		}
	}
	out := oneLine(strings.TrimSpace(text[left:right]))
	if left > from {
		out = "…" + out
	}
	if right < to {
		out += "…"
	}
	return out
}

// targetValue is a number (or range) with its unit, found in a text.
type targetValue struct {
	start, end int // byte span, from 百分之 or the first digit to the unit
	low, high  float64
	unit       string
}

// nextTargetValue finds the first value with a unit in text[from:to]. Numbers
// without a unit (a year: 2020年, 十四五) are skipped.
func nextTargetValue(text string, from, to int) (targetValue, bool) {
	for i := from; i < to; {
		v, ok := targetValueAt(text[:to], i)
		if ok {
			return v, true
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		cn := strings.ContainsRune(cnNumerals, r)
		for (isASCIIDigit(r) || cn) && i < to { // skip the rest of a number that is no value
			r2, n2 := utf8.DecodeRuneInString(text[i:])
			if isASCIIDigit(r) && !isASCIIDigit(r2) && r2 != '.' || cn && !strings.ContainsRune(cnNumerals, r2) {
				break
			}
			i += n2
		}
	}
	return targetValue{}, false
}

// Units a value may carry, longest first. Those starting with 万, 亿 or 千
// (and 个百分点) may follow a number in Chinese numerals (四百四十七万吨);
// the others only follow digits.
var targetUnits = []string{
	"个百分点", "万亿美元", "万亿元", "万亿斤", "亿美元", "万美元", "亿公斤", "万公斤", "万人次", "万千瓦", "平方公里",
	"亿元", "万元", "亿斤", "万斤", "亿吨", "万吨", "万人", "万亩", "万户", "万辆", "万个",
	"美元", "公斤", "人次", "千瓦", "公里", "%", "‰", "元", "斤", "吨", "人", "亩", "户", "倍", "家", "个",
}

// targetUnitAt returns the unit text starts with, allowing spaces before it
// (8 %), and the bytes taken. cn restricts it to units that can follow a
// Chinese numeral.
func targetUnitAt(text string, cn bool) (string, int) {
	t := strings.TrimLeft(text, " ")
	for _, u := range targetUnits {
		if !strings.HasPrefix(t, u) {
			continue
		}
		if cn && !(strings.HasPrefix(u, "万") || strings.HasPrefix(u, "亿") || strings.HasPrefix(u, "千") || u == "个百分点") {
			return "", 0
		}
		return u, len(text) - len(t) + len(u)
	}
	return "", 0
}

// targetValueAt reads a value at text[i:]: 6.5%, 1100万人, 百分之八, 百分之七点五,
// 四百四十七万吨, or a range 6%-6.5%, 6—6.5%, 百分之八至九, 百分之七到百分之八.
func targetValueAt(text string, i int) (targetValue, bool) {
	v := targetValue{start: i}
	j, pct := i, false
	if strings.HasPrefix(text[j:], "百分之") {
		j, pct = j+len("百分之"), true
	}
	if j > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:j]); !pct && (isASCIIDigit(r) || r == '.' || unicode.IsLetter(r) && r < 0x80) {
			return v, false // inside a longer token: 5G, A3, 2.5
		}
	}
	low, unit, j, ok := numberWithUnit(text, j, pct)
	if !ok {
		return v, false
	}
	v.low, v.high, v.unit, v.end = low, low, unit, j
	// A range: 6%-6.5%, 6—6.5%, 八至九, 7%到8%.
	if k, ok := rangeSepAt(text, j); ok {
		pct2 := pct
		if strings.HasPrefix(text[k:], "百分之") {
			k, pct2 = k+len("百分之"), true
		}
		if high, unit2, k2, ok := numberWithUnit(text, k, pct2); ok && high > low && (unit == "" || unit2 == "" || unit == unit2) {
			if unit == "" {
				unit = unit2
			}
			v.high, v.unit, v.end = high, unit, k2
		}
	}
	return v, v.unit != ""
}

// numberWithUnit reads a number at text[j:] and the unit after it. With
// pct (after 百分之) the unit is % and Chinese numerals are read; else a
// Chinese numeral needs a unit of 万, 亿 or 千. A number without a unit
// returns an empty unit only when a range separator follows it (6—6.5%).
func numberWithUnit(text string, j int, pct bool) (float64, string, int, bool) {
	if j >= len(text) {
		return 0, "", j, false
	}
	if r, _ := utf8.DecodeRuneInString(text[j:]); isASCIIDigit(r) {
		x, k := arabicNumberAt(text, j)
		if pct {
			return x, "%", k, true
		}
		if u, n := targetUnitAt(text[k:], false); n > 0 {
			return x, u, k + n, true
		}
		if _, ok := rangeSepAt(text, k); ok {
			return x, "", k, true
		}
		return 0, "", j, false
	}
	// Chinese numerals: the shortest run followed by a unit (四百四十七 +
	// 万吨), or with pct the longest run (十一点八).
	run := j
	for run < len(text) {
		r, n := utf8.DecodeRuneInString(text[run:])
		if !strings.ContainsRune(cnNumerals, r) {
			break
		}
		run += n
	}
	if run == j {
		return 0, "", j, false
	}
	if pct {
		x, ok := parseCNNumber(text[j:run])
		return x, "%", run, ok
	}
	for k := j; k < run; {
		_, n := utf8.DecodeRuneInString(text[k:])
		k += n
		if u, m := targetUnitAt(text[k:], true); m > 0 {
			if x, ok := parseCNNumber(text[j:k]); ok {
				return x, u, k + m, true
			}
		}
	}
	return 0, "", j, false
}

// rangeSepAt returns the offset after a range separator (—, –, -, ~, 至, 到)
// at text[j:], when a number follows it.
func rangeSepAt(text string, j int) (int, bool) {
	for _, sep := range []string{"——", "—", "–", "-", "－", "~", "～", "〜", "至", "到"} {
		if !strings.HasPrefix(text[j:], sep) {
			continue
		}
		k := j + len(sep)
		r, _ := utf8.DecodeRuneInString(text[k:])
		if isASCIIDigit(r) || strings.HasPrefix(text[k:], "百分之") || strings.ContainsRune(cnNumerals, r) {
			return k, true
		}
	}
	return j, false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// arabicNumberAt reads digits with an optional decimal part at text[j:];
// spaces around the decimal point (5 . 5, left by PDF extraction) are
// skipped.
func arabicNumberAt(text string, j int) (float64, int) {
	digits := func(k int) int {
		for k < len(text) && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		return k
	}
	k := digits(j)
	num := text[j:k]
	p := k
	for p < len(text) && text[p] == ' ' {
		p++
	}
	if p < len(text) && text[p] == '.' {
		q := p + 1
		for q < len(text) && text[q] == ' ' {
			q++
		}
		if e := digits(q); e > q {
			num += "." + text[q:e]
			k = e
		}
	}
	x, _ := strconv.ParseFloat(num, 64)
	return x, k
}

const cnNumerals = "零〇一二两三四五六七八九十百千万亿点"

// parseCNNumber reads a number in Chinese numerals: 八 → 8, 十一点八 → 11.8,
// 一千一百 → 1100, 二万三千八百五十一 → 23851, 五点四 → 5.4.
func parseCNNumber(s string) (float64, bool) {
	digit := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	intPart, frac, hasFrac := s, "", false
	if i := strings.Index(s, "点"); i >= 0 {
		intPart, frac, hasFrac = s[:i], s[i+len("点"):], true
	}
	total, section, cur := 0, 0, -1
	for _, r := range intPart {
		if d, ok := digit[r]; ok {
			cur = d
			continue
		}
		mult := map[rune]int{'十': 10, '百': 100, '千': 1000, '万': 10000, '亿': 100000000}[r]
		switch {
		case mult == 0:
			return 0, false
		case mult == 100000000:
			total = (total + section + max(cur, 0)) * mult
			section, cur = 0, -1
		case mult == 10000:
			total += (section + max(cur, 0)) * mult
			section, cur = 0, -1
		default:
			if cur < 0 {
				cur = 1 // 十一 = 11
			}
			section += cur * mult
			cur = -1
		}
	}
	if cur > 0 {
		section += cur
	}
	x := float64(total + section)
	if hasFrac {
		if frac == "" {
			return 0, false
		}
		scale := 0.1
		for _, r := range frac {
			d, ok := digit[r]
			if !ok {
				return 0, false
			}
			x += float64(d) * scale
			scale /= 10
		}
	}
	if intPart == "" && !hasFrac {
		return 0, false
	}
	return x, true
}

// oneLine folds every run of white space in s, line breaks included, to
// one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
