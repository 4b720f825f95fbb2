package reports

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tifa-project/tifa/places"
)

// placeBody is a report with nothing in its text that names a place.
const placeBody = "各位代表：\n现在，我代表政府向大会报告工作。\n一、过去一年工作回顾\n经济平稳增长。\n二、今年工作安排\n推进乡村振兴。\n"

// TestPlaceDocuments checks that every document read gets its place, from
// the manifest, the file name, the header and the user's overrides, and
// that a name that is unknown or ambiguous gets a warning and no code.
func TestPlaceDocuments(t *testing.T) {
	fsys := fstest.MapFS{
		"manifest.csv": {Data: []byte("file,region,level,year,county,code\n" +
			"河北省_2020.txt,河北省,province,2020,,\n" +
			"清苑县_2010.txt,清苑县,county,2010,,\n" +
			"城关镇_2020.txt,城关镇,township,2020,,\n" +
			"嵩县城关镇_2020.txt,城关镇,township,2020,嵩县,\n" +
			"青溪县_2020.txt,青溪县,county,2020,,none\n" +
			"某县_2010.txt,某县,county,2010,,130622\n" +
			"雄安_2020.txt,雄安新区,,2020,,\n")},
		"河北省_2020.txt":      {Data: []byte(placeBody)},
		"清苑县_2010.txt":      {Data: []byte(placeBody)},
		"城关镇_2020.txt":      {Data: []byte(placeBody)},
		"嵩县城关镇_2020.txt":    {Data: []byte(placeBody)},
		"青溪县_2020.txt":      {Data: []byte(placeBody)},
		"某县_2010.txt":       {Data: []byte(placeBody)},
		"雄安_2020.txt":       {Data: []byte(placeBody)},
		"saved/潍坊_2021.txt": {Data: []byte(placeBody)},
		"saved/报告.txt":      {Data: []byte("诸暨市店口镇人民政府工作报告\n" + placeBody)},
	}
	src, err := OpenFS(fsys, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := src.ExtraColumns(); !slices.Equal(got, []string{"county"}) {
		t.Errorf("extra columns %v, want [county]: the code column is the resolver's", got)
	}
	tests := []struct {
		id, code, place, name, level, source string
		province, city, county               string
		warning                              string // a part of the place warning; "" for none
	}{
		{"saved/报告.txt", "330681104", "330681104", "店口镇", "township", "header", "浙江省", "绍兴市", "诸暨市", ""},
		{"saved/潍坊_2021.txt", "370700", "370700", "潍坊市", "city", "filename", "山东省", "潍坊市", "", ""},
		{"城关镇_2020.txt", "", "", "", "township", "manifest", "", "", "", "no code: region 城关镇: 88 townships so named; the context does not tell them apart (the first 5 of 88 listed): 120114110 天津市 武清区 城关镇; "},
		{"嵩县城关镇_2020.txt", "410325100", "410325100", "城关镇", "township", "manifest", "河南省", "洛阳市", "嵩县", ""},
		{"某县_2010.txt", "130622", "130608", "清苑县", "county", "manifest", "河北省", "保定市", "清苑县", ""},
		{"河北省_2020.txt", "130000", "130000", "河北省", "province", "manifest", "河北省", "", "", ""},
		{"清苑县_2010.txt", "130622", "130608", "清苑县", "county", "manifest", "河北省", "保定市", "清苑县", ""},
		{"雄安_2020.txt", "139900", "139900", "雄安新区", "district", "manifest", "河北省", "", "", ""},
		{"青溪县_2020.txt", "", "", "", "county", "manifest", "", "", "", ""},
	}
	var docs []*Document
	if err := src.Each(func(d *Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(tests) {
		t.Fatalf("%d documents, want %d", len(docs), len(tests))
	}
	for i, tc := range tests {
		d := docs[i]
		m := d.Meta
		if d.ID != tc.id || m.Place == nil {
			t.Fatalf("document %d: %s, place %v; want %s", i, d.ID, m.Place, tc.id)
		}
		got := []string{m.Value("code"), m.Value("place"), m.Value("name"), m.Level, m.Value("place_source"), m.Value("province"), m.Value("city"), m.Value("county")}
		want := []string{tc.code, tc.place, tc.name, tc.level, tc.source, tc.province, tc.city, tc.county}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v (%s)", d.ID, got, want, m.Place.Why)
		}
		var warned string
		for _, w := range d.Warnings {
			if strings.HasPrefix(w, "no code") || strings.HasPrefix(w, "no level") {
				warned = w
			}
		}
		if tc.warning == "" && warned != "" || !strings.HasPrefix(warned, tc.warning) {
			t.Errorf("%s: warning %q, want %q", d.ID, warned, tc.warning)
		}
	}
	// The level of 潍坊 comes from its code: no suffix says it.
	if m := docs[1].Meta; m.LevelSource != SourceCode {
		t.Errorf("潍坊's level source %q, want %q", m.LevelSource, SourceCode)
	}
}

// TestPlaceOverrides checks Options.Places: the user's overrides decide,
// by a document's path (as tifa prints its ID) or a name.
func TestPlaceOverrides(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	ov, err := places.ParseOverrides("my.csv", strings.NewReader("name,code\nsaved/报告.txt,130609\n城关镇,410325100\n"), g)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"saved/报告.txt":   {Data: []byte("诸暨市店口镇人民政府工作报告\n" + placeBody)},
		"城关镇_2020.txt":   {Data: []byte(placeBody)},
		"白沙镇_2020.txt":   {Data: []byte(placeBody)},
		"bundle/两镇.txt":  {Data: []byte("篇1\n" + bundleBody("诸暨市店口镇人民政府") + "\n篇2\n" + bundleBody("吴江区黎里镇人民政府"))},
		"bundle/注释.txt":  {Data: []byte("no report here")},
		"bundle/空的.txt":  {Data: nil},
		"bundle/雄安.html": {Data: []byte("<html><body>" + placeBody + "</body></html>")},
	}
	src, err := OpenFS(fsys, ".", Options{Places: places.NewResolver(g, ov)})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	err = src.Each(func(d *Document) error {
		codes[d.ID] = d.Meta.Value("code") + " " + d.Meta.Value("place_source")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"saved/报告.txt": "130609 override", "城关镇_2020.txt": "410325100 override", "白沙镇_2020.txt": " filename",
		"bundle/两镇.txt#1": "330681104 header", "bundle/两镇.txt#2": "320509110 header",
	}
	for id, w := range want {
		if codes[id] != w {
			t.Errorf("%s: %q, want %q (all: %v)", id, codes[id], w, codes)
		}
	}
}

// TestMetaColumns checks the column list other outputs choose from.
func TestMetaColumns(t *testing.T) {
	got := MetaColumns([]string{"note"})
	want := []string{"region", "level", "year", "code", "place", "name", "province", "city", "county", "place_source", "note"}
	if !slices.Equal(got, want) {
		t.Errorf("MetaColumns = %v, want %v", got, want)
	}
	m := Meta{Region: "某地", Year: 0, Extra: map[string]string{"note": "n", "code": "x"}}
	for col, v := range map[string]string{"region": "某地", "year": "", "code": "", "note": "n", "county": "", "other": ""} {
		if got := m.Value(col); got != v {
			t.Errorf("Value(%s) = %q, want %q", col, got, v)
		}
	}
}
