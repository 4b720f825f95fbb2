package audit

import (
	"fmt"
	"math"
	"testing"
)

// TestWilson checks the interval against the worked examples of Newcombe
// (1998), Table I, method 3 (score interval without continuity
// correction), given there to 4 decimals.
func TestWilson(t *testing.T) {
	cases := []struct {
		k, n      int
		low, high float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	}
	for _, tc := range cases {
		low, high := Wilson(float64(tc.k)/float64(tc.n), float64(tc.n), z95)
		if math.Abs(low-tc.low) > 5e-5 || math.Abs(high-tc.high) > 5e-5 {
			t.Errorf("Wilson(%d/%d) = %.4f–%.4f, want %.4f–%.4f", tc.k, tc.n, low, high, tc.low, tc.high)
		}
	}
	if low, high := Wilson(1, 0, z95); !math.IsNaN(low) || !math.IsNaN(high) {
		t.Errorf("Wilson(n=0) = %v, %v; want NaN", low, high)
	}
	// p = 1: the upper end is 1, the lower one (by hand) n/(n+z²).
	if low, high := Wilson(1, 20, z95); high != 1 || math.Abs(low-20/(20+z95*z95)) > 1e-12 {
		t.Errorf("Wilson(20/20) = %v, %v", low, high)
	}
}

// lines builds judged lines: each spec is entry, category, mentions, and a
// string of verdicts (y, n, or . for unjudged).
func lines(specs ...[4]any) []Line {
	var out []Line
	for _, s := range specs {
		for _, v := range s[3].(string) {
			l := Line{Entry: s[0].(string), Category: s[1].(string), Mentions: s[2].(int)}
			switch v {
			case 'y':
				l.Verdict = Yes
			case 'n':
				l.Verdict = No
			}
			out = append(out, l)
		}
	}
	return out
}

func TestScore(t *testing.T) {
	r := Score(lines(
		[4]any{"负面清单", "reform", 100, "yynyn"}, // p = 3/5
		[4]any{"放管服", "reform", 300, "yyyy"},   // p = 1
		[4]any{"新常态", "economy", 50, "yyyn."},  // p = 3/4, one unjudged
		[4]any{"六稳", "economy", 10, ".."},      // nothing judged
	))
	// By hand: reform P = (100·0.6 + 300·1)/400 = 0.9, n_eff = 400²/(100²/5 + 300²/4) = 160000/24500;
	// all P = (60 + 300 + 37.5)/450 = 0.88333…, n_eff = 450²/(2000 + 22500 + 2500/4) = 202500/25125.
	const tol = 1e-12
	want := map[string][3]float64{ // P, N, Mentions
		"economy": {0.75, 4, 50},
		"reform":  {0.9, 160000.0 / 24500, 400},
		"all":     {397.5 / 450, 202500.0 / 25125, 450},
	}
	for _, p := range append(r.Categories, r.All) {
		w := want[p.Name]
		if math.Abs(p.P-w[0]) > tol || math.Abs(p.N-w[1]) > tol || float64(p.Mentions) != w[2] {
			t.Errorf("%s: P %v, N %v, mentions %d; want %v", p.Name, p.P, p.N, p.Mentions, w)
		}
		low, high := Wilson(w[0], w[1], z95)
		if p.Low != low || p.High != high {
			t.Errorf("%s: interval %v–%v, want Wilson's %v–%v", p.Name, p.Low, p.High, low, high)
		}
	}
	if r.Unjudged != 3 || r.All.Lines != 16 || r.All.Judged != 13 || r.All.Entries != 3 {
		t.Errorf("unjudged %d, lines %d, judged %d, entries %d; want 3, 16, 13, 3", r.Unjudged, r.All.Lines, r.All.Judged, r.All.Entries)
	}
	// Look first: 负面清单 (40 false), 新常态 (12.5), 放管服 (0), then 六稳 (unjudged).
	var order []string
	for _, p := range r.Entries {
		order = append(order, p.Name)
	}
	if got := order; len(got) != 4 || got[0] != "负面清单" || got[1] != "新常态" || got[2] != "放管服" || got[3] != "六稳" {
		t.Errorf("look-first order %q", got)
	}
	if f := r.Entries[0]; math.Abs(f.False-40) > tol || math.Abs(f.MaxFalse-100*(1-f.Low)) > tol {
		t.Errorf("负面清单: false %v, max false %v", f.False, f.MaxFalse)
	}
	if u := r.Entries[3]; !math.IsNaN(u.P) || u.Lines != 2 || u.Judged != 0 {
		t.Errorf("六稳 unjudged: %+v", u)
	}
}

func TestScoreEmpty(t *testing.T) {
	r := Score(nil)
	if len(r.Entries) != 0 || !math.IsNaN(r.All.P) || r.All.Judged != 0 {
		t.Errorf("Score(nil) = %+v", r)
	}
	// Lines without mentions weigh equally.
	r = Score(lines([4]any{"a", "x", 0, "yn"}, [4]any{"b", "x", 0, "yy"}))
	if math.Abs(r.All.P-0.75) > 1e-12 || r.All.N != 4 {
		t.Errorf("no mentions: P %v, N %v; want 0.75, 4", r.All.P, r.All.N)
	}
}

func TestSummary(t *testing.T) {
	r := Score(lines(
		[4]any{"负面清单", "reform", 100, "yynyn"},
		[4]any{"放管服", "reform", 300, "yyyy"},
		[4]any{"新常态", "economy", 50, "yyyn."},
	))
	low, high := 100*r.All.Low, 100*r.All.High
	want := fmt.Sprintf("precision 88.3 %% (95 %% interval %.1f–%.1f %%), weighted by mentions, from 13 judged lines of 3 entries (1 lines not judged); "+
		"look first at 负面清单 (~40 false of 100), 新常态 (~12 false of 50)", low, high)
	if got := r.Summary(); got != want {
		t.Errorf("Summary() =\n%s\nwant\n%s", got, want)
	}
	if got, want := Score(lines([4]any{"a", "x", 0, ".."})).Summary(), "no line judged yet (2 lines): write yes or no in the verdict column"; got != want {
		t.Errorf("Summary() of nothing judged = %q, want %q", got, want)
	}
}
