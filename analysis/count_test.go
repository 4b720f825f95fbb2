package analysis

import (
	"math"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"

	"github.com/tifa-project/tifa/reports"
)

func TestCount(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"六稳"}, []string{"六保"}, []string{"六稳六保"}, []string{"乡村振兴", "乡村振兴战略"})
	d := testkit.Doc("a", 2020, "各位代表：", "做好六稳六保工作，实施乡村振兴战略。", "做好“六稳”工作，落实“六保”任务，推进乡村振兴。")
	cases := []struct {
		name  string
		part  reports.Part
		want  map[string][2]int // slogan → count, nested
		chars int
	}{
		{"all", reports.PartAll, map[string][2]int{"六稳": {2, 1}, "六保": {2, 1}, "六稳六保": {1, 0}, "乡村振兴": {2, 0}}, 38},
		{"review", reports.PartReview, map[string][2]int{"六稳": {1, 1}, "六保": {1, 1}, "六稳六保": {1, 0}, "乡村振兴": {1, 0}}, 16},
		{"plan", reports.PartPlan, map[string][2]int{"六稳": {1, 0}, "六保": {1, 0}, "乡村振兴": {1, 0}}, 18},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dc := NewCounter(lex, c.part).Count(d)
			if dc.Chars != c.chars {
				t.Errorf("chars = %d, want %d", dc.Chars, c.chars)
			}
			got := map[string][2]int{}
			for _, sc := range dc.Slogans {
				got[lex.Entries[sc.Entry].Slogan] = [2]int{sc.Count, sc.Nested}
			}
			if len(got) != len(c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			for s, w := range c.want {
				if got[s] != w {
					t.Errorf("%s: (count, nested) = %v, want %v", s, got[s], w)
				}
			}
		})
	}
}

func TestPer10k(t *testing.T) {
	cases := []struct {
		count, chars int
		want         float64
	}{
		{3, 10000, 3},
		{1, 2500, 4},
		{5, 0, 0}, // no text: 0, never NaN or Inf
		{0, 0, 0},
	}
	for _, c := range cases {
		if got := Per10k(c.count, c.chars); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Per10k(%d, %d) = %v, want %v", c.count, c.chars, got, c.want)
		}
	}
}

func TestRankEntries(t *testing.T) {
	dcs := []DocCount{
		{Slogans: []SloganCount{{Entry: 0, Count: 1}, {Entry: 2, Count: 5}}},
		{Slogans: []SloganCount{{Entry: 1, Count: 3}, {Entry: 2, Count: 1}}},
		{Slogans: []SloganCount{{Entry: 0, Count: 2}}},
	}
	got := RankEntries(dcs)
	want := []int{2, 0, 1} // totals 6, 3, 3: ties by index
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func BenchmarkCount(b *testing.B) {
	lex := testkit.Lexicon(b, []string{"六稳"}, []string{"六保"}, []string{"六稳六保"}, []string{"乡村振兴", "乡村振兴战略"})
	text := ""
	for len(text) < 1<<20 {
		text += "做好六稳六保工作，实施乡村振兴战略，推动经济社会高质量发展，全力以赴稳增长、促改革、调结构、惠民生、防风险。"
	}
	d := testkit.Doc("a", 2020, "", text, "")
	c := NewCounter(lex, reports.PartAll)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if dc := c.Count(d); len(dc.Slogans) != 4 {
			b.Fatalf("got %d slogans", len(dc.Slogans))
		}
	}
}
