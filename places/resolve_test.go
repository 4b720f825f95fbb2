package places

import (
	"fmt"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	r := NewResolver(gaz(t), nil)
	tests := []struct {
		name  string
		doc   Doc
		code  string // "" for unresolved
		id    string
		src   Source
		why   string   // a part of Why
		cands []string // codes of the candidates, when unresolved
	}{
		// Year-aware: the code in use in the report's year.
		{"county in use", Doc{Region: "清苑县", Level: County, Year: 2010}, "130622", "130608", FromManifest, "region 清苑县", nil},
		{"its successor", Doc{Region: "清苑区", Level: County, Year: 2020}, "130608", "130608", FromManifest, "region 清苑区", nil},
		{"an old name after the rename", Doc{Region: "清苑县", Year: 2020}, "130608", "130608", FromManifest, "清苑县 was not in use in 2020", nil},
		{"the year of the change", Doc{Region: "徐水县", Year: 2015}, "130625", "130609", FromManifest, "", nil},
		{"a short county name across the rename", Doc{Region: "徐水", Level: County, Year: 2020}, "130609", "130609", FromManifest, "", nil},
		// Short and full forms.
		{"province, short", Doc{Region: "河北", Level: Province, Year: 2024}, "130000", "130000", FromManifest, "", nil},
		{"province, full", Doc{Region: "河北省", Year: 2024}, "130000", "130000", FromManifest, "", nil},
		{"province short form before a district's", Doc{Region: "河北"}, "130000", "130000", FromManifest, "", nil},
		{"autonomous region", Doc{Region: "广西", Level: Province}, "450000", "450000", FromManifest, "", nil},
		{"city of a province's name", Doc{Region: "吉林", Level: Prefecture, Year: 2024}, "220200", "220200", FromManifest, "", nil},
		{"province of a city's name", Doc{Region: "吉林", Level: Province, Year: 2024}, "220000", "220000", FromManifest, "", nil},
		{"autonomous prefecture", Doc{Region: "黔东南", Level: Prefecture, Year: 2024}, "522600", "522600", FromManifest, "", nil},
		{"prefecture short form before counties'", Doc{Region: "朝阳"}, "211300", "211300", FromManifest, "", nil},
		{"county short form, ambiguous", Doc{Region: "朝阳", Level: County, Year: 2024}, "", "", FromManifest, "3 counties so named", []string{"110105", "211321", "220104"}},
		{"county short form, by province", Doc{Region: "朝阳", Level: County, Province: "北京", Year: 2024}, "110105", "110105", FromManifest, "within 北京 (manifest)", nil},
		{"level that does not fit", Doc{Region: "天门", Level: Prefecture, Year: 2024}, "429006", "429006", FromManifest, "no prefecture is named 天门", nil},
		// Townships.
		{"township shared by 88", Doc{Region: "城关镇", Level: Township, Year: 2020}, "", "", FromManifest, "88 townships so named; the context does not tell them apart (the first 5 of 88 listed)",
			[]string{"120114110", "150123100", "150124100", "150802105", "150924106"}},
		{"township by its county column", Doc{Region: "城关镇", County: "嵩县", Year: 2020}, "410325100", "410325100", FromManifest, "within 嵩县 (manifest)", nil},
		{"township by the header", Doc{Region: "城关镇", Header: "在嵩县城关镇第十届人民代表大会第三次会议上", Year: 2020}, "410325100", "410325100", FromManifest, "within 嵩县 (header)", nil},
		{"township by its county's name in the text", Doc{Region: "城关镇", Header: "过去一年，嵩县经济平稳", Year: 2020}, "410325100", "410325100", FromManifest, "within 嵩县 (header)", nil},
		{"township in a county not its own", Doc{Region: "城关镇", County: "诸暨市", Year: 2020}, "", "", FromManifest, "none lies in 诸暨市", nil},
		{"unique township", Doc{Region: "店口镇", Year: 2020}, "330681104", "330681104", FromManifest, "the only township so named", nil},
		{"unique township, county in the text", Doc{Region: "黎里镇", Header: "全镇上下，吴江首个", Year: 2023}, "320509110", "320509110", FromManifest, "within 吴江 (header)", nil},
		{"township's county in an earlier year", Doc{Region: "清苑镇", County: "清苑县", Year: 2010}, "130608100", "130608100", FromManifest, "within 清苑县 (manifest)", nil},
		// Other sources.
		{"file name", Doc{Path: "hebei_baoding/清苑县_2003.txt", Year: 2003}, "130622", "130608", FromFile, "file name 清苑县", nil},
		{"file name with a title", Doc{Path: "店口镇2020年度政府工作报告.txt", Year: 2020}, "330681104", "330681104", FromFile, "", nil},
		{"folder", Doc{Path: "保定/徐水区/2019.txt", Year: 2019}, "130609", "130609", FromPath, "folder 徐水区 within 保定 (path)", nil},
		{"folders narrow the region", Doc{Region: "朝阳区", Path: "北京/2024.txt", Year: 2024}, "110105", "110105", FromManifest, "within 北京 (path)", nil},
		{"header chain", Doc{Header: "现在，我代表诸暨市店口镇人民政府向大会报告工作", Year: 2020}, "330681104", "330681104", FromHeader, "header 店口镇 within 诸暨市 (header)", nil},
		{"header title", Doc{Header: "河北省保定市徐水区2019年政府工作报告", Year: 2019}, "130609", "130609", FromHeader, "", nil},
		// nbs2022_streets.csv: 330921103,"岱西镇",330921,33,3309
		{"region read by the caller from the header", Doc{Region: "岱西镇", RegionFrom: FromHeader, Header: "也是岱西发展攻坚克难", Year: 2023}, "330921103", "330921103", FromHeader, "header 岱西镇", nil},
		{"region written with its county", Doc{Region: "诸暨市店口镇", Year: 2019}, "330681104", "330681104", FromManifest, "region 店口镇 within 诸暨市 (manifest)", nil},
		{"region written with a county it is not in", Doc{Region: "嵩县店口镇", Year: 2019}, "", "", FromManifest, "none lies in 嵩县", nil},
		{"region written with its province", Doc{Region: "河北省保定市", Year: 2019}, "130600", "130600", FromManifest, "region 保定市 within 河北省 (manifest)", nil},
		{"header of an anonymised report", Doc{Header: "XX镇人民政府\n我镇全年实现地区生产总值"}, "", "", NoSource, "no place name", nil},
		// Codes, national, zones.
		{"code column", Doc{Code: "130622", Region: "某地", Year: 2010}, "130622", "130608", FromManifest, "code 130622", nil},
		{"code column, code of another year", Doc{Code: "130622", Year: 2020}, "130608", "130608", FromManifest, "", nil},
		{"bad code column", Doc{Code: "130699", Region: "清苑县"}, "", "", FromManifest, "not a code of the gazetteer", nil},
		{"code column none: no division", Doc{Code: "None", Region: "青溪县", County: "青溪县"}, "", "", FromManifest, "manifest code none: no division", nil},
		{"national level", Doc{Region: "国务院", Level: National, Year: 1954}, NationalCode, NationalCode, FromManifest, "level national", nil},
		{"national by name", Doc{Region: "全国", Year: 2024}, NationalCode, NationalCode, FromManifest, "", nil},
		{"雄安新区", Doc{Region: "雄安新区", Year: 2020}, XionganCode, XionganCode, FromManifest, "", nil},
		{"NBS zone", Doc{Region: "保定高新技术产业开发区", Year: 2022}, "130671", "130671", FromManifest, "", nil},
		{"unknown zone", Doc{Region: "某某经济开发区", Year: 2022}, "", "", FromManifest, "no division or zone is so named", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := r.Resolve(tc.doc)
			if res.Code != tc.code || res.ID != tc.id || res.Source != tc.src || !strings.Contains(res.Why, tc.why) {
				t.Errorf("Resolve(%+v) = %s (id %s, %s): %q; want %s (id %s, %s): %q", tc.doc, res.Code, res.ID, res.Source, res.Why, tc.code, tc.id, tc.src, tc.why)
			}
			var cands []string
			for _, c := range res.Candidates {
				cands = append(cands, c.Code)
			}
			if tc.cands != nil && fmt.Sprint(cands) != fmt.Sprint(tc.cands) {
				t.Errorf("candidates %v, want %v", res.Candidates, tc.cands)
			}
			if res.NoDivision != strings.HasSuffix(res.Why, "no division") {
				t.Errorf("NoDivision %v for %q", res.NoDivision, res.Why)
			}
			if len(res.Candidates) > MaxCandidates || res.Resolved() && len(res.Candidates) > 0 {
				t.Errorf("%d candidates for a result resolved %v", len(res.Candidates), res.Resolved())
			}
			if res.Resolved() && res.Level == Township && res.Township.Code != res.Code {
				t.Errorf("a township's Parents.Township is %s", res.Township.Code)
			}
		})
	}
}

// TestResolveSameForEverySpelling checks what --where relies on: every
// spelling of a place gives one code and id.
func TestResolveSameForEverySpelling(t *testing.T) {
	r := NewResolver(gaz(t), nil)
	for _, names := range [][]string{
		{"河北", "河北省"}, {"保定", "保定市"}, {"内蒙古", "内蒙古自治区"}, {"广西", "广西壮族自治区"},
		{"新疆", "新疆维吾尔自治区"}, {"凉山", "凉山州", "凉山彝族自治州"}, {"北京", "北京市"},
	} {
		want := r.ResolveName(names[0], Unknown, 2024)
		for _, n := range names[1:] {
			if got := r.ResolveName(n, Unknown, 2024); got.Code != want.Code || got.ID != want.ID || want.Code == "" {
				t.Errorf("%s gives %s, %s gives %s", names[0], want.Code, n, got.Code)
			}
		}
	}
}

func FuzzResolve(f *testing.F) {
	g, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	r := NewResolver(g, nil)
	for _, s := range []string{"在嵩县城关镇第十届人民代表大会", "我代表诸暨市店口镇人民政府", "沙县区青州镇人民政府", "XX镇", "城关镇", "\xff镇镇"} {
		f.Add("城关镇", s, 2020)
		f.Add("", s, 0)
	}
	f.Fuzz(func(t *testing.T, region, header string, year int) {
		res := r.Resolve(Doc{Region: region, Header: header, Year: year, Path: region + "/x.txt"})
		if len(res.Candidates) > MaxCandidates || res.Why == "" {
			t.Fatalf("%+v", res)
		}
		if res.Resolved() {
			if p, ok := g.Place(res.Code, year); !ok || p.ID != res.ID {
				t.Fatalf("resolved to %s (id %s), the gazetteer has %+v", res.Code, res.ID, p)
			}
		}
	})
}
