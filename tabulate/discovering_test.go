package tabulate

import (
	"math"
	"strings"
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/discover"
	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/reports"
)

// TestDiscovery runs tifa discover's steps on the sample reports: ranked
// by score, or --near a category (its column near, largest first), cut to
// top; an unknown category is an error naming --near.
func TestDiscovery(t *testing.T) {
	lex := testkit.Builtin(t)
	for _, tc := range []struct {
		name, near string
		top        int
		title, err string
	}{
		{"by score", "", 5, "Candidate slogans", ""},
		{"all", "", 0, "Candidate slogans", ""},
		{"near", "environment", 10, "Candidate slogans near environment", ""},
		{"unknown category", "weather", 5, "", `flag --near: no slogan of the lexicon has category "weather"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := NewDiscovery(lex, discover.Options{Part: reports.PartAll, MinDocs: 2}, tc.near)
			if !wantErr(t, err, tc.err) {
				return
			}
			src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			if err := src.Each(func(doc *reports.Document) error { d.Add(doc); n++; return nil }); err != nil {
				t.Fatal(err)
			}
			if d.Reports != n || n == 0 {
				t.Errorf("Reports = %d, want %d", d.Reports, n)
			}
			var stages []string
			cands, tb, err := d.Candidates(tc.top, func(what string) func() { stages = append(stages, what); return func() {} })
			if err != nil {
				t.Fatal(err)
			}
			if len(cands) == 0 || (tc.top > 0 && len(cands) > tc.top) || len(tb.Rows) != len(cands) {
				t.Fatalf("%d candidates, %d rows (top %d)", len(cands), len(tb.Rows), tc.top)
			}
			if tb.Title != tc.title {
				t.Errorf("title %q, want %q", tb.Title, tc.title)
			}
			for i, c := range cands {
				if tb.Rows[i][0] != c.Text {
					t.Errorf("row %d is %v, want %s", i, tb.Rows[i][0], c.Text)
				}
			}
			wantStages := "finding candidates"
			if tc.near != "" {
				wantStages += ",training word vectors"
				if tb.Cols[1].Name != "near" {
					t.Fatalf("columns %v: want near second", tb.Cols)
				}
				prev := math.Inf(1)
				for i, row := range tb.Rows {
					x, ok := row[1].(float64)
					if !ok {
						x = math.Inf(-1) // empty: no vector, listed last
					}
					if x > prev {
						t.Errorf("row %d: near %v after %v: not largest first", i, x, prev)
					}
					prev = x
				}
			}
			if got := strings.Join(stages, ","); got != wantStages {
				t.Errorf("stages %s, want %s", got, wantStages)
			}
		})
	}
}
