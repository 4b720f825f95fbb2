package audit

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

func testLexicon(t testing.TB, specs ...string) *lexicon.Lexicon {
	t.Helper()
	var text strings.Builder
	for _, s := range specs {
		text.WriteString(s + "\n")
	}
	entries, err := lexicon.Parse("test.txt", strings.NewReader("[economy]\n"+text.String()))
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := lexicon.New(nil, entries)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// docs returns n documents, each mentioning 六稳 k times and 六稳六保 once,
// the last one in a plan section.
func docs(n, k int) []*reports.Document {
	var out []*reports.Document
	for i := range n {
		var b strings.Builder
		b.WriteString("一、回顾\n")
		for j := range k {
			fmt.Fprintf(&b, "第%d条，做好六稳工作。\n", j)
		}
		plan := b.Len()
		b.WriteString("二、安排\n坚持“六稳”“六保”。")
		d := &reports.Document{ID: fmt.Sprintf("d%03d.txt", i), Text: b.String(),
			Meta: reports.Meta{Region: "青溪县", Level: "county", Year: 2020 + i%3}}
		d.Sections = []reports.Section{{Part: reports.PartReview, Start: 0, End: plan}, {Part: reports.PartPlan, Start: plan, End: len(d.Text)}}
		out = append(out, d)
	}
	return out
}

func sample(l *lexicon.Lexicon, ds []*reports.Document, n int, seed uint64, p reports.Part, only []int) []Line {
	s := NewSampler(l, n, seed, 4, only)
	for _, d := range ds {
		s.Add(d, p)
	}
	return s.Lines()
}

func TestSampler(t *testing.T) {
	l := testLexicon(t, "六稳", "六稳六保|六稳、六保")
	ds := docs(30, 5)
	got := sample(l, ds, 4, 7, reports.PartAll, nil)
	if len(got) != 8 {
		t.Fatalf("%d lines, want 4 of each entry", len(got))
	}
	for i, x := range got {
		d := ds[slices.IndexFunc(ds, func(d *reports.Document) bool { return d.ID == x.Doc })]
		if want := []int{180, 30}[i/4]; x.Mentions != want {
			t.Errorf("line %d: mentions %d, want %d", i, x.Mentions, want)
		}
		if x.Entry != []string{"六稳", "六稳六保"}[i/4] || x.Category != "economy" || x.Region != "青溪县" || x.Year != d.Meta.Year {
			t.Errorf("line %d: %+v", i, x)
		}
		if !strings.HasPrefix(d.Text[x.Offset:], x.Match) || !strings.HasSuffix(d.Text[:x.Offset], x.Left) ||
			!strings.HasPrefix(d.Text[x.Offset+len(x.Match):], x.Right) {
			t.Errorf("line %d: match or context is not the text at offset %d: %+v", i, x.Offset, x)
		}
		if want := strings.Count(d.Text[:x.Offset], "\n") + 1; x.TextLine != want {
			t.Errorf("line %d: text line %d, want %d", i, x.TextLine, want)
		}
	}
	if x := got[4]; x.Match != "六稳”“六保" || x.Form != "六稳六保" || x.Left != "坚持“" || x.Right != "”。" {
		t.Errorf("compound line: %+v", x)
	}
	if x := got[0]; x.Form != "六稳" || len([]rune(x.Left)) > 4 || len([]rune(x.Right)) > 4 {
		t.Errorf("plain line: %+v", x)
	}
	// Deterministic: the same seed draws the same lines whatever the order
	// of the documents; another seed draws others.
	rev := slices.Clone(ds)
	slices.Reverse(rev)
	if again := sample(l, rev, 4, 7, reports.PartAll, nil); !slices.Equal(again, got) {
		t.Error("the order of the documents changes the sample")
	}
	if other := sample(l, ds, 4, 8, reports.PartAll, nil); slices.Equal(other, got) {
		t.Error("seeds 7 and 8 draw the same lines")
	}
	// Fewer mentions than n: all of them (六稳 6 times a document, once
	// inside 六稳六保).
	if all := sample(l, ds[:2], 100, 7, reports.PartAll, nil); len(all) != 14 {
		t.Errorf("n larger than the mentions: %d lines, want all 14", len(all))
	}
	// Parts and entries.
	plan := sample(l, ds, 100, 7, reports.PartPlan, []int{1})
	if len(plan) != 30 || plan[0].Mentions != 30 || plan[0].Entry != "六稳六保" {
		t.Errorf("plan, 六稳六保 only: %d lines, first %+v", len(plan), plan[0])
	}
	if review := sample(l, ds, 100, 7, reports.PartReview, nil); len(review) != 100 || review[0].Mentions != 150 {
		t.Errorf("review: %d lines, mentions %d; want 100 lines of 150 mentions", len(review), review[0].Mentions)
	}
}

// TestSamplerUniform checks that each mention is drawn with the same
// chance: over 2,000 seeds, 2 of 12 mentions each time, every mention is
// drawn 333 times give or take a chi-squared test at the 0.1 % level
// (11 degrees of freedom: 31.26).
func TestSamplerUniform(t *testing.T) {
	l := testLexicon(t, "六稳")
	ds := docs(2, 5)
	seen := map[string]int{}
	const seeds = 2000
	for seed := range uint64(seeds) {
		for _, x := range sample(l, ds, 2, seed, reports.PartAll, nil) {
			seen[fmt.Sprint(x.Doc, x.Offset)]++
		}
	}
	if len(seen) != 12 {
		t.Fatalf("%d distinct mentions drawn, want 12", len(seen))
	}
	chi2, want := 0.0, float64(seeds*2)/12
	for _, n := range seen {
		chi2 += (float64(n) - want) * (float64(n) - want) / want
	}
	if chi2 > 31.26 || math.IsNaN(chi2) {
		t.Errorf("chi² = %.1f over %v: not uniform", chi2, seen)
	}
}

func TestNewSamplerPanics(t *testing.T) {
	l := testLexicon(t, "六稳")
	for _, n := range []int{0, -1} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "audit: ") {
					t.Errorf("NewSampler(n=%d) did not panic with the package prefix: %v", n, r)
				}
			}()
			NewSampler(l, n, 1, 4, nil)
		}()
	}
}

func TestSampleSummary(t *testing.T) {
	lines := []Line{{Entry: "河长制"}, {Entry: "河长制"}, {Entry: "新常态"}}
	want := "3 lines of 2 entries drawn: write yes or no in the verdict column, then run tifa lexicon audit FILE"
	if got := SampleSummary(lines); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := SampleSummary(nil); !strings.HasPrefix(got, "0 lines of 0 entries drawn") {
		t.Errorf("no line: %q", got)
	}
	if got := SampleSummary(lines[:1]); !strings.HasPrefix(got, "1 line of 1 entry drawn:") {
		t.Errorf("one line: %q", got)
	}
}
