package reports

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/sections"
)

// Where a Meta field came from (Meta.RegionSource, LevelSource, YearSource).
const (
	SourceManifest = "manifest"
	SourceFilename = "filename"
	SourceHeader   = "header"
	SourceSuffix   = "suffix" // level derived from the region's suffix
)

// National is the region of the State Council's reports.
const National = "全国"

// provinces are the short names of the 31 provincial-level units, as
// written in the corpus (浙江, 内蒙古, 广西 …).
var provinces = []string{
	"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
	"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
	"四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
}

// municipalities are the four cities directly under the centre, which are
// provincial-level units.
var municipalities = []string{"北京市", "天津市", "上海市", "重庆市"}

// regionSuffixes maps the suffixes of Chinese administrative names to their
// level, longest first so 自治区 is matched before 区.
var regionSuffixes = []struct{ suffix, level string }{
	{"特别行政区", LevelProvince},
	{"街道办事处", LevelStreet},
	{"自治区", LevelProvince},
	{"自治州", LevelCity},
	{"自治县", LevelCounty},
	{"自治旗", LevelCounty},
	{"民族乡", LevelTownship},
	{"地区", LevelCity},
	{"街道", LevelStreet},
	{"苏木", LevelTownship},
	{"省", LevelProvince},
	{"市", LevelCity},
	{"州", LevelCity},
	{"盟", LevelCity},
	{"县", LevelCounty},
	{"旗", LevelCounty},
	{"区", LevelDistrict},
	{"镇", LevelTownship},
	{"乡", LevelTownship},
}

// LevelFromRegion derives the administrative level from a region name:
//
//	全国                                  national
//	31 provincial short names (浙江, 内蒙古 …), 北京市 上海市 天津市 重庆市,
//	…省, …自治区, …特别行政区                 province
//	…市, …州, …自治州, …盟, …地区             city
//	…县, …自治县, …旗                        county
//	…区 (not 自治区)                         district
//	…镇, …乡, …苏木                          township
//	…街道                                   street
//
// A county-level city (诸暨市) reads as city: the suffix cannot tell, a
// manifest can. 吉林 alone is ambiguous (吉林省, 吉林市) and gives "", as
// does a name without a known suffix.
func LevelFromRegion(region string) string {
	region = strings.TrimSpace(region)
	switch {
	case region == National:
		return LevelNational
	case region == "吉林":
		return ""
	case inList(provinces, region) || inList(municipalities, region):
		return LevelProvince
	}
	if utf8.RuneCountInString(region) < 2 {
		return ""
	}
	for _, s := range regionSuffixes {
		if strings.HasSuffix(region, s.suffix) && region != s.suffix {
			return s.level
		}
	}
	return ""
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// regionSuffix returns the administrative suffix region ends with, or "".
func regionSuffix(region string) string {
	for _, s := range regionSuffixes {
		if strings.HasSuffix(region, s.suffix) {
			return s.suffix
		}
	}
	return ""
}

// genericRegions are words ending in an administrative suffix that name no
// place: 市区, 全县, 本镇 …
var genericRegions = []string{"市区", "城区", "郊区", "辖区", "社区", "园区", "景区", "片区", "新区", "地区", "城市", "城镇", "乡镇", "村镇", "集镇", "小镇", "开发区", "高新区", "示范区", "试验区", "街道"}

// isRegionName reports whether s reads as the name of a place: 全国, a
// provincial short name, or two or more Chinese characters ending in an
// administrative suffix, not anonymised (某街道) and not a generic word
// (全县, 我市, 市区).
func isRegionName(s string) bool {
	if s == National || inList(provinces, s) {
		return true
	}
	if utf8.RuneCountInString(s) < 2 || utf8.RuneCountInString(s) > 20 || regionSuffix(s) == "" || inList(genericRegions, s) {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("全本我该各此某贵外他两多其每省市县区镇乡", first) {
		return false
	}
	for _, w := range []string{"政府", "人民", "工作", "报告", "委员", "代表", "会议", "党", "部门", "单位", "机关"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// splitSuffixes are the suffixes after which a compound name (保定市清苑区)
// is cut to keep its last, most specific unit. 州 is left out: it ends
// names (杭州) inside a 市 name.
var splitSuffixes = []string{"特别行政区", "自治区", "自治州", "地区", "省", "市", "盟", "县", "旗", "区"}

// lastUnit returns the most specific unit of a compound place name:
// 保定市清苑区 → 清苑区, 浙江省诸暨市店口镇 → 店口镇, 济南市市中区 → 市中区.
func lastUnit(name string) string {
	start := 0
	for i := 0; i < len(name); {
		cut := 0
		for _, s := range splitSuffixes {
			if strings.HasPrefix(name[i:], s) {
				cut = i + len(s)
				break
			}
		}
		if cut == 0 {
			_, size := utf8.DecodeRuneInString(name[i:])
			i += size
			continue
		}
		piece, rest := name[start:cut], name[cut:]
		if utf8.RuneCountInString(piece) >= 2 && utf8.RuneCountInString(rest) >= 2 && regionSuffix(rest) != "" {
			start = cut
		}
		i = cut
	}
	return name[start:]
}

// regionOf cleans a candidate region: the most specific unit of a compound
// name, or "" when it does not read as a place name.
func regionOf(s string) string {
	s = strings.TrimFunc(s, sections.IsPad)
	if i := strings.Index(s, "街道办事处"); i > 0 {
		s = s[:i+len("街道")]
	}
	if isRegionName(s) {
		return lastUnit(s)
	}
	return ""
}

// sameRegion reports whether two spellings name the same place: 浙江 and
// 浙江省, 广西 and 广西壮族自治区, 保定市清苑区 and 清苑区.
func sameRegion(a, b string) bool {
	if a == b {
		return true
	}
	ca, cb := regionCore(a), regionCore(b)
	return ca == cb || ca == b || cb == a || strings.HasSuffix(a, b) || strings.HasSuffix(b, a) || strings.HasSuffix(ca, cb) || strings.HasSuffix(cb, ca)
}

// regionCore strips a region's suffix, and reduces a provincial name to
// its short form.
func regionCore(s string) string {
	for _, p := range provinces {
		if strings.HasPrefix(s, p) && (s == p || strings.HasSuffix(s, "省") || strings.HasSuffix(s, "自治区") || inList(municipalities, s)) {
			return p
		}
	}
	if suf := regionSuffix(s); suf != "" && s != suf {
		return strings.TrimSuffix(s, suf)
	}
	return s
}

// withLevel fills m's level from its region's suffix when it has none.
func withLevel(m Meta) Meta {
	if m.Level == "" && m.Region != "" {
		if l := LevelFromRegion(m.Region); l != "" {
			m.Level, m.LevelSource = l, SourceSuffix
		}
	}
	return m
}

// filenameStop are words of report file names that are not place names.
var filenameStop = []string{"人民政府工作报告", "政府工作报告", "政府工作汇报", "工作报告", "工作总结", "工作计划", "工作思路", "工作要点", "文字实录", "人民政府", "政府", "报告", "摘要", "全文", "年度"}

// MetaFromFilename reads region and year from a report's file name (any
// directory and the extension are ignored):
//
//	浙江_2025.txt              浙江, 2025
//	店口镇-2020.txt             店口镇, 2020
//	2020店口镇政府工作报告.txt     店口镇, 2020
//	全国_1954.txt              全国 (national), 1954
//
// The year is the first run of exactly four digits in 1949..2100. The
// region is the first run of Chinese characters (words such as 政府工作报告
// and 年度 removed) that reads as a place name (an administrative suffix,
// a provincial short name or 全国); a name without a suffix (潍坊) is taken
// only when the file name is just NAME and YEAR joined by _ - or a space.
// The level follows from the region's suffix (LevelFromRegion).
func MetaFromFilename(name string) Meta {
	name = strings.ReplaceAll(name, "\\", "/")
	base := path.Base(name)
	if ext := path.Ext(base); ext != "" && len(ext) <= 6 {
		base = strings.TrimSuffix(base, ext)
	}
	base = width.Fold.String(base)
	var m Meta
	rest := base
	if y, at, n := firstYearIn(base); y > 0 {
		m.Year, m.YearSource = y, SourceFilename
		after := base[at+n:]
		after = strings.TrimPrefix(strings.TrimPrefix(after, "年"), "度")
		rest = base[:at] + " " + after
	}
	var tokens []string
	for _, w := range filenameStop {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	tokens = strings.FieldsFunc(rest, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
	for _, t := range tokens {
		if r := regionOf(t); r != "" {
			m.Region, m.RegionSource = r, SourceFilename
			return withLevel(m)
		}
	}
	if len(tokens) == 1 && m.Year > 0 && plainNameYear(base, tokens[0]) {
		m.Region, m.RegionSource = tokens[0], SourceFilename
	}
	return withLevel(m)
}

var nameYearRe = regexp.MustCompile(`^\s*(?:(\p{Han}{2,12})\s*[_\-\s]\s*\d{4}|\d{4}\s*[_\-\s]\s*(\p{Han}{2,12}))\s*$`)

// plainNameYear reports whether base is exactly NAME_YEAR or YEAR_NAME and
// name is not anonymised or generic.
func plainNameYear(base, name string) bool {
	if !nameYearRe.MatchString(base) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(name)
	return !strings.ContainsRune("全本我该各此某", first) && !inList(genericRegions, name)
}

// firstYearIn finds the first run of exactly four ASCII digits in 1949..2100
// in s, returning the year, its byte offset and length.
func firstYearIn(s string) (year, at, n int) {
	for i := 0; i < len(s); {
		if !isDigitByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigitByte(s[j]) {
			j++
		}
		if j-i == 4 {
			if y, err := strconv.Atoi(s[i:j]); err == nil && y >= MinYear && y <= MaxYear {
				return y, i, 4
			}
		}
		i = j
	}
	return 0, 0, 0
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// headerLines and headerRunes bound the head of a report that
// MetaFromHeader reads: its first 15 non-blank lines, each cut to 300
// characters (a report flattened onto one line keeps its opening).
const (
	headerLines = 15
	headerRunes = 300
)

var (
	issuedRe    = regexp.MustCompile(`成文日期\s*[:：]?\s*[|｜]?\s*(\d{4})\s*[-年./]`)
	publisherRe = regexp.MustCompile(`发布机构\s*[:：]?\s*[|｜]?\s*([^|｜\s:：]+)`)
	// a date followed by 在 …(会议): ——2010年3月5日在第十一届全国人民代表大会
	meetingDateRe = regexp.MustCompile(`(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*,?\s*在`)
	// a line holding only a date: （2007年1月30日）, （二〇〇三年一月十日）
	dateLineRe = regexp.MustCompile(`^[-—―－(（\s]*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[)）]?\s*$`)
	// 在保定市第十三届人民代表大会, 在第十一届全国人民代表大会
	congressRe = regexp.MustCompile(`在\s*(\p{Han}{0,20}?)\s*第\s*[一二三四五六七八九十\d]+\s*届\s*(?:人民代表大会|人大|$)`)
	// 我代表店口镇人民政府, 我代表国务院
	onBehalfRe = regexp.MustCompile(`我代表\s*(\p{Han}{1,20}?)\s*(?:人民政府|政府|国务院)`)
	// 店口镇2020年度政府工作报告, 2026年浙江省政府工作报告, 2010政府工作报告
	titleRe = regexp.MustCompile(`^(\p{Han}{0,20}?)\s*(\d{4})\s*(?:年度|年)?\s*(\p{Han}{0,20}?)\s*(?:人民)?政府工作报告`)
	// 2020年度某街道工作总结和2021年度工作思路
	summaryPlanRe = regexp.MustCompile(`(\d{4})\s*年度?.{0,30}?(?:工作)?总结.{0,6}?(\d{4})\s*年度?.{0,20}?(?:思路|计划|安排|要点|打算|任务)`)
	// 我代表国务院, 在第十一届全国人民代表大会, a signature line 国务院总理 温家宝
	nationalRe = regexp.MustCompile(`我代表国务院|在\s*(?:中华人民共和国)?\s*第\s*[一二三四五六七八九十\d]+\s*届\s*全国人民代表大会|^国务院\p{Han}{0,12}\s*\p{Han}{0,6}$`)
)

// headWindow holds the head of a report in the forms the header rules read.
type headWindow struct {
	lines []string // width-folded, trimmed, non-blank, each cut to headerRunes
}

func newHeadWindow(text string) headWindow {
	var h headWindow
	for len(h.lines) < headerLines && text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimFunc(line, sections.IsPad)
		if line == "" {
			continue
		}
		if clean.MoreRunes(line, headerRunes) {
			line = firstRunes(line, headerRunes)
		}
		h.lines = append(h.lines, width.Fold.String(line))
	}
	return h
}

// firstRunes is string([]rune(s)[:n]) for s of more than n runes,
// without converting all of s: a report flattened onto one line is one
// line of tens of thousands of characters, and converting the first line
// of each report took 3 % of tifa count.
func firstRunes(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			if utf8.ValidString(s[:i]) {
				return s[:i]
			}
			break
		}
		k++
	}
	return string([]rune(s)[:n]) // bytes not UTF-8 become U+FFFD, as converting them does
}

// MetaFromHeader reads region and year from the head of a report's cleaned
// text (its first 15 non-blank lines). It takes only what the text states:
// anonymised names (XX镇, 某街道) and years (20xx年) give nothing.
//
// The year is the year the report was delivered, taken from the first of:
//  1. a date of issue or delivery: 成文日期：2020-11-04, a date followed by
//     在…会议 (——2010年3月5日在第十一届全国人民代表大会…), or a line that
//     is only a date (（2007年1月30日）);
//  2. a title year: 店口镇2020年度政府工作报告, 2010政府工作报告 → 2020, 2010;
//  3. a title naming a summary of year X and a plan of year Y (2020年度某街道
//     工作总结和2021年度工作思路) → Y;
//  4. a top-level or unnumbered heading of the review of year X
//     (一、2019年工作回顾) → X+1, or of the plan of year X (二、2020年工作
//     安排) → X. When the first such heading is the review's (X) and the
//     plan's heading, anywhere in the text (SplitSections), says X too,
//     the plan wins: it names the year the report was delivered, and a
//     review heading that says the same year was mislabelled (a scraped
//     page's 一、2023年工作回顾 over the review of 2022, in a report that
//     says 今年是全面贯彻党的二十大精神的开局之年) or reviews half a year
//     (上半年工作总结和下半年工作安排).
//
// A report is thus dated by the year it plans, which is the year it is
// delivered in (the corpus convention: a report of early 2024 reviews
// 2023); a year-end 工作总结 of 2020 that plans 2021 counts as 2021.
//
// The region comes from the first of: 发布机构：店口镇 (also the table form
// 发布机构: | 店口镇 |); the congress the report was delivered to (在保定市第
// 十三届人民代表大会); the title; 我代表店口镇人民政府. A compound name keeps
// its most specific unit (保定市清苑区 → 清苑区). When none names a place,
// the region is 全国 if the text says 我代表国务院 or 在第N届全国
// 人民代表大会, or signs it 国务院总理 …. The level follows from the region's suffix.
func MetaFromHeader(text string) Meta {
	m, _ := headerMeta(text)
	return m
}

// headerMeta is MetaFromHeader, with a warning when the review and plan
// headings disagree on the year (rule 4).
func headerMeta(text string) (Meta, []string) {
	h := newHeadWindow(text)
	var m Meta
	var warns []string
	y, review := h.year()
	if review != "" {
		if plan, py := planHeading(text); py == y-1 {
			warns = append(warns, fmt.Sprintf("year: review heading %q says %d (its year + 1), plan heading %q says %d (kept %d, the plan's)",
				review, y, plan, py, py))
			y = py
		}
	}
	if y > 0 {
		m.Year, m.YearSource = y, SourceHeader
	}
	if r := h.region(); r != "" {
		m.Region, m.RegionSource = r, SourceHeader
	}
	return withLevel(m), warns
}

// planHeading returns the heading that opens the plan section of text, as
// SplitSections finds it without knowing the year, and the year it names
// (0 for none).
func planHeading(text string) (string, int) {
	for _, sec := range SplitSections(text, 0) {
		if sec.Part == PartPlan {
			return sec.Heading, sections.HeadingYear(sec.Heading)
		}
	}
	return "", 0
}

// year applies the year rules of MetaFromHeader in order. When the year
// comes from a review heading (rule 4), that heading is returned too.
func (h headWindow) year() (int, string) {
	rules := []func(string) int{issuedYear, meetingYear, dateLineYear, titleYear, summaryPlanYear}
	for _, rule := range rules {
		for _, line := range h.lines {
			if y := rule(line); y > 0 {
				return y, ""
			}
		}
	}
	return sections.YearFromHeadings(h.lines)
}

func issuedYear(line string) int {
	if m := issuedRe.FindStringSubmatch(line); m != nil {
		return yearFromDigits(m[1])
	}
	return 0
}

func meetingYear(line string) int {
	if m := meetingDateRe.FindStringSubmatch(line); m != nil {
		return yearFromDigits(m[1])
	}
	return 0
}

func dateLineYear(line string) int {
	if m := dateLineRe.FindStringSubmatch(line); m != nil {
		return yearFromDigits(m[1])
	}
	return 0
}

func titleYear(line string) int {
	if m := titleRe.FindStringSubmatch(compactTitle(line)); m != nil {
		return yearFromDigits(m[2])
	}
	return 0
}

func summaryPlanYear(line string) int {
	if m := summaryPlanRe.FindStringSubmatch(line); m != nil {
		return yearFromDigits(m[2])
	}
	return 0
}

// compactTitle removes the spaces of a short line so 政 府 工 作 报 告 and
// 2020 年度 read as words; longer lines are not titles and come back empty.
func compactTitle(line string) string {
	if clean.MoreRunes(line, 60) {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if sections.IsPad(r) {
			return -1
		}
		return r
	}, line)
}

// yearFromDigits reads four arabic or Chinese digits as a year in 1949..2100.
func yearFromDigits(s string) int {
	rs := []rune(s)
	if len(rs) != 4 {
		return 0
	}
	y, ok := sections.YearOfDigits(rs)
	if !ok {
		return 0
	}
	return y
}

// region applies the region rules of MetaFromHeader in order.
func (h headWindow) region() string {
	rules := []func(string) string{publisherRegion, congressRegion, titleRegion, onBehalfRegion}
	for _, rule := range rules {
		for _, line := range h.lines {
			if r := rule(line); r != "" {
				return r
			}
		}
	}
	for _, line := range h.lines {
		if nationalRe.MatchString(line) {
			return National
		}
	}
	return ""
}

func publisherRegion(line string) string {
	m := publisherRe.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	v := m[1]
	if strings.HasPrefix(v, "国务院") {
		return National
	}
	for _, cut := range []string{"人民政府", "政府", "办事处", "办公室", "管委会", "管理委员会", "人大"} {
		if i := strings.Index(v, cut); i > 0 {
			v = v[:i]
		}
	}
	return regionOf(v)
}

func congressRegion(line string) string {
	m := congressRe.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	if r := regionOf(m[1]); r != "" {
		return r
	}
	return ""
}

func titleRegion(line string) string {
	m := titleRe.FindStringSubmatch(compactTitle(line))
	if m == nil {
		return ""
	}
	if r := regionOf(m[1]); r != "" {
		return r
	}
	return regionOf(m[3])
}

func onBehalfRegion(line string) string {
	m := onBehalfRe.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	return regionOf(m[1])
}
