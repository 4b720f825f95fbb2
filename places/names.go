package places

import (
	"strings"
	"unicode/utf8"
)

// ethnicGroups are the 56 ethnic groups of China as official names write
// them (GB/T 3304), longer names first. An autonomous division is named
// place + groups + 自治区/州/县/旗: 黔东南苗族侗族自治州.
var ethnicGroups = []string{
	"柯尔克孜族", "乌孜别克族", "维吾尔族", "哈萨克族", "达斡尔族", "俄罗斯族", "鄂温克族", "鄂伦春族",
	"塔吉克族", "塔塔尔族", "蒙古族", "布依族", "朝鲜族", "土家族", "哈尼族", "傈僳族", "高山族",
	"拉祜族", "东乡族", "纳西族", "景颇族", "仫佬族", "布朗族", "撒拉族", "毛南族", "仡佬族",
	"锡伯族", "阿昌族", "普米族", "德昂族", "保安族", "裕固族", "独龙族", "赫哲族", "门巴族",
	"珞巴族", "基诺族", "汉族", "回族", "藏族", "苗族", "彝族", "壮族", "满族", "侗族", "瑶族",
	"白族", "傣族", "黎族", "佤族", "畲族", "水族", "土族", "羌族", "怒族", "京族",
	"维吾尔", // 新疆维吾尔自治区 writes it without 族
}

// Suffixes by level, longest first: cutting one gives a name's short form
// (保定市 → 保定). 自治区/州/县/旗 also drop the ethnic groups before them.
var (
	provinceSuffixes   = []string{"自治区", "省", "市"}
	prefectureSuffixes = []string{"自治州", "地区", "市", "盟", "州"}
	countySuffixes     = []string{"自治县", "自治旗", "林区", "特区", "新区", "矿区", "县", "区", "市", "旗"}
)

// shortForms returns the other names a division of level l named name goes
// by: the name without its suffix (河北省 → 河北, 内蒙古自治区 → 内蒙古,
// 广西壮族自治区 → 广西, 凉山彝族自治州 → 凉山), and for an autonomous
// prefecture or county the stem with 州 or 县 (凉山州, 大厂县). A stem must
// keep two characters or more (易县 has none: 易 names too much).
func shortForms(name string, l Level) []string {
	var sufs []string
	switch l {
	case Province:
		sufs = provinceSuffixes
	case Prefecture:
		sufs = prefectureSuffixes
	case County:
		sufs = countySuffixes
	default:
		return nil
	}
	for _, suf := range sufs {
		stem, ok := strings.CutSuffix(name, suf)
		if !ok {
			continue
		}
		autonomous := strings.HasPrefix(suf, "自治")
		if autonomous {
			stem = trimEthnic(stem)
		}
		if utf8.RuneCountInString(stem) < 2 {
			return nil
		}
		out := []string{stem}
		switch {
		case autonomous && suf == "自治州":
			out = append(out, stem+"州")
		case autonomous && suf == "自治县":
			out = append(out, stem+"县")
		case autonomous && suf == "自治旗":
			out = append(out, stem+"旗")
		}
		return out
	}
	return nil
}

// trimEthnic cuts the ethnic groups at the end of s: 黔东南苗族侗族 → 黔东南.
func trimEthnic(s string) string {
	for {
		cut := false
		for _, g := range ethnicGroups {
			if rest, ok := strings.CutSuffix(s, g); ok && rest != "" {
				s, cut = rest, true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

// stem is a name without the suffix of its level, for telling which of
// several successors continues a place (抚宁县 → 抚宁区): shortForms' first
// form, or the name itself.
func stem(name string, l Level) string {
	if f := shortForms(name, l); len(f) > 0 {
		return f[0]
	}
	return name
}
