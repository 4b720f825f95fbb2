package align

import (
	"cmp"
	"slices"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/vector"
)

// Alignment is one report and its superior's reports.
type Alignment struct {
	Doc int // the report: its index among the vectors' units
	// Superior is the division whose reports it is compared with; a zero
	// Place when no division above it has a report of its year or the
	// year before (then Same and Prev are −1).
	Superior places.Place
	// Same and Prev are the indices of the superior's reports of the
	// report's year and of the year before, −1 when there is none (the
	// first in reading order when there are several).
	Same, Prev int
	// SlogansSame, WordsSame, SlogansPrev and WordsPrev are the cosines
	// with them, in the slogans and the words space; valid when Same
	// (Prev) is not −1.
	SlogansSame, WordsSame, SlogansPrev, WordsPrev float64
	// Shared lists the slogan columns (of the slogans vectors) both the
	// report and the superior's report (of the same year, else the year
	// before) mention, Lacking those the superior's mentions and the
	// report does not; each by the superior's count, largest first, then
	// by label.
	Shared, Lacking []int
}

// Align aligns every report with its superior. slogans and words are the
// vectors of the same documents, one unit a document, in the same order
// (vector.BuildEach, then vector.Weigh); the units' Meta.Place and Year
// place them. A report with no code or no year has no superior. Align
// panics if the two vectors do not describe the same units.
func Align(slogans, words *vector.Vectors, g *places.Gazetteer) []Alignment {
	if len(slogans.Units) != len(words.Units) {
		panic("align: slogans and words vectors of different units")
	}
	for i, u := range slogans.Units {
		if u.ID != words.Units[i].ID {
			panic("align: slogans and words vectors of different units: " + u.ID + ", " + words.Units[i].ID)
		}
	}
	// The first report of each panel and year, in reading order.
	type panelYear struct {
		id   string
		year int
	}
	first := map[panelYear]int{}
	for i, u := range slogans.Units {
		if p := u.Meta.Place; p != nil && p.Resolved() && u.Meta.Year != 0 {
			k := panelYear{p.ID, u.Meta.Year}
			if _, ok := first[k]; !ok {
				first[k] = i
			}
		}
	}
	find := func(id string, y int) int {
		if i, ok := first[panelYear{id, y}]; ok {
			return i
		}
		return -1
	}
	out := make([]Alignment, len(slogans.Units))
	for i, u := range slogans.Units {
		a := Alignment{Doc: i, Same: -1, Prev: -1}
		out[i] = a
		p, y := u.Meta.Place, u.Meta.Year
		if p == nil || !p.Resolved() || y == 0 {
			continue
		}
		for _, s := range g.Superiors(p.Code, y) {
			a.Same, a.Prev = find(s.ID, y), find(s.ID, y-1)
			if a.Same >= 0 || a.Prev >= 0 {
				a.Superior = s
				break
			}
		}
		if a.Same >= 0 {
			a.SlogansSame, a.WordsSame = slogans.X.RowDot(i, slogans.X, a.Same), words.X.RowDot(i, words.X, a.Same)
		}
		if a.Prev >= 0 {
			a.SlogansPrev, a.WordsPrev = slogans.X.RowDot(i, slogans.X, a.Prev), words.X.RowDot(i, words.X, a.Prev)
		}
		switch {
		case a.Same >= 0:
			a.Shared, a.Lacking = compareSlogans(slogans, i, a.Same)
		case a.Prev >= 0:
			a.Shared, a.Lacking = compareSlogans(slogans, i, a.Prev)
		}
		out[i] = a
	}
	return out
}

// compareSlogans returns the slogan columns reports i and sup both mention
// and those only sup mentions, by sup's count (largest first), then label.
func compareSlogans(v *vector.Vectors, i, sup int) (shared, lacking []int) {
	mine := map[int]bool{}
	ind, val := v.Counts.Row(i)
	for k, c := range ind {
		if val[k] > 0 {
			mine[c] = true
		}
	}
	ind, val = v.Counts.Row(sup)
	count := map[int]float64{}
	for k, c := range ind {
		if val[k] <= 0 {
			continue
		}
		count[c] = val[k]
		if mine[c] {
			shared = append(shared, c)
		} else {
			lacking = append(lacking, c)
		}
	}
	order := func(a, b int) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(v.Terms[a], v.Terms[b])
	}
	slices.SortFunc(shared, order)
	slices.SortFunc(lacking, order)
	return shared, lacking
}

// Against says which of the superior's reports a summary row compares
// with.
type Against string

// The comparisons of a summary.
const (
	SameYear     Against = "same_year"
	PreviousYear Against = "previous_year"
)

// Summary is how closely the reports of one level echo those of the level
// above in one year: over the pairs (report, superior's report),
// the mean and median cosine in each space.
type Summary struct {
	Level, SuperiorLevel       string // tifa's level words: national, province, city, county, township, zone
	Year                       int
	Against                    Against
	N                          int
	MeanSlogans, MedianSlogans float64
	MeanWords, MedianWords     float64
}

// Summarize summarises alignments of the reports units (the vectors' Units
// Align was given) by the level of the report's place (a district is a
// county), the level of its superior, the year and the comparison (same
// year first), ordered by level from the centre down, superior level,
// year.
func Summarize(as []Alignment, units []vector.Unit) []Summary {
	type key struct {
		level, sup places.Level
		year       int
		against    Against
	}
	slog, word := map[key][]float64{}, map[key][]float64{}
	for _, a := range as {
		if a.Superior.Code == "" {
			continue
		}
		m := units[a.Doc].Meta
		k := key{m.Place.Level, a.Superior.Level, m.Year, SameYear}
		if a.Same >= 0 {
			slog[k], word[k] = append(slog[k], a.SlogansSame), append(word[k], a.WordsSame)
		}
		k.against = PreviousYear
		if a.Prev >= 0 {
			slog[k], word[k] = append(slog[k], a.SlogansPrev), append(word[k], a.WordsPrev)
		}
	}
	keys := make([]key, 0, len(slog))
	for k := range slog {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.level, b.level), cmp.Compare(a.sup, b.sup), cmp.Compare(a.year, b.year), cmp.Compare(b.against, a.against))
	})
	out := make([]Summary, len(keys))
	for i, k := range keys {
		out[i] = Summary{Level: LevelName(k.level), SuperiorLevel: LevelName(k.sup), Year: k.year, Against: k.against, N: len(slog[k]),
			MeanSlogans: mean(slog[k]), MedianSlogans: median(slog[k]), MeanWords: mean(word[k]), MedianWords: median(word[k])}
	}
	return out
}

// LevelName writes a place's level in tifa's words: a prefecture is a
// city.
func LevelName(l places.Level) string {
	if l == places.Prefecture {
		return "city"
	}
	return l.String()
}

func mean(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// median is the middle value of xs (not empty), or the mean of the two
// middle values.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// AlignCounts is Align on the count matrices of the same documents in the
// slogans and the words space, each weighed with tf (a copy of it each),
// against the embedded gazetteer; it also returns the slogans' vectors,
// which the tables name the reports by.
func AlignCounts(slogans, words *vector.Matrix, tf vector.TFIDF) (*vector.Vectors, []Alignment, error) {
	var vs [2]*vector.Vectors
	for k, m := range []*vector.Matrix{slogans, words} {
		t := tf
		var err error
		if vs[k], err = vector.Weigh(m, &t); err != nil {
			return nil, nil, err
		}
	}
	g, err := places.Load()
	if err != nil {
		return nil, nil, err
	}
	return vs[0], Align(vs[0], vs[1], g), nil
}
