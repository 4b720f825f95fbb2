package analysis

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
)

// Filter selects documents by metadata. Each condition is key=value; all
// conditions must hold; values separated by | are alternatives
// (region=浙江|江苏). Keys:
//
//   - region: the place named, by any spelling, and every place within
//     it: region=河北省 matches the reports of 河北 (and of 河北省) and of
//     the cities, counties and townships in Hebei, as province=河北 does;
//     region=清苑县 those of 清苑区 too (one panel) and of its townships.
//     It is province=, city= or county= without saying the level; add
//     level=province (or place=) for the place's own reports. A value the
//     gazetteer places is matched on panel ids (reports.Meta.Place and the
//     divisions holding it); any value also matches a region, or a
//     manifest province, city or county column, written the same way (a
//     province in its short form), for reports with no code such as
//     fictional places.
//   - province, city, county: the division holding the document, by name
//     (every spelling: 河北, 河北省; 徐水 for 徐水县 and 徐水区) or code,
//     matched on panel ids; a township lies in its county, city and
//     province. A name several places have (朝阳区) matches them all. A
//     manifest column of that name is matched too (exact value).
//   - code: the document's division code in its year, or a glob
//     (code=1306* is 保定市 and every county and township in it).
//   - place: the document's panel id (place=130608), or a place name.
//   - level: one of reports.Levels.
//   - year: 2020, 2015..2019, 2015.., ..2019.
//   - doc (or id): a document ID or a glob (path.Match: * and ? stop at a
//     /, so a glob is also tried on the ID's base name: doc=*保定* matches
//     hebei_baoding/保定市_2020.txt).
//   - any manifest extra column: its exact value.
type Filter struct {
	conds []cond
	text  string
}

type cond struct {
	key    string
	values []string // alternatives
	lo, hi int      // year range, inclusive
	// ids are the panel ids the values name (region, province, city,
	// county, place), and keys the values' normalised forms (region).
	ids, keys map[string]bool
}

// ParseFilter reads specs, each "key=value" or several joined by commas.
func ParseFilter(specs []string) (Filter, error) {
	f := Filter{text: strings.Join(specs, ",")}
	for _, spec := range specs {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			key, val, ok := strings.Cut(part, "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			if !ok || key == "" || val == "" {
				return f, fmt.Errorf("filter %q: want key=value (region=浙江, year=2015..2019, level=county)", part)
			}
			c := cond{key: key, values: strings.Split(val, "|")}
			if key == "year" {
				lo, hi, err := yearRange(val)
				if err != nil {
					return f, fmt.Errorf("filter %q: %w", part, err)
				}
				c.lo, c.hi = lo, hi
			}
			if key == "level" {
				for _, v := range c.values {
					if LevelRank(v) == len(reports.Levels) {
						return f, fmt.Errorf("filter %q: unknown level %q (want %s)", part, v, strings.Join(reports.Levels, ", "))
					}
				}
			}
			if _, ok := placeKeys[key]; ok {
				if err := c.placeIDs(); err != nil {
					return f, fmt.Errorf("filter %q: %w", part, err)
				}
			}
			f.conds = append(f.conds, c)
		}
	}
	if len(f.conds) == 0 {
		return f, fmt.Errorf("empty filter: want key=value (region=浙江, year=2015..2019, level=county)")
	}
	return f, nil
}

func yearRange(s string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(s, "..")
	parse := func(x string, def int) (int, error) {
		if x == "" {
			return def, nil
		}
		y, err := strconv.Atoi(x)
		if err != nil {
			return 0, fmt.Errorf("year %q is not a number", x)
		}
		return y, nil
	}
	if lo, err = parse(a, math.MinInt); err != nil {
		return
	}
	if !isRange {
		return lo, lo, nil
	}
	if hi, err = parse(b, math.MaxInt); err != nil {
		return
	}
	if lo > hi {
		return 0, 0, fmt.Errorf("year range %s is empty", s)
	}
	return lo, hi, nil
}

// String returns the filter as given.
func (f Filter) String() string { return f.text }

// Match reports whether a unit with this ID and metadata passes.
func (f Filter) Match(id string, m reports.Meta) bool {
	for _, c := range f.conds {
		if !c.match(id, m) {
			return false
		}
	}
	return true
}

func (c cond) match(id string, m reports.Meta) bool {
	if c.key == "year" {
		return m.Year != 0 && m.Year >= c.lo && m.Year <= c.hi
	}
	var have string
	switch c.key {
	case "region":
		for _, k := range regionKeys {
			if c.ids[placeOf(m, k)] || c.keys[reports.ShortProvince(regionValue(m, k))] {
				return true
			}
		}
		return false
	case "level":
		have = m.Level
	case "doc", "id":
		base := path.Base(id)
		for _, v := range c.values {
			if ok, _ := path.Match(v, id); ok || v == id {
				return true
			}
			if ok, _ := path.Match(v, base); ok {
				return true
			}
		}
		return false
	case "code":
		code := m.Value("code")
		for _, v := range c.values {
			if ok, _ := path.Match(v, code); ok && code != "" {
				return true
			}
		}
		return false
	case "place", "province", "city", "county":
		if c.ids[placeOf(m, c.key)] {
			return true
		}
		if c.key == "place" {
			return false
		}
		have = m.Extra[c.key]
	default:
		have = m.Extra[c.key]
	}
	for _, v := range c.values {
		if v == have {
			return true
		}
	}
	return false
}

// regionKeys are the places a region value is matched against: the
// document's own and those holding it.
var regionKeys = []string{"place", "county", "city", "province"}

// regionValue is the name m gives the place of key k: its region, or the
// manifest's county, city or province column.
func regionValue(m reports.Meta, k string) string {
	if k == "place" {
		return m.Region
	}
	return m.Extra[k]
}

// placeKeys are the filter keys matched on places, with the level a name
// is looked up at (Unknown: any).
var placeKeys = map[string]places.Level{
	"region": places.Unknown, "place": places.Unknown,
	"province": places.Province, "city": places.Prefecture, "county": places.County,
}

// placeIDs finds the panel ids c's values name. A region is placed as a
// report's region would be (河北, 朝阳 the prefecture before the
// counties); a name several places have gives them all; a code gives its
// panel. A province, city or county named by nothing the gazetteer holds
// matches only a manifest column of that name; such a region only a
// region written alike; such a place is an error.
func (c *cond) placeIDs() error {
	g, err := places.Load()
	if err != nil {
		return err
	}
	r := places.NewResolver(g, nil)
	c.ids, c.keys = map[string]bool{}, map[string]bool{}
	for _, v := range c.values {
		if p, ok := g.Place(v, 0); ok {
			c.ids[p.ID] = true
			continue
		}
		if _, ok := g.Panel(v); ok {
			c.ids[v] = true
			continue
		}
		switch c.key {
		case "region":
			c.keys[reports.ShortProvince(v)] = true
			res := r.ResolveName(v, places.Unknown, 0)
			if res.Resolved() {
				c.ids[res.ID] = true
			}
			for _, cand := range res.Candidates {
				c.ids[g.PanelID(cand.Code, 0)] = true
			}
			continue
		}
		ps := g.Lookup(v, placeKeys[c.key])
		for _, p := range ps {
			c.ids[p.ID] = true
		}
		if len(ps) == 0 && c.key == "place" {
			return fmt.Errorf("no place is named %s (give a name, a code or a panel id: see 'tifa places')", v)
		}
	}
	return nil
}

// placeOf returns the panel id of m's place (key "place") or of the
// division of level key (province, city, county) holding it; "" when the
// document has no code or no such division.
func placeOf(m reports.Meta, key string) string { return m.Division(key).ID }
