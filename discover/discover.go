package discover

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Source says which detector proposed a candidate slogan; a
// candidate may have several.
type Source uint8

// The detectors of Discoverer.
const (
	SourceQuoted  Source = 1 << iota // written inside “…”, 「…」 or "…"
	SourceNumeral                    // a numeral-led formula: 三改一拆, 四个全面
	SourceNgram                      // a cohesive, freely used character n-gram
)

// String joins the detectors' names with "|": "quoted|numeral".
func (s Source) String() string {
	var names []string
	for _, x := range []struct {
		bit  Source
		name string
	}{{SourceQuoted, "quoted"}, {SourceNumeral, "numeral"}, {SourceNgram, "ngram"}} {
		if s&x.bit != 0 {
			names = append(names, x.name)
		}
	}
	return strings.Join(names, "|")
}

// Coverage says how a candidate relates to the lexicon's forms.
type Coverage uint8

// Coverages, from the strongest.
const (
	CoverNone     Coverage = iota
	CoverEqual             // the candidate is a form of an entry
	CoverInside            // the candidate lies inside a form: a fragment of a known slogan
	CoverContains          // the candidate contains a form: a known slogan with more around it
)

// String returns "", "equals", "inside" or "contains".
func (c Coverage) String() string {
	return [...]string{"", "equals", "inside", "contains"}[c]
}

// Options tune a Discoverer. The zero value asks for the defaults.
type Options struct {
	Part    reports.Part // the text searched
	MinDocs int          // a candidate must occur in at least this many reports (default 3)
	Width   int          // characters of context each side of the example (default 15)
	All     bool         // keep candidates that equal a lexicon form
}

// Candidate is a phrase that may be a slogan, with the evidence for it.
type Candidate struct {
	Text   string
	Source Source
	// Freq counts the occurrences in the searched text of every report
	// (non-overlapping, as 'tifa count' would count it); Quoted, those
	// written between quotation marks.
	Freq, Quoted int
	Docs         int // reports it occurs in
	Regions      int // distinct non-empty regions of those reports
	FirstYear    int // the earliest known year of those reports, 0 if none
	// Cohesion is the smallest pointwise mutual information (bits) over the
	// ways of cutting the phrase in two (see Discoverer); Entropy, the
	// smaller of its left and right branching entropies (bits). Both are
	// NaN when not measured: phrases longer than 8 characters or not made
	// only of Han characters.
	Cohesion, Entropy float64
	Score             float64
	// Example is the first occurrence in the earliest report (by year,
	// then input order): the report's ID and Width characters each side.
	ExampleDoc, Left, Right string
	// Covered is the canonical form of the lexicon entry the candidate
	// relates to as Coverage says; empty with CoverNone.
	Covered  string
	Coverage Coverage
}

// Thresholds of the detectors; see the Discoverer doc.
const (
	ngramMin      = 3
	ngramMax      = 8
	quoteMaxRunes = 16
	minCohesion   = 3.0 // bits: the phrase occurs 8 times more often than its halves would by chance
	minEntropy    = 1.5 // bits: about three different neighbours or more on each side
	subsumedShare = 0.8
)

// Discoverer finds phrases that behave like slogans in a set of reports, to
// propose lexicon entries. Feed it documents with Add, then call
// Candidates. It keeps the searched text of every report.
//
// Three detectors propose candidates:
//
//   - quoted: a phrase of 2–16 characters written between “…”, 「…」 or "…",
//     at least 60% Han characters, the rest letters, digits, + · or -,
//     and no quantity (numerals then a unit or time word, and no second
//     numeral: 三年, 十连冠, but not 一件事一次办; or numerals then 届, 年, 月
//     or 日: 二十届二中全会);
//   - numeral: a Han n-gram of 3–8 characters led by a numeral
//     (一…十 两 双 百 千 万), shaped like a formula: a second numeral after
//     a non-numeral (一带一路, 三改一拆), or led by one of 二…十 两 双 and
//     either doubled (八八战略), or followed by 个/大/项 and 2 or more
//     characters (四个全面), or by 2–5 characters (五水共治); with
//     branching entropy ≥ 1.5 bits; not a quantity, not a common idiom
//     (千方百计, 三位一体), not N大/N项 before a generic noun, which names a
//     different list in every report (五大行动), nor N X N (一对一);
//   - ngram: a Han n-gram of 3–8 characters, not a quantity, that neither
//     starts nor ends with a function character (的, 和, 在 …), with
//     cohesion ≥ 3 bits and branching entropy ≥ 1.5 bits.
//
// Every candidate must occur in at least MinDocs reports. Only n-grams
// whose two (n−1)-grams do so are counted (the Apriori property of document
// frequency), level by level, keeping for each level only the n-grams
// found in MinDocs reports: a run over the 6.3 million characters of 383
// reports peaks at about 330 MB, texts included. Over the Han text, with every other
// character a break, for a phrase w of n characters, f(x) the occurrences
// of x (overlapping) and T the number of Han characters:
//
//	cohesion(w) = min over 0<k<n of log2( f(w)·T / (f(w[:k])·f(w[k:])) )
//	H_left(w)   = −Σ_c p(c|w) log2 p(c|w)   over the characters c before w
//
// and H_right likewise after w, a break before (after) an occurrence
// counting as a distinct neighbour; Entropy = min(H_left, H_right). A
// fragment (五水共) is always followed by the same character, so its
// entropy is low; an ordinary juxtaposition (推进五水) has low cohesion.
//
// The candidates are then counted in the texts as 'tifa count' would count
// them. One lying inside a longer candidate that accounts for at least 80%
// of its occurrences is dropped (水共治 inside 五水共治). The score, higher
// first:
//
//	score = log2(1 + docs) · (0.5 + 2·quoted/freq + numeral + cohesion')
//
// where numeral is 1 for a numeral formula and 0 otherwise, and cohesion'
// is min(cohesion, 10)/20 (0 when not measured): spread across reports
// weighs most, then the writers' own marking of a phrase as a set
// expression (quotation marks), then the formula shape, then cohesion. A
// phrase only the n-gram detector proposes scores at most log2(1 + docs):
// most such phrases are ordinary wording (充分发挥, 各位代表), so they rank
// below the quoted and numeral candidates unless far more widespread.
type Discoverer struct {
	lex *lexicon.Lexicon
	opt Options

	docs []discDoc

	// seq is the Han text of all documents as character IDs (from 1), a 0
	// at every break and before every document; docEnd[i] is the end of
	// document i in seq.
	seq    []int32
	docEnd []int
	ids    map[rune]int32
	chars  []rune // ID → character; chars[0] is unused

	quoted map[string]bool // phrases seen between quotation marks
}

type discDoc struct {
	id   string
	meta reports.Meta
	text string // the searched part
}

// New returns a Discoverer that checks candidates against lex
// (nil: no lexicon). It returns an error for options out of range.
func New(lex *lexicon.Lexicon, opt Options) (*Discoverer, error) {
	if opt.MinDocs == 0 {
		opt.MinDocs = 3
	}
	if opt.MinDocs < 1 {
		return nil, fmt.Errorf("minimum number of reports must be 1 or more (got %d)", opt.MinDocs)
	}
	if opt.Width == 0 {
		opt.Width = 15
	}
	if opt.Width < 0 {
		return nil, fmt.Errorf("example width must be 0 or more (got %d)", opt.Width)
	}
	return &Discoverer{lex: lex, opt: opt, ids: map[rune]int32{}, chars: []rune{0}, quoted: map[string]bool{}}, nil
}

// Add records the searched part of d.
func (dv *Discoverer) Add(d *reports.Document) {
	text := d.PartText(dv.opt.Part)
	dv.docs = append(dv.docs, discDoc{id: d.ID, meta: d.Meta, text: text})
	dv.seq = append(dv.seq, 0)
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			if dv.seq[len(dv.seq)-1] != 0 {
				dv.seq = append(dv.seq, 0)
			}
			continue
		}
		id, ok := dv.ids[r]
		if !ok {
			id = int32(len(dv.chars))
			dv.ids[r] = id
			dv.chars = append(dv.chars, r)
		}
		dv.seq = append(dv.seq, id)
	}
	dv.docEnd = append(dv.docEnd, len(dv.seq))
	for _, q := range quotedPhrases(text) {
		dv.quoted[q] = true
	}
}

// quotedPhrases returns the phrases of text written between “…”, 「…」 or
// "…" that the quoted detector accepts (see Discoverer), in text order,
// with repeats. A quotation runs to the first closing mark on the same
// line; a longer one than 16 characters is skipped whole.
func quotedPhrases(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		closer := quoteCloser(r)
		if closer == 0 {
			continue
		}
		end := strings.IndexRune(text[i:], closer)
		if nl := strings.IndexByte(text[i:], '\n'); end < 0 || (nl >= 0 && nl < end) {
			continue
		}
		if q := text[i : i+end]; quotable(q) {
			out = append(out, q)
		}
		i += end + utf8.RuneLen(closer)
	}
	return out
}

// quoteCloser returns the closing mark of the quotation opened by r, or 0.
func quoteCloser(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '「':
		return '」'
	case '"':
		return '"'
	}
	return 0
}

// Candidates returns the candidates, best score first (ties by text).
// Candidates equal to a lexicon form are left out unless Options.All.
func (dv *Discoverer) Candidates() []Candidate {
	proposals := dv.ngramProposals()
	for q := range dv.quoted {
		p := proposals[q]
		p.source |= SourceQuoted
		proposals[q] = p
	}
	cands := pruneSubsumed(dv.measure(proposals))
	out := cands[:0]
	for _, c := range cands {
		c.Covered, c.Coverage = coverage(dv.lex, c.Text)
		if c.Coverage == CoverEqual && !dv.opt.All {
			continue
		}
		c.Score = discoverScore(c)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	return out
}

// discoverScore is the score of the Discoverer doc.
func discoverScore(c Candidate) float64 {
	w := 0.5
	if c.Freq > 0 {
		w += 2 * float64(c.Quoted) / float64(c.Freq)
	}
	if c.Source&SourceNumeral != 0 {
		w++
	}
	if !math.IsNaN(c.Cohesion) {
		w += math.Max(0, math.Min(c.Cohesion, 10)) / 20
	}
	return math.Log2(1+float64(c.Docs)) * w
}

// proposal is what the detectors learnt of a phrase before it is counted
// in the texts.
type proposal struct {
	source            Source
	cohesion, entropy float64
	measured          bool
}

// measure counts every proposed phrase in the texts and returns those found
// in at least MinDocs reports, sorted by text.
func (dv *Discoverer) measure(props map[string]proposal) []Candidate {
	entries := make([]lexicon.Entry, 0, len(props))
	for p := range props {
		entries = append(entries, lexicon.Entry{Slogan: p, Category: "discovered", File: "discover"})
	}
	slices.SortFunc(entries, func(a, b lexicon.Entry) int { return strings.Compare(a.Slogan, b.Slogan) })
	lex, _, err := lexicon.New(nil, entries)
	if err != nil {
		// The phrases are distinct non-empty runs of Han characters,
		// letters, digits, + · and -: valid forms.
		panic("discover: discover: " + err.Error())
	}
	if lex == nil {
		return nil
	}
	accs := make([]candAcc, len(lex.Entries))
	m := lex.Matcher()
	for di := range dv.docs {
		d := &dv.docs[di]
		seen := map[int]bool{}
		for _, mt := range m.Find(d.text) {
			a := &accs[mt.Entry]
			a.Freq++
			if isQuotedAt(d.text, mt.Start, mt.End) {
				a.Quoted++
			}
			if !seen[mt.Entry] {
				seen[mt.Entry] = true
				a.addDoc(di, d, mt)
			}
		}
	}
	var out []Candidate
	for i := range accs {
		a := &accs[i]
		if a.Docs < dv.opt.MinDocs {
			continue
		}
		c := a.Candidate
		c.Text = lex.Entries[i].Slogan
		p := props[c.Text]
		c.Source = p.source
		c.Cohesion, c.Entropy = math.NaN(), math.NaN()
		if p.measured {
			c.Cohesion, c.Entropy = p.cohesion, p.entropy
		}
		c.Regions = len(a.regions)
		ex := &dv.docs[a.exDoc]
		c.ExampleDoc = ex.id
		c.Left, c.Right = analysis.Context(ex.text, a.exStart, a.exEnd, dv.opt.Width)
		out = append(out, c)
	}
	return out
}

// candAcc accumulates a candidate's counts over the documents.
type candAcc struct {
	Candidate
	regions               map[string]bool
	exDoc, exStart, exEnd int
}

// addDoc records document di, in which the candidate first occurs at mt.
func (a *candAcc) addDoc(di int, d *discDoc, mt lexicon.Mention) {
	if a.Docs == 0 {
		a.regions = map[string]bool{}
		a.exDoc, a.exStart, a.exEnd = di, mt.Start, mt.End
	}
	a.Docs++
	if d.meta.Region != "" {
		a.regions[d.meta.Region] = true
	}
	y := d.meta.Year
	if y != 0 && (a.FirstYear == 0 || y < a.FirstYear) {
		// The earliest report so far: the example comes from it.
		a.FirstYear = y
		a.exDoc, a.exStart, a.exEnd = di, mt.Start, mt.End
	}
}

// isQuotedAt reports whether text[start:end] is enclosed in “…”, 「…」 or
// "…".
func isQuotedAt(text string, start, end int) bool {
	l, _ := utf8.DecodeLastRuneInString(text[:start])
	r, _ := utf8.DecodeRuneInString(text[end:])
	c := quoteCloser(l)
	return c != 0 && r == c
}

// pruneSubsumed drops every candidate lying inside a longer one whose
// occurrences make up at least 80% of its own. Each candidate's substrings
// are looked up, so the cost grows with the number of candidates, not its
// square.
func pruneSubsumed(cands []Candidate) []Candidate {
	freq := make(map[string]int, len(cands))
	for _, c := range cands {
		freq[c.Text] = c.Freq
	}
	drop := map[string]bool{}
	for _, l := range cands {
		r := []rune(l.Text)
		for i := range r {
			for j := i + 1; j <= len(r); j++ {
				if j-i == len(r) {
					continue
				}
				s := string(r[i:j])
				if f, ok := freq[s]; ok && float64(l.Freq) >= subsumedShare*float64(f) {
					drop[s] = true
				}
			}
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if !drop[c.Text] {
			out = append(out, c)
		}
	}
	return out
}

// coverage relates text to the lexicon: equal to a form, else inside one
// (the longest such form), else containing one (the longest); ties go to
// the first entry.
func coverage(lex *lexicon.Lexicon, text string) (string, Coverage) {
	if lex == nil {
		return "", CoverNone
	}
	if e, ok := lex.Lookup(text); ok {
		return lex.Entries[e].Slogan, CoverEqual
	}
	best, bestLen, how := "", 0, CoverNone
	for i := range lex.Entries {
		e := &lex.Entries[i]
		for _, f := range e.Forms() {
			var c Coverage
			switch {
			case strings.Contains(f, text):
				c = CoverInside
			case strings.Contains(text, f):
				c = CoverContains
			default:
				continue
			}
			if how == CoverNone || c < how || (c == how && len(f) > bestLen) {
				best, bestLen, how = e.Slogan, len(f), c
			}
		}
	}
	return best, how
}

// gramLevel holds the n-grams of one length found in at least MinDocs
// reports; the n-grams of length 1 are the character IDs themselves.
type gramLevel struct {
	ids map[uint64]int32 // prefix ID << 32 | last character ID → n-gram ID
	tf  []int32          // n-gram ID → occurrences (overlapping); −1 for a rare character
	rep []int32          // n-gram ID → position of its first occurrence in seq
}

// lookup returns the n-gram ID of w (character IDs) in levels, or −1 when
// w occurs in fewer than MinDocs reports.
func lookup(levels []gramLevel, w []int32) int32 {
	if len(w) == 0 || len(w) >= len(levels) {
		return -1
	}
	id := w[0]
	if levels[1].tf[id] < 0 {
		return -1
	}
	for l := 2; l <= len(w); l++ {
		next, ok := levels[l].ids[uint64(id)<<32|uint64(w[l-1])]
		if !ok {
			return -1
		}
		id = next
	}
	return id
}

// ngramProposals runs the numeral and n-gram detectors, and measures the
// cohesion and entropy of the quoted phrases among the n-grams.
func (dv *Discoverer) ngramProposals() map[string]proposal {
	props := map[string]proposal{}
	if len(dv.seq) == 0 {
		return props
	}
	levels := make([]gramLevel, ngramMax+1)
	prev := dv.countChars(&levels[1])
	total := 0
	for _, c := range dv.seq {
		if c != 0 {
			total++
		}
	}
	cur := make([]int32, len(dv.seq))
	for n := 2; n <= ngramMax; n++ {
		levels[n] = dv.countLevel(n, prev, cur)
		prev, cur = cur, prev
		if n >= ngramMin {
			dv.propose(props, levels, n, prev, float64(total))
		}
	}
	return props
}

// countChars counts the characters; those in fewer than MinDocs reports
// get tf −1. It returns each position's character ID, −1 at breaks and
// rare characters.
func (dv *Discoverer) countChars(lv *gramLevel) []int32 {
	n := len(dv.chars)
	lv.tf = make([]int32, n)
	lv.rep = make([]int32, n)
	df := make([]int32, n)
	last := make([]int32, n)
	for i := range last {
		last[i] = -1
	}
	doc := int32(0)
	for pos, c := range dv.seq {
		for pos >= dv.docEnd[doc] {
			doc++
		}
		if c == 0 {
			continue
		}
		if lv.tf[c] == 0 {
			lv.rep[c] = int32(pos)
		}
		lv.tf[c]++
		if last[c] != doc {
			last[c] = doc
			df[c]++
		}
	}
	for c := range lv.tf {
		if int(df[c]) < dv.opt.MinDocs {
			lv.tf[c] = -1
		}
	}
	ids := make([]int32, len(dv.seq))
	for pos, c := range dv.seq {
		ids[pos] = -1
		if c != 0 && lv.tf[c] >= 0 {
			ids[pos] = c
		}
	}
	return ids
}

// countLevel counts the n-grams whose two (n−1)-grams are known (prev holds
// their IDs by position) and keeps those in at least MinDocs reports,
// writing their IDs by position into cur (−1 elsewhere). IDs follow the
// order of first occurrence, so they are deterministic.
func (dv *Discoverer) countLevel(n int, prev, cur []int32) gramLevel {
	seq := dv.seq
	keys := map[uint64]int32{}
	var keyOf []uint64
	var tf, df, last, rep []int32
	doc := int32(0)
	for pos := range seq {
		for pos >= dv.docEnd[doc] {
			doc++
		}
		cur[pos] = -1
		if pos+n > len(seq) || prev[pos] < 0 || prev[pos+1] < 0 {
			continue
		}
		key := uint64(prev[pos])<<32 | uint64(seq[pos+n-1])
		id, ok := keys[key]
		if !ok {
			id = int32(len(tf))
			keys[key] = id
			keyOf = append(keyOf, key)
			tf, df, last, rep = append(tf, 0), append(df, 0), append(last, -1), append(rep, int32(pos))
		}
		tf[id]++
		if last[id] != doc {
			last[id] = doc
			df[id]++
		}
		cur[pos] = id
	}
	lv := gramLevel{ids: map[uint64]int32{}}
	remap := make([]int32, len(tf))
	for id := range tf {
		remap[id] = -1
		if int(df[id]) >= dv.opt.MinDocs {
			remap[id] = int32(len(lv.tf))
			lv.ids[keyOf[id]] = remap[id]
			lv.tf = append(lv.tf, tf[id])
			lv.rep = append(lv.rep, rep[id])
		}
	}
	for pos, id := range cur {
		if id >= 0 {
			cur[pos] = remap[id]
		}
	}
	return lv
}

// formulaNumerals are the characters that lead a numeral formula.
const formulaNumerals = "一二三四五六七八九十两双百千万"

// smallNumerals may lead a formula without a second numeral (四个全面),
// unlike 一 (一体化) and 百, 千, 万 (万平方米).
const smallNumerals = "二三四五六七八九十两双"

// notFormulaAfter are the characters that, right after leading numerals,
// make a quantity rather than a formula (三年, 两次, 一些, 十连冠).
const notFormulaAfter = "年月日天次是些批系般切起直定样致流线方步种份位名人元亿倍成期届周旬时分秒度层级类则点条处家所座台米吨亩户只件笔场轮季单股平瓦克公里余多连中"

// numeralIdioms are common idioms (成语) shaped like numeral formulas.
var numeralIdioms = map[string]bool{
	"千方百计": true, "千家万户": true, "千辛万苦": true, "千军万马": true, "千差万别": true, "千丝万缕": true,
	"千变万化": true, "千秋万代": true, "万水千山": true, "四面八方": true, "五湖四海": true, "七上八下": true,
	"三番五次": true, "三令五申": true, "三五成群": true, "一心一意": true, "一五一十": true, "一朝一夕": true,
	"一草一木": true, "一砖一瓦": true, "一言一行": true, "一点一滴": true, "一针一线": true, "一丝一毫": true,
	"一举一动": true, "一生一世": true, "十全十美": true, "百战百胜": true, "百发百中": true, "一差二错": true,
	"三位一体": true, "一分为二": true, "一举两得": true, "一箭双雕": true, "一石二鸟": true, "三心二意": true,
	"一穷二白": true, "四通八达": true, "七嘴八舌": true, "一干二净": true, "一清二楚": true, "五花八门": true,
	"九死一生": true, "十拿九稳": true, "一本万利": true, "百花齐放": true, "万无一失": true, "一五一十地": true,
}

// genericAfterSize are the nouns that, after N大 or N项, name a list that
// differs from report to report (五大行动, 十项工程) rather than a formula.
var genericAfterSize = []string{"行动", "工程", "任务", "举措", "措施", "产业", "中心", "领域", "板块", "平台", "项目", "工作", "体系", "行业", "目标", "重点", "功能", "基地", "活动", "计划", "专项"}

// startStop and endStop are the function characters an n-gram candidate
// may not start, respectively end, with.
const (
	startStop = "的了和与及并等之其或而也着过得地是在对把将被向从于就都还又更很所这那次"
	endStop   = "的了和与及并在对把将被为向从于以是而或也等就都还又更很要这那其之个上中下"
)

// quotable reports whether q is 2–16 characters, at least 60% Han, the rest
// letters, digits, + · or -.
func quotable(q string) bool {
	n, han := 0, 0
	for _, r := range q {
		n++
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)), r == '+', r == '·', r == '-':
		default:
			return false
		}
	}
	return n >= 2 && n <= quoteMaxRunes && han >= 2 && han*5 >= n*3 && !isQuantity([]rune(q))
}

// isQuantity reports whether w starts with numerals followed by a unit or
// time word, with no second numeral further on (三年, 十连冠, 万平方米; not
// 一件事一次办), or by one of datingUnits.
func isQuantity(w []rune) bool {
	m := 0
	for m < len(w) && strings.ContainsRune(formulaNumerals, w[m]) {
		m++
	}
	if m == 0 || m == len(w) {
		return false
	}
	return strings.ContainsRune(datingUnits, w[m]) || (strings.ContainsRune(notFormulaAfter, w[m]) && !renumbered(w, m))
}

// datingUnits make a quantity even with a second numeral after them
// (二十届二中全会, 一年一度).
const datingUnits = "届年月日"

// renumbered reports whether a numeral follows a non-numeral in w[m:].
func renumbered(w []rune, m int) bool {
	for i := m + 1; i < len(w); i++ {
		if strings.ContainsRune(formulaNumerals, w[i]) && !strings.ContainsRune(formulaNumerals, w[i-1]) {
			return true
		}
	}
	return false
}

// isNumeralFormula reports whether w has the shape of a numeral formula
// (see Discoverer).
func isNumeralFormula(w []rune) bool {
	if len(w) < 3 || !strings.ContainsRune(formulaNumerals, w[0]) {
		return false
	}
	m := 0
	for m < len(w) && strings.ContainsRune(formulaNumerals, w[m]) {
		m++
	}
	switch {
	case m == len(w) || isQuantity(w) || numeralIdioms[string(w)]:
		return false
	case len(w) == 3 && w[0] == w[2]:
		return false // 一对一, 面对面 with numerals
	case renumbered(w, m):
		return true // 一带一路, 三改一拆, 一件事一次办
	case !strings.ContainsRune(smallNumerals, w[0]):
		return false
	case m == 2 && w[0] == w[1]:
		return true // 八八战略
	case m != 1:
		return false
	case strings.ContainsRune("个大项", w[1]):
		return len(w) >= 4 && (w[1] == '个' || !slices.Contains(genericAfterSize, string(w[2:]))) // 四个全面, 三大攻坚战
	}
	return len(w) <= 6 // 五水共治
}

// propose measures the n-grams of length n (IDs by position in ids) and
// adds the proposals of the numeral and n-gram detectors, and the measures
// of quoted phrases, to props.
func (dv *Discoverer) propose(props map[string]proposal, levels []gramLevel, n int, ids []int32, total float64) {
	lv := &levels[n]
	var wanted []gramWant
	slot := make([]int32, len(lv.tf)) // n-gram ID → index into wanted, or −1
	w := make([]int32, n)
	r := make([]rune, n)
	for id := range lv.tf {
		slot[id] = -1
		copy(w, dv.seq[lv.rep[id]:int(lv.rep[id])+n])
		for i, c := range w {
			r[i] = dv.chars[c]
		}
		text := string(r)
		wt := gramWant{text: text, tf: lv.tf[id], cohesion: cohesion(levels, w, float64(lv.tf[id]), total)}
		wt.ngram = wt.cohesion >= minCohesion && !strings.ContainsRune(startStop, r[0]) && !strings.ContainsRune(endStop, r[n-1]) && !isQuantity(r)
		wt.numeral = isNumeralFormula(r)
		if wt.ngram || wt.numeral || dv.quoted[text] {
			slot[id] = int32(len(wanted))
			wanted = append(wanted, wt)
		}
	}
	dv.branching(n, ids, slot, wanted)
	for _, wt := range wanted {
		p := props[wt.text]
		p.cohesion, p.entropy, p.measured = wt.cohesion, wt.entropy, true
		if wt.ngram && wt.entropy >= minEntropy {
			p.source |= SourceNgram
		}
		if wt.numeral && wt.entropy >= minEntropy {
			p.source |= SourceNumeral
		}
		if p.source != 0 || dv.quoted[wt.text] {
			props[wt.text] = p
		}
	}
}

// gramWant is an n-gram being measured.
type gramWant struct {
	text              string
	tf                int32
	ngram, numeral    bool
	cohesion, entropy float64
}

// cohesion returns the smallest PMI (bits) of w over its split points; every
// part of w is known since w is.
func cohesion(levels []gramLevel, w []int32, tf, total float64) float64 {
	best := math.Inf(1)
	for k := 1; k < len(w); k++ {
		a := levels[k].tf[lookup(levels, w[:k])]
		b := levels[len(w)-k].tf[lookup(levels, w[k:])]
		pmi := math.Log2(tf * total / (float64(a) * float64(b)))
		best = math.Min(best, pmi)
	}
	return best
}

// branching sets the entropy of every wanted n-gram: the smaller of the
// entropies of the characters before and after its occurrences, a break
// counting as a neighbour seen once. With N occurrences and k_c of them
// next to character c,
//
//	H = log2 N − (1/N) Σ_c k_c log2 k_c
//
// (breaks, each seen once, add 1·log2 1 = 0 to the sum).
func (dv *Discoverer) branching(n int, ids, slot []int32, wanted []gramWant) {
	left, right := map[uint64]int32{}, map[uint64]int32{}
	for pos, id := range ids {
		if id < 0 || slot[id] < 0 {
			continue
		}
		s := uint64(slot[id]) << 32
		if c := dv.seq[pos-1]; c != 0 { // seq starts with a break, so pos ≥ 1
			left[s|uint64(c)]++
		}
		if pos+n < len(dv.seq) && dv.seq[pos+n] != 0 {
			right[s|uint64(dv.seq[pos+n])]++
		}
	}
	sum := func(m map[uint64]int32) []float64 {
		out := make([]float64, len(wanted))
		for key, k := range m {
			out[key>>32] += float64(k) * math.Log2(float64(k))
		}
		return out
	}
	sl, sr := sum(left), sum(right)
	for i := range wanted {
		nn := float64(wanted[i].tf)
		hl := math.Log2(nn) - sl[i]/nn
		hr := math.Log2(nn) - sr[i]/nn
		wanted[i].entropy = math.Max(0, math.Min(hl, hr))
	}
}

// ByCloseness returns cands and their closeness to a category (near[i]
// for cands[i]; NaN: unknown) sorted by closeness, largest first, the
// unknown last, ties in the order given (best score first).
func ByCloseness(cands []Candidate, near []float64) ([]Candidate, []float64) {
	if len(near) != len(cands) {
		panic(fmt.Sprintf("discover: %d closeness values for %d candidates", len(near), len(cands)))
	}
	idx := make([]int, len(cands))
	for i := range idx {
		idx[i] = i
	}
	key := func(i int) float64 {
		if math.IsNaN(near[i]) {
			return math.Inf(-1)
		}
		return near[i]
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(key(b), key(a)) })
	outC, outN := make([]Candidate, len(idx)), make([]float64, len(idx))
	for k, i := range idx {
		outC[k], outN[k] = cands[i], near[i]
	}
	return outC, outN
}
