package analysis

import (
	"math"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"

	"github.com/tifa-project/tifa/reports"
)

func TestParseFilter(t *testing.T) {
	meta := reports.Meta{Region: "浙江", Level: "province", Year: 2017, Extra: map[string]string{"county": "青溪县"}}
	cases := []struct {
		specs []string
		match bool
	}{
		{[]string{"region=浙江"}, true},
		{[]string{"region=江苏|浙江"}, true},
		{[]string{"region=江苏"}, false},
		{[]string{"year=2015..2019"}, true},
		{[]string{"year=2018.."}, false},
		{[]string{"year=..2017"}, true},
		{[]string{"year=2017"}, true},
		{[]string{"region=浙江,level=province"}, true},
		{[]string{"region=浙江", "level=county"}, false},
		{[]string{"county=青溪县"}, true},
		{[]string{"doc=national/*"}, false},
		{[]string{"doc=provincial/*"}, true},
	}
	for _, c := range cases {
		f, err := ParseFilter(c.specs)
		if err != nil {
			t.Errorf("%v: %v", c.specs, err)
			continue
		}
		if got := f.Match("provincial/浙江_2017.txt", meta); got != c.match {
			t.Errorf("%v: Match = %v, want %v", c.specs, got, c.match)
		}
	}
	bad := [][]string{nil, {"region"}, {"=浙江"}, {"year=abc"}, {"year=2020..2010"}, {"level=village"}}
	for _, b := range bad {
		if _, err := ParseFilter(b); err == nil {
			t.Errorf("%v: no error", b)
		}
	}
	if f, _ := ParseFilter([]string{"year=2020"}); f.Match("x", reports.Meta{}) {
		t.Error("a document without a year matched year=2020")
	}
}

func TestCompare(t *testing.T) {
	m := &Matrix{
		Space:   SpaceSlogans,
		Terms:   []string{"甲", "乙", "丙"},
		Entries: []int{0, 1, 2},
		Units:   []Unit{{ID: "a1", Chars: 1000}, {ID: "a2", Chars: 1000}, {ID: "b1", Chars: 2000}},
		Counts:  sparse.FromDense([][]float64{{10, 1, 0}, {10, 1, 0}, {2, 4, 0}}),
	}
	a, b, keys := Compare(m, []bool{true, true, false}, []bool{false, false, true})
	if a.Docs != 2 || b.Docs != 1 || a.Chars != 2000 || b.Chars != 2000 {
		t.Errorf("sides %+v %+v", a, b)
	}
	if len(keys) != 2 {
		t.Fatalf("got %d terms, want 2 (丙 is absent from both sides)", len(keys))
	}
	// 甲: a = 20, b = 2, na = nb = 2000: E1 = E2 = 11,
	// G² = 2(20 ln(20/11) + 2 ln(2/11)) = 2(11.9568 − 3.4095) = 17.0947.
	k := keys[0]
	if m.Terms[k.Col] != "甲" || math.Abs(k.G2-17.0947) > 1e-3 || k.P > 0.001 {
		t.Errorf("first key %s g2 %v p %v, want 甲 17.0947 p < 0.001", m.Terms[k.Col], k.G2, k.P)
	}
	if math.Abs(k.Per10kA-100) > 1e-9 || math.Abs(k.Per10kB-10) > 1e-9 {
		t.Errorf("per10k %v %v, want 100 and 10", k.Per10kA, k.Per10kB)
	}
	if keys[1].G2 >= 0 {
		t.Errorf("乙 is more frequent in B: g2 %v should be negative", keys[1].G2)
	}
}

func TestKWIC(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"六稳"}, []string{"六稳六保"}, []string{"乡村振兴", "乡村振兴战略"})
	d := testkit.Doc("a", 2020, "序言。", "做好六稳六保工作，\n实施乡村振兴战略。", "推进“六稳”。")
	cases := []struct {
		name, term string
		part       reports.Part
		width      int
		want       []Hit // only Left, Term, Right, Part compared
	}{
		{"entry in all parts", "六稳", reports.PartAll, 3, []Hit{
			{Left: "。做好", Term: "六稳", Right: "六保工", Part: reports.PartReview},
			{Left: "推进“", Term: "六稳", Right: "”。", Part: reports.PartPlan},
		}},
		{"alias finds the entry", "乡村振兴", reports.PartReview, 2, []Hit{
			{Left: "实施", Term: "乡村振兴战略", Right: "。推", Part: reports.PartReview},
		}},
		{"literal, context across a line break", "工作", reports.PartAll, 3, []Hit{{Left: "稳六保", Term: "工作", Right: "， 实", Part: reports.PartReview}}},
		{"plan only", "六稳", reports.PartPlan, 0, []Hit{{Term: "六稳", Part: reports.PartPlan}}},
		{"nothing", "共同富裕", reports.PartAll, 5, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits := NewFinder(lex, c.term).KWIC(d, c.part, c.width)
			if len(hits) != len(c.want) {
				t.Fatalf("got %d hits %+v, want %d", len(hits), hits, len(c.want))
			}
			for i, w := range c.want {
				h := hits[i]
				if h.Left != w.Left || h.Term != w.Term || h.Right != w.Right || h.Part != w.Part {
					t.Errorf("hit %d = %q|%q|%q (%v), want %q|%q|%q (%v)", i, h.Left, h.Term, h.Right, h.Part, w.Left, w.Term, w.Right, w.Part)
				}
				if d.Text[h.Start:h.End] != h.Term {
					t.Errorf("hit %d span does not hold its term", i)
				}
			}
		})
	}
}
