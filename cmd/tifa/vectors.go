package main

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cache"
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

	// For the corpus cache (corpus.go): the keys, and what the keys and
	// the stored record need.
	corpus cache.CorpusKeys
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
	empty := l.matrix.Empty
	if err := o.weigh(l); err != nil {
		return nil, err
	}
	o.storeVectors(g, l, skipped, empty)
	return l, nil
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
	l, err := o.read(g, args, false)
	if err != nil {
		return nil, err
	}
	_, err = o.group(g, l)
	return l, err
}

// read reads the reports under args and returns their term counts in
// --space, one row per document, or — when vectors is true and the corpus
// cache holds them — their weighted vectors.
func (o *vectorOpts) read(g *globals, args []string, vectors bool) (*loaded, error) {
	if o.space != vector.SpaceSlogans && o.space != vector.SpaceWords {
		return nil, fmt.Errorf("flag --space: want slogans or words (got %q)", o.space)
	}
	l, err := o.open(g, args, o.space == vector.SpaceWords)
	if err != nil {
		return nil, err
	}
	if hit, err := o.fromCache(g, l, l.part, l.stop, vectors); hit || err != nil {
		return l, err
	}
	ms, err := o.buildSpaces(g, l, o.space)
	if err != nil {
		return nil, err
	}
	l.matrix = ms[0]
	o.storeMatrix(g, l)
	return l, nil
}

// countSpaces reads the reports under args once and returns their term
// counts in each of spaces, per unit of --by.
func (o *vectorOpts) countSpaces(g *globals, args []string, spaces ...string) (*loaded, []*vector.Matrix, error) {
	l, err := o.open(g, args, slices.Contains(spaces, vector.SpaceWords))
	if err != nil {
		return nil, nil, err
	}
	ms, err := o.buildSpaces(g, l, spaces...)
	if err != nil {
		return nil, nil, err
	}
	for k, m := range ms {
		l.matrix = m
		if k == 0 {
			_, err = o.group(g, l)
		} else if _, err = o.groupQuiet(l); err == nil {
			o.groupWarnings(g, nil, l.matrix.Empty, l.matrix.Space)
		}
		if err != nil {
			return nil, nil, err
		}
		ms[k] = l.matrix
	}
	l.matrix = nil
	return l, ms, nil
}

// open checks --by, loads the lexicon and (when stopwords is set) the
// stopwords, and opens the reports under args.
func (o *vectorOpts) open(g *globals, args []string, stopwords bool) (*loaded, error) {
	if err := vector.CheckGrouping(o.by); err != nil {
		return nil, fmt.Errorf("flag --by: %w", err)
	}
	part, lex, err := o.in.prepare(g)
	if err != nil {
		return nil, err
	}
	var stop segment.Stopwords
	if stopwords {
		if stop, err = o.readStopwords(); err != nil {
			return nil, err
		}
	}
	src, err := o.in.open(g, args)
	if err != nil {
		return nil, err
	}
	return &loaded{lex: lex, src: src, part: part, stop: stop}, nil
}

// vectorizers opens the reports under args (see open) and returns a
// vectorizer for each of spaces, with a segmenter in the words space, or
// in every space when withSeg is set (token sequences need one).
func (o *vectorOpts) vectorizers(g *globals, args []string, withSeg bool, spaces ...string) (*loaded, []*vector.Vectorizer, error) {
	withSeg = withSeg || slices.Contains(spaces, vector.SpaceWords)
	l, err := o.open(g, args, withSeg)
	if err != nil {
		return nil, nil, err
	}
	vzs, err := o.newVectorizers(g, l, withSeg, spaces...)
	return l, vzs, err
}

// newVectorizers returns a vectorizer for each of spaces over l's lexicon
// and part, with a segmenter on l.stop when withSeg is set.
func (o *vectorOpts) newVectorizers(g *globals, l *loaded, withSeg bool, spaces ...string) ([]*vector.Vectorizer, error) {
	var seg *segment.Segmenter
	if withSeg {
		segment.PreloadDictionary()
		var err error
		if seg, err = segment.NewSegmenter(l.lex, l.stop); err != nil {
			return nil, err
		}
	}
	vzs := make([]*vector.Vectorizer, len(spaces))
	for k, space := range spaces {
		vz, err := vector.NewVectorizer(space, l.lex, seg, l.part)
		if err != nil {
			return nil, err
		}
		vz.Workers = o.workers
		if g.cache != nil && space == vector.SpaceWords {
			vz.Cache = g.cache
			vz.CacheKey = l.lex.Hash() + "\x00" + seg.Stopwords().Hash()
		}
		vzs[k] = vz
	}
	return vzs, nil
}

// buildSpaces reads the documents of l.src once and returns their term
// counts in each of spaces, one row per document.
func (o *vectorOpts) buildSpaces(g *globals, l *loaded, spaces ...string) ([]*vector.Matrix, error) {
	vzs, err := o.newVectorizers(g, l, slices.Contains(spaces, vector.SpaceWords), spaces...)
	if err != nil {
		return nil, err
	}
	return vector.BuildEach(func(fn func(*reports.Document) error) error { return each(g, l.src, o.tap(l.lex, l.src, fn)) }, vzs...)
}

// readStopwords returns the stopwords of --stopwords, else the built-in
// ones.
func (o *vectorOpts) readStopwords() (segment.Stopwords, error) {
	if o.stopwords == "" {
		return segment.DefaultStopwords(), nil
	}
	data, err := readListFile("--stopwords", o.stopwords)
	if err != nil {
		return nil, err
	}
	return segment.ReadStopwords(o.stopwords, bytes.NewReader(data))
}

// group sums the rows of l.matrix by --by, warns about the documents left
// out and the empty units, and returns those documents.
func (o *vectorOpts) group(g *globals, l *loaded) ([]string, error) {
	skipped, err := o.groupQuiet(l)
	if err == nil {
		o.groupWarnings(g, skipped, l.matrix.Empty, l.matrix.Space)
	}
	return skipped, err
}

// groupQuiet is group without the warnings.
func (o *vectorOpts) groupQuiet(l *loaded) ([]string, error) {
	m, skipped, err := l.matrix.Group(o.by)
	if err != nil {
		return nil, err
	}
	l.matrix = m
	return skipped, nil
}

// groupWarnings names the documents --by left out and the units with no
// term of space.
func (o *vectorOpts) groupWarnings(g *globals, skipped, empty []string, space string) {
	o.warnSkipped(g, skipped)
	if len(empty) > 0 {
		g.warnf("%d unit(s) with no %s at all get a zero vector (e.g. %s)", len(empty), termWord(space), reports.QuoteName(empty[0]))
	}
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

func termWord(space string) string {
	if space == vector.SpaceWords {
		return "word"
	}
	return "slogan"
}
