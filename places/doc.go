// Package places resolves place names in reports to official division
// codes, their parents and their history.
//
// A report is placed by a Resolver from what is known of it (a Doc: the
// manifest's region, level and year, optional province, city, county and
// code columns, its path and file name, and the first lines of its text);
// the Result gives the code in use in the report's year, the official
// name, the level, the province, city and county, the panel id, which part
// of the Doc decided it and why. An ambiguous or unknown name gives an
// empty code, the reason and at most five candidates: the resolver never
// guesses. Gazetteer answers questions about codes: a code's name in a
// year, its parents, its superiors up to the national level, its panel id,
// the places a name can be.
//
// # Data
//
// The gazetteer (gazetteer.gz, 271 KB embedded, decoded once on first use)
// is built by places/internal/gengaz from two public sources:
//
//   - every county-level and higher code of GB/T 2260 in use since 1981,
//     with the years it was in use and the codes it went to, from
//     github.com/yescallop/areacodes (result.csv at commit eed219a0678d,
//     2025-11-04), CC0 1.0;
//   - the National Bureau of Statistics' division codes for statistics of
//     2022 (统计用区划代码, as of 2022-10-31): 41,352 townships with 9-digit
//     codes and 133 county-level zones, from
//     github.com/modood/Administrative-divisions-of-China (dist/*.csv at
//     commit 57a0aa9cef47), WTFPL; the data are NBS's free public
//     information.
//
// Each year's state is that of 31 December; a record is in use from its
// first year up to its change, and during the year of its change both the
// old and the new names are taken (徐水县's report of 2015 is 130625).
//
// # Names
//
// A name matches, in this order, an official name (清苑县, 保定市,
// 内蒙古自治区, 店口镇); the short form of a province or prefecture (河北,
// 保定, 内蒙古, 广西, 新疆, 凉山 and 凉山州 for 凉山彝族自治州); the short
// form of a county (徐水, 天门), which names a county only when no province
// or prefecture has it. A short form drops the suffix (省, 市, 自治区, 地区,
// 盟, 自治州, 县, 区, 旗 …) and, for autonomous divisions, the ethnic groups
// before it; a stem of one character is no short form (易县 stays 易县). A
// level given with the name keeps that level's places (吉林 as a city is
// 吉林市, as a province 吉林省).
//
// The year decides between places of one name: the code in use in the
// report's year wins (清苑县 in 2010 is 130622, 清苑区 in 2020 is 130608). A
// name not in use in the year is taken as the place that stood for its
// area then (清苑县 in 2020 gives 清苑区 130608, with a note).
//
// # Townships
//
// Townships (镇, 乡, 街道, 苏木) have the 9-digit codes of NBS 2022 in every
// year: the history gives no township codes. A township's county in an
// earlier year is its 2022 county's predecessor (清苑区's townships lie in
// 清苑县 130622 in 2010), and its panel id is its 2022 code; a township
// renamed or merged before or after 2022 is not found by its other name.
// 12,384 of the 41,352 share their name with another (城关镇 is 88 places),
// so a township is resolved by its county or city: a manifest column, a
// folder, a name before it in the header (诸暨市店口镇, 在嵩县城关镇第十届人民
// 代表大会), or its county's name found in the header (吴江 for 黎里镇). A
// name that only one township has is taken without them, and Why says so.
//
// # Panels
//
// A place's panel id (Place.ID) is its code followed to the latest code
// through the codes it went to, so that renames keep one id: 清苑县 130622
// (1986–2015) and 清苑区 130608 share 130608, as do 徐水县 and 徐水区
// (130609). A retired code is continued by its own code when the data list
// it, or list no successor of that year and the code's next record starts
// at once (renames in place: 东郊区 → 东丽区, 120110; 忻县地区 → 忻州地区,
// 142200; 襄樊市 → 襄阳市, 420600); else by its only successor; else by the
// one successor with the same name stem (抚宁县 → 抚宁区). Successors with a
// year of their own are parts given away while the code stayed in use, not
// continuations. Any other split (石家庄's 郊区
// went to five districts) ends the panel: the retired code is its own id,
// written code@first-year when the code was later given to another area.
// Several places merged into one share the id of the merged place.
//
// # National level and zones
//
// The national level has no code in GB/T 2260; it is NationalCode, 100000,
// named 全国 (also 中国, 中华人民共和国, 国务院, 中央). Areas that are no
// divisions are level Zone: the development zones, new areas and
// management areas that NBS 2022 gives statistical codes (保定高新技术产业开
// 发区 130671, 兰州新区 620171) resolve to those, within their prefecture;
// 雄安新区, run by Hebei province and covering 雄县, 容城县 and 安新县 (still
// counties of 保定市 in both sources), is the pseudo-entry XionganCode,
// 139900, within 河北省. Any other zone is not found: a name such as XX开发区
// gives an unresolved Result, and --places can place it.
//
// # Overrides
//
// A user knows some places better: ParseOverrides reads a CSV file of
// name,code rows keyed by a document's path, file name or a place name
// (tifa's --places FILE); an override decides before anything else.
package places
