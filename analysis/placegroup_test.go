package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
)

// placed returns the metadata of a report of region (at level l) in year,
// placed by the gazetteer (the oracle of codes: areacodes_history.csv and
// nbs2022_streets.csv).
func placed(t *testing.T, region string, l places.Level, year int, county string) reports.Meta {
	t.Helper()
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	res := places.NewResolver(g, nil).Resolve(places.Doc{Region: region, Level: l, Year: year, County: county})
	if !res.Resolved() {
		t.Fatalf("%s: %s", region, res.Why)
	}
	return reports.Meta{Region: region, Level: reports.LevelOfPlace(res.Place), Year: year, Place: &res}
}

func TestPlaceGroupAndLabels(t *testing.T) {
	town := placed(t, "清苑镇", places.Township, 2010, "清苑县")
	old := placed(t, "清苑县", places.County, 2010, "")
	tests := []struct {
		m                             reports.Meta
		place, county, city, province string
	}{
		{town, "130608100", "130608", "130600", "130000"}, // its county in 2010 is 清苑县 130622, panel 130608
		{old, "130608", "130608", "130600", "130000"},
		{placed(t, "保定市", places.Prefecture, 2020, ""), "130600", "", "130600", "130000"},
		{placed(t, "全国", places.National, 2020, ""), "100000", "", "", ""},
		{reports.Meta{Region: "青溪县"}, "", "", "", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, by := range PlaceGroupings {
			id, ok := PlaceGroup(tc.m, by)
			if ok != (id != "") {
				t.Errorf("%s --by %s: %q, %v", tc.m.Region, by, id, ok)
			}
			got = append(got, id)
		}
		if want := []string{tc.place, tc.county, tc.city, tc.province}; !slices.Equal(got, want) {
			t.Errorf("%s: groups %v, want %v", tc.m.Region, got, want)
		}
	}
	// Labels: the latest official name; the code where names repeat
	// (朝阳区 of Beijing 110105 and of Changchun 220104).
	labels := PlaceLabels([]string{"130608", "110105", "220104", "100000", "130608", "x"})
	want := map[string]string{"130608": "清苑区", "110105": "朝阳区 110105", "220104": "朝阳区 220104", "100000": "全国", "x": "x"}
	if fmt.Sprint(labels) != fmt.Sprint(want) {
		t.Errorf("PlaceLabels = %v, want %v", labels, want)
	}
	ids := []string{"130608100", "130600", "130608", "100000", "130000", "130622@1986"}
	slices.SortFunc(ids, func(a, b string) int {
		return strings.Compare(PlaceSortKey(a), PlaceSortKey(b))
	})
	if fmt.Sprint(ids) != "[100000 130000 130600 130608 130608100 130622@1986]" {
		t.Errorf("sorted by PlaceSortKey: %v", ids)
	}
	if got := Superiors(town); fmt.Sprint(got) != "[130608 130600 130000 100000]" {
		t.Errorf("Superiors(清苑镇 2010) = %v", got)
	}
}

// TestTrendByCounty checks that a township's report counts with its
// county's, and that a renamed county is one group named by its latest
// name.
func TestTrendByCounty(t *testing.T) {
	tr, err := NewTrend("county")
	if err != nil {
		t.Fatal(err)
	}
	dc := func(id string, m reports.Meta, n int) DocCount {
		c := DocCount{ID: id, Meta: m, Chars: 10000}
		if n > 0 {
			c.Slogans = []SloganCount{{Entry: 0, Count: n}}
		}
		return c
	}
	tr.Add(dc("town", placed(t, "清苑镇", places.Township, 2020, "清苑区"), 2))
	tr.Add(dc("district", placed(t, "清苑区", places.County, 2020, ""), 0))
	tr.Add(dc("county", placed(t, "清苑县", places.County, 2010, ""), 1))
	tr.Add(dc("city", placed(t, "保定市", places.Prefecture, 2020, ""), 1))
	var got []string
	for _, r := range tr.Rows(TrendOptions{}) {
		got = append(got, fmt.Sprintf("%s %d: %d of %d", r.Group, r.Year, r.Mentioning, r.Reports))
	}
	if fmt.Sprint(got) != "[清苑区 2010: 1 of 1 清苑区 2020: 1 of 2]" {
		t.Errorf("rows %v", got)
	}
	if fmt.Sprint(tr.Unplaced()) != "[city]" {
		t.Errorf("Unplaced() = %v, want [city]", tr.Unplaced())
	}
	if _, err := NewTrend("township"); err == nil {
		t.Error("NewTrend(township): no error")
	}
}

// TestDiffusionSuperiors checks the lag behind a region's own superior:
// 清苑镇 behind 清苑区, 清苑区 behind 保定市, 保定市 behind 河北 (the oracle is
// the fixture's first years, by hand).
func TestDiffusionSuperiors(t *testing.T) {
	for _, by := range []string{"region", "place", "county"} {
		d, err := NewDiffusionBy(by)
		if err != nil {
			t.Fatal(err)
		}
		add := func(id string, m reports.Meta, n int) {
			dc := DocCount{ID: id, Meta: m, Chars: 10000}
			if n > 0 {
				dc.Slogans = []SloganCount{{Entry: 0, Count: n}}
			}
			d.Add(dc)
		}
		add("n18", placed(t, "全国", places.National, 2018, ""), 1)
		add("p19", placed(t, "河北", places.Province, 2019, ""), 1)
		add("c17", placed(t, "保定市", places.Prefecture, 2017, ""), 0)
		add("c20", placed(t, "保定市", places.Prefecture, 2020, ""), 2)
		add("k10", placed(t, "清苑县", places.County, 2010, ""), 0)
		add("k21", placed(t, "清苑区", places.County, 2021, ""), 1)
		add("t22", placed(t, "清苑镇", places.Township, 2022, "清苑区"), 1)
		add("z", reports.Meta{Region: "青溪县", Year: 2020}, 1)
		var got []string
		for _, a := range d.Adoptions(DiffusionOptions{}) {
			got = append(got, fmt.Sprintf("%s<%s %d", a.Region, a.Superior, a.LagSuperior))
		}
		want := map[string]string{
			"region": "[全国< 0 河北<全国 1 保定市<河北 1 清苑区<保定市 1 清苑镇<清苑区|清苑县 1 青溪县< 0]",
			"place":  "[全国< 0 河北省<全国 1 保定市<河北省 1 清苑区<保定市 1 清苑镇<清苑区 1]",
			"county": "[全国< 0 河北省<全国 1 保定市<河北省 1 清苑区<保定市 1]",
		}[by]
		if fmt.Sprint(got) != want {
			t.Errorf("--by %s: %v, want %s", by, got, want)
		}
		if by != "region" && fmt.Sprint(d.Unplaced()) != "[z]" {
			t.Errorf("--by %s: Unplaced() = %v", by, d.Unplaced())
		}
	}
	if _, err := NewDiffusionBy("level"); err == nil {
		t.Error("NewDiffusionBy(level): no error")
	}
}
