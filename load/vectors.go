package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
	"github.com/tifa-project/tifa/vector"
)

// Vectors are the options of the commands that count terms or build TF-IDF
// vectors: the reports', then the vectors'.
type Vectors struct {
	Input
	Space     string  // vector.SpaceSlogans or vector.SpaceWords (--space)
	By        string  // the unit: doc, region … (vector.CheckGrouping; --by)
	MinDF     float64 // vector.TFIDF's MinDF (--min-df)
	MaxDF     float64 // vector.TFIDF's MaxDF (--max-df)
	Sublinear bool    // tf = 1 + ln(count) (--sublinear)
	Stopwords string  // a stopword file replacing the built-in list (--stopwords)
	Workers   int     // goroutines for segmentation, 0 for one per CPU (--jobs)

	// Also, when set, is called once the reports are open and returns a
	// function that sees each document read, in order, before it is
	// counted: 'tifa report' builds all its tables in one pass. A run
	// with Also keeps no corpus in the cache.
	Also func(lex *lexicon.Lexicon, src *reports.Source) func(*reports.Document)
}

// Corpus is what a vector command works on.
type Corpus struct {
	Lex     *lexicon.Lexicon
	Src     *reports.Source
	Matrix  *vector.Matrix    // term counts per unit (after By); nil once weighed
	Vectors *vector.Vectors   // weighted vectors, after Build or Weigh
	Seqs    *vector.Sequences // token sequences, after Sequences

	// For the corpus cache (corpus.go): the keys, and what the keys and
	// the stored record need.
	keys cache.CorpusKeys
	part reports.Part
	stop segment.Stopwords
	read *readRecord
}

// Build reads the reports under args and returns their TF-IDF vectors.
func (r *Reader) Build(ctx context.Context, v *Vectors, args []string) (*Corpus, error) {
	c, err := r.read(ctx, v, args, true)
	if err != nil || c.Vectors != nil {
		return c, err
	}
	skipped, err := r.group(v, c)
	if err != nil {
		return nil, err
	}
	empty := c.Matrix.Empty
	if err := v.Weigh(c); err != nil {
		return nil, err
	}
	r.storeVectors(v, c, skipped, empty)
	return c, nil
}

// Weigh sets c.Vectors to the TF-IDF vectors of c.Matrix and lets the
// matrix go: the vectors hold what is needed.
func (v *Vectors) Weigh(c *Corpus) error {
	var err error
	c.Vectors, err = vector.Weigh(c.Matrix, &vector.TFIDF{Sublinear: v.Sublinear, MinDF: v.MinDF, MaxDF: v.MaxDF})
	c.Matrix = nil
	return err
}

// Counts reads the reports under args and returns their term counts, per
// unit of By.
func (r *Reader) Counts(ctx context.Context, v *Vectors, args []string) (*Corpus, error) {
	c, err := r.read(ctx, v, args, false)
	if err != nil {
		return nil, err
	}
	_, err = r.group(v, c)
	return c, err
}

// read reads the reports under args and returns their term counts in
// Space, one row per document, or — when vectors is true and the corpus
// cache holds them — their weighted vectors.
func (r *Reader) read(ctx context.Context, v *Vectors, args []string, vectors bool) (*Corpus, error) {
	if err := v.checkSpace(); err != nil {
		return nil, err
	}
	c, err := r.open(v, args, v.Space == vector.SpaceWords)
	if err != nil {
		return nil, err
	}
	if hit, err := r.fromCache(v, c, vectors); hit || err != nil {
		return c, err
	}
	ms, err := r.buildSpaces(ctx, v, c, v.Space)
	if err != nil {
		return nil, err
	}
	c.Matrix = ms[0]
	r.storeMatrix(v, c)
	return c, nil
}

// checkSpace checks Space.
func (v *Vectors) checkSpace() error {
	if v.Space != vector.SpaceSlogans && v.Space != vector.SpaceWords {
		return fmt.Errorf("flag --space: want slogans or words (got %q)", v.Space)
	}
	return nil
}

// Sequences reads the reports under args as token sequences of Space
// (one per document), restricted to the vocabulary tr keeps: what topics,
// cooccur and expand work on.
func (r *Reader) Sequences(ctx context.Context, v *Vectors, args []string, tr vector.Trim) (*Corpus, error) {
	if err := v.checkSpace(); err != nil {
		return nil, err
	}
	c, vzs, err := r.vectorizers(v, args, true, v.Space)
	if err != nil {
		return nil, err
	}
	s, err := vzs[0].Sequences(func(fn func(*reports.Document) error) error { return r.Each(ctx, c.Src, fn) })
	if err != nil {
		return nil, err
	}
	if s, err = s.Trim(tr); err != nil {
		if errors.Is(err, vector.ErrEmptyVocabulary) {
			return nil, fmt.Errorf("%w; loosen --min-df/--max-df", err)
		}
		return nil, err
	}
	if len(s.Empty) > 0 {
		r.warnf("%d document(s) with no %s (e.g. %s)", len(s.Empty), termWord(v.Space), reports.QuoteName(s.Empty[0]))
	}
	c.Seqs = s
	return c, nil
}

// CountSpaces reads the reports under args once and returns their term
// counts in each of spaces, per unit of By.
func (r *Reader) CountSpaces(ctx context.Context, v *Vectors, args []string, spaces ...string) (*Corpus, []*vector.Matrix, error) {
	c, err := r.open(v, args, slices.Contains(spaces, vector.SpaceWords))
	if err != nil {
		return nil, nil, err
	}
	ms, err := r.buildSpaces(ctx, v, c, spaces...)
	if err != nil {
		return nil, nil, err
	}
	for k, m := range ms {
		c.Matrix = m
		if k == 0 {
			_, err = r.group(v, c)
		} else if _, err = groupQuiet(v, c); err == nil {
			r.groupWarnings(v, nil, c.Matrix.Empty, c.Matrix.Space)
		}
		if err != nil {
			return nil, nil, err
		}
		ms[k] = c.Matrix
	}
	c.Matrix = nil
	return c, ms, nil
}

// open checks By, loads the lexicon and (when stopwords is set) the
// stopwords, and opens the reports under args.
func (r *Reader) open(v *Vectors, args []string, stopwords bool) (*Corpus, error) {
	if err := vector.CheckGrouping(v.By); err != nil {
		return nil, fmt.Errorf("flag --by: %w", err)
	}
	part, lex, err := r.Prepare(&v.Input)
	if err != nil {
		return nil, err
	}
	var stop segment.Stopwords
	if stopwords {
		if stop, err = v.readStopwords(); err != nil {
			return nil, err
		}
	}
	src, err := r.Open(&v.Input, args)
	if err != nil {
		return nil, err
	}
	return &Corpus{Lex: lex, Src: src, part: part, stop: stop}, nil
}

// vectorizers opens the reports under args (checking By, loading the
// lexicon and the stopwords) and returns a vectorizer for each of spaces,
// with a segmenter in the words space, or in every space when withSeg is
// set (token sequences need one). The caller reads the documents.
func (r *Reader) vectorizers(v *Vectors, args []string, withSeg bool, spaces ...string) (*Corpus, []*vector.Vectorizer, error) {
	withSeg = withSeg || slices.Contains(spaces, vector.SpaceWords)
	c, err := r.open(v, args, withSeg)
	if err != nil {
		return nil, nil, err
	}
	vzs, err := r.newVectorizers(v, c, withSeg, spaces...)
	return c, vzs, err
}

// newVectorizers returns a vectorizer for each of spaces over c's lexicon
// and part, with a segmenter on c.stop when withSeg is set.
func (r *Reader) newVectorizers(v *Vectors, c *Corpus, withSeg bool, spaces ...string) ([]*vector.Vectorizer, error) {
	var seg *segment.Segmenter
	if withSeg {
		segment.PreloadDictionary()
		var err error
		if seg, err = segment.NewSegmenter(c.Lex, c.stop); err != nil {
			return nil, err
		}
	}
	vzs := make([]*vector.Vectorizer, len(spaces))
	for k, space := range spaces {
		vz, err := vector.NewVectorizer(space, c.Lex, seg, c.part)
		if err != nil {
			return nil, err
		}
		vz.Workers = v.Workers
		if r.cache != nil && space == vector.SpaceWords {
			vz.Cache = r.cache
			vz.CacheKey = c.Lex.Hash() + "\x00" + seg.Stopwords().Hash()
		}
		vzs[k] = vz
	}
	return vzs, nil
}

// buildSpaces reads the documents of c.Src once and returns their term
// counts in each of spaces, one row per document.
func (r *Reader) buildSpaces(ctx context.Context, v *Vectors, c *Corpus, spaces ...string) ([]*vector.Matrix, error) {
	vzs, err := r.newVectorizers(v, c, slices.Contains(spaces, vector.SpaceWords), spaces...)
	if err != nil {
		return nil, err
	}
	return vector.BuildEach(func(fn func(*reports.Document) error) error { return r.Each(ctx, c.Src, v.tap(c, fn)) }, vzs...)
}

// tap returns fn, after Also's function when there is one.
func (v *Vectors) tap(c *Corpus, fn func(*reports.Document) error) func(*reports.Document) error {
	if v.Also == nil {
		return fn
	}
	see := v.Also(c.Lex, c.Src)
	return func(d *reports.Document) error {
		see(d)
		return fn(d)
	}
}

// readStopwords returns the stopwords of the Stopwords file, else the
// built-in ones.
func (v *Vectors) readStopwords() (segment.Stopwords, error) {
	if v.Stopwords == "" {
		return segment.DefaultStopwords(), nil
	}
	data, err := ReadList("--stopwords", v.Stopwords)
	if err != nil {
		return nil, err
	}
	return segment.ReadStopwords(v.Stopwords, bytes.NewReader(data))
}

// group sums the rows of c.Matrix by By, warns about the documents left
// out and the empty units, and returns those documents.
func (r *Reader) group(v *Vectors, c *Corpus) ([]string, error) {
	skipped, err := groupQuiet(v, c)
	if err == nil {
		r.groupWarnings(v, skipped, c.Matrix.Empty, c.Matrix.Space)
	}
	return skipped, err
}

// groupQuiet is group without the warnings.
func groupQuiet(v *Vectors, c *Corpus) ([]string, error) {
	m, skipped, err := c.Matrix.Group(v.By)
	if err != nil {
		return nil, err
	}
	c.Matrix = m
	return skipped, nil
}

// groupWarnings names the documents By left out and the units with no
// term of space.
func (r *Reader) groupWarnings(v *Vectors, skipped, empty []string, space string) {
	r.WarnSkipped(v.By, skipped)
	if len(empty) > 0 {
		r.warnf("%d unit(s) with no %s at all get a zero vector (e.g. %s)", len(empty), termWord(space), reports.QuoteName(empty[0]))
	}
}

// WarnSkipped warns about the documents a grouping by left out of every
// group.
func (r *Reader) WarnSkipped(by string, skipped []string) {
	switch {
	case analysis.IsPlaceGrouping(by):
		r.WarnUnplaced(by, skipped)
	case len(skipped) > 0:
		r.warnf("%d document(s) without a %s left out (e.g. %s)", len(skipped), by, reports.QuoteName(skipped[0]))
	}
}

// WarnUnplaced warns about the documents ids a grouping by division code
// (by: place, county …) left out.
func (r *Reader) WarnUnplaced(by string, ids []string) {
	if len(ids) > 0 {
		r.warnf("--by %s: %d document(s) left out, with no code or no %s holding them (e.g. %s); 'tifa places' shows the codes", by, len(ids), by, ids[0])
	}
}

// termWord names a term of space in messages: "word" or "slogan".
func termWord(space string) string {
	if space == vector.SpaceWords {
		return "word"
	}
	return "slogan"
}
