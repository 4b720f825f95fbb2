package main

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
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
	o.addSourceFlags(cmd, "vector per doc, region, year, region-year, level, or division code: place (renames merged), county, city or province (a township under its county); a group's counts are summed")
	f := cmd.Flags()
	f.StringVar(&o.space, "space", defaultSpace, "slogans (lexicon entry counts) or words (every token, slogans one token each)")
	f.Float64Var(&o.minDF, "min-df", 1, "keep terms in at least this many units (≥1) or this share of units (<1)")
	f.Float64Var(&o.maxDF, "max-df", 0, "drop terms in more than this many units (≥1) or share of units (<1); 0: no limit")
	f.BoolVar(&o.sublinear, "sublinear", false, "tf = 1 + ln(count) instead of count")
}

// addSourceFlags adds the flags saying which text is read and how it is
// cut into tokens: the input flags, --by (byHelp says what it does),
// --stopwords and --jobs.
func (o *vectorOpts) addSourceFlags(cmd *cobra.Command, byHelp string) {
	o.in.addFlags(cmd, true)
	f := cmd.Flags()
	f.StringVar(&o.by, "by", "doc", byHelp)
	f.StringVar(&o.stopwords, "stopwords", "", "stopword FILE (one word a line) replacing the built-in list (words space)")
	f.IntVarP(&o.workers, "jobs", "j", 0, "goroutines for segmentation (default: one per CPU)")
}

// loaded is what a vector command works on.
type loaded struct {
	lex     *lexicon.Lexicon
	src     *reports.Source
	matrix  *vector.Matrix // per unit (after --by); nil once weighed
	vectors *vector.Vectors
	seqs    *vector.Sequences // token sequences (topics, cooccur, expand)
}

// build reads the reports under args and returns their TF-IDF vectors.
func (o *vectorOpts) build(g *globals, args []string) (*loaded, error) {
	l, err := o.counts(g, args)
	if err != nil {
		return nil, err
	}
	return l, o.weigh(l)
}

// weigh sets l.vectors to the TF-IDF vectors of l.matrix and lets the
// matrix go: the vectors hold what is needed.
func (o *vectorOpts) weigh(l *loaded) error {
	var err error
	l.vectors, err = vector.Weigh(l.matrix, &vector.TFIDF{Sublinear: o.sublinear, MinDF: o.minDF, MaxDF: o.maxDF})
	l.matrix = nil
	return err
}

// counts reads the reports under args and returns their term counts, per
// unit of --by.
func (o *vectorOpts) counts(g *globals, args []string) (*loaded, error) {
	if o.space != vector.SpaceSlogans && o.space != vector.SpaceWords {
		return nil, fmt.Errorf("flag --space: want slogans or words (got %q)", o.space)
	}
	l, ms, err := o.countSpaces(g, args, o.space)
	if err != nil {
		return nil, err
	}
	l.matrix = ms[0]
	return l, nil
}

// countSpaces reads the reports under args once and returns their term
// counts in each of spaces, per unit of --by.
func (o *vectorOpts) countSpaces(g *globals, args []string, spaces ...string) (*loaded, []*vector.Matrix, error) {
	l, vzs, err := o.vectorizers(g, args, false, spaces...)
	if err != nil {
		return nil, nil, err
	}
	ms, err := vector.BuildEach(func(fn func(*reports.Document) error) error { return each(g, l.src, o.tap(l.lex, l.src, fn)) }, vzs...)
	if err != nil {
		return nil, nil, err
	}
	for k, m := range ms {
		m, skipped, err := m.Group(o.by)
		if err != nil {
			return nil, nil, err
		}
		if k == 0 {
			o.warnSkipped(g, skipped)
		}
		if len(m.Empty) > 0 {
			g.warnf("%d unit(s) with no %s at all get a zero vector (e.g. %s)", len(m.Empty), termWord(m.Space), reports.QuoteName(m.Empty[0]))
		}
		ms[k] = m
	}
	return l, ms, nil
}

// warnSkipped warns about the documents --by left out of every group.
func (o *vectorOpts) warnSkipped(g *globals, skipped []string) {
	switch {
	case analysis.IsPlaceGrouping(o.by):
		unplacedWarning(g, o.by, skipped)
	case len(skipped) > 0:
		g.warnf("%d document(s) without a %s left out (e.g. %s)", len(skipped), o.by, reports.QuoteName(skipped[0]))
	}
}

// vectorizers checks --by, loads the lexicon, opens the reports under args
// and returns a vectorizer for each of spaces, with a segmenter in the
// words space, or in every space when withSeg is set (token sequences need
// one).
func (o *vectorOpts) vectorizers(g *globals, args []string, withSeg bool, spaces ...string) (*loaded, []*vector.Vectorizer, error) {
	if err := vector.CheckGrouping(o.by); err != nil {
		return nil, nil, fmt.Errorf("flag --by: %w", err)
	}
	part, lex, err := o.in.prepare(g)
	if err != nil {
		return nil, nil, err
	}
	var seg *segment.Segmenter
	if withSeg || slices.Contains(spaces, vector.SpaceWords) {
		if seg, err = o.segmenter(lex); err != nil {
			return nil, nil, err
		}
	}
	src, err := o.in.open(g, args)
	if err != nil {
		return nil, nil, err
	}
	vzs := make([]*vector.Vectorizer, len(spaces))
	for k, space := range spaces {
		vz, err := vector.NewVectorizer(space, lex, seg, part)
		if err != nil {
			return nil, nil, err
		}
		vz.Workers = o.workers
		if g.cache != nil && space == vector.SpaceWords {
			vz.Cache = g.cache
			vz.CacheKey = lex.Hash() + "\x00" + seg.Stopwords().Hash()
		}
		vzs[k] = vz
	}
	return &loaded{lex: lex, src: src}, vzs, nil
}

// segmenter returns a segmenter keeping lex's slogans whole and leaving
// out the stopwords of --stopwords, else the built-in ones.
func (o *vectorOpts) segmenter(lex *lexicon.Lexicon) (*segment.Segmenter, error) {
	segment.PreloadDictionary()
	stop := segment.DefaultStopwords()
	if o.stopwords != "" {
		data, err := readListFile("--stopwords", o.stopwords)
		if err != nil {
			return nil, err
		}
		if stop, err = segment.ReadStopwords(o.stopwords, bytes.NewReader(data)); err != nil {
			return nil, err
		}
	}
	return segment.NewSegmenter(lex, stop)
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
