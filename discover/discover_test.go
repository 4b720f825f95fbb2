package discover

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tifa-project/tifa/internal/testkit"

	"github.com/tifa-project/tifa/reports"
)

func TestQuotedPhrases(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"curly", "深入推进“五水共治”和“三改一拆”。", []string{"五水共治", "三改一拆"}},
		{"corner and ascii", "「最多跑一次」改革，\"双招双引\"", []string{"最多跑一次", "双招双引"}},
		{"with plus and letters", "实施“互联网+”行动，建设“5G+工业互联网”", []string{"互联网+", "5G+工业互联网"}},
		{"too short", "“稳”字当头", nil},
		{"too long skipped whole", "他说“这是一段非常非常非常非常长的引用文字内容”然后“六稳”", []string{"六稳"}},
		{"sentence inside", "“稳就业，保民生”", nil},
		{"mostly latin", "“5G网络建设”“PPP模式”", []string{"5G网络建设"}},
		{"quantity", "连续“十连冠”，“三年”行动，“一件事一次办”", []string{"一件事一次办"}},
		{"unclosed", "“五水共治", nil},
		{"not across lines", "“五水\n共治”", nil},
		{"ascii pairs in order", "\"两山\"理念和\"千万工程\"", []string{"两山", "千万工程"}},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := quotedPhrases(c.text)
			if !slices.Equal(got, c.want) {
				t.Errorf("quotedPhrases(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestIsNumeralFormula(t *testing.T) {
	cases := []struct {
		w    string
		want bool
	}{
		{"三改一拆", true}, {"六稳六保", true}, {"五水共治", true}, {"双招双引", true}, {"八八战略", true},
		{"四个全面", true}, {"一带一路", true}, {"一件事一次办", true}, {"三大攻坚战", true}, {"两山", false},
		{"一体化", false}, {"三年行动", false}, {"十连冠", false}, {"万平方米", false}, {"千方百计", false},
		{"一对一", false}, {"五大行动", false}, {"二十届二中", false}, {"十四五", false}, {"进一步", false},
		{"两个维护", true}, {"百县千碗", true},
	}
	for _, c := range cases {
		t.Run(c.w, func(t *testing.T) {
			if got := isNumeralFormula([]rune(c.w)); got != c.want {
				t.Errorf("isNumeralFormula(%s) = %v, want %v", c.w, got, c.want)
			}
		})
	}
}

func TestCoverage(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"六稳六保"}, []string{"六稳"}, []string{"五水共治", "治水"}, []string{"最多跑一次"})
	cases := []struct {
		text, entry string
		how         Coverage
	}{
		{"五水共治", "五水共治", CoverEqual},
		{"治水", "五水共治", CoverEqual},        // an alias names its entry
		{"稳六", "六稳六保", CoverInside},       // inside beats contains
		{"六稳", "六稳", CoverEqual},          // equal beats inside
		{"六稳六保工作", "六稳六保", CoverContains}, // the longest form contained
		{"跑一次", "最多跑一次", CoverInside},
		{"乡村振兴", "", CoverNone},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			entry, how := coverage(lex, c.text)
			if entry != c.entry || how != c.how {
				t.Errorf("coverage(%s) = %s %q, want %s %q", c.text, how, entry, c.how, c.entry)
			}
		})
	}
	if e, how := coverage(nil, "六稳"); e != "" || how != CoverNone {
		t.Errorf("nil lexicon: %s %q", how, e)
	}
}

func TestSourceString(t *testing.T) {
	cases := map[Source]string{0: "", SourceQuoted: "quoted", SourceQuoted | SourceNgram: "quoted|ngram",
		SourceQuoted | SourceNumeral | SourceNgram: "quoted|numeral|ngram"}
	for s, want := range cases {
		if got := s.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", s, got, want)
		}
	}
}

// discDocs builds documents from texts, with years from 2018 on and regions
// cycling through three names.
func discDocs(texts ...string) []*reports.Document {
	regions := []string{"云溪镇", "白沙镇", "青溪县"}
	var docs []*reports.Document
	for i, t := range texts {
		docs = append(docs, &reports.Document{ID: fmt.Sprintf("d%d", i+1), Text: t,
			Meta: reports.Meta{Region: regions[i%3], Year: 2018 + i}})
	}
	return docs
}

// TestCohesionEntropy checks the two measures against a hand computation.
// Oracle: 五水共治 occurs 3 times among T = 17 Han characters, each of its
// characters 3 times, so every split has PMI log2(3·17/(3·3)) = log2(17/3);
// its left neighbours 甲 丙 戊 and right neighbours 乙 丁 and a break are
// all distinct: entropy log2 3 on both sides.
func TestCohesionEntropy(t *testing.T) {
	dv, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range discDocs("甲五水共治乙", "丙五水共治丁", "戊五水共治。") {
		dv.Add(d)
	}
	props := dv.ngramProposals()
	p, ok := props["五水共治"]
	if !ok || !p.measured {
		t.Fatalf("五水共治 not measured: %+v", props)
	}
	const tol = 1e-12
	if want := math.Log2(17.0 / 3); math.Abs(p.cohesion-want) > tol {
		t.Errorf("cohesion %.15f, want log2(17/3) = %.15f", p.cohesion, want)
	}
	if want := math.Log2(3); math.Abs(p.entropy-want) > tol {
		t.Errorf("entropy %.15f, want log2 3 = %.15f", p.entropy, want)
	}
	// The fragments have a single neighbour on one side: entropy 0.
	if q := props["五水共"]; q.source != 0 {
		t.Errorf("五水共 proposed by %s with entropy %.3f", q.source, q.entropy)
	}
}

func TestDiscover(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"乡村振兴"})
	docs := discDocs(
		"推进“五水共治”，实施乡村振兴战略。今年推进五水共治。",
		"坚持五水共治不动摇，抓好“八八战略”落实，推动乡村振兴发展。",
		"深化五水共治，全面乡村振兴，践行八八战略要求。",
		"以五水共治倒逼转型，乡村振兴成效明显，八八战略引领。",
	)
	run := func(opt Options) map[string]Candidate {
		dv, err := New(lex, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			dv.Add(d)
		}
		out := map[string]Candidate{}
		for _, c := range dv.Candidates() {
			out[c.Text] = c
		}
		return out
	}
	got := run(Options{})
	c, ok := got["五水共治"]
	if !ok {
		t.Fatalf("五水共治 not found; candidates: %v", keys(got))
	}
	want := Candidate{Text: "五水共治", Source: SourceQuoted | SourceNumeral | SourceNgram, Freq: 5, Quoted: 1, Docs: 4,
		Regions: 3, FirstYear: 2018, ExampleDoc: "d1", Left: "推进“", Right: "”，实施乡村振兴战略。今年推进"}
	if c.Text != want.Text || c.Source != want.Source || c.Freq != want.Freq || c.Quoted != want.Quoted || c.Docs != want.Docs ||
		c.Regions != want.Regions || c.FirstYear != want.FirstYear || c.ExampleDoc != want.ExampleDoc || c.Left != want.Left || c.Right != want.Right {
		t.Errorf("五水共治:\n got %+v\nwant %+v", c, want)
	}
	if b, ok := got["八八战略"]; !ok || b.Docs != 3 || b.FirstYear != 2019 || b.Source&SourceNumeral == 0 {
		t.Errorf("八八战略: %+v (found %v)", b, ok)
	}
	for _, frag := range []string{"五水共", "水共治", "八八战"} {
		if _, ok := got[frag]; ok {
			t.Errorf("fragment %s kept", frag)
		}
	}
	if _, ok := got["乡村振兴"]; ok {
		t.Error("乡村振兴 equals a lexicon form: want it left out without All")
	}
	all := run(Options{All: true})
	if c, ok := all["乡村振兴"]; !ok || c.Coverage != CoverEqual || c.Covered != "乡村振兴" {
		t.Errorf("with All, 乡村振兴: %+v (found %v)", c, ok)
	}
	if strict := run(Options{MinDocs: 5}); len(strict) != 0 {
		t.Errorf("MinDocs 5 of 4 reports: %v", keys(strict))
	}
}

func keys(m map[string]Candidate) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestDiscoverOrderAndEmpty(t *testing.T) {
	dv, _ := New(nil, Options{})
	if got := dv.Candidates(); len(got) != 0 {
		t.Errorf("no documents: %v", got)
	}
	for _, d := range discDocs("", "", "") {
		dv.Add(d)
	}
	if got := dv.Candidates(); len(got) != 0 {
		t.Errorf("empty documents: %v", got)
	}
	if _, err := New(nil, Options{MinDocs: -1}); err == nil {
		t.Error("MinDocs −1: no error")
	}
	if _, err := New(nil, Options{Width: -2}); err == nil {
		t.Error("Width −2: no error")
	}
}

func TestPruneSubsumed(t *testing.T) {
	cases := []struct {
		name string
		in   map[string]int // text → freq
		want []string
	}{
		{"fragments of a formula", map[string]int{"五水共治": 10, "五水共": 11, "水共治": 12}, []string{"五水共治"}},
		{"a part used on its own", map[string]int{"六稳六保": 10, "六稳": 30}, []string{"六稳", "六稳六保"}},
		{"exactly 80%", map[string]int{"双招双引": 8, "招双引": 10}, []string{"双招双引"}},
		{"chain", map[string]int{"一带一路倡议": 9, "一带一路": 10, "带一路": 10}, []string{"一带一路倡议"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var in []Candidate
			for text, f := range c.in {
				in = append(in, Candidate{Text: text, Freq: f})
			}
			var got []string
			for _, x := range pruneSubsumed(in) {
				got = append(got, x.Text)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestDiscoverScore checks the score against hand computations.
func TestDiscoverScore(t *testing.T) {
	cases := []struct {
		name string
		c    Candidate
		want float64
	}{
		// log2(1+7) · (0.5 + 2·4/8 + 1 + 6/20) = 3 · 2.8
		{"quoted numeral", Candidate{Docs: 7, Freq: 8, Quoted: 4, Source: SourceQuoted | SourceNumeral, Cohesion: 6}, 8.4},
		// log2(1+3) · (0.5 + 0 + 0 + 10/20): cohesion capped at 10
		{"ngram", Candidate{Docs: 3, Freq: 9, Source: SourceNgram, Cohesion: 14}, 2},
		// log2(1+1) · (0.5 + 2·1): cohesion not measured
		{"unmeasured", Candidate{Docs: 1, Freq: 2, Quoted: 2, Source: SourceQuoted, Cohesion: math.NaN()}, 2.5},
		{"negative cohesion counts 0", Candidate{Docs: 1, Freq: 1, Cohesion: -3}, 0.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := discoverScore(c.c); math.Abs(got-c.want) > 1e-12 {
				t.Errorf("score %.15f, want %.15f", got, c.want)
			}
		})
	}
}

func FuzzQuotedPhrases(f *testing.F) {
	for _, s := range []string{"“五水共治”", "「最多跑一次」\"两山\"", "“”", "\"\"\"", "“六稳\n六保”", "“\xff\xfe”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range quotedPhrases(text) {
			if !quotable(q) || !strings.Contains(text, q) {
				t.Fatalf("phrase %q of %q", q, text)
			}
			if n := utf8.RuneCountInString(q); n < 2 || n > quoteMaxRunes {
				t.Fatalf("phrase %q has %d characters", q, n)
			}
		}
	})
}

func ExampleDiscoverer() {
	dv, _ := New(nil, Options{})
	for i, text := range []string{
		"深入推进“三改一拆”，建设美丽乡村。",
		"持续开展三改一拆行动，美丽乡村建设成效明显。",
		"以三改一拆为抓手，打造美丽乡村样板。",
	} {
		dv.Add(&reports.Document{ID: fmt.Sprint("report", i+1), Text: text, Meta: reports.Meta{Year: 2014 + i}})
	}
	for _, c := range dv.Candidates() {
		fmt.Printf("%s %s freq=%d quoted=%d reports=%d first=%d %s【%s】%s\n",
			c.Text, c.Source, c.Freq, c.Quoted, c.Docs, c.FirstYear, c.Left, c.Text, c.Right)
	}
	// Output:
	// 三改一拆 quoted|numeral|ngram freq=3 quoted=1 reports=3 first=2014 深入推进“【三改一拆】”，建设美丽乡村。
	// 美丽乡村 ngram freq=3 quoted=0 reports=3 first=2014 深入推进“三改一拆”，建设【美丽乡村】。
}

// BenchmarkDiscover runs discovery over the State Council's reports
// (skipped without ../shared/corpus); MB/s is of cleaned text.
func BenchmarkDiscover(b *testing.B) {
	docs, size := testkit.CorpusDocs(b, "national")
	lex := testkit.Builtin(b)
	b.SetBytes(size)
	for b.Loop() {
		dv, _ := New(lex, Options{All: true})
		for _, d := range docs {
			dv.Add(d)
		}
		found := false
		for _, c := range dv.Candidates() {
			found = found || c.Text == "一国两制"
		}
		if !found {
			b.Fatal("一国两制 not among the candidates")
		}
	}
}

func TestByCloseness(t *testing.T) {
	// Oracle: by hand; NaN last, ties keep their order.
	cands := []Candidate{{Text: "a"}, {Text: "b"}, {Text: "c"}, {Text: "d"}}
	got, near := ByCloseness(cands, []float64{0.2, math.NaN(), 0.5, 0.2})
	var texts []string
	for _, c := range got {
		texts = append(texts, c.Text)
	}
	if strings.Join(texts, "") != "cadb" || near[0] != 0.5 || !math.IsNaN(near[3]) {
		t.Errorf("order %v, closeness %v; want c a d b", texts, near)
	}
}
