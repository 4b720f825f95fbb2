package main

import (
	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
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
// run with other weighting options (--by, --min-df …) starts from the
// matrix. What reading told the command (provenance, warnings, --where)
// is kept with them and replayed. Commands that see every document ('tifa
// report') do not use it.

// corpusHit, when not nil, is told of each matrix, vectors or Gram
// matrix read from the cache ("matrix", "vectors", "gram"): for tests.
var corpusHit func(kind string)

// keys returns the cache keys of the corpus with fingerprint fp.
func (o *vectorOpts) keys(g *globals, fp string, part reports.Part, lexHash string, stop segment.Stopwords) cache.CorpusKeys {
	m := cache.MatrixOptions{Fingerprint: fp, Space: o.space, Part: part.String(), Lexicon: lexHash, Where: o.in.where}
	if stop != nil {
		m.Stopwords = stop.Hash()
	}
	if g.scope != nil {
		m.Scope = g.scope.name
	}
	return cache.NewCorpusKeys(m, cache.VectorOptions{By: o.by, MinDF: o.minDF, MaxDF: o.maxDF, Sublinear: o.sublinear})
}

// usesCorpusCache reports whether the run keeps its matrix in the cache:
// not 'tifa report', which sees every document.
func (o *vectorOpts) usesCorpusCache(g *globals) bool {
	return g.cache != nil && o.also == nil
}

// fromCache fills l with the cached vectors (when wanted) or matrix of
// the corpus, replaying what reading it told, and reports whether it did.
// A run that cannot find them records what it reads, to store it.
func (o *vectorOpts) fromCache(g *globals, l *loaded, part reports.Part, stop segment.Stopwords, vectors bool) (bool, error) {
	if !o.usesCorpusCache(g) {
		return false, nil
	}
	g.recordDocs = true
	l.stop, l.part = stop, part
	fp, ok := l.src.Fingerprint()
	if !ok {
		return false, nil
	}
	l.corpus = o.keys(g, fp, part, l.lex.Hash(), stop)
	var rec corpusRecord
	if vectors {
		var v vector.Vectors
		if cache.GetRecord(g.cache, l.corpus.Vectors, &rec, &v) {
			hit("vectors")
			l.vectors = &v
			if err := rec.Read.replay(g); err != nil {
				return true, err
			}
			o.groupWarnings(g, rec.Skipped, rec.Empty, o.space)
			return true, nil
		}
	}
	var m vector.Matrix
	if cache.GetRecord(g.cache, l.corpus.Matrix, &rec, &m) {
		hit("matrix")
		l.matrix, l.read = &m, &rec.Read
		return true, rec.Read.replay(g)
	}
	return false, nil
}

func hit(kind string) {
	if corpusHit != nil {
		corpusHit(kind)
	}
}

// corpusRecord is stored with a matrix or vectors: what reading the
// documents told the command, and for vectors what grouping them did.
type corpusRecord struct {
	Read           readRecord
	Skipped, Empty []string
}

// storeMatrix keeps the matrix just built, before grouping.
func (o *vectorOpts) storeMatrix(g *globals, l *loaded) {
	if !o.usesCorpusCache(g) || g.lastRead == nil {
		return
	}
	fp, ok := l.src.Fingerprint()
	if !ok {
		return
	}
	l.corpus = o.keys(g, fp, l.part, l.lex.Hash(), l.stop)
	l.read = g.lastRead
	g.cache.PutRecord(l.corpus.Matrix, corpusRecord{Read: *g.lastRead}, l.matrix)
}

// storeVectors keeps the vectors just weighed, with the grouping's
// warnings.
func (o *vectorOpts) storeVectors(g *globals, l *loaded, skipped, empty []string) {
	if !o.usesCorpusCache(g) || l.corpus.Vectors == "" || l.read == nil {
		return
	}
	g.cache.PutRecord(l.corpus.Vectors, corpusRecord{Read: *l.read, Skipped: skipped, Empty: empty}, l.vectors)
}

// gram returns the Gram matrix of the vectors (sparse.Gram: every pair's
// dot product) when the run keeps its corpus in the cache and the units
// are at most sparse.GramMaxRows: read from the cache, else computed and
// kept, so that similar and cluster compute it once between them. nil
// otherwise: they then work without it.
func (o *vectorOpts) gram(g *globals, l *loaded) *sparse.Gram {
	x := l.vectors.X
	if !o.usesCorpusCache(g) || l.corpus.Vectors == "" || x.Rows > sparse.GramMaxRows {
		return nil
	}
	key := l.corpus.Gram()
	var gm sparse.Gram
	if g.cache.GetBlob(key, gm.UnmarshalBinary) && gm.N == x.Rows {
		hit("gram")
		return &gm
	}
	done := g.stage("pairwise products")
	defer done()
	gp := sparse.NewGram(x, o.workers)
	if b, err := gp.AppendBinary(nil); err == nil {
		g.cache.PutBlob(key, b)
	}
	return gp
}

// neighbours returns the k nearest neighbours of every unit (vector.TopK),
// from the Gram matrix when there is one.
func (o *vectorOpts) neighbours(g *globals, l *loaded, k int) ([][]vector.Neighbor, error) {
	x := l.vectors.X
	if vector.GramExact(x) {
		if gm := o.gram(g, l); gm != nil {
			return vector.TopKGram(g.ctx(), x, gm, k)
		}
	}
	return vector.TopKContext(g.ctx(), x, k, o.workers)
}
