package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/decode"
)

func TestLevelFromRegion(t *testing.T) {
	// Oracle: the suffix table of LevelFromRegion's doc comment.
	tests := []struct {
		region, want string
	}{
		{"全国", LevelNational},
		{"浙江", LevelProvince},
		{"内蒙古", LevelProvince},
		{"广西", LevelProvince},
		{"浙江省", LevelProvince},
		{"广西壮族自治区", LevelProvince},
		{"北京", LevelProvince},
		{"北京市", LevelProvince},
		{"重庆市", LevelProvince},
		{"吉林", ""}, // 吉林省 or 吉林市
		{"吉林省", LevelProvince},
		{"吉林市", LevelCity},
		{"杭州市", LevelCity},
		{"凉山彝族自治州", LevelCity},
		{"恩施州", LevelCity},
		{"锡林郭勒盟", LevelCity},
		{"大兴安岭地区", LevelCity},
		{"诸暨市", LevelCity}, // county-level, but the suffix cannot tell
		{"高阳县", LevelCounty},
		{"长阳土家族自治县", LevelCounty},
		{"鄂托克旗", LevelCounty},
		{"清苑区", LevelDistrict},
		{"店口镇", LevelTownship},
		{"大均乡", LevelTownship},
		{"景宁畲族民族乡", LevelTownship},
		{"五里亭街道", LevelStreet},
		{"潍坊", ""},
		{"", ""},
		{"市", ""},
		{"区", ""},
		{" 浙江 ", LevelProvince},
	}
	for _, tt := range tests {
		t.Run(tt.region, func(t *testing.T) {
			if got := LevelFromRegion(tt.region); got != tt.want {
				t.Errorf("LevelFromRegion(%q) = %q, want %q", tt.region, got, tt.want)
			}
		})
	}
}

func TestLastUnit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"保定市清苑区", "清苑区"},
		{"浙江省诸暨市店口镇", "店口镇"},
		{"济南市市中区", "市中区"},
		{"杭州市", "杭州市"},
		{"温州市鹿城区", "鹿城区"},
		{"沙县区", "沙县区"},
		{"内蒙古自治区呼和浩特市", "呼和浩特市"},
		{"新市镇", "新市镇"},
		{"雄安新区容城县", "容城县"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := lastUnit(tt.in); got != tt.want {
				t.Errorf("lastUnit(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSameRegion(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"浙江", "浙江省", true},
		{"广西", "广西壮族自治区", true},
		{"北京", "北京市", true},
		{"常州", "常州市", true},
		{"清苑区", "保定市清苑区", true},
		{"亳州", "亳州市", true},
		{"浙江", "江苏省", false},
		{"深圳", "全国", false},
		{"常州", "泰州市", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := sameRegion(tt.a, tt.b); got != tt.want {
				t.Errorf("sameRegion(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := sameRegion(tt.b, tt.a); got != tt.want {
				t.Errorf("sameRegion(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestMetaFromFilename(t *testing.T) {
	tests := []struct {
		name   string
		region string
		level  string
		year   int
	}{
		{"浙江_2025.txt", "浙江", LevelProvince, 2025},
		{"店口镇-2020.txt", "店口镇", LevelTownship, 2020},
		{"2020店口镇政府工作报告.txt", "店口镇", LevelTownship, 2020},
		{"全国_1954.txt", "全国", LevelNational, 1954},
		{"national/全国_2024.txt", "全国", LevelNational, 2024},
		{`city2024\潍坊_2024.txt`, "潍坊", "", 2024},              // plain NAME_YEAR: kept without a suffix
		{"2024_潍坊.md", "潍坊", "", 2024},                        // YEAR_NAME
		{"1954政府工作报告_周恩来.txt", "", "", 1954},                  // a person's name is no region
		{"2021年度高阳县政府工作报告.html", "高阳县", LevelCounty, 2021},    // 年度 after the year
		{"保定市清苑区2021年政府工作报告.txt", "清苑区", LevelDistrict, 2021}, // most specific unit
		{"某街道_2020.txt", "", "", 2020},                        // anonymised
		{"xx镇_2020.txt", "", "", 2020},
		{"店口镇_20xx.txt", "店口镇", LevelTownship, 0},
		{"001_dc56839f2adf1e3c.txt", "", "", 0},
		{"report_12345.txt", "", "", 0},         // five digits: no year
		{"浙江_1900.txt", "浙江", LevelProvince, 0}, // out of range
		{"浙江_2101.txt", "浙江", LevelProvince, 0},
		{"浙江_1949.txt", "浙江", LevelProvince, 1949},
		{"浙江_2100.txt", "浙江", LevelProvince, 2100},
		{"浙江＿２０２５.txt", "浙江", LevelProvince, 2025}, // full width
		{"政府工作报告.txt", "", "", 0},
		{"", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MetaFromFilename(tt.name)
			if m.Region != tt.region || m.Level != tt.level || m.Year != tt.year {
				t.Fatalf("MetaFromFilename(%q) = %q/%q/%d, want %q/%q/%d", tt.name, m.Region, m.Level, m.Year, tt.region, tt.level, tt.year)
			}
			checkSources(t, m, SourceFilename)
		})
	}
}

// checkSources checks that each known field names src (the level: src or
// the suffix) and each unknown one names nothing.
func checkSources(t *testing.T, m Meta, src string) {
	t.Helper()
	if (m.Region != "") != (m.RegionSource == src) {
		t.Errorf("region %q has source %q, want %q", m.Region, m.RegionSource, src)
	}
	if (m.Year != 0) != (m.YearSource == src) {
		t.Errorf("year %d has source %q, want %q", m.Year, m.YearSource, src)
	}
	if (m.Level != "") != (m.LevelSource == SourceSuffix) {
		t.Errorf("level %q has source %q, want %q", m.Level, m.LevelSource, SourceSuffix)
	}
}

func TestMetaFromHeader(t *testing.T) {
	// Header snippets typed from the seeds and the corpus (shortened), and
	// synthetic ones for the rules they lack.
	tests := []struct {
		name   string
		text   string
		region string
		year   int
	}{
		{"seed 004 table and title",
			"索引号: | 001008006002071/2020-144703 | 主题分类: | 综合政务/政府工作 |\n---|---|---|---|\n发布机构: | 店口镇 | 成文日期: | 2020-11-04 |\n店口镇2020年度政府工作报告\n一、2019年工作回顾\n2019年，镇政府以……",
			"店口镇", 2020},
		{"seed 003 anonymised street, summary and plan years",
			"- 2021-04-15 发布 |\n- 37.5 KB |\n文档介绍\n2020年度某街道工作总结和2021年度工作思路\n一、2020年度工作总结今年以来,XX开发区(XX街道)紧紧围绕……",
			"", 2021},
		{"seed 000 anonymised year",
			"一、20xx年工作总结\n20xx年是极不平凡的一年。……我们在上级党委、政府和镇党委的坚强领导下……",
			"", 0},
		{"seed 002 anonymised year and town",
			"乡镇人民政府年度工作总结及下一步工作计划\n一、xxxx年工作回顾和“十三五”发展成效\nxxxx年是……也是xx镇应对挑战……",
			"", 0},
		{"seed 001 part on behalf of a named town",
			"2023年政府部门工作汇报各位代表、同志们：现在，我代表凤都镇人民政府向大会报告政府工作，请各位代表予以审议。",
			"凤都镇", 0},
		{"on behalf of an unnamed district",
			"各位代表：\n现在，我代表区政府向大会报告工作，请予审议。\n一、知重负重、唯实唯勤，经济社会稳中向好",
			"", 0},
		{"national 2010 title without 年",
			"2010政府工作报告\n——2010年3月5日在第十一届全国人民代表大会第三次会议上\n国务院总理　温家宝\n各位代表：",
			"全国", 2010},
		{"national 2024 title without year",
			"政府工作报告\n\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　李强",
			"全国", 2024},
		{"national 1954",
			"1954年政府工作报告\n——1954年5月23日在中华人民共和国第一届全国人民代表大会第一次会议上\n国务院总理周恩来",
			"全国", 1954},
		{"national full-width digits",
			"1990年政府工作报告\n　　——１９９０年３月２０日在第七届全国人民代表大会第三次会议上",
			"全国", 1990},
		{"national by 我代表国务院 only",
			"各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。",
			"全国", 0},
		{"2010 title alone is not national",
			"2010政府工作报告\n各位代表：\n过去一年，我们……",
			"", 2010},
		{"a city citing the premier is not national",
			"各位代表：\n现在，我代表深圳市人民政府，向大会报告政府工作。\n国务院出台《河套深港科技创新合作区深圳园区发展规划》。\n1月3日，中共中央政治局常委、国务院总理李强亲临花湖机场调研。",
			"深圳市", 0},
		{"province 2026 title and meeting",
			"下载\n打印\n2026年浙江省政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上\n来源：浙江日报",
			"浙江省", 2026},
		{"province 2025 meeting with speaker",
			"2025年浙江省政府工作报告\n来源：浙江日报\n2025年1月14日在浙江省第十四届人民代表大会第三次会议上浙江省代省长刘捷作政府工作报告",
			"浙江省", 2025},
		{"city meeting in parentheses",
			"（2024年1月29日在杭州市第十四届人民代表大会第四次会议上）\n杭州市人民政府市长  姚高员\n各位代表：",
			"杭州市", 2024},
		{"meeting line broken before 人民代表大会",
			"政 府 工 作 报 告\n——2024年1月17日在高唐县第十八届\n人民代表大会第三次会议上",
			"高唐县", 2024},
		{"date alone on a line",
			"夯实基础 提速发展\n——在保定市第十二届人民代表大会第五次会议上的报告\n保定市人民政府市长 于 群\n（2007年1月30日）\n各位代表：",
			"保定市", 2007},
		{"date in Chinese numerals",
			"政府工作报告\n在河北省第十届人民代表大会第一次会议上\n河北省代省长 季允石\n（二〇〇三年一月十日）",
			"河北省", 2003},
		{"delivery date beats a differing title year",
			"米易县2024年政府工作报告\n——2022年1月6日在米易县第十八届人民代表大会第一次会议上",
			"米易县", 2022},
		{"compound name in title keeps the last unit",
			"工作报告\n保定市清苑区2021年政府工作报告\n时间：2023-03-30 作者：中国县域",
			"清苑区", 2021},
		{"publication date is not a delivery date",
			"工作报告\n2022年涞水县政府工作报告\n时间：2023-01-24 作者：中国县域",
			"涞水县", 2022},
		{"review heading gives the next year",
			"各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n过去的一年……",
			"", 2024},
		{"plan heading gives its year",
			"各位代表：\n2024年工作安排\n……",
			"", 2024},
		{"flattened single line",
			"各位代表：　　现在，我代表市人民政府向大会报告工作，请予审议。一、2023年工作回顾　　过去的一年，极不寻常。",
			"", 2024},
		{"publisher with government suffix",
			"发布机构：高阳县人民政府办公室\n发布时间：2023-01-12",
			"高阳县", 0},
		{"anonymised publisher",
			"发布机构：XX镇\n我代表xx镇人民政府向大会报告",
			"", 0},
		{"某街道 on behalf",
			"我代表某街道办事处向大会报告工作",
			"", 0},
		{"generic 全镇",
			"2020年全镇政府工作报告",
			"", 2020},
		{"empty", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MetaFromHeader(tt.text)
			if m.Region != tt.region || m.Year != tt.year {
				t.Fatalf("MetaFromHeader = %q/%d, want %q/%d", m.Region, m.Year, tt.region, tt.year)
			}
			if m.Level != LevelFromRegion(m.Region) {
				t.Errorf("level %q, want %q from the region", m.Level, LevelFromRegion(m.Region))
			}
			checkSources(t, m, SourceHeader)
		})
	}
}

func TestMetaFromHeaderWindow(t *testing.T) {
	// A statement after the first 15 non-blank lines is not read.
	text := strings.Repeat("各位代表：\n\n", 15) + "店口镇2020年度政府工作报告\n"
	if m := MetaFromHeader(text); m.Region != "" || m.Year != 0 {
		t.Errorf("line 16 was read: %+v", m)
	}
	text = strings.Repeat("各位代表：\n\n", 14) + "店口镇2020年度政府工作报告\n"
	if m := MetaFromHeader(text); m.Region != "店口镇" || m.Year != 2020 {
		t.Errorf("line 15 was not read: %+v", m)
	}
}

// TestHeaderPlanYearWins: when the review heading's year + 1 and the plan
// heading's year disagree because both name the same year, the plan's
// year — the year the report was delivered — is kept, with a warning
// (issue 14, item 27). The plan heading may lie beyond the head.
func TestHeaderPlanYearWins(t *testing.T) {
	body := strings.Repeat("今年是全面贯彻党的二十大精神的开局之年，我们要推动高质量发展。\n", 20)
	tests := []struct {
		name, text string
		year       int
		warn       string
	}{
		{"mislabelled review", "一、2023年工作回顾\n" + body + "二、2023年工作安排\n" + body, 2023,
			`year: review heading "一、2023年工作回顾" says 2024 (its year + 1), plan heading "二、2023年工作安排" says 2023 (kept 2023, the plan's)`},
		{"half-year report", "一、2020年上半年工作总结\n" + body + "二、2020年下半年工作安排\n" + body, 2020,
			`year: review heading "一、2020年上半年工作总结" says 2021 (its year + 1), plan heading "二、2020年下半年工作安排" says 2020 (kept 2020, the plan's)`},
		{"agreeing headings", "一、2022年工作回顾\n" + body + "二、2023年工作安排\n" + body, 2023, ""},
		{"plan without a year", "一、2022年工作回顾\n" + body + "二、今年工作安排\n" + body, 2023, ""},
		{"five-year plan", "一、2020年工作回顾\n" + body + "二、“十四五”时期（2021—2025年）的主要目标任务\n" + body, 2021, ""},
		{"plan heading first", "一、2023年工作安排\n" + body, 2023, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, warns := headerMeta(tt.text)
			if m.Year != tt.year || strings.Join(warns, "; ") != tt.warn {
				t.Errorf("year %d, warnings %q; want %d, %q", m.Year, warns, tt.year, tt.warn)
			}
		})
	}
}

func FuzzMetaFromHeader(f *testing.F) {
	for _, s := range []string{
		"店口镇2020年度政府工作报告\n一、2019年工作回顾",
		"发布机构: | 店口镇 | 成文日期: | 2020-11-04 |",
		"——2010年3月5日在第十一届全国人民代表大会第三次会议上",
		"（二〇〇三年一月十日）",
		"2020年度某街道工作总结和2021年度工作思路",
		"我代表保定市清苑区人民政府",
		"一、2100年工作回顾",
		"\xff\xfe发布机构：",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m := MetaFromHeader(text)
		if m.Year != 0 && (m.Year < MinYear || m.Year > MaxYear) {
			t.Errorf("year %d out of range", m.Year)
		}
		if m.Region != "" && !utf8.ValidString(m.Region) {
			t.Errorf("region %q is not UTF-8", m.Region)
		}
		if m.Level != LevelFromRegion(m.Region) {
			t.Errorf("level %q does not follow region %q", m.Level, m.Region)
		}
	})
}

// TestAcceptanceHeaderCorpus reads the metadata of every real corpus
// report from its header alone and compares it with the manifest: a header
// may say nothing, but it must never contradict the manifest.
func TestAcceptanceHeaderCorpus(t *testing.T) {
	dir := loadSharedDir(t, "corpus")
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := ParseManifest(f, ManifestName, ".")
	if err != nil {
		t.Fatal(err)
	}
	var regions, years int
	for _, row := range m.Rows {
		raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(row.File)))
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := decode.Decode(raw)
		if err != nil {
			t.Fatalf("%s: %v", row.File, err)
		}
		h := MetaFromHeader(clean.Clean(text))
		if h.Region != "" {
			regions++
			if !sameRegion(h.Region, row.Meta.Region) {
				t.Errorf("%s: header region %q, manifest %q", row.File, h.Region, row.Meta.Region)
			}
		}
		if h.Year != 0 {
			years++
			if h.Year != row.Meta.Year {
				t.Errorf("%s: header year %d, manifest %d", row.File, h.Year, row.Meta.Year)
			}
		}
	}
	t.Logf("headers state the region of %d and the year of %d of %d reports", regions, years, len(m.Rows))
}

func ExampleMetaFromFilename() {
	for _, name := range []string{"浙江_2025.txt", "reports/店口镇-2020.txt", "2020店口镇政府工作报告.txt", "全国_1954.txt"} {
		m := MetaFromFilename(name)
		fmt.Println(m.Region, m.Level, m.Year)
	}
	// Output:
	// 浙江 province 2025
	// 店口镇 township 2020
	// 店口镇 township 2020
	// 全国 national 1954
}

func ExampleMetaFromHeader() {
	m := MetaFromHeader("2010政府工作报告\n——2010年3月5日在第十一届全国人民代表大会第三次会议上\n国务院总理　温家宝\n")
	fmt.Println(m.Region, m.Level, m.Year, m.YearSource)
	m = MetaFromHeader("2020年度某街道工作总结和2021年度工作思路\n一、2020年度工作总结\n")
	fmt.Printf("%q %d\n", m.Region, m.Year)
	// Output:
	// 全国 national 2010 header
	// "" 2021
}

func ExampleLevelFromRegion() {
	for _, r := range []string{"内蒙古", "恩施土家族苗族自治州", "鄂托克旗", "清苑区", "五里亭街道"} {
		fmt.Println(r, LevelFromRegion(r))
	}
	// Output:
	// 内蒙古 province
	// 恩施土家族苗族自治州 city
	// 鄂托克旗 county
	// 清苑区 district
	// 五里亭街道 street
}

func BenchmarkMetaFromHeader(b *testing.B) {
	text := string(loadFixture(b, "basic/浙江_2025.txt"))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if m := MetaFromHeader(text); m.Year != 2025 || m.Region != "浙江省" {
			b.Fatalf("got %+v", m)
		}
	}
}

// TestFirstRunes: firstRunes is string([]rune(s)[:n]), invalid bytes
// included.
func TestFirstRunes(t *testing.T) {
	for _, s := range []string{"乡村振兴战略", "ab乡村cd", "乡\xff村振兴", "\xe4\xb8乡村振兴", "乡村振\xe5"} {
		for n := 0; n < utf8.RuneCountInString(s); n++ {
			if got, want := firstRunes(s, n), string([]rune(s)[:n]); got != want {
				t.Errorf("firstRunes(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
