package analysis

import (
	"sort"
	"strings"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
)

// Unplaced returns the IDs of the documents a place grouping left out:
// with no code.
func (d *Diffusion) Unplaced() []string { return d.unplaced }

// By returns the grouping of the diffusion's regions.
func (d *Diffusion) By() string { return d.by }

// setPanel places a region of a place grouping: the panel id, the latest
// code of the panel, and its level.
func (r *diffRegion) setPanel(id string, y int) {
	r.panel = id
	if y > r.placeYear {
		r.placeYear = y
	}
	if r.code != "" {
		return
	}
	if g, err := places.Load(); err == nil {
		if p, ok := g.Panel(id); ok {
			r.code, r.level = p.Code, reports.LevelOfPlace(p)
		}
	}
}

// prepare names the regions of a place grouping (PlaceLabels) and finds
// each region's superior, once after the last Add.
func (d *Diffusion) prepare() {
	if d.ready {
		return
	}
	d.ready = true
	if d.by != "region" {
		ids := make([]string, 0, len(d.regions))
		for id := range d.regions {
			ids = append(ids, id)
		}
		labels := PlaceLabels(ids)
		for id, r := range d.regions {
			r.name = labels[id]
		}
	}
	d.superior = d.superiors()
}

// superiors maps each region to the regions that are its nearest
// superior: the first division of places.Gazetteer.Superiors (county,
// city, province, centre) of its code, in the year of its latest placed
// report, whose panel id is a region's. Regions sharing that panel id
// (清苑县 and 清苑区 under --by region) are all taken.
func (d *Diffusion) superiors() map[*diffRegion][]*diffRegion {
	out := map[*diffRegion][]*diffRegion{}
	g, err := places.Load()
	if err != nil {
		return out
	}
	byPanel := map[string][]*diffRegion{}
	for _, r := range d.regions {
		if r.panel != "" {
			byPanel[r.panel] = append(byPanel[r.panel], r)
		}
	}
	for _, rs := range byPanel {
		sort.Slice(rs, func(i, j int) bool { return rs[i].name < rs[j].name })
	}
	for _, r := range d.regions {
		if r.code == "" {
			continue
		}
		for _, s := range g.Superiors(r.code, r.placeYear) {
			if rs := byPanel[s.ID]; len(rs) > 0 {
				out[r] = rs
				break
			}
		}
	}
	return out
}

// superiorFirst returns the name of r's superior ("" for none; names
// joined by | when several regions are that division) and the first year
// any of them mentions entry e (0: never).
func (d *Diffusion) superiorFirst(r *diffRegion, e int) (string, int) {
	d.prepare()
	rs := d.superior[r]
	if len(rs) == 0 {
		return "", 0
	}
	names := make([]string, len(rs))
	first := 0
	for i, s := range rs {
		names[i] = s.name
		if f, ok := s.first[e]; ok && (first == 0 || f < first) {
			first = f
		}
	}
	return strings.Join(names, "|"), first
}
