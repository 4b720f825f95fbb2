package lexicon

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// mustNew builds a Lexicon from entries given as "slogan|alias|!exclusion",
// as in the plain-text format.
func mustNew(t testing.TB, specs ...string) *Lexicon {
	t.Helper()
	var entries []Entry
	for i, s := range specs {
		entries = append(entries, textEntry(s, "user", "test", i+1))
	}
	l, warnings, err := New(nil, entries)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("New(%q): %v %v", specs, warnings, err)
	}
	return l
}

// render writes a mention as "ENTRY TEXT@RUNE", plus " nested", with the
// offset counted in runes so the tables can be checked by eye.
func render(l *Lexicon, text string, m Mention) string {
	s := fmt.Sprintf("%s %s@%d", l.Entries[m.Entry].Slogan, text[m.Start:m.End], utf8.RuneCountInString(text[:m.Start]))
	if m.Nested {
		s += " nested"
	}
	return s
}

func renderAll(l *Lexicon, text string, ms []Mention) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, render(l, text, m))
	}
	return out
}

// The expected mentions below are worked out by hand from the rules in
// AppendFind's documentation.
var findCases = []struct {
	name    string
	entries []string
	text    string
	want    []string
}{
	{"empty text", []string{"六稳"}, "", nil},
	{"no mention", []string{"六稳"}, "稳中求进", nil},
	{"empty lexicon", nil, "六稳六保", nil},
	{"one mention", []string{"乡村振兴"}, "全面推进乡村振兴。", []string{"乡村振兴 乡村振兴@4"}},
	{"nesting", []string{"六稳", "六保", "六稳六保"}, "做好六稳六保工作",
		[]string{"六稳六保 六稳六保@2", "六稳 六稳@2 nested", "六保 六保@4 nested"}},
	{"nesting three levels", []string{"六稳", "六稳六保", "六稳六保工作"}, "做好六稳六保工作",
		[]string{"六稳六保工作 六稳六保工作@2", "六稳六保 六稳六保@2 nested", "六稳 六稳@2 nested"}},
	{"same end", []string{"振兴", "乡村振兴"}, "乡村振兴",
		[]string{"乡村振兴 乡村振兴@0", "振兴 振兴@2 nested"}},
	{"partial overlap is not nesting", []string{"甲乙", "乙丙"}, "甲乙丙",
		[]string{"甲乙 甲乙@0", "乙丙 乙丙@1"}},
	{"adjacent repeats", []string{"六稳"}, "六稳六稳", []string{"六稳 六稳@0", "六稳 六稳@2"}},
	{"self overlap counts once", []string{"哈哈"}, "哈哈哈", []string{"哈哈 哈哈@0"}},
	{"self overlap twice", []string{"哈哈"}, "哈哈哈哈哈", []string{"哈哈 哈哈@0", "哈哈 哈哈@2"}},
	{"alias", []string{"两山理论|绿水青山就是金山银山"}, "践行绿水青山就是金山银山理念",
		[]string{"两山理论 绿水青山就是金山银山@2"}},
	{"canonical and alias both counted", []string{"两山理论|绿水青山就是金山银山"}, "两山理论：绿水青山就是金山银山",
		[]string{"两山理论 两山理论@0", "两山理论 绿水青山就是金山银山@5"}},
	{"prefix form of the same entry: longest wins", []string{"互联网+|互联网+行动"}, "互联网+行动计划",
		[]string{"互联网+ 互联网+行动@0"}},
	{"prefix form, both occur", []string{"互联网+|互联网+行动"}, "互联网+和互联网+行动",
		[]string{"互联网+ 互联网+@0", "互联网+ 互联网+行动@5"}},
	{"leftmost beats longest within an entry", []string{"甲乙|乙丙丁"}, "甲乙丙丁", []string{"甲乙 甲乙@0"}},
	{"other entry inside a long alias", []string{"互联网", "互联网+|互联网+行动"}, "互联网+行动",
		[]string{"互联网+ 互联网+行动@0", "互联网 互联网@0 nested"}},
	{"suffix chain", []string{"甲乙丙丁", "乙丙", "丙"}, "甲乙丙丁，甲乙丙戊",
		[]string{"甲乙丙丁 甲乙丙丁@0", "乙丙 乙丙@1 nested", "丙 丙@2 nested", "乙丙 乙丙@6", "丙 丙@7 nested"}},
	{"failure link into a longer form", []string{"甲甲乙", "甲乙"}, "甲甲甲乙",
		[]string{"甲甲乙 甲甲乙@1", "甲乙 甲乙@2 nested"}},
	{"latin inside latin is cut", []string{"abcd", "bc"}, "abcd bc", []string{"abcd abcd@0", "bc bc@5"}},
	{"latin", []string{"PPP", "5G"}, "推广PPP模式，建设5G基站", []string{"PPP PPP@2", "5G 5G@10"}},
	{"latin is case-sensitive", []string{"PPP"}, "ppp模式", nil},
	{"latin needs word boundaries", []string{"PPP", "5G", "TPP"}, "PPPoE、15G、CPTPP、5G+、TPP",
		[]string{"5G 5G@16", "TPP TPP@20"}},
	{"latin boundary does not block a later occurrence", []string{"ab"}, "abab ab", []string{"ab ab@5"}},
	{"invalid UTF-8 around mentions", []string{"六稳", "六保"}, "\xe5\x85六稳\xff六保\xe5",
		[]string{"六稳 六稳@2", "六保 六保@5"}},
	{"stray continuation bytes", []string{"稳"}, "\xa8\xb3稳\xe7\xa8", []string{"稳 稳@2"}},
	{"entry order breaks no tie", []string{"乙", "甲乙丙", "甲"}, "甲乙丙",
		[]string{"甲乙丙 甲乙丙@0", "甲 甲@0 nested", "乙 乙@1 nested"}},

	// Exclusions: "!" marks one in the specs.
	{"exclusion drops the occurrence inside it", []string{"新发展理念|!创新发展理念"},
		"尊重发展规律,创新发展理念,贯彻新发展理念", []string{"新发展理念 新发展理念@16"}},
	{"exclusion only: no mention at all", []string{"新发展理念|!创新发展理念"}, "创新发展理念", nil},
	{"exclusion at text start", []string{"稳增长|!平稳增长"}, "平稳增长,稳增长", []string{"稳增长 稳增长@5"}},
	{"exclusion at text end", []string{"稳增长|!平稳增长"}, "稳增长,平稳增长", []string{"稳增长 稳增长@0"}},
	{"exclusion longer on the left by two", []string{"千万工程|!十百千万工程"}, "十百千万工程、千万工程",
		[]string{"千万工程 千万工程@7"}},
	{"exclusion longer on both sides", []string{"发展|!创新发展理念"}, "创新发展理念,发展理念", []string{"发展 发展@7"}},
	{"overlapping exclusions each apply", []string{"乙|!甲乙|!乙丙"}, "甲乙丙乙丙,乙", []string{"乙 乙@6"}},
	{"two overlapping exclusions around one occurrence", []string{"丙|!甲乙丙|!丙丁戊"}, "甲乙丙丁戊丙", []string{"丙 丙@5"}},
	{"partial overlap with an exclusion does not exclude", []string{"丙|乙丙丁|!甲乙丙"}, "甲乙丙丁", []string{"丙 乙丙丁@1"}},
	{"exclusion of another entry does not apply", []string{"两新|!两新一重", "新一"}, "两新一重",
		[]string{"新一 新一@1"}},
	{"exclusion that is another entry's form", []string{"两新|!两新一重", "两新一重"}, "两新一重和两新",
		[]string{"两新一重 两新一重@0", "两新 两新@5"}},
	{"excluded occurrence does not block an overlapping one", []string{"甲乙|乙丙丁|!甲甲乙"}, "甲甲乙丙丁",
		[]string{"甲乙 乙丙丁@2"}},
	{"exclusion covers one form, not the longer one", []string{"互联网+|互联网+行动|!互联网+行"}, "互联网+行动",
		[]string{"互联网+ 互联网+行动@0"}},
	{"excluded form makes nothing nested", []string{"千万工程|!百千万工程", "万工"}, "百千万工程",
		[]string{"万工 万工@2"}},
	{"exclusion inside an exclusion", []string{"千万工程|!百千万工程|!十百千万工程"}, "十百千万工程", nil},
	{"latin exclusion cut by a word is no exclusion", []string{"网络|!5G网络"}, "15G网络,5G网络", []string{"网络 网络@3"}},

	// Typesetting: quotation marks are transparent inside a mention, and a
	// form with 、 is a compound.
	{"quoted parts", []string{"六稳", "六保", "六稳六保"}, "做好“六稳”“六保”工作",
		[]string{"六稳六保 六稳”“六保@3", "六稳 六稳@3 nested", "六保 六保@7 nested"}},
	{"quoted parts with 、", []string{"六稳", "六保", "六稳六保|六稳、六保"}, "“六稳”、“六保”",
		[]string{"六稳六保 六稳”、“六保@1", "六稳 六稳@1 nested", "六保 六保@6 nested"}},
	{"a compound in all its spellings", []string{"碳达峰、碳中和"}, "碳达峰、碳中和;碳达峰碳中和;碳达峰与碳中和;碳达峰和碳中和;碳达峰及碳中和;碳达峰,碳中和",
		[]string{"碳达峰、碳中和 碳达峰、碳中和@0", "碳达峰、碳中和 碳达峰碳中和@8", "碳达峰、碳中和 碳达峰与碳中和@15",
			"碳达峰、碳中和 碳达峰和碳中和@23", "碳达峰、碳中和 碳达峰及碳中和@31"}},
	{"a compound of three parts", []string{"蓝天、碧水、净土"}, "蓝天、碧水和净土,蓝天和碧水和净土,蓝天碧水净土",
		[]string{"蓝天、碧水、净土 蓝天、碧水和净土@0", "蓝天、碧水、净土 蓝天碧水净土@18"}},
	{"quote inside a form", []string{"能耗双控", "三权分置"}, "能耗“双控”,“三权”分置",
		[]string{"能耗双控 能耗“双控@0", "三权分置 三权”分置@8"}},
	{"marks around a mention stay outside", []string{"八七扶贫攻坚计划"}, "「“八七”扶贫攻坚计划」",
		[]string{"八七扶贫攻坚计划 八七”扶贫攻坚计划@2"}},
	{"ASCII quotes", []string{"扫黄打非"}, `"扫黄"'打非'`, []string{"扫黄打非 扫黄\"'打非@1"}},
	{"a mark between a stray byte and a rune is kept", []string{"一", "甲"}, "\xe4“\xb8\x80甲“一",
		[]string{"甲 甲@4", "一 一@6"}},
	{"a mark is an ASCII word boundary", []string{"PPP"}, `推广"PPP"oE`, []string{"PPP PPP@3"}},
	{"exclusion across a closing mark", []string{"土特产|!土特产品"}, "“土特产”品牌,土特产品,'土特产'品,土特产", []string{"土特产 土特产@20"}},
	{"exclusion across marks", []string{"负面清单|!过紧日子负面清单"}, "“过紧日子”负面清单", nil},
	{"a form cutting a quotation is none", []string{"千万工程|!百千万工程"}, "“百千万”工程", nil},
	{"exclusion spelt as a compound", []string{"碳中和|!碳达峰、碳中和"}, "碳达峰与“碳中和”,碳中和", []string{"碳中和 碳中和@10"}},
	{"forms lose their marks", []string{"“能耗”双控"}, "能耗双控", []string{"能耗双控 能耗双控@0"}},
	{"a mention does not end inside a quotation", []string{"五个保定"}, "五个“保定之变”,五个“保定”", []string{"五个保定 五个“保定@9"}},
	{"a mention does not start inside a quotation", []string{"文旅融合"}, "“农文旅”融合,“文旅”融合", []string{"文旅融合 文旅”融合@9"}},
	{"a cut quotation does not block another occurrence", []string{"甲乙|乙丙丁"}, "甲“乙丙丁”", []string{"甲乙 乙丙丁@2"}},
	{"ASCII quotes never cut", []string{"五个保定"}, `五个"保定之变"`, []string{`五个保定 五个"保定@0`}},
}

// matcherVariants are the layouts of the automaton every matching test
// runs on: all states dense with uint16 or int32 cells, some dense, and
// only the root dense.
var matcherVariants = []struct {
	name   string
	budget int
	narrow bool
}{
	{"dense16", denseBudget, true},
	{"dense32", denseBudget, false},
	{"partial", 300, true},
	{"sparse", 0, false},
}

func TestFind(t *testing.T) {
	for _, v := range matcherVariants {
		for _, tc := range findCases {
			t.Run(tc.name+"/"+v.name, func(t *testing.T) {
				l := mustNew(t, tc.entries...)
				m := buildMatcher(l.Entries, v.budget, v.narrow)
				got := renderAll(l, tc.text, m.Find(tc.text))
				want := tc.want
				if want == nil {
					want = []string{}
				}
				if !slices.Equal(got, want) {
					t.Errorf("Find(%q)\n got %q\nwant %q", tc.text, got, want)
				}
			})
		}
	}
}

func TestAppendFindKeepsDst(t *testing.T) {
	l := mustNew(t, "六稳", "六保")
	m := l.Matcher()
	first := m.Find("六稳六保")
	buf := append([]Mention(nil), first...)
	buf = m.AppendFind(buf, "六保")
	if len(buf) != 3 || !slices.Equal(buf[:2], first) || buf[2] != (Mention{Entry: 1, Start: 0, End: 6}) {
		t.Fatalf("AppendFind = %+v", buf)
	}
	buf = m.AppendFind(buf[:0], "无")
	if len(buf) != 0 {
		t.Fatalf("AppendFind(buf[:0], no mention) = %+v", buf)
	}
}

// naiveFind is the oracle. It reads text without its quotation marks
// (unmarked) and, for each entry on its own, repeatedly takes the leftmost
// occurrence (strings.Index) of any spelling of its forms at or after the
// end of the previous one, the longest when several start there, skipping
// occurrences that cut an ASCII word (judged on the neighbours in text) or
// a quotation, and occurrences lying inside an occurrence of a spelling of one of the
// entry's exclusions without marks inside it (all of them, overlapping ones
// too, found by the same word and quotation rules); it maps the spans back
// to text and marks Nested by comparing every pair.
func naiveFind(l *Lexicon, text string) []Mention {
	v, at := unmarked(text)
	span := func(s, e int) (int, int) { return at[s], at[e-1] + 1 }
	var ms []Mention
	for ei := range l.Entries {
		forms := spellings(&l.Entries[ei])
		var covers [][2]int // every occurrence of every exclusion, in v
		for _, x := range exclusionSpellings(&l.Entries[ei]) {
			for s := naiveIndex(text, v, at, x, 0); s >= 0; s = naiveIndex(text, v, at, x, s+1) {
				covers = append(covers, [2]int{s, s + len(x)})
			}
		}
		excluded := func(s, e int) bool {
			for _, c := range covers {
				if c[0] <= s && e <= c[1] {
					return true
				}
			}
			return false
		}
		for pos := 0; ; {
			best := Mention{Start: -1}
			for _, f := range forms {
				s := naiveIndex(text, v, at, f, pos)
				for s >= 0 && excluded(s, s+len(f)) {
					s = naiveIndex(text, v, at, f, s+1)
				}
				if s >= 0 && (best.Start < 0 || s < best.Start || s == best.Start && s+len(f) > best.End) {
					best = Mention{Entry: ei, Start: s, End: s + len(f)}
				}
			}
			if best.Start < 0 {
				break
			}
			ms = append(ms, best)
			pos = best.End
		}
	}
	for i := range ms {
		ms[i].Start, ms[i].End = span(ms[i].Start, ms[i].End)
	}
	for i := range ms {
		for j := range ms {
			a, b := ms[i], ms[j]
			if a.Entry != b.Entry && b.Start <= a.Start && a.End <= b.End && b.End-b.Start > a.End-a.Start {
				ms[i].Nested = true
			}
		}
	}
	slices.SortFunc(ms, comparePosition)
	return ms
}

// unmarked returns text without the quotation marks the matcher skips, and
// for each of its bytes the offset of that byte in text.
func unmarked(text string) (string, []int) {
	var b strings.Builder
	var at []int
	for i := 0; i < len(text); {
		if n := markAt(text, i); n > 0 {
			i += n
			continue
		}
		b.WriteByte(text[i])
		at = append(at, i)
		i++
	}
	return b.String(), at
}

// naiveIndex is the first occurrence of f in v (text without its marks, at
// mapping v to text) at or after pos that does not cut an ASCII word or a
// quotation in text, or -1.
func naiveIndex(text, v string, at []int, f string, pos int) int {
	for pos <= len(v) {
		i := strings.Index(v[pos:], f)
		if i < 0 {
			return -1
		}
		s := pos + i
		start, end := at[s], at[s+len(f)-1]+1
		cut := isAlnum(f[0]) && start > 0 && isAlnum(text[start-1]) ||
			isAlnum(f[len(f)-1]) && end < len(text) && isAlnum(text[end]) ||
			cutsQuote(text, start, end)
		if !cut {
			return s
		}
		pos = s + 1
	}
	return -1
}

// randomLexicon draws entries whose forms come from a tiny alphabet, so
// forms overlap, nest and share prefixes and suffixes a lot. Half the
// entries get up to two exclusions: one of their forms with one to three
// pieces around it, which may be another entry's form or exclusion.
func randomLexicon(t testing.TB, r *rand.Rand) *Lexicon {
	alphabet := []string{"六", "稳", "保", "a", "b", "5", "互联", "+"}
	piece := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	seen := map[string]bool{}
	var specs []string
	for n := 1 + r.IntN(10); len(specs) < n; {
		var forms []string
		for k := 1 + r.IntN(3); len(forms) < k; {
			f := piece(1 + r.IntN(4))
			if r.IntN(5) == 0 { // a compound
				f += "、" + piece(1+r.IntN(2))
			}
			fresh := true
			for _, v := range variants(f) {
				fresh = fresh && !seen[v]
			}
			if fresh {
				for _, v := range variants(f) {
					seen[v] = true
				}
				forms = append(forms, f)
			}
		}
		items := slices.Clone(forms)
		for range r.IntN(2) * (1 + r.IntN(2)) {
			left := r.IntN(3)
			x := piece(left) + forms[r.IntN(len(forms))] + piece(1+r.IntN(3)-min(left, 1))
			if checkExclude(x, forms) == "" {
				items = append(items, "!"+x)
			}
		}
		specs = append(specs, strings.Join(items, "|"))
	}
	return mustNew(t, specs...)
}

// randomText concatenates spellings of forms and exclusions of l, filler
// runes, quotation marks, joiners of compounds and stray bytes (among them
// the pieces of quotation marks).
func randomText(r *rand.Rand, l *Lexicon) string {
	fill := []string{"六", "稳", "a", "5", "的", "，", "\xe5", "\xa8", "\xff", " ", "B",
		"“", "”", "「", "』", "'", "\"", "\xe2\x80", "\x9c", "\xe3", "、", "与", "和"}
	var b strings.Builder
	for range r.IntN(30) {
		if r.IntN(2) == 0 && len(l.Entries) > 0 {
			e := &l.Entries[r.IntN(len(l.Entries))]
			forms := append(spellings(e), exclusionSpellings(e)...)
			f := forms[r.IntN(len(forms))]
			switch runes := []rune(f); r.IntN(4) {
			case 0: // a quotation mark inside, between two runes
				k := r.IntN(len(runes) + 1)
				f = string(runes[:k]) + fill[11+r.IntN(6)] + string(runes[k:])
			case 1: // a quoted part
				i := r.IntN(len(runes) + 1)
				j := i + r.IntN(len(runes)+1-i)
				f = string(runes[:i]) + "“" + string(runes[i:j]) + "”" + string(runes[j:])
			}
			b.WriteString(f)
		} else {
			b.WriteString(fill[r.IntN(len(fill))])
		}
	}
	return b.String()
}

// TestFindMatchesNaive is the property test: on random lexicons and texts,
// Find gives exactly the naive oracle's mentions, in every layout. It also
// checks that exclusions change the result in a good share of the cases,
// and that many mentions hold quotation marks or are spelt as compounds,
// so those paths are exercised.
func TestFindMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	changed, marked, compound := 0, 0, 0
	for i := range 3000 {
		l := randomLexicon(t, r)
		text := randomText(r, l)
		want := naiveFind(l, text)
		for _, v := range matcherVariants {
			got := buildMatcher(l.Entries, v.budget, v.narrow).Find(text)
			if !slices.Equal(got, want) {
				t.Fatalf("case %d, %s, lexicon %v, text %q:\n got %q\nwant %q", i, v.name,
					forms(l), text, renderAll(l, text, got), renderAll(l, text, want))
			}
		}
		plain := &Lexicon{Entries: cloneEntries(l.Entries)}
		for j := range plain.Entries {
			plain.Entries[j].Exclude = nil
		}
		if !slices.Equal(naiveFind(plain, text), want) {
			changed++
		}
		for _, x := range want {
			in := text[x.Start:x.End]
			if strings.ContainsAny(in, marks) {
				marked++
			}
			if u, _ := unmarked(in); !slices.Contains(l.Entries[x.Entry].Forms(), u) {
				compound++
			}
		}
	}
	if changed < 1000 || marked < 1000 || compound < 1000 {
		t.Errorf("in 3000 cases, exclusions changed the mentions in %d, %d mentions hold quotation marks, %d are spelt as compounds",
			changed, marked, compound)
	}
}

// forms lists each entry's forms and then its exclusions, marked "!".
func forms(l *Lexicon) [][]string {
	var out [][]string
	for i := range l.Entries {
		e := &l.Entries[i]
		f := e.Forms()
		for _, x := range e.Exclude {
			f = append(f, "!"+x)
		}
		out = append(out, f)
	}
	return out
}

// TestMentionsOnRuneBoundaries proves the byte-level automaton only matches
// whole runes: on random texts full of stray and truncated UTF-8 sequences
// and quotation marks, every mention starts and ends where ranging over the
// string puts a rune boundary, and its bytes, without the quotation marks,
// spell one of the entry's forms.
func TestMentionsOnRuneBoundaries(t *testing.T) {
	l := mustNew(t, "六稳", "稳六", "保", "稳增长|增长", "é", "互联网+", "一、丁")
	m := l.Matcher()
	// Pieces: whole runes, lead bytes without their tail, tails without a
	// lead, and the single bytes of the forms' runes and of the marks.
	var pieces []string
	for _, f := range []string{"六", "稳", "保", "增", "长", "é", "互", "+", "一", "丁", "、", "与", "“", "」", "'"} {
		pieces = append(pieces, f)
		for i := range len(f) {
			pieces = append(pieces, f[i:i+1], f[:i], f[i:])
		}
	}
	for range 10 { // whole runes and marks often, so that marks fall inside mentions
		pieces = append(pieces, "“", "」", "'", "六", "稳", "一", "丁", "“六”", "「稳」")
	}
	r := rand.New(rand.NewPCG(3, 4))
	total, marked := 0, 0
	for range 5000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		boundary := map[int]bool{len(text): true}
		for i := range text {
			boundary[i] = true
		}
		for _, x := range m.Find(text) {
			total++
			in := text[x.Start:x.End]
			if strings.ContainsAny(in, marks) {
				marked++
			}
			if u, _ := unmarked(in); !boundary[x.Start] || !boundary[x.End] || !slices.Contains(spellings(&l.Entries[x.Entry]), u) {
				t.Fatalf("text %q: mention %+v (%q) is not a whole form on rune boundaries", text, x, in)
			}
		}
	}
	if total < 1000 || marked < 50 {
		t.Fatalf("only %d mentions, %d with quotation marks: the test exercises nothing", total, marked)
	}
}

func TestMatcherShared(t *testing.T) {
	l := mustNew(t, "六稳")
	first, second := l.Matcher(), l.Matcher()
	if first != second {
		t.Fatal("Matcher() builds a new matcher on every call")
	}
}

// TestConcurrent runs lazy building and matching from several goroutines;
// run with -race.
func TestConcurrent(t *testing.T) {
	l := &Lexicon{Entries: mustNew(t, "六稳", "六保", "六稳六保").Entries}
	text := strings.Repeat("做好六稳六保工作，", 50)
	want := naiveFind(l, text)
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			var buf []Mention
			for range 20 {
				buf = l.Matcher().AppendFind(buf[:0], text)
				if !slices.Equal(buf, want) {
					errs <- fmt.Sprintf("got %d mentions, want %d", len(buf), len(want))
					return
				}
				if _, ok := l.Lookup("六稳"); !ok || l.Hash() == "" {
					errs <- "Lookup or Hash failed"
					return
				}
			}
			errs <- ""
		}()
	}
	for range 8 {
		if msg := <-errs; msg != "" {
			t.Fatal(msg)
		}
	}
}

func TestAppendFindDoesNotAllocate(t *testing.T) {
	l := mustNew(t, "六稳", "六保", "六稳六保", "PPP")
	m := l.Matcher()
	text := strings.Repeat("做好六稳六保工作，推广PPP模式。", 20)
	buf := m.Find(text)
	if n := testing.AllocsPerRun(100, func() { buf = m.AppendFind(buf[:0], text) }); n != 0 || len(buf) != 80 {
		t.Errorf("AppendFind into a large enough buffer: %.0f allocations, %d mentions", n, len(buf))
	}
}

// TestSortPosition checks the adaptive sort against slices.SortFunc on
// nearly sorted input (insertion sort) and on shuffled input (pdqsort).
func TestSortPosition(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, shuffled := range []bool{false, true} {
		for range 200 {
			var ms []Mention
			for end := 1; len(ms) < 300; end++ {
				for k := r.IntN(3); k > 0; k-- { // longest first, as emitted
					ms = append(ms, Mention{Entry: r.IntN(5), Start: max(0, end-k*2-r.IntN(2)), End: end})
				}
			}
			if shuffled {
				r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
			}
			want := slices.Clone(ms)
			slices.SortStableFunc(want, comparePosition)
			sortPosition(ms)
			if !slices.Equal(ms, want) {
				t.Fatalf("shuffled=%v: sortPosition differs from a stable sort", shuffled)
			}
		}
	}
}
