package main

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"github.com/tifa-project/tifa/places"
)

// provinces are the 31 provincial-level units, in the short form the corpus
// uses.
var provinces = []string{
	"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
	"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
	"四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
}

// Region levels written to the manifest, as tifa names them.
const (
	levelCounty   = "county"
	levelDistrict = "district"
	levelTownship = "township"
	levelStreet   = "street"
)

// region is a real county, district, township or street.
type region struct {
	name     string // its official name: 城关镇
	file     string // its file name before the year, unique in the world: 嵩县城关镇
	level    string
	province string // short form: 河南
	county   string // the county or district a township belongs to; "" for a county
	code     string // its code (9 digits for a township)
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

// Townships drawn per county.
const (
	minTowns = 5
	maxTowns = 12
)

// county is a real county of 2022 and its townships.
type county struct {
	places.Place
	province string
	towns    []places.Place
}

// realCounties returns the counties and districts of 2022 with their
// townships and streets, by code: those whose names are Han characters
// ending in 镇, 乡, 苏木 or 街道 (a header names them so; farms and zones are
// left out), and whose county name no other county has (file names stay
// unique). Names shared by townships of other counties are kept: 城关镇 is
// 88 places.
func realCounties(g *places.Gazetteer) []county {
	byCode := map[string]*county{}
	seen := map[string]int{}
	var out []*county
	for _, c := range g.Places(places.County, 2022) {
		p := g.Parents(c.Code, 2022).Province
		prov := ""
		for _, s := range provinces {
			if strings.HasPrefix(p.Name, s) {
				prov = s
			}
		}
		if prov == "" {
			continue
		}
		seen[c.Name]++
		out = append(out, &county{Place: c, province: prov})
		byCode[c.Code] = out[len(out)-1]
	}
	for _, t := range g.Places(places.Township, 2022) {
		if c := byCode[t.Code[:6]]; c != nil && townName(t.Name) {
			c.towns = append(c.towns, t)
		}
	}
	var keep []county
	for _, c := range out {
		if seen[c.Name] == 1 && len(c.towns) > 0 {
			keep = append(keep, *c)
		}
	}
	return keep
}

// townName reports whether a township's name is Han characters ending in 镇,
// 乡, 苏木 or 街道.
func townName(name string) bool {
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	for _, s := range []string{"镇", "乡", "苏木", "街道"} {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			return true
		}
	}
	return false
}

// buildWorld draws the regions from the counties and lists n reports,
// ordered by province, county, region and year: years consecutive reports
// per region, the last region cut short so the total is n. It fails when
// the counties do not give n reports.
func buildWorld(cs []county, n, years int, seed uint64) ([]report, error) {
	rng := rand.New(rand.NewPCG(seed, 0x776f726c64)) // "world"
	need := (n + years - 1) / years
	var regs []*region
	for _, k := range rng.Perm(len(cs)) {
		if len(regs) >= need {
			break
		}
		regs = append(regs, draw(rng, &cs[k], need-len(regs), years)...)
	}
	if len(regs) < need {
		return nil, fmt.Errorf("flag -n: the gazetteer gives %d regions, %d reports of -years %d (got %d): raise -years", len(regs), len(regs)*years, years, n)
	}
	sort.SliceStable(regs, func(i, j int) bool { return regs[i].province < regs[j].province })
	var out []report
	for _, r := range regs {
		for y := r.first; y < r.first+r.years && len(out) < n; y++ {
			out = append(out, report{reg: r, year: y})
		}
	}
	return out, nil
}

// draw takes a county (县, or a district 区) and 5–12 of its townships and
// streets at random, at most max regions in all.
func draw(rng *rand.Rand, c *county, max, years int) []*region {
	cr := &region{name: c.Name, file: c.Name, level: levelCounty, province: c.province, code: c.Code}
	if strings.HasSuffix(c.Name, "区") {
		cr.level = levelDistrict
	}
	out := []*region{cr}
	towns := minTowns + rng.IntN(maxTowns-minTowns+1)
	for _, k := range rng.Perm(len(c.towns)) {
		if len(out)-1 >= towns || len(out) >= max {
			break
		}
		t := c.towns[k]
		tr := &region{name: t.Name, file: c.Name + t.Name, level: levelTownship, province: c.province, county: c.Name, code: t.Code}
		if strings.HasSuffix(t.Name, "街道") {
			tr.level = levelStreet
		}
		out = append(out, tr)
	}
	for _, r := range out {
		r.years = min(years, lastYear-firstYear+1)
		r.first = firstYear + rng.IntN(lastYear-firstYear+2-r.years)
	}
	return out
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }
