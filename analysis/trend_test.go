package analysis

import (
	"math"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

func TestTrend(t *testing.T) {
	doc := func(id, region string, year, chars int, counts map[int]int) DocCount {
		dc := DocCount{ID: id, Meta: reports.Meta{Region: region, Year: year}, Chars: chars}
		for e := 0; e < 3; e++ {
			if n := counts[e]; n > 0 {
				dc.Slogans = append(dc.Slogans, SloganCount{Entry: e, Count: n})
			}
		}
		return dc
	}
	tr, err := NewTrend("")
	if err != nil {
		t.Fatal(err)
	}
	tr.Add(doc("a", "甲", 2019, 10000, map[int]int{0: 2}))
	tr.Add(doc("b", "乙", 2019, 5000, map[int]int{}))
	tr.Add(doc("c", "甲", 2020, 10000, map[int]int{0: 1, 1: 4}))
	tr.Add(doc("d", "乙", 0, 10000, map[int]int{0: 9})) // no year: left out
	tr.Add(doc("e", "乙", 2020, 0, map[int]int{}))      // no text: left out

	noYear, noText := tr.Skipped()
	if len(noYear) != 1 || noYear[0] != "d" || len(noText) != 1 || noText[0] != "e" {
		t.Errorf("Skipped() = %v, %v; want [d], [e]", noYear, noText)
	}
	rows := tr.Rows(TrendOptions{})
	// Entry 0 is in 2 reports (ranked first), entry 1 in 1; each has a row
	// for 2019 and 2020.
	want := []TrendRow{
		// mean per10k 2019: (2 + 0) / 2 reports = 1
		{Year: 2019, Entry: 0, Reports: 2, Mentioning: 1, Mentions: 2, Share: 0.5, MeanPer10k: 1, FirstYear: 2019},
		{Year: 2020, Entry: 0, Reports: 1, Mentioning: 1, Mentions: 1, Share: 1, MeanPer10k: 1, FirstYear: 2019},
		{Year: 2019, Entry: 1, Reports: 2, FirstYear: 2020},
		{Year: 2020, Entry: 1, Reports: 1, Mentioning: 1, Mentions: 4, Share: 1, MeanPer10k: 4, FirstYear: 2020},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i, w := range want {
		g := rows[i]
		if g.Year != w.Year || g.Entry != w.Entry || g.Reports != w.Reports || g.Mentioning != w.Mentioning ||
			g.Mentions != w.Mentions || g.FirstYear != w.FirstYear ||
			math.Abs(g.Share-w.Share) > 1e-12 || math.Abs(g.MeanPer10k-w.MeanPer10k) > 1e-12 {
			t.Errorf("row %d = %+v, want %+v", i, g, w)
		}
	}
	if got := tr.Rows(TrendOptions{Top: 1}); len(got) != 2 || got[0].Entry != 0 {
		t.Errorf("Top 1: got %+v", got)
	}
	if got := tr.Rows(TrendOptions{Entries: []int{2}}); len(got) != 2 || got[0].Mentioning != 0 || got[0].FirstYear != 0 {
		t.Errorf("Entries [2] (never mentioned): got %+v", got)
	}
	if ys := tr.Years(); len(ys) != 2 || ys[0] != 2019 || ys[1] != 2020 {
		t.Errorf("Years() = %v", ys)
	}
}

func TestTrendByRegion(t *testing.T) {
	tr, _ := NewTrend("region")
	tr.Add(DocCount{ID: "a", Meta: reports.Meta{Region: "乙", Year: 2021}, Chars: 100, Slogans: []SloganCount{{Entry: 0, Count: 1}}})
	tr.Add(DocCount{ID: "b", Meta: reports.Meta{Region: "甲", Year: 2020}, Chars: 100})
	tr.Add(DocCount{ID: "c", Meta: reports.Meta{Region: "甲", Year: 2022}, Chars: 100, Slogans: []SloganCount{{Entry: 0, Count: 1}}})
	rows := tr.Rows(TrendOptions{})
	type gy struct {
		g     string
		y, fy int
	}
	want := []gy{{"乙", 2021, 2021}, {"甲", 2020, 2022}, {"甲", 2022, 2022}}
	if len(rows) != len(want) {
		t.Fatalf("got %+v", rows)
	}
	for i, w := range want {
		if rows[i].Group != w.g || rows[i].Year != w.y || rows[i].FirstYear != w.fy {
			t.Errorf("row %d = %+v, want group %s year %d first %d", i, rows[i], w.g, w.y, w.fy)
		}
	}
	if _, err := NewTrend("month"); err == nil {
		t.Error("NewTrend(month): no error")
	}
}
