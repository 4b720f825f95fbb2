package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
	"github.com/tifa-project/tifa/vector"
)

// vectorOpts are the flags of the commands that build TF-IDF vectors.
type vectorOpts struct {
	in        inputOpts
	space     string
	by        string
	minDF     float64
	maxDF     float64
	sublinear bool
	stopwords string
	workers   int

	// also, when set, is called once the reports are open and returns a
	// function that sees each document read, in order, before it is
	// counted: 'tifa report' builds all its tables in one pass.
	also func(lex *lexicon.Lexicon, src *reports.Source) func(*reports.Document)
}

func (o *vectorOpts) addFlags(cmd *cobra.Command, defaultSpace string) {
	o.in.addFlags(cmd, true)
	f := cmd.Flags()
	f.StringVar(&o.space, "space", defaultSpace, "slogans (lexicon entry counts) or words (every token, slogans one token each)")
	f.StringVar(&o.by, "by", "doc", "vector per doc, region, year, region-year or level (a group's counts are summed)")
	f.Float64Var(&o.minDF, "min-df", 1, "keep terms in at least this many units (≥1) or this share of units (<1)")
	f.Float64Var(&o.maxDF, "max-df", 0, "drop terms in more than this many units (≥1) or share of units (<1); 0: no limit")
	f.BoolVar(&o.sublinear, "sublinear", false, "tf = 1 + ln(count) instead of count")
	f.StringVar(&o.stopwords, "stopwords", "", "stopword FILE (one word a line) replacing the built-in list (words space)")
	f.IntVarP(&o.workers, "jobs", "j", 0, "goroutines for segmentation (default: one per CPU)")
}

// loaded is what a vector command works on.
type loaded struct {
	lex     *lexicon.Lexicon
	src     *reports.Source
	matrix  *vector.Matrix // per unit (after --by); nil once weighed
	vectors *vector.Vectors

	// For the corpus cache (corpus.go): the keys, and what the keys and
	// the stored record need.
	corpus corpusKey
	part   reports.Part
	stop   segment.Stopwords
	read   *readRecord
}

// build reads the reports under args and returns their TF-IDF vectors.
func (o *vectorOpts) build(g *globals, args []string) (*loaded, error) {
	l, err := o.read(g, args, true)
	if err != nil || l.vectors != nil {
		return l, err
	}
	skipped, err := o.group(g, l)
	if err != nil {
		return nil, err
	}
	if l.vectors, err = vector.Weigh(l.matrix, o.tfidf()); err != nil {
		return nil, err
	}
	o.storeVectors(g, l, skipped)
	l.matrix = nil // the vectors hold what is needed: let the raw counts go
	return l, nil
}

func (o *vectorOpts) tfidf() *vector.TFIDF {
	return &vector.TFIDF{Sublinear: o.sublinear, MinDF: o.minDF, MaxDF: o.maxDF}
}

// counts reads the reports under args and returns their term counts, per
// unit of --by.
func (o *vectorOpts) counts(g *globals, args []string) (*loaded, error) {
	l, err := o.read(g, args, false)
	if err != nil {
		return nil, err
	}
	_, err = o.group(g, l)
	return l, err
}

// read reads the reports under args and returns their term counts, one
// row per document, or — when vectors is true and the cache holds them —
// their weighted vectors.
func (o *vectorOpts) read(g *globals, args []string, vectors bool) (*loaded, error) {
	if o.space != vector.SpaceSlogans && o.space != vector.SpaceWords {
		return nil, fmt.Errorf("flag --space: want slogans or words (got %q)", o.space)
	}
	if err := vector.CheckGrouping(o.by); err != nil {
		return nil, fmt.Errorf("flag --by: %w", err)
	}
	part, lex, err := o.in.prepare(g)
	if err != nil {
		return nil, err
	}
	var stop segment.Stopwords
	if o.space == vector.SpaceWords {
		if stop, err = o.readStopwords(); err != nil {
			return nil, err
		}
	}
	src, err := o.in.open(g, args)
	if err != nil {
		return nil, err
	}
	l := &loaded{lex: lex, src: src}
	if hit, err := o.fromCache(g, l, part, stop, vectors); hit || err != nil {
		return l, err
	}
	var seg *segment.Segmenter
	if o.space == vector.SpaceWords {
		if seg, err = segment.NewSegmenter(lex, stop); err != nil {
			return nil, err
		}
	}
	vz, err := vector.NewVectorizer(o.space, lex, seg, part)
	if err != nil {
		return nil, err
	}
	vz.Workers = o.workers
	if g.cache != nil {
		vz.Cache = g.cache
		stopHash := ""
		if seg != nil {
			stopHash = seg.Stopwords().Hash()
		}
		vz.CacheKey = lex.Hash() + "\x00" + stopHash
	}
	if l.matrix, err = vz.Build(func(fn func(*reports.Document) error) error { return each(g, src, o.tap(lex, src, fn)) }); err != nil {
		return nil, err
	}
	o.storeMatrix(g, l)
	return l, nil
}

// readStopwords returns the stopwords of --stopwords, else the built-in
// ones.
func (o *vectorOpts) readStopwords() (segment.Stopwords, error) {
	if o.stopwords == "" {
		return segment.DefaultStopwords(), nil
	}
	f, err := os.Open(o.stopwords)
	if err != nil {
		return nil, fmt.Errorf("flag --stopwords: %w", err)
	}
	defer f.Close()
	return segment.ReadStopwords(o.stopwords, f)
}

// group sums the rows of l.matrix by --by and returns the documents left
// out.
func (o *vectorOpts) group(g *globals, l *loaded) ([]string, error) {
	m, skipped, err := l.matrix.Group(o.by)
	if err != nil {
		return nil, err
	}
	l.matrix = m
	o.groupWarnings(g, skipped, m.Empty)
	return skipped, nil
}

// groupWarnings names the documents --by left out and the units with no
// term.
func (o *vectorOpts) groupWarnings(g *globals, skipped, empty []string) {
	if len(skipped) > 0 {
		g.warnf("%d document(s) without a %s left out (e.g. %s)", len(skipped), o.by, skipped[0])
	}
	if len(empty) > 0 {
		g.warnf("%d unit(s) with no %s at all get a zero vector (e.g. %s)", len(empty), termWord(o.space), empty[0])
	}
}

func termWord(space string) string {
	if space == vector.SpaceWords {
		return "word"
	}
	return "slogan"
}

// findUnit returns the index of the unit with ID id.
func findUnit(v *vector.Vectors, id string) (int, error) {
	for i, u := range v.Units {
		if u.ID == id {
			return i, nil
		}
	}
	return 0, fmt.Errorf("flag --to: no unit %q (tifa docs lists document IDs)", id)
}
