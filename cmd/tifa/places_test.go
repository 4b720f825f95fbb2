package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// placesData are synthetic reports about real places (testdata/README.md).
const placesData = "../../testdata/places"

func TestGoldenPlaces(t *testing.T) {
	runGolden(t, []goldenCase{
		{"places.csv", "", []string{"places", placesData, "-f", "csv"}},
		{"places_unresolved.md", "", []string{"places", placesData, "--unresolved", "-f", "md"}},
		{"trend_by_county.csv", "", []string{"trend", placesData, "--by", "county", "--wide", "--slogan", "乡村振兴", "--slogan", "京津冀协同发展", "-f", "csv"}},
		{"similar_by_place.csv", "", []string{"similar", placesData, "--by", "place", "--k", "1", "-f", "csv"}},
		{"align.csv", "", []string{"align", placesData, "--top", "3", "-f", "csv"}},
		{"align_summary.csv", "", []string{"align", placesData, "--table", "summary", "-f", "csv"}},
		{"diffusion_superior.csv", "", []string{"diffusion", placesData, "--table", "regions", "--slogan", "乡村振兴", "--slogan", "京津冀协同发展", "-f", "csv"}},
		{"diffusion_by_county.csv", "", []string{"diffusion", placesData, "--by", "county", "--slogan", "乡村振兴", "-f", "csv"}},
		{"reuse_superior.csv", "", []string{"reuse", placesData, "--against", "superior", "--same-year", "-f", "csv"}},
	})
}

// csvRows runs tifa with args (quiet, CSV) and returns the rows, header
// first.
func csvRows(t *testing.T, args ...string) [][]string {
	t.Helper()
	out, stderr, err := run(t, "", append(args, "-q", "-f", "csv")...)
	if err != nil {
		t.Fatalf("tifa %v: %v\n%s", args, err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// ids runs tifa docs with args and returns the base names of the IDs
// listed, sorted.
func ids(t *testing.T, args ...string) []string {
	t.Helper()
	var got []string
	for _, r := range csvRows(t, append([]string{"docs"}, args...)...)[1:] {
		got = append(got, strings.TrimSuffix(filepath.Base(r[0]), ".txt"))
	}
	slices.Sort(got)
	return got
}

// TestWherePlaces checks --where on places: every spelling of a place
// matches (issue 14 item 17: region=河北省 matches the reports whose
// manifest says 河北省), a region holds the places within it as a
// province, city or county does, a township lies in its county, and doc
// globs match base names.
func TestWherePlaces(t *testing.T) {
	tests := []struct {
		where string
		want  string
	}{
		{"region=河北省", "保定市_2019 保定市_2020 徐水区_2020 河北_2020 清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"region=河北", "保定市_2019 保定市_2020 徐水区_2020 河北_2020 清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"region=河北省,level=province", "河北_2020"},
		{"region=清苑区", "清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"region=清苑镇", "清苑镇_2020"},
		{"province=河北,level=province", "河北_2020"},
		{"province=河北省", "保定市_2019 保定市_2020 徐水区_2020 河北_2020 清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"city=保定", "保定市_2019 保定市_2020 徐水区_2020 清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"county=清苑", "清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"county=徐水", "徐水区_2020"},
		{"county=诸暨", "报告_2020"},
		{"code=1306*", "保定市_2019 保定市_2020 徐水区_2020 清苑区_2020 清苑县_2010 清苑镇_2020"},
		{"code=130622", "清苑县_2010"},
		{"place=130608", "清苑区_2020 清苑县_2010"},
		{"doc=*保定*", "保定市_2019 保定市_2020"},
		{"doc=全国*", "全国_2019 全国_2020"},
	}
	for _, tc := range tests {
		if got := strings.Join(ids(t, placesData, "--where", tc.where), " "); got != tc.want {
			t.Errorf("--where %s: %s, want %s", tc.where, got, tc.want)
		}
	}
}

// TestPlacesOverrides checks --places: the user's file places what the
// gazetteer cannot, and a bad file is an error naming it and its line.
func TestPlacesOverrides(t *testing.T) {
	out, stderr, err := run(t, "", "places", placesData, "--places", "../../testdata/overrides.csv", "-f", "csv")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "城关镇_2020.txt,城关镇,township,2020,410325100,410325100,城关镇,河南省,洛阳市,嵩县,override,城关镇_2020.txt,../../testdata/overrides.csv:2,") {
		t.Errorf("城关镇 not placed by the override:\n%s", out)
	}
	if !strings.Contains(stderr, "11 of 11 documents placed") {
		t.Errorf("stderr: %s", stderr)
	}
	// --unresolved with everything placed: only the header.
	out, _, err = run(t, "", "places", placesData, "--unresolved", "--places", "../../testdata/overrides.csv", "-f", "csv", "-q")
	if err != nil || strings.Count(out, "\n") != 1 {
		t.Errorf("--unresolved: %v\n%s", err, out)
	}
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	runErrors(t, []errCase{
		{"bad code", []string{"count", placesData, "--places", write("bad.csv", "name,code\n城关镇,41032510\n")}, "flag --places: places " + filepath.Join(dir, "bad.csv") + ":2:11: code \"41032510\": not a code of the gazetteer"},
		{"GBK", []string{"trend", placesData, "--places", write("gbk.csv", "\xb3\xc7\xb9\xd8\xd5\xf2,410325100\n")}, "gbk.csv:1: not UTF-8 text"},
		{"missing", []string{"docs", placesData, "--places", filepath.Join(dir, "none.csv")}, "flag --places: open " + filepath.Join(dir, "none.csv")},
		{"a folder", []string{"docs", placesData, "--places", dir}, "flag --places"},
		{"a device", []string{"docs", placesData, "--places", "/dev/zero"}, "flag --places: read /dev/zero: not a regular file"},
		{"unknown place in a filter", []string{"docs", placesData, "--where", "place=某某地"}, "no place is named 某某地"},
		{"bad by", []string{"trend", placesData, "--by", "township"}, "flag --by: want level, region, place, county, city or province"},
		{"bad align table", []string{"align", placesData, "--table", "pairs"}, "flag --table: want reports or summary"},
	})
}

// placesTable runs tifa places with args and returns its rows by ID, each
// a map of column to value.
func placesTable(t *testing.T, args ...string) map[string]map[string]string {
	t.Helper()
	rows := csvRows(t, append([]string{"places"}, args...)...)
	byID := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		byID[r[0]] = m
	}
	return byID
}

// TestCorpusPlaces is issue 16's acceptance on ../shared/corpus: every
// report gets a code; the renamed counties of hebei_baoding share one
// place id; --where region=河北省, region=河北 and province=河北 match the
// same reports.
func TestCorpusPlaces(t *testing.T) {
	corpus := needShared(t, "corpus")
	rows := placesTable(t, corpus)
	if len(rows) != 383 {
		t.Fatalf("%d documents, want 383", len(rows))
	}
	folders := map[string]int{}
	panels := map[string]map[string]bool{} // region → place ids
	for id, r := range rows {
		if r["code"] == "" {
			t.Errorf("%s: no code: %s", id, r["why"])
			continue
		}
		folders[strings.Split(id, "/")[0]]++
		if panels[r["region"]] == nil {
			panels[r["region"]] = map[string]bool{}
		}
		panels[r["region"]][r["place"]] = true
	}
	for f, n := range map[string]int{"city2024": 140, "provincial": 62, "national": 57, "hebei_baoding": 117, "county_other": 7} {
		if folders[f] != n {
			t.Errorf("%s: %d reports placed, want %d", f, folders[f], n)
		}
	}
	// Renamed counties: one panel id for both names (清苑县 130622 →
	// 清苑区 130608 in 2015; 徐水县 130625 → 徐水区 130609).
	for _, pair := range [][3]string{{"清苑县", "清苑区", "130608"}, {"徐水县", "徐水区", "130609"}, {"河北", "河北", "130000"}} {
		a, b := panels[pair[0]], panels[pair[1]]
		if len(a) != 1 || len(b) != 1 || !a[pair[2]] || !b[pair[2]] {
			t.Errorf("%s has place ids %v, %s %v; want %s for both", pair[0], a, pair[1], b, pair[2])
		}
	}
	// region=河北省 and province=河北 match the same reports (issue 16):
	// the province and everything in it, every report whose code starts
	// with 13; every spelling and the code give the same.
	byRegion := ids(t, corpus, "--where", "region=河北省")
	if len(byRegion) != 120 {
		t.Errorf("--where region=河北省 matches %d reports, want 120 (117 of hebei_baoding, 承德 and 2 provincial)", len(byRegion))
	}
	for _, w := range []string{"province=河北", "region=河北", "province=河北省", "region=130000", "code=13*"} {
		if got := ids(t, corpus, "--where", w); !slices.Equal(got, byRegion) {
			t.Errorf("--where %s matches %d reports, --where region=河北省 %d", w, len(got), len(byRegion))
		}
	}
	// The province's own reports: 25 (23 in hebei_baoding, 2 in provincial).
	own := ids(t, corpus, "--where", "region=河北省,level=province")
	if len(own) != 25 {
		t.Errorf("--where region=河北省,level=province matches %d reports, want 25", len(own))
	}
	for _, w := range []string{"province=河北,level=province", "code=130000", "place=河北"} {
		if got := ids(t, corpus, "--where", w); !slices.Equal(got, own) {
			t.Errorf("--where %s matches %d reports, --where region=河北省,level=province %d", w, len(got), len(own))
		}
	}
}

// TestSeedsPlaces places the scraped township reports of ../shared/seeds
// from their headers: 店口镇 (004), and in the bundle 001 黎里镇 (part 2) and
// 岱西镇 (part 6); the others are anonymised or name no place.
func TestSeedsPlaces(t *testing.T) {
	seeds := needShared(t, "seeds")
	rows := placesTable(t, seeds)
	want := map[string]string{
		"004_8e0279829cf70102.txt":   "330681104 店口镇 诸暨市",
		"001_dc56839f2adf1e3c.txt#2": "320509110 黎里镇 吴江区",
		"001_dc56839f2adf1e3c.txt#6": "330921103 岱西镇 岱山县",
	}
	for id, r := range rows {
		got := ""
		if r["code"] != "" {
			got = r["code"] + " " + r["name"] + " " + r["county"]
		}
		if got != want[id] {
			t.Errorf("%s: %q (%s), want %q", id, got, r["why"], want[id])
		}
	}
	if len(rows) != 13 {
		t.Errorf("%d documents, want 13", len(rows))
	}
}
