package chart

import (
	"fmt"
	"testing"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

func TestPicked(t *testing.T) {
	var entries []lexicon.Entry
	var all []analysis.SloganCount
	for i := range 12 {
		entries = append(entries, lexicon.Entry{Slogan: fmt.Sprintf("口号%c", 'A'+i), Category: "test"})
		all = append(all, analysis.SloganCount{Entry: i, Count: 1})
	}
	lex, _, err := lexicon.New(nil, entries)
	if err != nil {
		t.Fatal(err)
	}
	// regions reports of each of three levels, in two years, mentioning every slogan.
	build := func(by string, regions int) (*analysis.Trend, *analysis.Diffusion) {
		tr, _ := analysis.NewTrend(by)
		d, _ := analysis.NewDiffusionBy("region")
		for r := range regions {
			for _, year := range []int{2019, 2020} {
				dc := analysis.DocCount{ID: fmt.Sprint(r, year), Chars: 1000, Slogans: all,
					Meta: reports.Meta{Region: fmt.Sprint("地区", r), Level: reports.Levels[1+r%3], Year: year}}
				tr.Add(dc)
				d.Add(dc)
			}
		}
		return tr, d
	}
	tr, d := build("level", 3)
	if c, p := TrendChart(tr, analysis.TrendOptions{}, lex, "level", "share"); p != (Picked{Shown: 8, All: 12}) || len(c.Series) != 24 {
		t.Errorf("trend by level: %+v, %d lines; want 8 of 12 slogans, 24 lines", p, len(c.Series))
	}
	if c, p := AdoptionChart(d, analysis.DiffusionOptions{}, lex); p != (Picked{Shown: 8, All: 12}) || len(c.Series) != 24 {
		t.Errorf("adoption: %+v, %d lines; want 8 of 12 slogans, 24 lines", p, len(c.Series))
	}
	if c, p := TrendChart(tr, analysis.TrendOptions{Top: 3}, lex, "level", "share"); p != (Picked{}) || len(c.Series) != 9 {
		t.Errorf("trend --top 3: %+v, %d lines; want nothing left out, 9 lines", p, len(c.Series))
	}
	tr, _ = build("region", 30)
	if c, p := TrendChart(tr, analysis.TrendOptions{}, lex, "region", "share"); p != (Picked{Shown: 1, All: 12, Lines: 30}) || len(c.Series) != MaxSeries {
		t.Errorf("trend by region: %+v, %d lines; want 1 of 12 slogans, 30 lines cut to %d", p, len(c.Series), MaxSeries)
	}
}
