package analysis

import (
	"fmt"
	"sort"
)

// Trend aggregates document counts into slogan × year statistics, as they
// come: it keeps per group and year only sums, never the documents.
//
// For a slogan s in group g and year y, with R the reports of g in y:
//
//	reports    = |R|
//	mentioning = |{r ∈ R : count(s, r) > 0}|
//	share      = mentioning / reports
//	mean_per10k = Σ_{r∈R} per10k(s, r) / reports   (reports without s count as 0)
//	first_year = min{y : mentioning(s, g, y) > 0}
type Trend struct {
	by      string
	cells   map[groupYear]*trendCell
	skipped []string // IDs of documents without a year
	empty   []string // IDs of documents with no Chinese text in the part
	// unplaced are the IDs of documents with no group under a place
	// grouping (no code, or no division at that level).
	unplaced []string
}

type groupYear struct {
	group string
	year  int
}

type trendCell struct {
	reports int
	slogans map[int]*trendSum
}

type trendSum struct {
	mentioning, mentions int
	per10k               float64
}

// NewTrend returns an empty trend grouped by by: "" (all reports together),
// "level", "region", or one of PlaceGroupings (place, county, city,
// province: groups of division codes, labelled by official names).
func NewTrend(by string) (*Trend, error) {
	switch {
	case by == "" || by == "level" || by == "region" || IsPlaceGrouping(by):
	default:
		return nil, fmt.Errorf("trend: cannot group by %q (want level, region, place, county, city or province)", by)
	}
	return &Trend{by: by, cells: map[groupYear]*trendCell{}}, nil
}

// group returns the group of a document: for a place grouping its panel
// id (labelled in Rows), false when it has none.
func (t *Trend) group(dc *DocCount) (string, bool) {
	switch t.by {
	case "level":
		return dc.Meta.Level, true
	case "region":
		return dc.Meta.Region, true
	case "":
		return "", true
	}
	return PlaceGroup(dc.Meta, t.by)
}

// Add adds one document's counts. A document without a year or without
// Chinese text in the analysed part is left out and listed by Skipped.
func (t *Trend) Add(dc DocCount) {
	if dc.Meta.Year == 0 {
		t.skipped = append(t.skipped, dc.ID)
		return
	}
	if dc.Chars == 0 {
		t.empty = append(t.empty, dc.ID)
		return
	}
	group, ok := t.group(&dc)
	if !ok {
		t.unplaced = append(t.unplaced, dc.ID)
		return
	}
	k := groupYear{group, dc.Meta.Year}
	c := t.cells[k]
	if c == nil {
		c = &trendCell{slogans: map[int]*trendSum{}}
		t.cells[k] = c
	}
	c.reports++
	for _, sc := range dc.Slogans {
		s := c.slogans[sc.Entry]
		if s == nil {
			s = &trendSum{}
			c.slogans[sc.Entry] = s
		}
		s.mentioning++
		s.mentions += sc.Count
		s.per10k += Per10k(sc.Count, dc.Chars)
	}
}

// By returns the grouping of the trend.
func (t *Trend) By() string { return t.by }

// Unplaced returns the IDs of the documents left out of a place grouping:
// with no code, or no division at the level grouped by (a province's
// report under --by county).
func (t *Trend) Unplaced() []string { return t.unplaced }

// Skipped returns the IDs of documents left out because their year is
// unknown, and of those with no Chinese text in the analysed part.
func (t *Trend) Skipped() (noYear, noText []string) { return t.skipped, t.empty }

// TrendRow is one slogan in one group and year.
type TrendRow struct {
	Group      string // "" when not grouped
	Year       int
	Entry      int
	Reports    int
	Mentioning int
	Mentions   int
	Share      float64
	MeanPer10k float64
	FirstYear  int // first year of the group in which any report mentions the slogan; 0 if none
}

// TrendValue returns what picks the measure name (mean_per10k, share,
// mentioning or mentions) from a row: a float64 or an int; nil for
// another name.
func TrendValue(name string) func(TrendRow) any {
	switch name {
	case "mean_per10k":
		return func(r TrendRow) any { return r.MeanPer10k }
	case "share":
		return func(r TrendRow) any { return r.Share }
	case "mentioning":
		return func(r TrendRow) any { return r.Mentioning }
	case "mentions":
		return func(r TrendRow) any { return r.Mentions }
	}
	return nil
}

// TrendOptions select the slogans reported.
type TrendOptions struct {
	// Entries, when not nil, lists the only entries reported, in this
	// order, mentioned or not.
	Entries []int
	// Top keeps the Top entries mentioned in most reports (ties: most
	// mentions, then entry index); 0 keeps all mentioned entries.
	Top int
}

// Rows returns the trend table: for each slogan (most widely mentioned
// first, unless opt.Entries orders them), each group in order, each year of
// that group ascending, one row — years in which no report mentions the
// slogan included, so the series has no gaps.
func (t *Trend) Rows(opt TrendOptions) []TrendRow {
	entries := opt.Entries
	if entries == nil {
		entries = t.rankEntries()
		if opt.Top > 0 && len(entries) > opt.Top {
			entries = entries[:opt.Top]
		}
	}
	keys := make([]groupYear, 0, len(t.cells))
	for k := range t.cells {
		keys = append(keys, k)
	}
	order, label := func(g string) string { return g }, func(g string) string { return g }
	if IsPlaceGrouping(t.by) {
		ids := make([]string, len(keys))
		for i, k := range keys {
			ids[i] = k.group
		}
		labels := PlaceLabels(ids)
		order, label = PlaceSortKey, func(g string) string { return labels[g] }
	}
	sort.Slice(keys, func(i, j int) bool {
		if a, b := order(keys[i].group), order(keys[j].group); a != b {
			return a < b
		}
		return keys[i].year < keys[j].year
	})
	var rows []TrendRow
	for _, e := range entries {
		first := map[string]int{}
		for _, k := range keys { // years ascending within a group
			if s := t.cells[k].slogans[e]; s != nil && first[k.group] == 0 {
				first[k.group] = k.year
			}
		}
		for _, k := range keys {
			c := t.cells[k]
			r := TrendRow{Group: label(k.group), Year: k.year, Entry: e, Reports: c.reports, FirstYear: first[k.group]}
			if s := c.slogans[e]; s != nil {
				r.Mentioning, r.Mentions = s.mentioning, s.mentions
				r.Share = float64(s.mentioning) / float64(c.reports)
				r.MeanPer10k = s.per10k / float64(c.reports)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// Years returns the years present in the trend, ascending.
func (t *Trend) Years() []int {
	seen := map[int]bool{}
	var ys []int
	for k := range t.cells {
		if !seen[k.year] {
			seen[k.year] = true
			ys = append(ys, k.year)
		}
	}
	sort.Ints(ys)
	return ys
}

func (t *Trend) rankEntries() []int {
	reps, ments := map[int]int{}, map[int]int{}
	for _, c := range t.cells {
		for e, s := range c.slogans {
			reps[e] += s.mentioning
			ments[e] += s.mentions
		}
	}
	out := make([]int, 0, len(reps))
	for e := range reps {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if reps[a] != reps[b] {
			return reps[a] > reps[b]
		}
		if ments[a] != ments[b] {
			return ments[a] > ments[b]
		}
		return a < b
	})
	return out
}
