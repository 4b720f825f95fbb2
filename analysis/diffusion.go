package analysis

import (
	"fmt"
	"slices"
	"sort"

	"github.com/tifa-project/tifa/reports"
)

// Diffusion follows each slogan across regions and years: when each region
// first mentions it, how the share of regions of each level that have used
// it grows, and how far each region lags behind the first national use.
// It takes document counts as they come and keeps, per region, only the
// Chinese characters per year and the mentions per (slogan, year) — never
// the documents.
//
// For a slogan s and a region r observed in years Y(r) (years with a
// report):
//
//	first_year(r, s) = min{y ∈ Y(r) : mentions(r, s, y) > 0}
//	national(s)      = min first_year(n, s) over national-level regions n
//	lag(r, s)        = first_year(r, s) − national(s)   (negative: before the centre)
//	share(level, s)  = adopters / regions of that level
//
// An adoption in a region's first observed year is left-censored: the
// region may have used the slogan before its first report in the corpus,
// so its lag is an upper bound.
//
// A region's superior is the nearest division above it (its county,
// city, province, then the centre: places.Gazetteer.Superiors of its code)
// that is a region of the diffusion; its lag behind its superior is
//
//	lag_superior(r, s) = first_year(r, s) − first_year(superior(r), s)
//
// when the superior has used s: a township behind its own county, a
// county behind its own city.
type Diffusion struct {
	by                       string // "region", or one of PlaceGroupings
	regions                  map[string]*diffRegion
	total                    map[int]int // entry → mentions over all documents
	noRegion, noYear, noText []string
	unplaced                 []string
	ready                    bool                          // names and superiors are set
	superior                 map[*diffRegion][]*diffRegion // see superiors
}

// diffRegion is what Diffusion keeps of one region.
type diffRegion struct {
	name      string
	level     string
	levelYear int               // year of the report that gave the level
	chars     map[int]int       // year → Han characters analysed
	mentions  map[entryYear]int // (entry, year) → mentions
	first     map[int]int       // entry → first year mentioned
	// panel, code and placeYear place the region: its panel id, and the
	// code of its latest placed report and that report's year (see
	// superiors); empty when none of its reports has a code.
	panel, code string
	placeYear   int
}

type entryYear struct{ entry, year int }

// NewDiffusion returns an empty diffusion of regions (the region column).
func NewDiffusion() *Diffusion {
	d, _ := NewDiffusionBy("region")
	return d
}

// NewDiffusionBy returns an empty diffusion whose regions are by: "region"
// (the region column, as written), or one of PlaceGroupings, divisions by
// code (place: 清苑县 and 清苑区 are one; county: a township's reports
// count as its county's). Under a place grouping, a report with a code but
// no division at that level (a province's under county) is a region of its
// own, so the centre and the superiors stay; one with no code is left out
// (Unplaced).
func NewDiffusionBy(by string) (*Diffusion, error) {
	if by != "region" && !IsPlaceGrouping(by) {
		return nil, fmt.Errorf("diffusion: cannot group by %q (want region, place, county, city or province)", by)
	}
	return &Diffusion{by: by, regions: map[string]*diffRegion{}, total: map[int]int{}}, nil
}

// Add adds one document's counts to its region and year. A document without
// a region (under a place grouping: without a code), without a year or
// without Chinese text in the analysed part is left out and listed by
// Skipped (Unplaced). A region's level is the level of its latest report
// (a county that became a district is a district); under a place
// grouping, the level of its division's code.
func (d *Diffusion) Add(dc DocCount) {
	key, placed := dc.Meta.Region, d.by == "region"
	if !placed {
		if key, placed = PlaceGroup(dc.Meta, d.by); !placed {
			key, placed = PlaceGroup(dc.Meta, "place")
		}
	}
	switch {
	case d.by == "region" && dc.Meta.Region == "":
		d.noRegion = append(d.noRegion, dc.ID)
		return
	case !placed:
		d.unplaced = append(d.unplaced, dc.ID)
		return
	case dc.Meta.Year == 0:
		d.noYear = append(d.noYear, dc.ID)
		return
	case dc.Chars == 0:
		d.noText = append(d.noText, dc.ID)
		return
	}
	r := d.regions[key]
	if r == nil {
		r = &diffRegion{name: key, chars: map[int]int{}, mentions: map[entryYear]int{}, first: map[int]int{}}
		d.regions[key] = r
	}
	d.ready = false
	y := dc.Meta.Year
	if d.by != "region" {
		r.setPanel(key, y)
	} else if p := dc.Meta.Place; p != nil && p.Resolved() && y >= r.placeYear {
		r.panel, r.code, r.placeYear = p.ID, p.Code, y
	}
	if d.by == "region" && dc.Meta.Level != "" && (r.level == "" || y > r.levelYear || y == r.levelYear && LevelRank(dc.Meta.Level) < LevelRank(r.level)) {
		r.level, r.levelYear = dc.Meta.Level, y
	}
	r.chars[y] += dc.Chars
	for _, sc := range dc.Slogans {
		if sc.Count == 0 {
			continue
		}
		r.mentions[entryYear{sc.Entry, y}] += sc.Count
		d.total[sc.Entry] += sc.Count
		if f, ok := r.first[sc.Entry]; !ok || y < f {
			r.first[sc.Entry] = y
		}
	}
}

// Skipped returns the IDs of the documents left out: without a region,
// without a year, and without Chinese text in the analysed part.
func (d *Diffusion) Skipped() (noRegion, noYear, noText []string) {
	return d.noRegion, d.noYear, d.noText
}

// LevelRank orders levels from the centre down, as reports.Levels lists
// them (national 0 … street 6); unknown levels come last.
func LevelRank(l string) int {
	if i := slices.Index(reports.Levels, l); i >= 0 {
		return i
	}
	return len(reports.Levels)
}

// sortedRegions returns the regions by level (centre first), then name.
func (d *Diffusion) sortedRegions() []*diffRegion {
	d.prepare()
	out := make([]*diffRegion, 0, len(d.regions))
	for _, r := range d.regions {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := LevelRank(a.level), LevelRank(b.level); ra != rb {
			return ra < rb
		}
		return a.name < b.name
	})
	return out
}

// Levels returns the levels of the regions added, centre first; an
// unknown level ("") comes last.
func (d *Diffusion) Levels() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range d.sortedRegions() {
		if !seen[r.level] {
			seen[r.level] = true
			out = append(out, r.level)
		}
	}
	return out
}

// NationalFirst returns the first year a national-level region mentions
// entry e, and false when none does.
func (d *Diffusion) NationalFirst(e int) (int, bool) {
	best, ok := 0, false
	for _, r := range d.regions {
		if r.level != reports.LevelNational {
			continue
		}
		if f, has := r.first[e]; has && (!ok || f < best) {
			best, ok = f, true
		}
	}
	return best, ok
}

// DiffusionOptions select the slogans reported.
type DiffusionOptions struct {
	// Entries, when not nil, lists the only entries reported, in this
	// order, used or not.
	Entries []int
	// Top keeps the Top entries adopted by most regions (ties: most
	// mentions, then entry index); 0 keeps every entry used anywhere.
	Top int
}

// entries returns the entries opt selects.
func (d *Diffusion) entries(opt DiffusionOptions) []int {
	if opt.Entries != nil {
		return opt.Entries
	}
	adopters := map[int]int{}
	for _, r := range d.regions {
		for e := range r.first {
			adopters[e]++
		}
	}
	out := make([]int, 0, len(adopters))
	for e := range adopters {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if adopters[a] != adopters[b] {
			return adopters[a] > adopters[b]
		}
		if d.total[a] != d.total[b] {
			return d.total[a] > d.total[b]
		}
		return a < b
	})
	if opt.Top > 0 && len(out) > opt.Top {
		out = out[:opt.Top]
	}
	return out
}

// firstObserved returns the first year the region has a report.
func (r *diffRegion) firstObserved() int {
	first := 0
	for y := range r.chars {
		if first == 0 || y < first {
			first = y
		}
	}
	return first
}

// priorTo returns the last year before y in which the region has a
// report, 0 when none.
func (r *diffRegion) priorTo(y int) int {
	prior := 0
	for x := range r.chars {
		if x < y && x > prior {
			prior = x
		}
	}
	return prior
}

// years returns the years the region has a report, ascending.
func (r *diffRegion) years() []int {
	ys := make([]int, 0, len(r.chars))
	for y := range r.chars {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// Adoption is one region's first use of one slogan.
type Adoption struct {
	Entry     int
	Region    string
	Level     string
	FirstObs  int // first year the region has a report in the corpus
	FirstYear int // first year the region mentions the slogan
	// PriorObs is the last year before FirstYear in which the region has a
	// report (not mentioning the slogan), 0 when none: the adoption lies in
	// (PriorObs, FirstYear] — an interval when reports are years apart.
	PriorObs int
	// Lag is FirstYear minus the first national year; valid when HasLag.
	Lag    int
	HasLag bool
	// LeftCensored: FirstYear == FirstObs, so the region may have used
	// the slogan before its first report in the corpus.
	LeftCensored bool
	// Superior names the region's superior among the regions ("" when
	// none of its superiors is; names joined by | when several regions
	// are that division); SuperiorFirst is the superior's first year of
	// the slogan, 0 when it has not used it; LagSuperior is FirstYear
	// minus SuperiorFirst, valid when SuperiorFirst is not 0.
	Superior      string
	SuperiorFirst int
	LagSuperior   int
}

// Adoptions returns, for each selected slogan (in rank order), the regions
// that used it, by level (centre first), first year, then region.
func (d *Diffusion) Adoptions(opt DiffusionOptions) []Adoption {
	var out []Adoption
	regions := d.sortedRegions()
	for _, e := range d.entries(opt) {
		nat, hasNat := d.NationalFirst(e)
		start := len(out)
		for _, r := range regions {
			f, ok := r.first[e]
			if !ok {
				continue
			}
			obs := r.firstObserved()
			a := Adoption{Entry: e, Region: r.name, Level: r.level, FirstObs: obs, FirstYear: f, PriorObs: r.priorTo(f), LeftCensored: f == obs}
			if hasNat {
				a.Lag, a.HasLag = f-nat, true
			}
			a.Superior, a.SuperiorFirst = d.superiorFirst(r, e)
			if a.SuperiorFirst != 0 {
				a.LagSuperior = f - a.SuperiorFirst
			}
			out = append(out, a)
		}
		part := out[start:]
		sort.SliceStable(part, func(i, j int) bool {
			a, b := part[i], part[j]
			if ra, rb := LevelRank(a.Level), LevelRank(b.Level); ra != rb {
				return ra < rb
			}
			if a.FirstYear != b.FirstYear {
				return a.FirstYear < b.FirstYear
			}
			return a.Region < b.Region
		})
	}
	return out
}

// DiffusionRow summarises one slogan at one level.
type DiffusionRow struct {
	Entry        int
	Level        string
	Regions      int     // regions of the level in the corpus
	Adopters     int     // of them, regions that used the slogan
	LeftCensored int     // of the adopters, those that used it in their first observed year
	Share        float64 // Adopters / Regions
	FirstYear    int     // first year any region of the level used it; 0 if none
	// MedianLag is the median of the adopters' lags behind the first
	// national use (the mean of the two middle values for an even count);
	// valid when HasLag (a national use and at least one adopter).
	MedianLag float64
	HasLag    bool
	// MedianLagSuperior is the median of the adopters' lags behind their
	// own superiors (Adoption.LagSuperior), valid when HasSuperiorLag (an
	// adopter whose superior used the slogan).
	MedianLagSuperior float64
	HasSuperiorLag    bool
}

// Summary returns one row per selected slogan (in rank order) and level
// (centre first), levels without any adopter included, so levels compare
// side by side.
func (d *Diffusion) Summary(opt DiffusionOptions) []DiffusionRow {
	levels := d.Levels()
	regionsAt := map[string]int{}
	for _, r := range d.regions {
		regionsAt[r.level]++
	}
	adoptions := d.Adoptions(opt)
	var out []DiffusionRow
	i := 0
	for _, e := range d.entries(opt) {
		for _, l := range levels {
			row := DiffusionRow{Entry: e, Level: l, Regions: regionsAt[l]}
			var lags, supLags []int
			for ; i < len(adoptions) && adoptions[i].Entry == e && adoptions[i].Level == l; i++ {
				a := adoptions[i]
				row.Adopters++
				if a.SuperiorFirst != 0 {
					supLags = append(supLags, a.LagSuperior)
				}
				if a.LeftCensored {
					row.LeftCensored++
				}
				if row.FirstYear == 0 || a.FirstYear < row.FirstYear {
					row.FirstYear = a.FirstYear
				}
				if a.HasLag {
					lags = append(lags, a.Lag)
				}
			}
			row.Share = float64(row.Adopters) / float64(row.Regions)
			if len(lags) > 0 {
				row.MedianLag, row.HasLag = medianInt(lags), true
			}
			if len(supLags) > 0 {
				row.MedianLagSuperior, row.HasSuperiorLag = medianInt(supLags), true
			}
			out = append(out, row)
		}
	}
	return out
}

// medianInt returns the median of xs (not empty): the middle value, or
// the mean of the two middle values.
func medianInt(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// CurvePoint is the adoption curve of one slogan at one level in one year.
type CurvePoint struct {
	Entry    int
	Level    string
	Year     int
	Observed int     // regions of the level with a report this year
	New      int     // regions of the level whose first use is this year
	Adopters int     // regions of the level that have used it by this year
	Share    float64 // Adopters / regions of the level
}

// Curve returns the cumulative adoption curve of each selected slogan (in
// rank order) at each level (centre first), for every year in which the
// level has a report.
func (d *Diffusion) Curve(opt DiffusionOptions) []CurvePoint {
	levels := d.Levels()
	byLevel := map[string][]*diffRegion{}
	for _, r := range d.sortedRegions() {
		byLevel[r.level] = append(byLevel[r.level], r)
	}
	var out []CurvePoint
	for _, e := range d.entries(opt) {
		for _, l := range levels {
			rs := byLevel[l]
			observed, adopted := map[int]int{}, map[int]int{}
			for _, r := range rs {
				for y := range r.chars {
					observed[y]++
				}
				if f, ok := r.first[e]; ok {
					adopted[f]++
				}
			}
			years := make([]int, 0, len(observed))
			for y := range observed {
				years = append(years, y)
			}
			sort.Ints(years)
			cum := 0
			for _, y := range years {
				cum += adopted[y]
				out = append(out, CurvePoint{Entry: e, Level: l, Year: y, Observed: observed[y], New: adopted[y],
					Adopters: cum, Share: float64(cum) / float64(len(rs))})
			}
		}
	}
	return out
}

// Event is one region, slogan and observed year of the event-history
// panel: a row for every year in which the region has a report.
type Event struct {
	Region   string
	Level    string
	Entry    int
	Year     int
	Adopted  bool // the region has mentioned the slogan in this year or before
	AtRisk   bool // not adopted before this year: rows up to and including the adoption year
	Mentions int
	Per10k   float64 // mentions per 10,000 Han characters of the region's reports this year
	// YearsSinceNational is Year minus the first national year; valid when
	// HasNational.
	YearsSinceNational int
	HasNational        bool
	// SuperiorAdopted: the region's superior (see Adoption.Superior) has
	// mentioned the slogan in this year or before; valid when HasSuperior.
	SuperiorAdopted, HasSuperior bool
}

// Events returns the region × slogan × year panel for the selected slogans
// (in rank order), regions by level and name, years ascending. Every
// observed year is kept, after adoption too: keep AtRisk rows for a
// survival (discrete-time hazard) model, all rows for a panel of use.
func (d *Diffusion) Events(opt DiffusionOptions) []Event {
	var out []Event
	regions := d.sortedRegions()
	for _, e := range d.entries(opt) {
		nat, hasNat := d.NationalFirst(e)
		for _, r := range regions {
			f, used := r.first[e]
			for _, y := range r.years() {
				m := r.mentions[entryYear{e, y}]
				ev := Event{Region: r.name, Level: r.level, Entry: e, Year: y,
					Adopted: used && y >= f, AtRisk: !used || y <= f,
					Mentions: m, Per10k: Per10k(m, r.chars[y])}
				if hasNat {
					ev.YearsSinceNational, ev.HasNational = y-nat, true
				}
				if sup, sf := d.superiorFirst(r, e); sup != "" {
					ev.HasSuperior, ev.SuperiorAdopted = true, sf != 0 && sf <= y
				}
				out = append(out, ev)
			}
		}
	}
	return out
}
