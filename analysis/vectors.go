package analysis

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Spaces a document can be described in.
const (
	SpaceSlogans = "slogans" // document × lexicon entry counts
	SpaceWords   = "words"   // document × token counts, lexicon entries one token each
)

// Groupings a Matrix can be summed by.
var Groupings = []string{"doc", "region", "year", "region-year", "level"}

// Unit is what one row of a Matrix describes: a document, or a group of
// documents summed together.
type Unit struct {
	ID string // document ID, or the group's label (浙江, 2020, 浙江 2020, county)
	// Meta holds the fields all members share; a field on which they differ
	// is empty.
	Meta  reports.Meta
	Docs  []string // member document IDs, in reading order
	Chars int      // Han characters of the analysed text
}

// Matrix is a units × terms count matrix with its labels.
type Matrix struct {
	Space   string
	Units   []Unit
	Terms   []string // column labels: slogans' canonical forms, or words
	Entries []int    // per column: lexicon entry index, -1 for an ordinary word
	Counts  *CSR     // raw counts
	// Empty lists units with no term at all (no text, or no token left
	// after filtering); their rows are zero.
	Empty []string
}

// Vectorizer turns documents into count rows of one space.
type Vectorizer struct {
	Space   string
	Part    reports.Part
	Workers int // goroutines for segmentation; < 1 means one per CPU

	lex *lexicon.Lexicon
	seg *Segmenter
	cnt *Counter
}

// NewVectorizer returns a vectorizer of space over lex. The words space
// needs seg; the slogans space ignores it.
func NewVectorizer(space string, lex *lexicon.Lexicon, seg *Segmenter, part reports.Part) (*Vectorizer, error) {
	v := &Vectorizer{Space: space, Part: part, lex: lex, seg: seg}
	switch space {
	case SpaceSlogans:
		v.cnt = NewCounter(lex, part)
	case SpaceWords:
		if seg == nil {
			return nil, errors.New("analysis: the words space needs a segmenter")
		}
	default:
		return nil, fmt.Errorf("unknown space %q (want slogans or words)", space)
	}
	return v, nil
}

// row is one document's counts, by term.
type row struct {
	unit  Unit
	terms map[string]int
	entry map[string]int // term → entry index for slogan tokens
}

func (v *Vectorizer) row(d *reports.Document) row {
	r := row{unit: Unit{ID: d.ID, Meta: d.Meta, Docs: []string{d.ID}, Chars: d.Chars(v.Part)}, terms: map[string]int{}, entry: map[string]int{}}
	if v.Space == SpaceSlogans {
		for _, sc := range v.cnt.Count(d).Slogans {
			s := v.lex.Entries[sc.Entry].Slogan
			r.terms[s] = sc.Count
			r.entry[s] = sc.Entry
		}
		return r
	}
	for _, sp := range d.Spans(v.Part) {
		for _, t := range v.seg.Tokens(d.Text[sp[0]:sp[1]]) {
			r.terms[t.Text]++
			if t.Entry >= 0 {
				r.entry[t.Text] = t.Entry
			}
		}
	}
	return r
}

// Build reads documents through each (a function like
// reports.Source.Each), counts their terms on Workers goroutines, and
// returns the matrix with rows in reading order: the result never depends
// on scheduling. Only counts are kept, never the texts. An error from each
// is returned.
func (v *Vectorizer) Build(each func(fn func(*reports.Document) error) error) (*Matrix, error) {
	workers := v.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		i int
		d *reports.Document
	}
	type result struct {
		i int
		r row
	}
	jobs := make(chan job, 2*workers)
	results := make(chan result, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				results <- result{j.i, v.row(j.d)}
			}
		})
	}
	var rows []row
	collected := make(chan struct{})
	go func() {
		for r := range results {
			for len(rows) <= r.i {
				rows = append(rows, row{})
			}
			rows[r.i] = r.r
		}
		close(collected)
	}()
	n := 0
	err := each(func(d *reports.Document) error {
		jobs <- job{n, d}
		n++
		return nil
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-collected
	if err != nil {
		return nil, err
	}
	return v.assemble(rows), nil
}

// assemble builds the matrix: columns are the terms sorted (slogans in
// lexicon order in the slogans space), so the column order is fixed by the
// data alone.
func (v *Vectorizer) assemble(rows []row) *Matrix {
	m := &Matrix{Space: v.Space}
	col := map[string]int{}
	if v.Space == SpaceSlogans {
		for i, e := range v.lex.Entries {
			col[e.Slogan] = i
			m.Terms = append(m.Terms, e.Slogan)
			m.Entries = append(m.Entries, i)
		}
	} else {
		entry := map[string]int{}
		for _, r := range rows {
			for t := range r.terms {
				if _, ok := entry[t]; !ok {
					entry[t] = -1
				}
			}
			for t, e := range r.entry {
				entry[t] = e
			}
		}
		for t := range entry {
			m.Terms = append(m.Terms, t)
		}
		sort.Strings(m.Terms)
		for i, t := range m.Terms {
			col[t] = i
			m.Entries = append(m.Entries, entry[t])
		}
	}
	b := NewCSRBuilder(len(m.Terms))
	for _, r := range rows {
		m.Units = append(m.Units, r.unit)
		row := make(map[int]float64, len(r.terms))
		for t, c := range r.terms {
			row[col[t]] = float64(c)
		}
		if len(row) == 0 {
			m.Empty = append(m.Empty, r.unit.ID)
		}
		b.AddMap(row)
	}
	m.Counts = b.Build()
	return m
}

// Group sums the rows of m by by (one of Groupings; "doc" returns m). A
// document whose metadata lacks the key (no region, no year …) is left out
// and listed in skipped. Groups are ordered by label: regions and levels
// alphabetically, years ascending, region-years by region then year.
func (m *Matrix) Group(by string) (g *Matrix, skipped []string, err error) {
	key, err := groupKey(by)
	if err != nil {
		return nil, nil, err
	}
	if key == nil {
		return m, nil, nil
	}
	type group struct {
		label string
		sort1 string
		sort2 int
		rows  []int
	}
	idx := map[string]*group{}
	var groups []*group
	for i, u := range m.Units {
		label, s1, s2, ok := key(u.Meta)
		if !ok {
			skipped = append(skipped, u.ID)
			continue
		}
		gr := idx[label]
		if gr == nil {
			gr = &group{label: label, sort1: s1, sort2: s2}
			idx[label] = gr
			groups = append(groups, gr)
		}
		gr.rows = append(gr.rows, i)
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i].sort1 != groups[j].sort1 {
			return groups[i].sort1 < groups[j].sort1
		}
		return groups[i].sort2 < groups[j].sort2
	})
	g = &Matrix{Space: m.Space, Terms: m.Terms, Entries: m.Entries}
	rowSets := make([][]int, len(groups))
	for k, gr := range groups {
		rowSets[k] = gr.rows
		u := Unit{ID: gr.label, Meta: m.Units[gr.rows[0]].Meta}
		u.Meta.Extra = nil
		for _, r := range gr.rows {
			mu := m.Units[r]
			u.Docs = append(u.Docs, mu.ID)
			u.Chars += mu.Chars
			if mu.Meta.Region != u.Meta.Region {
				u.Meta.Region = ""
			}
			if mu.Meta.Level != u.Meta.Level {
				u.Meta.Level = ""
			}
			if mu.Meta.Year != u.Meta.Year {
				u.Meta.Year = 0
			}
		}
		g.Units = append(g.Units, u)
	}
	g.Counts = m.Counts.SumRows(rowSets)
	for i, u := range g.Units {
		if ind, _ := g.Counts.Row(i); len(ind) == 0 {
			g.Empty = append(g.Empty, u.ID)
		}
	}
	return g, skipped, nil
}

// CheckGrouping returns an error unless by is one of Groupings.
func CheckGrouping(by string) error {
	_, err := groupKey(by)
	return err
}

// groupKey returns the function giving a unit's group label and sort keys,
// nil for "doc".
func groupKey(by string) (func(reports.Meta) (string, string, int, bool), error) {
	switch by {
	case "doc", "":
		return nil, nil
	case "region":
		return func(m reports.Meta) (string, string, int, bool) { return m.Region, m.Region, 0, m.Region != "" }, nil
	case "level":
		return func(m reports.Meta) (string, string, int, bool) {
			return m.Level, strconv.Itoa(levelRank(m.Level)), 0, m.Level != ""
		}, nil
	case "year":
		return func(m reports.Meta) (string, string, int, bool) { return strconv.Itoa(m.Year), "", m.Year, m.Year != 0 }, nil
	case "region-year":
		return func(m reports.Meta) (string, string, int, bool) {
			return m.Region + " " + strconv.Itoa(m.Year), m.Region, m.Year, m.Region != "" && m.Year != 0
		}, nil
	}
	return nil, fmt.Errorf("cannot group by %q (want doc, region, year, region-year or level)", by)
}

// levelRank orders levels from the centre down.
func levelRank(level string) int {
	for i, l := range reports.Levels {
		if l == level {
			return i
		}
	}
	return len(reports.Levels)
}
