package places

import (
	"bytes"
	"compress/gzip"
	"flag"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/places/internal/gengaz"
)

var update = flag.Bool("update", false, "rewrite gazetteer.gz from ../shared/gazetteer")

// sharedGazetteer is the folder of the source files, beside the project.
const sharedGazetteer = "../../shared/gazetteer"

// TestGazetteerMatchesSources rebuilds the embedded gazetteer from the
// source files and checks it is the same, byte for byte; with -update it
// rewrites gazetteer.gz.
func TestGazetteerMatchesSources(t *testing.T) {
	if _, err := os.Stat(sharedGazetteer); err != nil {
		t.Skipf("no source files: %v", err)
	}
	want, err := gengaz.Build(os.DirFS(sharedGazetteer))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("gazetteer.gz", want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("gazetteer.gz: %d bytes", len(want))
		return
	}
	if !bytes.Equal(gazetteerData, want) {
		zr, err := gzip.NewReader(bytes.NewReader(gazetteerData))
		if err == nil {
			raw, _ := io.ReadAll(zr)
			t.Logf("embedded: %d bytes, %d uncompressed", len(gazetteerData), len(raw))
		}
		t.Fatalf("gazetteer.gz differs from what %s gives (%d bytes): run go generate ./places", sharedGazetteer, len(want))
	}
}

// gaz loads the embedded gazetteer for a test.
func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The oracle of these tests is the rows of areacodes_history.csv and
// nbs2022_*.csv quoted in the comments.
func TestPlace(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name       string
		code       string
		year       int
		want       string // name
		level      Level
		from, to   int
		id         string
		wantAbsent bool
	}{
		// 130622,河北省,保定市,清苑县,县级,弃用,1986,2015,130608
		{"retired county in use", "130622", 2010, "清苑县", County, 1986, 2015, "130608", false},
		{"retired county after its end: nearest", "130622", 2020, "清苑县", County, 1986, 2015, "130608", false},
		// 130608,河北省,保定市,清苑区,县级,在用,2015,,
		{"its successor", "130608", 2020, "清苑区", County, 2015, 0, "130608", false},
		// 120110 东郊区 (1981–1992, 变更 → 120110) then 东丽区 (1992–)
		{"code renamed in place, before", "120110", 1985, "东郊区", County, 1981, 1992, "120110", false},
		{"code renamed in place, after", "120110", 2000, "东丽区", County, 1992, 0, "120110", false},
		{"latest", "120110", 0, "东丽区", County, 1992, 0, "120110", false},
		// 132401 保定市 (1981–1983, split into districts) then 定州市 (1986–1994 → 130682)
		{"code given again: first holder", "132401", 1982, "保定市", County, 1981, 1983, "132401", false},
		{"code given again: second holder", "132401", 1990, "定州市", County, 1986, 1994, "130682", false},
		// 130106 郊区 (1983–2001) → 130102;130103;130104;130105;130108: a split
		{"split with no continuation", "130106", 1990, "郊区", County, 1983, 2001, "130106", false},
		// 130323 抚宁县 (1983–2015) → 130302;130304;130306 (抚宁区)
		{"split continued by the same stem", "130323", 2010, "抚宁县", County, 1983, 2015, "130306", false},
		// 142200 忻县地区 (1981–1983, no successor) then 忻州地区 (1983–2000, no successor)
		{"rename in place without successors", "142200", 1982, "忻县地区", Prefecture, 1981, 1983, "142200", false},
		// 420600 襄樊市 (1981–2010; parts given away in 1984) then 襄阳市
		{"rename after parts given away", "420600", 2000, "襄樊市", Prefecture, 1981, 2010, "420600", false},
		{"province", "130000", 1954, "河北省", Province, 1981, 0, "130000", false},
		// nbs2022_streets.csv: 330681104,"店口镇",330681,33,3306
		{"township", "330681104", 2020, "店口镇", Township, 0, 0, "330681104", false},
		// nbs2022_areas.csv: 130671,"保定高新技术产业开发区",1306,13
		{"NBS zone", "130671", 2022, "保定高新技术产业开发区", Zone, 0, 0, "130671", false},
		{"national pseudo-code", NationalCode, 1954, "全国", National, 0, 0, NationalCode, false},
		{"雄安新区 pseudo-code", XionganCode, 2020, "雄安新区", Zone, 0, 0, XionganCode, false},
		{"unknown code", "130699", 2020, "", 0, 0, 0, "", true},
		{"unknown township", "330681999", 2020, "", 0, 0, 0, "", true},
		{"not a code", "13060", 2020, "", 0, 0, 0, "", true},
		{"leading zero", "013060", 2020, "", 0, 0, 0, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := g.Place(tc.code, tc.year)
			if ok == tc.wantAbsent {
				t.Fatalf("Place(%s, %d) found %v, want %v", tc.code, tc.year, ok, !tc.wantAbsent)
			}
			if tc.wantAbsent {
				return
			}
			want := Place{Code: tc.code, Name: tc.want, Level: tc.level, From: tc.from, To: tc.to, ID: tc.id}
			if p != want {
				t.Errorf("Place(%s, %d) = %+v, want %+v", tc.code, tc.year, p, want)
			}
			if id := g.PanelID(tc.code, tc.year); id != tc.id {
				t.Errorf("PanelID = %s, want %s", id, tc.id)
			}
			if q, ok := g.Panel(tc.id); !ok || q.ID != tc.id {
				t.Errorf("Panel(%s) = %+v, %v", tc.id, q, ok)
			}
		})
	}
}

// TestPanel checks the names panels go by: the latest of their places.
func TestPanel(t *testing.T) {
	g := gaz(t)
	tests := []struct{ id, code, name string }{
		{"130608", "130608", "清苑区"},       // 清苑县 130622 → 清苑区
		{"130609", "130609", "徐水区"},       // 徐水县 130625 → 徐水区
		{"130682", "130682", "定州市"},       // 132401 定州市 (1986–1994) → 130682
		{"132401", "132401", "保定市"},       // the first holder of 132401, a dead end
		{"130106", "130106", "郊区"},        // a split: its own panel
		{"330681104", "330681104", "店口镇"}, // townships are their own panel
		{NationalCode, NationalCode, "全国"},
		{XionganCode, XionganCode, "雄安新区"},
		{"130622", "", ""}, // continued by 130608: no panel of its own
		{"1306", "", ""}, {"", "", ""}, {"130608@x", "", ""},
	}
	for _, tc := range tests {
		p, ok := g.Panel(tc.id)
		if ok != (tc.code != "") || p.Code != tc.code || p.Name != tc.name {
			t.Errorf("Panel(%q) = %s %s %v, want %s %s", tc.id, p.Code, p.Name, ok, tc.code, tc.name)
		}
	}
	// Every place's panel has a name: Panel is the inverse of Place.ID.
	for _, l := range []Level{Province, Prefecture, County, Township, Zone} {
		for _, p := range g.Places(l, 2000) {
			if q, ok := g.Panel(p.ID); !ok || q.ID != p.ID {
				t.Fatalf("Panel(%s) of %s %s: %+v %v", p.ID, p.Code, p.Name, q, ok)
			}
		}
	}
}

func TestParentsAndSuperiors(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		code      string
		year      int
		parents   [4]string // province, city, county, township codes
		superiors []string
	}{
		{"130622", 2010, [4]string{"130000", "130600", "130622", ""}, []string{"130600", "130000", NationalCode}},
		// 清苑区's township in 2010 lies in 清苑县, its county then.
		{"130608100", 2010, [4]string{"130000", "130600", "130622", "130608100"}, []string{"130622", "130600", "130000", NationalCode}},
		{"130608100", 2022, [4]string{"130000", "130600", "130608", "130608100"}, []string{"130608", "130600", "130000", NationalCode}},
		// 清苑县 in 1982 lay in 保定地区 (132431, 132400).
		{"132431", 1982, [4]string{"130000", "132400", "132431", ""}, []string{"132400", "130000", NationalCode}},
		// A district of Beijing: no prefecture.
		{"110105", 2024, [4]string{"110000", "", "110105", ""}, []string{"110000", NationalCode}},
		// 天门市 is under the province directly.
		{"429006", 2024, [4]string{"420000", "", "429006", ""}, []string{"420000", NationalCode}},
		{"130600", 2024, [4]string{"130000", "130600", "", ""}, []string{"130000", NationalCode}},
		{"130000", 2024, [4]string{"130000", "", "", ""}, []string{NationalCode}},
		{"130671", 2022, [4]string{"130000", "130600", "", ""}, []string{"130600", "130000", NationalCode}},
		{XionganCode, 2022, [4]string{"130000", "", "", ""}, []string{"130000", NationalCode}},
		{NationalCode, 2022, [4]string{}, nil},
		{"999999", 2022, [4]string{}, nil},
	}
	for _, tc := range tests {
		p := g.Parents(tc.code, tc.year)
		got := [4]string{p.Province.Code, p.City.Code, p.County.Code, p.Township.Code}
		if got != tc.parents {
			t.Errorf("Parents(%s, %d) = %v, want %v", tc.code, tc.year, got, tc.parents)
		}
		var sup []string
		for _, s := range g.Superiors(tc.code, tc.year) {
			sup = append(sup, s.Code)
		}
		if !slices.Equal(sup, tc.superiors) {
			t.Errorf("Superiors(%s, %d) = %v, want %v", tc.code, tc.year, sup, tc.superiors)
		}
	}
}

func TestLookup(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name  string
		level Level
		want  []string // code:id
	}{
		{"徐水", County, []string{"130609:130609", "130625:130609", "132423:130609"}},
		{"河北", Province, []string{"130000:130000"}},
		{"河北", Unknown, []string{"120105:120105", "130000:130000"}},
		{"凉山州", Prefecture, []string{"513400:513400"}},
		{"新疆", Unknown, []string{"650000:650000"}},
		{"广西", Province, []string{"450000:450000"}},
		{"全国", Unknown, []string{"100000:100000"}},
		{"易", Unknown, nil},
		{"", Unknown, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range g.Lookup(tc.name, tc.level) {
			got = append(got, p.Code+":"+p.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Lookup(%q, %v) = %v, want %v", tc.name, tc.level, got, tc.want)
		}
	}
	if n := len(g.Lookup("城关镇", Township)); n != 88 {
		t.Errorf("%d townships named 城关镇, want 88 (gazetteer README)", n)
	}
}

// TestCounts checks the gazetteer holds every row of its sources (row
// counts from the gazetteer README).
func TestCounts(t *testing.T) {
	g := gaz(t)
	counts := map[Level]int{}
	for _, r := range g.recs {
		counts[r.level]++
	}
	// Zones: the 133 county-level codes of NBS 2022 that are no division
	// (米林市, 错那市 and 白杨市, which NBS lists before the history's 2023,
	// are divisions), and 雄安新区.
	want := map[Level]int{Province: 34, Prefecture: 544, County: 6245, Township: 41352, Zone: 133 + 1, National: 1}
	if !maps.Equal(counts, want) {
		t.Errorf("records by level %v, want %v", counts, want)
	}
	shared := 0
	names := map[string]int{}
	for _, p := range g.Places(Township, 2022) {
		names[p.Name]++
	}
	for _, n := range names {
		if n > 1 {
			shared += n
		}
	}
	if shared != 12384 {
		t.Errorf("%d townships share their name, want 12,384", shared)
	}
	// 31 and 台湾省, 香港特别行政区, 澳门特别行政区.
	if n := len(g.Places(Province, 2022)); n != 34 {
		t.Errorf("%d provinces in 2022, want 34", n)
	}
}

func TestDecodeBad(t *testing.T) {
	gz := func(b []byte) []byte {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(b)
		zw.Close()
		return z.Bytes()
	}
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerData))
	if err != nil {
		t.Fatal(err)
	}
	good, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("tifa"), "gzip"},
		{"bad magic", gz([]byte("tifa-gazetteer-0\n")), "magic"},
		{"truncated", gz(good[:len(good)/2]), "truncated"},
		{"trailing bytes", gz(append(slices.Clone(good), 0)), "after the end"},
		{"huge count", gz(append([]byte(gazetteerMagic), 0xff, 0xff, 0xff, 0xff, 0x0f)), "count"},
		{"empty", gz([]byte(gazetteerMagic)), "truncated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decode(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("decode: %v, want an error with %q", err, tc.want)
			}
		})
	}
}
