package analysis

import (
	"slices"
	"strings"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
)

// PlaceGroupings are the --by keys that group documents by division code
// (reports.Meta.Place): place, the document's own panel (清苑县 and 清苑区
// are one); county, city and province, the panel of the division holding
// it at that level (a township report groups under its county's code).
var PlaceGroupings = []string{"place", "county", "city", "province"}

// IsPlaceGrouping reports whether by is one of PlaceGroupings.
func IsPlaceGrouping(by string) bool { return slices.Contains(PlaceGroupings, by) }

// PlaceGroup returns the panel id of m's group under by (one of
// PlaceGroupings), and false when m has no code or no division at that
// level (a province report under --by county).
func PlaceGroup(m reports.Meta, by string) (string, bool) {
	id := placeOf(m, by)
	return id, id != ""
}

// PlaceLabels names groups given by panel ids: the official name of each
// panel's latest place (the panel of 清苑县 and 清苑区 is 清苑区), followed
// by its code where two groups share a name (朝阳区 110105, 朝阳区 220104).
// An id the gazetteer does not know is its own label.
func PlaceLabels(ids []string) map[string]string {
	g, err := places.Load()
	names := make(map[string]string, len(ids))
	count := map[string]int{}
	for _, id := range ids {
		name := id
		if err == nil {
			if p, ok := g.Panel(id); ok {
				name = p.Name
			}
		}
		if _, seen := names[id]; !seen {
			count[name]++
		}
		names[id] = name
	}
	for id, name := range names {
		if count[name] > 1 && name != id {
			names[id] = name + " " + id
		}
	}
	return names
}

// PlaceSortKey orders panel ids by code, a division before those it
// holds (100000 全国, 130000 河北省, 130600 保定市, 130608 清苑区,
// 130608100 清苑镇): the code padded to 9 digits, then anything after it.
func PlaceSortKey(id string) string {
	code, rest, _ := strings.Cut(id, "@")
	if len(code) < 9 {
		code += strings.Repeat("0", 9-len(code))
	}
	return code + "@" + rest
}

// Superiors returns the panel ids of the divisions above m's place in its
// year (places.Gazetteer.Superiors: county, city, province, the centre),
// nearest first; nil when m has no code.
func Superiors(m reports.Meta) []string {
	p := m.Place
	if p == nil || !p.Resolved() {
		return nil
	}
	g, err := places.Load()
	if err != nil {
		return nil
	}
	var out []string
	for _, s := range g.Superiors(p.Code, m.Year) {
		out = append(out, s.ID)
	}
	return out
}
