package load

import (
	"context"

	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// The corpus cache keeps, next to each document's cleaned text and term
// counts, what a vector command builds from all of them: the term-count
// matrix of the corpus (one row per document: the vocabulary and its
// counts) and its weighted vectors. They are keyed by the corpus's
// fingerprint (reports.Source.Fingerprint: every file's content hash,
// name and manifest row, known from the files' identities without reading
// them) and the options that shaped them, so a run over unchanged reports
// with the same options reads neither the reports nor their terms, and a
// run with other weighting options (By, MinDF …) starts from the matrix.
// What reading told the command (provenance, warnings, --where) is kept
// with them and replayed. Commands that see every document (Vectors.Also:
// 'tifa report') do not use it.

// keys returns the cache keys of the corpus with fingerprint fp.
func (r *Reader) keys(v *Vectors, c *Corpus, fp string) cache.CorpusKeys {
	m := cache.MatrixOptions{Fingerprint: fp, Space: v.Space, Part: c.part.String(), Lexicon: c.Lex.Hash(), Where: v.Where}
	if c.stop != nil {
		m.Stopwords = c.stop.Hash()
	}
	if r.Scope != nil {
		m.Scope = r.Scope.Name
	}
	return cache.NewCorpusKeys(m, cache.VectorOptions{By: v.By, MinDF: v.MinDF, MaxDF: v.MaxDF, Sublinear: v.Sublinear})
}

// usesCorpusCache reports whether the run keeps its matrix in the cache:
// not with Also ('tifa report'), which sees every document.
func (r *Reader) usesCorpusCache(v *Vectors) bool {
	return r.cache != nil && v.Also == nil
}

// fromCache fills c with the cached vectors (when wanted) or matrix of
// the corpus, replaying what reading it told, and reports whether it did.
// A run that cannot find them records what it reads, to store it.
func (r *Reader) fromCache(v *Vectors, c *Corpus, vectors bool) (bool, error) {
	if !r.usesCorpusCache(v) {
		return false, nil
	}
	r.record = true
	fp, ok := c.Src.Fingerprint()
	if !ok {
		return false, nil
	}
	c.keys = r.keys(v, c, fp)
	var rec corpusRecord
	if vectors {
		var vs vector.Vectors
		if cache.GetRecord(r.cache, c.keys.Vectors, &rec, &vs) {
			r.hit("vectors")
			c.Vectors = &vs
			if err := r.replay(&rec.Read); err != nil {
				return true, err
			}
			r.groupWarnings(v, rec.Skipped, rec.Empty, v.Space)
			return true, nil
		}
	}
	var m vector.Matrix
	if cache.GetRecord(r.cache, c.keys.Matrix, &rec, &m) {
		r.hit("matrix")
		c.Matrix, c.read = &m, &rec.Read
		return true, r.replay(&rec.Read)
	}
	return false, nil
}

func (r *Reader) hit(kind string) {
	if r.Hit != nil {
		r.Hit(kind)
	}
}

// corpusRecord is stored with a matrix or vectors: what reading the
// documents told the command, and for vectors what grouping them did.
type corpusRecord struct {
	Read           readRecord
	Skipped, Empty []string
}

// storeMatrix keeps the matrix just built, before grouping.
func (r *Reader) storeMatrix(v *Vectors, c *Corpus) {
	if !r.usesCorpusCache(v) || r.last == nil {
		return
	}
	fp, ok := c.Src.Fingerprint()
	if !ok {
		return
	}
	c.keys = r.keys(v, c, fp)
	c.read = r.last
	r.cache.PutRecord(c.keys.Matrix, corpusRecord{Read: *r.last}, c.Matrix)
}

// storeVectors keeps the vectors just weighed, with the grouping's
// warnings.
func (r *Reader) storeVectors(v *Vectors, c *Corpus, skipped, empty []string) {
	if !r.usesCorpusCache(v) || c.keys.Vectors == "" || c.read == nil {
		return
	}
	r.cache.PutRecord(c.keys.Vectors, corpusRecord{Read: *c.read, Skipped: skipped, Empty: empty}, c.Vectors)
}

// Gram returns the Gram matrix of c's vectors (sparse.Gram: every pair's
// dot product) when the run keeps its corpus in the cache and the units
// are at most sparse.GramMaxRows: read from the cache, else computed and
// kept, so that similar and cluster compute it once between them. nil
// otherwise: they then work without it.
func (r *Reader) Gram(v *Vectors, c *Corpus) *sparse.Gram {
	x := c.Vectors.X
	if !r.usesCorpusCache(v) || c.keys.Vectors == "" || x.Rows > sparse.GramMaxRows {
		return nil
	}
	key := c.keys.Gram()
	var gm sparse.Gram
	if r.cache.GetBlob(key, gm.UnmarshalBinary) && gm.N == x.Rows {
		r.hit("gram")
		return &gm
	}
	done := r.stage("pairwise products")
	defer done()
	gp := sparse.NewGram(x, v.Workers)
	if b, err := gp.AppendBinary(nil); err == nil {
		r.cache.PutBlob(key, b)
	}
	return gp
}

// Neighbours returns the k nearest neighbours of every unit of c
// (vector.TopK), from the Gram matrix when there is one.
func (r *Reader) Neighbours(ctx context.Context, v *Vectors, c *Corpus, k int) ([][]vector.Neighbor, error) {
	x := c.Vectors.X
	if vector.GramExact(x) {
		if gm := r.Gram(v, c); gm != nil {
			return vector.TopKGram(ctx, x, gm, k)
		}
	}
	return vector.TopKContext(ctx, x, k, v.Workers)
}
