package places

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sharedCorpus and sharedSeeds are beside the project; the acceptance
// tests skip without them.
const (
	sharedCorpus = "../../shared/corpus"
	sharedSeeds  = "../../shared/seeds"
)

// header returns the first HeaderRunes characters of a file.
func header(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	return s[:runeOffset(s, HeaderRunes)]
}

// TestCorpus places every report of the shared corpus from its manifest
// row (region, level, year), path and header; and again without the region,
// from the file name.
func TestCorpus(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedCorpus, "manifest.csv"))
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	r := NewResolver(gaz(t), nil)
	levels := map[string]Level{"national": National, "province": Province, "city": Prefecture, "county": County, "district": County}
	byFolder := map[string]int{}
	ids := map[string]map[string]bool{} // region → panel ids
	for _, row := range rows[1:] {
		file, region, level := row[0], row[1], row[2]
		year, err := strconv.Atoi(row[3])
		if err != nil {
			t.Fatalf("%s: year %q", file, row[3])
		}
		l, ok := ParseLevel(level)
		if !ok || l != levels[level] {
			t.Fatalf("%s: level %q parsed as %v", file, level, l)
		}
		d := Doc{Year: year, Level: l, Region: region, Path: file, Header: header(t, filepath.Join(sharedCorpus, file))}
		res := r.Resolve(d)
		if !res.Resolved() || res.Level != l || res.Source != FromManifest {
			t.Errorf("%s: %s %v %s: %s", file, res.Code, res.Level, res.Source, res.Why)
			continue
		}
		byFolder[strings.Split(file, "/")[0]]++
		if ids[region] == nil {
			ids[region] = map[string]bool{}
		}
		ids[region][res.ID] = true
		if strings.HasPrefix(file, "hebei_baoding/") && l == County && (res.City.Code != "130600" || res.Province.Code != "130000") {
			t.Errorf("%s: %s in %s, %s; want 保定市 130600, 河北省 130000", file, res.Code, res.City.Code, res.Province.Code)
		}
		d.Region = ""
		if res2 := r.Resolve(d); res2.Code != res.Code || res2.Source != FromFile && l != National {
			t.Errorf("%s without its region: %s (%s: %s), want %s", file, res2.Code, res2.Source, res2.Why, res.Code)
		}
	}
	want := map[string]int{"city2024": 140, "provincial": 62, "national": 57, "hebei_baoding": 117, "county_other": 7}
	for k, n := range want {
		if byFolder[k] != n {
			t.Errorf("%s: %d reports placed, want %d", k, byFolder[k], n)
		}
	}
	// Renamed counties share one panel id; short and full forms one code.
	for _, pair := range [][2]string{{"清苑县", "清苑区"}, {"徐水县", "徐水区"}, {"河北", "河北省"}} {
		a, b := ids[pair[0]], ids[pair[1]]
		if len(a) != 1 || len(b) != 1 || !equalKeys(a, b) {
			t.Errorf("%s has ids %v, %s %v: want one, the same", pair[0], a, pair[1], b)
		}
	}
	if !ids["全国"][NationalCode] {
		t.Errorf("全国: ids %v, want %s", ids["全国"], NationalCode)
	}
}

func equalKeys(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return len(a) == len(b)
}

// TestSeeds places the scraped township reports of ../shared/seeds from
// their headers alone. Three are anonymised (XX镇, 某街道): they must stay
// unresolved.
func TestSeeds(t *testing.T) {
	if _, err := os.Stat(sharedSeeds); err != nil {
		t.Skipf("no seeds: %v", err)
	}
	r := NewResolver(gaz(t), nil)
	tests := []struct {
		file, from string // from: the line the report starts at, in a file of several
		code       string
	}{
		{"000_1339a34855a0b592.txt", "", ""},          // 20xx年, xx乡: anonymised
		{"001_dc56839f2adf1e3c.txt", "", "350922106"}, // its first report: 凤都镇 (古田县)
		{"001_dc56839f2adf1e3c.txt", "我代表黎里镇人民政府", "320509110"},
		{"002_cc03cb1b8fd4d28d.txt", "", ""},          // xx镇
		{"003_ccb6b2be2e90b3b5.txt", "", ""},          // 某街道, XX 开发区
		{"004_8e0279829cf70102.txt", "", "330681104"}, // 店口镇 (诸暨市)
	}
	for _, tc := range tests {
		h := header(t, filepath.Join(sharedSeeds, tc.file))
		if tc.from != "" {
			b, _ := os.ReadFile(filepath.Join(sharedSeeds, tc.file))
			s := string(b)
			i := strings.Index(s, tc.from)
			if i < 0 {
				t.Fatalf("%s: no %s", tc.file, tc.from)
			}
			i = strings.LastIndexByte(s[:i], '\n') + 1
			h = s[i:][:runeOffset(s[i:], HeaderRunes)]
		}
		res := r.Resolve(Doc{Path: tc.file, Header: h})
		t.Logf("%s %s: %s %s (%s %s %s): %s", tc.file, tc.from, res.Code, res.Name, res.Province.Name, res.City.Name, res.County.Name, res.Why)
		if res.Code != tc.code {
			t.Errorf("%s %s: %s (%s), want %q", tc.file, tc.from, res.Code, res.Why, tc.code)
		}
	}
}
