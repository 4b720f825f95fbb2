package places

import (
	"strconv"
	"strings"
)

// Level is the rank of a place in the hierarchy of divisions.
type Level uint8

// Levels, from the top. Zone is no division: a development zone, new area
// or management area with a statistical code of NBS 2022 (保定高新技术产业开发区
// 130671), or a pseudo-entry of this package (雄安新区); see the package
// comment.
const (
	Unknown    Level = iota
	National         // 全国, the pseudo-code 100000
	Province         // 省, 自治区, 直辖市: PP0000
	Prefecture       // 地级市, 地区, 自治州, 盟: PPCC00; "city" in tifa's columns
	County           // 县, 县级市, 市辖区, 旗: PPCCDD
	Township         // 镇, 乡, 街道, 苏木: PPCCDDTTT, NBS 2022 codes
	Zone             // no division; see above
)

var levelNames = [...]string{"", "national", "province", "prefecture", "county", "township", "zone"}

// String returns the level's English name: "national", "province",
// "prefecture", "county", "township" or "zone"; "" for Unknown.
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "level(" + strconv.Itoa(int(l)) + ")"
}

// levelWords are the words ParseLevel accepts, as manifests and users write
// them (English or Chinese).
var levelWords = map[string]Level{
	"national": National, "nation": National, "country": National, "central": National, "全国": National, "国家": National, "中央": National,
	"province": Province, "provincial": Province, "省": Province, "省级": Province,
	"prefecture": Prefecture, "city": Prefecture, "prefectural": Prefecture, "地级": Prefecture, "地级市": Prefecture, "市": Prefecture, "市级": Prefecture,
	"county": County, "district": County, "county-level": County, "县": County, "县级": County, "区": County, "县级市": County,
	"township": Township, "town": Township, "street": Township, "subdistrict": Township, "乡": Township, "镇": Township, "乡镇": Township, "街道": Township, "乡级": Township,
	"zone": Zone, "开发区": Zone, "新区": Zone,
}

// ParseLevel reads a level word (case and surrounding spaces ignored):
// national; province, provincial; prefecture, city; county, district;
// township, town, street; zone; or their Chinese names (省, 市, 县, 区, 镇,
// 乡, 街道 …). A "city" is a prefecture-level city: a county-level city (县级市)
// is a county. It reports false for any other word.
func ParseLevel(s string) (Level, bool) {
	l, ok := levelWords[strings.ToLower(strings.TrimSpace(s))]
	return l, ok
}
