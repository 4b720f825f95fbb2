package vector

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
	"github.com/tifa-project/tifa/sparse"
)

// Spaces a document can be described in.
const (
	SpaceSlogans = "slogans" // document × lexicon entry counts
	SpaceWords   = "words"   // document × token counts, lexicon entries one token each
)

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
	Terms   []string    // column labels: slogans' canonical forms, or words
	Entries []int       // per column: lexicon entry index, -1 for an ordinary word
	Counts  *sparse.CSR // raw counts
	// Empty lists units with no term at all (no text, or no token left
	// after filtering); their rows are zero.
	Empty []string
}

// Vectorizer turns documents into count rows of one space.
type Vectorizer struct {
	Space   string
	Part    reports.Part
	Workers int // goroutines for segmentation; < 1 means one per CPU

	// Cache, when not nil, keeps each document's word counts (words space)
	// under a key made of the document's Hash and BundleIndex, the spans
	// of the part analysed and CacheKey, so a second run skips
	// segmentation. CacheKey must name everything else the words depend
	// on: the lexicon's hash, the stopwords' hash.
	Cache    TermCache
	CacheKey string

	lex *lexicon.Lexicon
	seg *segment.Segmenter
	cnt *analysis.Counter
}

// TermCache stores one document's term counts: the terms in order of first
// appearance, their counts, and their lexicon entries (-1 for a word).
type TermCache interface {
	GetTerms(key string) (terms []string, counts, entries []int, ok bool)
	PutTerms(key string, terms []string, counts, entries []int)
}

// NewVectorizer returns a vectorizer of space over lex. The words space
// needs seg; the slogans space ignores it.
func NewVectorizer(space string, lex *lexicon.Lexicon, seg *segment.Segmenter, part reports.Part) (*Vectorizer, error) {
	v := &Vectorizer{Space: space, Part: part, lex: lex, seg: seg}
	switch space {
	case SpaceSlogans:
		v.cnt = analysis.NewCounter(lex, part)
	case SpaceWords:
		if seg == nil {
			return nil, errors.New("vector: the words space needs a segmenter")
		}
	default:
		return nil, fmt.Errorf("unknown space %q (want slogans or words)", space)
	}
	return v, nil
}

// Build reads documents through each (a function like
// reports.Source.Each), counts their terms on Workers goroutines, and
// returns the matrix with rows in reading order: the result never depends
// on scheduling. Only counts are kept, never the texts: a single collector
// goroutine numbers each distinct term once (one copy of its text) and
// keeps every document's row as (term number, count) pairs, 8 bytes a
// stored count, until the matrix is assembled. At most about 5×Workers
// documents' texts are held at once, queued or being counted. An error
// from each is returned, once the documents already sent are counted.
func (v *Vectorizer) Build(each func(fn func(*reports.Document) error) error) (*Matrix, error) {
	c := newCollector(v)
	if err := pipeline(v.Workers, each, v.terms, c.add); err != nil {
		return nil, err
	}
	return c.matrix(), nil
}

// pipeline reads documents through each and hands the i-th read to work
// on one of workers goroutines (< 1: one per CPU), each with its own
// termWorker; add receives the results, in any order, on one goroutine.
// At most about 5×workers documents are held at once, queued or being
// worked on. An error from each is returned once the documents already
// sent are added.
func pipeline[R any](workers int, each func(fn func(*reports.Document) error) error,
	work func(w *termWorker, i int, d *reports.Document) R, add func(R)) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		i int
		d *reports.Document
	}
	jobs := make(chan job, 2*workers)
	results := make(chan R, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var w termWorker
			for j := range jobs {
				results <- work(&w, j.i, j.d)
			}
		})
	}
	collected := make(chan struct{})
	go func() {
		for r := range results {
			add(r)
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
	return err
}

// docTerms is document i's term counts as a worker finds them. Until the
// collector numbers them, the terms' texts may share the document's
// memory.
type docTerms struct {
	i     int
	unit  Unit
	terms []termCount
}

// termCount is one term of a document and its count.
type termCount struct {
	text  string
	n     int32
	entry int32 // lexicon entry index; -1 for an ordinary word
}

// termWorker holds one worker's buffers, reused from document to document.
type termWorker struct {
	toks []segment.Token
	seen map[string]int32 // term → index in the document's terms
}

// terms counts the terms of document d, the i-th read.
func (v *Vectorizer) terms(w *termWorker, i int, d *reports.Document) docTerms {
	r := docTerms{i: i, unit: Unit{ID: d.ID, Meta: d.Meta, Docs: []string{d.ID}, Chars: d.Chars(v.Part)}}
	if v.Space == SpaceSlogans {
		for _, sc := range v.cnt.Count(d).Slogans {
			r.terms = append(r.terms, termCount{text: v.lex.Entries[sc.Entry].Slogan, n: int32(sc.Count), entry: int32(sc.Entry)})
		}
		return r
	}
	var key string
	if v.Cache != nil && d.Hash != "" {
		key = v.termKey(d)
		if terms, counts, entries, ok := v.Cache.GetTerms(key); ok && len(terms) == len(counts) && len(terms) == len(entries) {
			for k, t := range terms {
				r.terms = append(r.terms, termCount{text: t, n: int32(counts[k]), entry: int32(entries[k])})
			}
			return r
		}
	}
	if w.seen == nil {
		w.seen = map[string]int32{}
	}
	for _, sp := range d.Spans(v.Part) {
		w.toks = v.seg.AppendTokens(w.toks[:0], d.Text[sp[0]:sp[1]])
		for _, t := range w.toks {
			k, ok := w.seen[t.Text]
			if !ok {
				k = int32(len(r.terms))
				w.seen[t.Text] = k
				r.terms = append(r.terms, termCount{text: t.Text, entry: -1})
			}
			r.terms[k].n++
			if t.Entry >= 0 {
				r.terms[k].entry = int32(t.Entry)
			}
		}
	}
	clear(w.toks) // drop the references into the text
	clear(w.seen)
	if key != "" {
		terms := make([]string, len(r.terms))
		counts := make([]int, len(r.terms))
		entries := make([]int, len(r.terms))
		for k, t := range r.terms {
			terms[k], counts[k], entries[k] = t.text, int(t.n), int(t.entry)
		}
		v.Cache.PutTerms(key, terms, counts, entries)
	}
	return r
}

// termKey names a document's word counts in the cache.
func (v *Vectorizer) termKey(d *reports.Document) string {
	return fmt.Sprintf("terms\x00%s#%d\x00%s\x00%v\x00%s", d.Hash, d.BundleIndex, v.Part, d.Spans(v.Part), v.CacheKey)
}

// cell is one stored count of a row: a term number and its count.
type cell struct{ term, n int32 }

// collector gathers the rows of a matrix as they come, in any order.
type collector struct {
	space   string
	number  map[string]int32 // term → its number, in order of first sight (words space)
	terms   []string         // by number
	entries []int32          // by number: lexicon entry, -1 for an ordinary word
	units   []Unit           // by document
	rows    [][]cell         // by document
}

func newCollector(v *Vectorizer) *collector {
	c := &collector{space: v.Space, number: map[string]int32{}}
	if v.Space == SpaceSlogans {
		for i, e := range v.lex.Entries {
			c.terms = append(c.terms, e.Slogan)
			c.entries = append(c.entries, int32(i))
		}
	}
	return c
}

// add stores one document's row (see id for the terms' numbers).
func (c *collector) add(r docTerms) {
	c.unit(r.i, r.unit)
	row := make([]cell, len(r.terms))
	for k, t := range r.terms {
		row[k] = cell{c.id(t), t.n}
	}
	c.rows[r.i] = row
}

// unit records the unit of document i, making room for its row.
func (c *collector) unit(i int, u Unit) {
	for len(c.rows) <= i {
		c.rows = append(c.rows, nil)
		c.units = append(c.units, Unit{})
	}
	c.units[i] = u
}

// id returns the number of term t. In the slogans space a term's number is
// its entry index; in the words space terms are numbered as first seen
// (their text copied), and a term that is a slogan anywhere keeps the
// lowest entry index it came with, whatever the order of arrival.
func (c *collector) id(t termCount) int32 {
	if c.space == SpaceSlogans {
		return t.entry
	}
	id, ok := c.number[t.text]
	if !ok {
		id = int32(len(c.terms))
		text := strings.Clone(t.text)
		c.number[text] = id
		c.terms = append(c.terms, text)
		c.entries = append(c.entries, -1)
	}
	if e := c.entries[id]; t.entry >= 0 && (e < 0 || t.entry < e) {
		c.entries[id] = t.entry
	}
	return id
}

// columns fixes the final term ids: the terms sorted (slogans in lexicon
// order in the slogans space), so the order is fixed by the data alone.
// It returns, by term number, the final id, and by final id the terms and
// their entries, and lets the numbering go.
func (c *collector) columns() (col []int32, terms []string, entries []int) {
	order := make([]int32, len(c.terms)) // final id → term number
	for i := range order {
		order[i] = int32(i)
	}
	if c.space == SpaceWords {
		slices.SortFunc(order, func(a, b int32) int { return strings.Compare(c.terms[a], c.terms[b]) })
	}
	col = make([]int32, len(c.terms))
	terms = make([]string, len(order))
	entries = make([]int, len(order))
	for k, id := range order {
		col[id] = int32(k)
		terms[k] = c.terms[id]
		entries[k] = int(c.entries[id])
	}
	c.number, c.terms = nil, nil
	return col, terms, entries
}

// matrix assembles the matrix: columns are the terms sorted (slogans in
// lexicon order in the slogans space), so the column order is fixed by the
// data alone. Each row is released once copied.
func (c *collector) matrix() *Matrix {
	m := &Matrix{Space: c.space, Units: c.units}
	col, terms, entries := c.columns()
	m.Terms, m.Entries = terms, entries
	nnz := 0
	for _, row := range c.rows {
		nnz += len(row)
	}
	x := &sparse.CSR{Rows: len(c.rows), Cols: len(m.Terms), Indptr: make([]int, 1, len(c.rows)+1), Ind: make([]int, 0, nnz), Val: make([]float64, 0, nnz)}
	for i, row := range c.rows {
		for k := range row {
			row[k].term = col[row[k].term]
		}
		slices.SortFunc(row, func(a, b cell) int { return cmp.Compare(a.term, b.term) })
		for _, e := range row {
			x.Ind = append(x.Ind, int(e.term))
			x.Val = append(x.Val, float64(e.n))
		}
		x.Indptr = append(x.Indptr, len(x.Ind))
		if len(row) == 0 {
			m.Empty = append(m.Empty, c.units[i].ID)
		}
		c.rows[i] = nil
	}
	m.Counts = x
	return m
}

// Group sums the rows of m by by (doc, region, year, region-year, level,
// all, or one of analysis.PlaceGroupings: place, county, city, province;
// "doc" returns m). See GroupUnits for the groups, their order and the
// documents left out.
func (m *Matrix) Group(by string) (g *Matrix, skipped []string, err error) {
	if by == "doc" || by == "" {
		return m, nil, nil
	}
	units, members, skipped, err := GroupUnits(m.Units, by)
	if err != nil {
		return nil, nil, err
	}
	g = &Matrix{Space: m.Space, Terms: m.Terms, Entries: m.Entries, Units: units}
	g.Counts = m.Counts.SumRows(members)
	for i, u := range g.Units {
		if ind, _ := g.Counts.Row(i); len(ind) == 0 {
			g.Empty = append(g.Empty, u.ID)
		}
	}
	return g, skipped, nil
}

// UnitIndex returns the index of the unit with ID id, or −1.
func UnitIndex(units []Unit, id string) int {
	return slices.IndexFunc(units, func(u Unit) bool { return u.ID == id })
}

// GroupUnits groups units by by (doc, region, year, region-year, level,
// one of analysis.PlaceGroupings, or all: one group "all" of every unit)
// and returns the groups as units, the indices of each group's members, in
// order, and the IDs of the units whose metadata lacks the key (no region,
// no year, no code or no division at the level …), which belong to no
// group. Groups are ordered by label: regions and levels alphabetically,
// years ascending, region-years by region then year; groups of division
// codes by code (a division before those it holds), labelled by official
// names (analysis.PlaceLabels). A group's Meta holds the fields its
// members share (Place when they share one place, else nil); "doc" makes
// each unit its own group.
func GroupUnits(units []Unit, by string) (groups []Unit, members [][]int, skipped []string, err error) {
	key, err := groupKey(by)
	if err != nil {
		return nil, nil, nil, err
	}
	if key == nil {
		for i := range units {
			members = append(members, []int{i})
		}
		return units, members, nil, nil
	}
	type group struct {
		label string
		sort1 string
		sort2 int
		rows  []int
	}
	idx := map[string]*group{}
	var gs []*group
	for i, u := range units {
		label, s1, s2, ok := key(u.Meta)
		if !ok {
			skipped = append(skipped, u.ID)
			continue
		}
		gr := idx[label]
		if gr == nil {
			gr = &group{label: label, sort1: s1, sort2: s2}
			idx[label] = gr
			gs = append(gs, gr)
		}
		gr.rows = append(gr.rows, i)
	}
	sort.Slice(gs, func(i, j int) bool {
		if gs[i].sort1 != gs[j].sort1 {
			return gs[i].sort1 < gs[j].sort1
		}
		return gs[i].sort2 < gs[j].sort2
	})
	if analysis.IsPlaceGrouping(by) {
		ids := make([]string, len(gs))
		for k, gr := range gs {
			ids[k] = gr.label
		}
		labels := analysis.PlaceLabels(ids)
		for _, gr := range gs {
			gr.label = labels[gr.label]
		}
	}
	for _, gr := range gs {
		members = append(members, gr.rows)
		u := Unit{ID: gr.label, Meta: units[gr.rows[0]].Meta}
		u.Meta.Extra = nil
		for _, r := range gr.rows {
			mu := units[r]
			u.Docs = append(u.Docs, mu.Docs...)
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
			if mu.Meta.Place == nil || u.Meta.Place == nil || mu.Meta.Place.ID != u.Meta.Place.ID {
				u.Meta.Place = nil
			}
		}
		groups = append(groups, u)
	}
	return groups, members, skipped, nil
}

// CheckGrouping returns an error unless m.Group accepts by.
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
	case "all":
		return func(m reports.Meta) (string, string, int, bool) { return "all", "", 0, true }, nil
	case "region":
		return func(m reports.Meta) (string, string, int, bool) { return m.Region, m.Region, 0, m.Region != "" }, nil
	case "level":
		return func(m reports.Meta) (string, string, int, bool) {
			return m.Level, strconv.Itoa(analysis.LevelRank(m.Level)), 0, m.Level != ""
		}, nil
	case "year":
		return func(m reports.Meta) (string, string, int, bool) { return strconv.Itoa(m.Year), "", m.Year, m.Year != 0 }, nil
	case "region-year":
		return func(m reports.Meta) (string, string, int, bool) {
			return m.Region + " " + strconv.Itoa(m.Year), m.Region, m.Year, m.Region != "" && m.Year != 0
		}, nil
	}
	if analysis.IsPlaceGrouping(by) {
		return func(m reports.Meta) (string, string, int, bool) {
			id, ok := analysis.PlaceGroup(m, by)
			return id, analysis.PlaceSortKey(id), 0, ok
		}, nil
	}
	return nil, fmt.Errorf("cannot group by %q (want doc, region, year, region-year, level, place, county, city, province or all)", by)
}

// BuildEach builds the matrices of several vectorizers from one reading of
// the documents (each, as for Build): every document read is handed to
// each vectorizer in turn, so the reports are read once for the slogans
// and the words spaces. The matrices come back in the order of vs, rows in
// reading order.
func BuildEach(each func(fn func(*reports.Document) error) error, vs ...*Vectorizer) ([]*Matrix, error) {
	out := make([]*Matrix, len(vs))
	errs := make([]error, len(vs))
	feeds := make([]chan *reports.Document, len(vs))
	var wg sync.WaitGroup
	for k, v := range vs {
		feed := make(chan *reports.Document, 4)
		feeds[k] = feed
		wg.Go(func() {
			out[k], errs[k] = v.Build(func(fn func(*reports.Document) error) error {
				var err error
				for d := range feed { // drained to the end, so the reader never blocks
					if err == nil {
						err = fn(d)
					}
				}
				return err
			})
		})
	}
	err := each(func(d *reports.Document) error {
		for _, f := range feeds {
			f <- d
		}
		return nil
	})
	for _, f := range feeds {
		close(f)
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	return out, nil
}
