package reports

import (
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/tifa-project/tifa/places"
)

// SourceCode is the LevelSource of a level taken from the document's
// division code (Meta.Place) when neither the manifest nor the region's
// suffix gave one.
const SourceCode = "code"

// PlaceColumns are the columns of a document's place, in the order tifa's
// outputs show them after region, level and year (see Meta.Value):
//
//	code          the division code in the report's year: 6 digits, 9 for a township
//	place         the panel id: the code followed through renames (places.Place.ID)
//	name          the official name in the report's year
//	province, city, county  the official names of the divisions holding it, itself included
//	place_source  what decided it: override, manifest, filename, path or header
var PlaceColumns = []string{"code", "place", "name", "province", "city", "county", "place_source"}

// MetaColumns lists the metadata columns of documents read with the
// manifest extra columns extra: region, level, year, PlaceColumns, then
// extra. Outputs that let the user choose columns offer these; Meta.Value
// gives each one's value.
func MetaColumns(extra []string) []string {
	out := append([]string{"region", "level", "year"}, PlaceColumns...)
	return append(out, extra...)
}

// Value returns the value of metadata column name (one of MetaColumns) as
// text: "" when unknown (year 0, a document not placed). A name that is no
// column of tifa's is looked up among the manifest's extra columns.
func (m Meta) Value(name string) string {
	switch name {
	case "region":
		return m.Region
	case "level":
		return m.Level
	case "year":
		if m.Year == 0 {
			return ""
		}
		return strconv.Itoa(m.Year)
	}
	switch name {
	case "code":
		return m.Division("place").Code
	case "place":
		return m.Division("place").ID
	case "name":
		return m.Division("place").Name
	case "province", "city", "county":
		return m.Division(name).Name
	case "place_source":
		if m.Place != nil {
			return m.Place.Source.String()
		}
	}
	if inList(PlaceColumns, name) {
		return ""
	}
	return m.Extra[name]
}

// Division returns m's place (level "place") or the division holding it at
// level "province", "city" or "county" (itself when it is of that level),
// in the report's year; a zero Place when m has no code or no division at
// that level.
func (m Meta) Division(level string) places.Place {
	p := m.Place
	if p == nil || !p.Resolved() {
		return places.Place{}
	}
	switch level {
	case "province":
		return p.Province
	case "city":
		return p.City
	case "county":
		return p.County
	}
	return p.Place
}

// resolver returns the resolver placing the documents: Options.Places, or
// the embedded gazetteer without overrides.
func (s *Source) resolver() *places.Resolver {
	s.placesOnce.Do(func() {
		s.places = s.opt.Places
		if s.places == nil {
			g, err := places.Load()
			if err != nil {
				panic("reports: " + err.Error()) // the embedded data: ours
			}
			s.places = places.NewResolver(g, nil)
		}
	})
	return s.places
}

// place resolves where each document's author lies (Meta.Place), once it
// is read or taken from the cache: the path, the overrides and the
// gazetteer are not part of a cache key. The region (from the manifest,
// the file name or the header: the code is that of the region column),
// the manifest's level, code, province, city and county columns, the path
// and file name and the start of the text are what the resolver knows
// (places.Doc); with no region, it looks for a name in the file name,
// folders and header itself. A level still unknown is taken
// from the code (LevelSource "code"). A name that is unknown or names
// several places gets a warning with at most five candidates, and no code.
func (s *Source) place(docs []*Document) {
	r := s.resolver()
	for _, d := range docs {
		res := r.Resolve(placesDoc(d))
		d.Meta.Place = &res
		if d.Meta.Level == "" && res.Resolved() {
			if l := LevelOfPlace(res.Place); l != "" {
				d.Meta.Level, d.Meta.LevelSource = l, SourceCode
				d.Warnings = dropWarning(d.Warnings, "no level known for region "+d.Meta.Region)
			}
		}
		if w := placeWarning(d.Meta, res); w != "" {
			d.Warn("%s", w)
		}
	}
}

// placesDoc is what the resolver is told of d.
func placesDoc(d *Document) places.Doc {
	m := d.Meta
	pd := places.Doc{Year: m.Year, Path: filepath.ToSlash(d.Path), Part: d.BundleIndex, Header: d.Text}
	pd.Region = m.Region
	switch m.RegionSource {
	case SourceFilename:
		pd.RegionFrom = places.FromFile
	case SourceHeader:
		pd.RegionFrom = places.FromHeader
	}
	if m.LevelSource == SourceManifest {
		pd.Level, _ = places.ParseLevel(m.Level)
	}
	for k, v := range m.Extra {
		switch strings.ToLower(k) {
		case "code":
			pd.Code = v
		case "province":
			pd.Province = v
		case "city":
			pd.City = v
		case "county":
			pd.County = v
		}
	}
	return pd
}

// LevelOfPlace gives a place's level in tifa's words: a county-level
// division named …区 is a district, a township named …街道 a street; a zone
// has no level of tifa's.
func LevelOfPlace(p places.Place) string {
	switch p.Level {
	case places.National:
		return LevelNational
	case places.Province:
		return LevelProvince
	case places.Prefecture:
		return LevelCity
	case places.County:
		if strings.HasSuffix(p.Name, "区") {
			return LevelDistrict
		}
		return LevelCounty
	case places.Township:
		if strings.HasSuffix(p.Name, "街道") {
			return LevelStreet
		}
		return LevelTownship
	}
	return ""
}

// placeWarning says why a document could not be placed: "" when it was,
// when it is marked as no division, and when no place name was found at
// all and no region is known either ("no region known" says it).
func placeWarning(m Meta, res places.Result) string {
	if res.Resolved() || res.NoDivision || res.Matched == "" && m.Region == "" {
		return ""
	}
	w := "no code: " + res.Why
	if len(res.Candidates) > 0 {
		cs := make([]string, len(res.Candidates))
		for i, c := range res.Candidates {
			cs[i] = c.Code + " " + c.Names
		}
		w += ": " + strings.Join(cs, "; ") + "; give the code in a manifest column code, or --places FILE"
	}
	return w
}

// dropWarning removes the warning w from ws.
func dropWarning(ws []string, w string) []string {
	out := ws[:0]
	for _, x := range ws {
		if x != w {
			out = append(out, x)
		}
	}
	return out
}

// placesState is the part of a Source that places documents.
type placesState struct {
	placesOnce sync.Once
	places     *places.Resolver
}
