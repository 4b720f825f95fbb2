package analysis

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/places"
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

// TestFilterPlaces checks the keys matched on places: every spelling of a
// place matches, and a township lies in its county, city and province.
// The oracle is the gazetteer's rows (areacodes_history.csv,
// nbs2022_streets.csv): 清苑县 130622 (1986–2015) and 清苑区 130608 share
// the panel 130608; 清苑镇 130608100 lies in it.
func TestFilterPlaces(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := places.NewResolver(g, nil)
	meta := func(region string, l places.Level, year int) reports.Meta {
		res := r.Resolve(places.Doc{Region: region, Level: l, Year: year})
		if !res.Resolved() {
			t.Fatalf("%s: %s", region, res.Why)
		}
		return reports.Meta{Region: reports.ShortProvince(region), Year: year, Place: &res}
	}
	docs := map[string]reports.Meta{
		"hebei_baoding/河北省_2010.txt": meta("河北省", places.Province, 2010),
		"hebei_baoding/保定市_2010.txt": meta("保定市", places.Prefecture, 2010),
		"hebei_baoding/清苑县_2010.txt": meta("清苑县", places.County, 2010),
		"hebei_baoding/清苑区_2020.txt": meta("清苑区", places.County, 2020),
		"towns/清苑镇_2010.txt":         meta("清苑镇", places.Township, 2010),
		"provincial/浙江_2020.txt":     meta("浙江", places.Province, 2020),
		"fiction/青溪县_2020.txt":       {Region: "青溪县", Year: 2020, Extra: map[string]string{"county": "青溪县"}, Place: &places.Result{NoDivision: true}},
		"fiction/云溪镇_2020.txt":       {Region: "云溪镇", Year: 2020, Extra: map[string]string{"county": "青溪县"}, Place: &places.Result{NoDivision: true}},
	}
	cases := []struct {
		spec string
		want string // the matching IDs' base names without _YEAR.txt, sorted, joined by spaces
	}{
		// region: the place and every place within it, as province=,
		// city= or county=
		{"region=河北省", "保定市 河北省 清苑区 清苑县 清苑镇"},
		{"region=河北", "保定市 河北省 清苑区 清苑县 清苑镇"},
		{"region=130000", "保定市 河北省 清苑区 清苑县 清苑镇"},
		{"region=保定", "保定市 清苑区 清苑县 清苑镇"},
		{"region=清苑县", "清苑区 清苑县 清苑镇"},
		{"region=清苑区|浙江省", "浙江 清苑区 清苑县 清苑镇"},
		{"region=清苑镇", "清苑镇"},
		{"region=青溪县", "云溪镇 青溪县"}, // the manifest's county column
		{"region=云溪镇", "云溪镇"},
		{"province=河北", "保定市 河北省 清苑区 清苑县 清苑镇"},
		{"province=河北省", "保定市 河北省 清苑区 清苑县 清苑镇"},
		{"province=河北,level=province", ""}, // no level in these metas
		{"city=保定", "保定市 清苑区 清苑县 清苑镇"},
		{"county=清苑", "清苑区 清苑县 清苑镇"},
		{"county=130622", "清苑区 清苑县 清苑镇"},
		{"county=青溪县", "云溪镇 青溪县"}, // the manifest's column
		{"code=1306*", "保定市 清苑区 清苑县 清苑镇"},
		{"code=130622", "清苑县"},
		{"code=13062?", "清苑县"},
		{"place=130608", "清苑区 清苑县"},
		{"place=清苑区", "清苑区 清苑县"},
		{"doc=*保定*", "保定市"},
		{"doc=清苑*", "清苑区 清苑县 清苑镇"},
	}
	for _, c := range cases {
		f, err := ParseFilter([]string{c.spec})
		if err != nil {
			t.Errorf("%s: %v", c.spec, err)
			continue
		}
		var got []string
		for id, m := range docs {
			if f.Match(id, m) {
				name, _, _ := strings.Cut(path.Base(id), "_")
				got = append(got, name)
			}
		}
		slices.Sort(got)
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s matches %v, want %s", c.spec, got, c.want)
		}
	}
	if _, err := ParseFilter([]string{"place=某某地"}); err == nil || !strings.Contains(err.Error(), "no place is named 某某地") {
		t.Errorf("place=某某地: %v", err)
	}
}
