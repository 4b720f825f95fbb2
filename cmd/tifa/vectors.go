package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/sparse"
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

// spec is what the flags ask of the vectors.
func (o *vectorOpts) spec() *load.Vectors {
	return &load.Vectors{Input: o.in.Input, Space: o.space, By: o.by, MinDF: o.minDF, MaxDF: o.maxDF,
		Sublinear: o.sublinear, Stopwords: o.stopwords, Workers: o.workers, Also: o.also}
}

// loaded is what a vector command works on: a load.Corpus, its fields
// under the names the command files use.
type loaded struct {
	lex     *lexicon.Lexicon
	src     *reports.Source
	matrix  *vector.Matrix // per unit (after --by); nil once weighed
	vectors *vector.Vectors
	seqs    *vector.Sequences

	c *load.Corpus
}

func wrap(c *load.Corpus, err error) (*loaded, error) {
	if c == nil {
		return nil, err
	}
	return &loaded{lex: c.Lex, src: c.Src, matrix: c.Matrix, vectors: c.Vectors, seqs: c.Seqs, c: c}, err
}

// corpus is l's load.Corpus, with what the command changed.
func (l *loaded) corpus() *load.Corpus {
	l.c.Matrix, l.c.Vectors = l.matrix, l.vectors
	return l.c
}

// build reads the reports under args and returns their TF-IDF vectors.
func (o *vectorOpts) build(g *globals, args []string) (*loaded, error) {
	return wrap(g.reader().Build(g.ctx(), o.spec(), args))
}

// weigh sets l.vectors to the TF-IDF vectors of l.matrix and lets the
// matrix go.
func (o *vectorOpts) weigh(l *loaded) error {
	c := l.corpus()
	err := o.spec().Weigh(c)
	l.matrix, l.vectors = c.Matrix, c.Vectors
	return err
}

// counts reads the reports under args and returns their term counts, per
// unit of --by.
func (o *vectorOpts) counts(g *globals, args []string) (*loaded, error) {
	return wrap(g.reader().Counts(g.ctx(), o.spec(), args))
}

// countSpaces reads the reports under args once and returns their term
// counts in each of spaces, per unit of --by.
func (o *vectorOpts) countSpaces(g *globals, args []string, spaces ...string) (*loaded, []*vector.Matrix, error) {
	c, ms, err := g.reader().CountSpaces(g.ctx(), o.spec(), args, spaces...)
	l, _ := wrap(c, nil)
	return l, ms, err
}

// warnSkipped warns about the documents --by left out of every group.
func (o *vectorOpts) warnSkipped(g *globals, skipped []string) {
	g.reader().WarnSkipped(o.by, skipped)
}

// gram returns the Gram matrix of the vectors, from the cache or kept
// there; nil without one (load.Reader.Gram).
func (o *vectorOpts) gram(g *globals, l *loaded) *sparse.Gram {
	return g.reader().Gram(o.spec(), l.corpus())
}

// neighbours returns the k nearest neighbours of every unit
// (load.Reader.Neighbours).
func (o *vectorOpts) neighbours(g *globals, l *loaded, k int) ([][]vector.Neighbor, error) {
	return g.reader().Neighbours(g.ctx(), o.spec(), l.corpus(), k)
}
