package analysis

import (
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/reports"
)

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
