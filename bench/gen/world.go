package main

import (
	"math/rand/v2"
	"sort"
)

// provinces are the 31 provincial-level units, in the short form the corpus
// uses.
var provinces = []string{
	"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
	"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
	"四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
}

// Syllables of invented place names: a first and a second character, as in
// 龙泉, 石桥, 清河. None of the first characters is one tifa reads as an
// anonymised or generic name (全, 本, 某 …).
var (
	firstSyl  = []rune("东西南北大小新龙凤青白金石马桃柳梅清安永平长高黄红双三五兴宝福太河山云鹤杨柏松竹花古华崇广德临明丰吉")
	secondSyl = []rune("山河口桥溪湖塘庄店坪岭阳源泉林关堡集营湾滩港田沟铺坝亭寺峰城洲川门台坡坊家水江头屯园寨镇渡")
)

// Region levels written to the manifest, as tifa names them.
const (
	levelCounty   = "county"
	levelDistrict = "district"
	levelTownship = "township"
	levelStreet   = "street"
)

// region is an invented county, district, township or street.
type region struct {
	name     string // with its suffix: 龙泉镇
	level    string
	province string
	county   string // the county or district a township belongs to; "" for a county
	first    int    // the first year it reports
	years    int    // how many consecutive years it reports
}

// report is one file to write: a region's report of a year.
type report struct {
	reg  *region
	year int
}

// Years of the synthetic reports.
const (
	firstYear = 2000
	lastYear  = 2026
)

// namer invents unique place names.
type namer struct {
	rng  *rand.Rand
	used map[string]bool
}

// name returns a name of two syllables not used before, or of three once
// two-syllable names grow scarce.
func (nm *namer) name() string {
	for try := 0; ; try++ {
		var r []rune
		if try < 20 {
			r = []rune{pick(nm.rng, firstSyl), pick(nm.rng, secondSyl)}
		} else {
			r = []rune{pick(nm.rng, firstSyl), pick(nm.rng, firstSyl), pick(nm.rng, secondSyl)}
		}
		s := string(r)
		if !nm.used[s] {
			nm.used[s] = true
			return s
		}
	}
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// buildWorld invents the regions and lists n reports, ordered by province,
// county, region and year: years consecutive reports per region, the last
// region cut short so the total is n.
func buildWorld(n, years int, seed uint64) []report {
	rng := rand.New(rand.NewPCG(seed, 0x776f726c64)) // "world"
	nm := &namer{rng: rng, used: map[string]bool{}}
	need := (n + years - 1) / years
	provOrder := rng.Perm(len(provinces))
	var regs []*region
	for c := 0; len(regs) < need; c++ {
		prov := provinces[provOrder[c%len(provinces)]]
		regs = append(regs, county(rng, nm, prov, need-len(regs), years)...)
	}
	sort.SliceStable(regs, func(i, j int) bool { return regs[i].province < regs[j].province })
	var out []report
	for _, r := range regs {
		for y := r.first; y < r.first+r.years && len(out) < n; y++ {
			out = append(out, report{reg: r, year: y})
		}
	}
	return out
}

// county invents a county (县, or a district 区) and its townships and
// streets, at most max regions in all.
func county(rng *rand.Rand, nm *namer, prov string, max, years int) []*region {
	c := &region{name: nm.name(), level: levelCounty, province: prov}
	if rng.IntN(10) < 3 {
		c.level, c.name = levelDistrict, c.name+"区"
	} else {
		c.name += "县"
	}
	out := []*region{c}
	towns := 5 + rng.IntN(8)
	for i := 0; i < towns && len(out) < max; i++ {
		t := &region{name: nm.name(), province: prov, county: c.name}
		switch p := rng.IntN(20); {
		case p < 3 || (c.level == levelDistrict && p < 10):
			t.level, t.name = levelStreet, t.name+"街道"
		case p < 8:
			t.level, t.name = levelTownship, t.name+"乡"
		default:
			t.level, t.name = levelTownship, t.name+"镇"
		}
		out = append(out, t)
	}
	for _, r := range out {
		r.years = min(years, lastYear-firstYear+1)
		r.first = firstYear + rng.IntN(lastYear-firstYear+2-r.years)
	}
	return out
}
