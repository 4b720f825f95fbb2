package analysis

import (
	"fmt"
	"math"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

// diffDoc is a document of region (level) in year with counts by entry.
func diffDoc(id, region, level string, year, chars int, counts ...int) DocCount {
	dc := DocCount{ID: id, Meta: reports.Meta{Region: region, Level: level, Year: year}, Chars: chars}
	for e, n := range counts {
		if n > 0 {
			dc.Slogans = append(dc.Slogans, SloganCount{Entry: e, Count: n})
		}
	}
	return dc
}

// diffusionFixture: the centre uses entry 0 from 2018; province 甲 from
// 2019 (observed since 2017), 乙 from 2018 (its first report: censored);
// city 丙 (observed 2017–2021) never; city 丁 from 2021. Entry 1 is used
// only by 丁, in 2020, its first observed year (censored).
func diffusionFixture() *Diffusion {
	d := NewDiffusion()
	for _, dc := range []DocCount{
		diffDoc("n17", "全国", reports.LevelNational, 2017, 10000),
		diffDoc("n18", "全国", reports.LevelNational, 2018, 10000, 3),
		diffDoc("n19", "全国", reports.LevelNational, 2019, 10000, 1),
		diffDoc("a17", "甲", reports.LevelProvince, 2017, 10000),
		diffDoc("a19", "甲", reports.LevelProvince, 2019, 5000, 2),
		diffDoc("a20", "甲", reports.LevelProvince, 2020, 5000),
		diffDoc("b18", "乙", reports.LevelProvince, 2018, 10000, 1),
		diffDoc("c17", "丙", reports.LevelCity, 2017, 10000),
		diffDoc("c21", "丙", reports.LevelCity, 2021, 10000),
		diffDoc("d20", "丁", reports.LevelCity, 2020, 10000, 0, 4),
		diffDoc("d21", "丁", reports.LevelCity, 2021, 10000, 1),
		diffDoc("x", "", reports.LevelCity, 2021, 10000, 1), // no region
		diffDoc("y", "戊", reports.LevelCity, 0, 10000, 1),   // no year
		diffDoc("z", "戊", reports.LevelCity, 2021, 0),       // no text
	} {
		d.Add(dc)
	}
	return d
}

func TestDiffusionSkipped(t *testing.T) {
	noRegion, noYear, noText := diffusionFixture().Skipped()
	if fmt.Sprint(noRegion, noYear, noText) != "[x] [y] [z]" {
		t.Errorf("Skipped() = %v %v %v; want [x] [y] [z]", noRegion, noYear, noText)
	}
}

func TestDiffusionSummary(t *testing.T) {
	d := diffusionFixture()
	if got := fmt.Sprint(d.Levels()); got != "[national province city]" {
		t.Errorf("Levels() = %s", got)
	}
	if y, ok := d.NationalFirst(0); !ok || y != 2018 {
		t.Errorf("NationalFirst(0) = %d, %v; want 2018", y, ok)
	}
	if _, ok := d.NationalFirst(1); ok {
		t.Error("NationalFirst(1): entry 1 has no national use")
	}
	// Oracle, by hand: entry 0 is adopted by 全国 (2018, lag 0), 甲 (2019,
	// lag 1), 乙 (2018, lag 0, censored), 丁 (2021, lag 3); entry 1 only by
	// 丁 (2020, censored, no national use). Entry 0 ranks first (4
	// adopters).
	want := []DiffusionRow{
		{Entry: 0, Level: "national", Regions: 1, Adopters: 1, Share: 1, FirstYear: 2018, MedianLag: 0, HasLag: true},
		{Entry: 0, Level: "province", Regions: 2, Adopters: 2, LeftCensored: 1, Share: 1, FirstYear: 2018, MedianLag: 0.5, HasLag: true},
		{Entry: 0, Level: "city", Regions: 2, Adopters: 1, Share: 0.5, FirstYear: 2021, MedianLag: 3, HasLag: true},
		{Entry: 1, Level: "national", Regions: 1},
		{Entry: 1, Level: "province", Regions: 2},
		{Entry: 1, Level: "city", Regions: 2, Adopters: 1, LeftCensored: 1, Share: 0.5, FirstYear: 2020},
	}
	got := d.Summary(DiffusionOptions{})
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Entry != w.Entry || g.Level != w.Level || g.Regions != w.Regions || g.Adopters != w.Adopters ||
			g.LeftCensored != w.LeftCensored || g.FirstYear != w.FirstYear || g.HasLag != w.HasLag ||
			math.Abs(g.Share-w.Share) > 1e-12 || math.Abs(g.MedianLag-w.MedianLag) > 1e-12 {
			t.Errorf("row %d = %+v\nwant     %+v", i, g, w)
		}
	}
	if got := d.Summary(DiffusionOptions{Top: 1}); len(got) != 3 || got[0].Entry != 0 {
		t.Errorf("Top 1: %+v", got)
	}
	if got := d.Summary(DiffusionOptions{Entries: []int{7}}); len(got) != 3 || got[2].Adopters != 0 || got[2].Share != 0 {
		t.Errorf("Entries [7] (never used): %+v", got)
	}
}

func TestDiffusionAdoptions(t *testing.T) {
	got := diffusionFixture().Adoptions(DiffusionOptions{Entries: []int{0}})
	want := []string{ // region level first_obs prior first_year lag censored
		"全国 national 2017 2017 2018 0 false",
		"乙 province 2018 0 2018 0 true",
		"甲 province 2017 2017 2019 1 false",
		"丁 city 2020 2020 2021 3 false",
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, a := range got {
		s := fmt.Sprintf("%s %s %d %d %d %d %v", a.Region, a.Level, a.FirstObs, a.PriorObs, a.FirstYear, a.Lag, a.LeftCensored)
		if s != want[i] || !a.HasLag {
			t.Errorf("adoption %d = %s (HasLag %v), want %s", i, s, a.HasLag, want[i])
		}
	}
}

func TestDiffusionCurve(t *testing.T) {
	got := diffusionFixture().Curve(DiffusionOptions{Entries: []int{0}})
	// Province level: years 2017 (甲), 2018 (乙), 2019 (甲), 2020 (甲);
	// 乙 adopts 2018, 甲 2019.
	want := map[string]string{ // level/year → observed new adopters share
		"province/2017": "1 0 0 0.00",
		"province/2018": "1 1 1 0.50",
		"province/2019": "1 1 2 1.00",
		"province/2020": "1 0 2 1.00",
		"city/2017":     "1 0 0 0.00",
		"city/2020":     "1 0 0 0.00",
		"city/2021":     "2 1 1 0.50",
		"national/2019": "1 0 1 1.00",
	}
	seen := 0
	for _, p := range got {
		k := fmt.Sprintf("%s/%d", p.Level, p.Year)
		if w, ok := want[k]; ok {
			seen++
			if g := fmt.Sprintf("%d %d %d %.2f", p.Observed, p.New, p.Adopters, p.Share); g != w {
				t.Errorf("%s = %s, want %s", k, g, w)
			}
		}
	}
	if seen != len(want) || len(got) != 3+4+3 {
		t.Errorf("got %d points (%d checked), want 10: %+v", len(got), seen, got)
	}
}

func TestDiffusionEvents(t *testing.T) {
	got := diffusionFixture().Events(DiffusionOptions{Entries: []int{0}})
	// 甲 (observed 2017, 2019, 2020; adopts 2019): at risk 2017 and 2019,
	// adopted from 2019; per10k 2019 = 2/5000×10000 = 4.
	want := []string{ // year adopted at_risk mentions per10k since_national
		"2017 false true 0 0.0 -1",
		"2019 true true 2 4.0 1",
		"2020 true false 0 0.0 2",
	}
	var jia []Event
	for _, ev := range got {
		if ev.Region == "甲" {
			jia = append(jia, ev)
		}
	}
	if len(jia) != len(want) {
		t.Fatalf("甲: %+v", jia)
	}
	for i, ev := range jia {
		s := fmt.Sprintf("%d %v %v %d %.1f %d", ev.Year, ev.Adopted, ev.AtRisk, ev.Mentions, ev.Per10k, ev.YearsSinceNational)
		if s != want[i] || !ev.HasNational || ev.Level != "province" {
			t.Errorf("event %d = %s, want %s", i, s, want[i])
		}
	}
	// 丙 never adopts: at risk in every observed year.
	for _, ev := range got {
		if ev.Region == "丙" && (!ev.AtRisk || ev.Adopted) {
			t.Errorf("丙 %d: at_risk %v adopted %v", ev.Year, ev.AtRisk, ev.Adopted)
		}
	}
	if n := len(got); n != 3+3+1+2+2 {
		t.Errorf("got %d events, want 11 (one per region and observed year)", n)
	}
	// Entry 1 has no national use: YearsSinceNational is missing.
	for _, ev := range diffusionFixture().Events(DiffusionOptions{Entries: []int{1}}) {
		if ev.HasNational {
			t.Errorf("entry 1: %+v has a national year", ev)
		}
	}
}

// TestDiffusionLevelChange: a region's level is that of its latest report.
func TestDiffusionLevelChange(t *testing.T) {
	d := NewDiffusion()
	d.Add(diffDoc("a", "满城", reports.LevelDistrict, 2020, 100, 1))
	d.Add(diffDoc("b", "满城", reports.LevelCounty, 2015, 100))
	if got := fmt.Sprint(d.Levels()); got != "[district]" {
		t.Errorf("Levels() = %s, want [district]", got)
	}
}

func ExampleDiffusion() {
	d := NewDiffusion()
	// Entry 0 (say 河长制): a province uses it in 2016, the State Council
	// in 2017, a city in 2018.
	d.Add(DocCount{ID: "浙江_2016", Meta: reports.Meta{Region: "浙江", Level: "province", Year: 2016}, Chars: 20000,
		Slogans: []SloganCount{{Entry: 0, Count: 3}}})
	d.Add(DocCount{ID: "全国_2017", Meta: reports.Meta{Region: "全国", Level: "national", Year: 2017}, Chars: 20000,
		Slogans: []SloganCount{{Entry: 0, Count: 1}}})
	d.Add(DocCount{ID: "杭州_2017", Meta: reports.Meta{Region: "杭州", Level: "city", Year: 2017}, Chars: 20000})
	d.Add(DocCount{ID: "杭州_2018", Meta: reports.Meta{Region: "杭州", Level: "city", Year: 2018}, Chars: 20000,
		Slogans: []SloganCount{{Entry: 0, Count: 2}}})
	for _, a := range d.Adoptions(DiffusionOptions{}) {
		fmt.Printf("%s %s first %d lag %+d\n", a.Region, a.Level, a.FirstYear, a.Lag)
	}
	// Output:
	// 全国 national first 2017 lag +0
	// 浙江 province first 2016 lag -1
	// 杭州 city first 2018 lag +1
}
