package vector

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Window kinds: the stretches of text within which Sequences.Windows
// takes terms to occur together.
const (
	WindowSentence  = "sentence"  // ends at 。！？； (or !?;), a line break or a section's end
	WindowParagraph = "paragraph" // a line of the cleaned text (the cleaner joins hard-wrapped lines)
	WindowDocument  = "document"
)

// WindowKinds lists the window kinds, smallest first.
var WindowKinds = []string{WindowSentence, WindowParagraph, WindowDocument}

// Sequences are documents as sequences of term ids in text order, with the
// ends of their sentences and paragraphs: the input of the methods that
// need order or windows (topic models, co-occurrence, word vectors), where
// a Matrix keeps only counts. Tokens are those of the space: in the words
// space every token of segment.Segmenter (a slogan one token), in the
// slogans space only the slogans it cuts out (Segmenter.AppendSlogans).
type Sequences struct {
	Space   string
	Units   []Unit   // one per document, in reading order
	Terms   []string // term id → term: words sorted, slogans in lexicon order (all entries)
	Entries []int    // term id → lexicon entry, -1 for an ordinary word
	Docs    [][]int32
	// Sentences[i] and Paragraphs[i] list where each sentence and
	// paragraph of document i ends, as offsets into Docs[i], ascending;
	// the last is len(Docs[i]). Stretches without a token are not listed.
	Sentences, Paragraphs [][]int32
	// Empty lists the documents without a token.
	Empty []string
}

// Sequences reads documents through each (a function like
// reports.Source.Each) and returns their token sequences, segmenting on
// Workers goroutines. The vectorizer needs a segmenter in either space.
// Ids are fixed by the data alone, so the result never depends on
// scheduling. Tokens are 4 bytes each (8.6 MB for the 2.1 million of the
// shared corpus); the texts are not kept.
func (v *Vectorizer) Sequences(each func(fn func(*reports.Document) error) error) (*Sequences, error) {
	if v.seg == nil {
		return nil, errors.New("vector: sequences need a segmenter")
	}
	c := &seqCollector{collector: newCollector(v)}
	if err := pipeline(v.Workers, each, v.sequence, c.add); err != nil {
		return nil, err
	}
	return c.sequences(), nil
}

// docSeq is document i's tokens as a worker finds them: its distinct
// terms, and the tokens as indices into them.
type docSeq struct {
	i            int
	unit         Unit
	terms        []termCount // n unused
	toks         []int32
	sents, paras []int32
}

// sentenceEnds are the marks that end a sentence.
const sentenceEnds = "。！？；!?;"

// sequence reads the tokens of document d, the i-th read.
func (v *Vectorizer) sequence(w *termWorker, i int, d *reports.Document) docSeq {
	r := docSeq{i: i, unit: Unit{ID: d.ID, Meta: d.Meta, Docs: []string{d.ID}, Chars: d.Chars(v.Part)}}
	if w.seen == nil {
		w.seen = map[string]int32{}
	}
	end := func(ends *[]int32) { *ends = appendEnd(*ends, int32(len(r.toks))) }
	for _, sp := range d.Spans(v.Part) {
		text := d.Text[sp[0]:sp[1]]
		if v.Space == SpaceSlogans {
			w.toks = v.seg.AppendSlogans(w.toks[:0], text)
		} else {
			w.toks = v.seg.AppendTokens(w.toks[:0], text)
		}
		prev := 0
		for _, t := range w.toks {
			switch gap := text[prev:t.Start]; {
			case strings.Contains(gap, "\n"):
				end(&r.sents)
				end(&r.paras)
			case strings.ContainsAny(gap, sentenceEnds):
				end(&r.sents)
			}
			prev = t.End
			k, ok := w.seen[t.Text]
			if !ok {
				k = int32(len(r.terms))
				w.seen[t.Text] = k
				r.terms = append(r.terms, termCount{text: t.Text, entry: int32(t.Entry)})
			}
			if t.Entry >= 0 {
				r.terms[k].entry = int32(t.Entry)
			}
			r.toks = append(r.toks, k)
		}
		end(&r.sents) // a section ends a paragraph
		end(&r.paras)
	}
	clear(w.toks) // drop the references into the text
	clear(w.seen)
	return r
}

// seqCollector gathers the sequences of documents as they come.
type seqCollector struct {
	*collector
	docs         [][]int32
	sents, paras [][]int32
}

// add stores one document's tokens, numbered as collector.id numbers
// terms.
func (c *seqCollector) add(r docSeq) {
	c.unit(r.i, r.unit)
	for len(c.docs) <= r.i {
		c.docs = append(c.docs, nil)
		c.sents = append(c.sents, nil)
		c.paras = append(c.paras, nil)
	}
	ids := make([]int32, len(r.terms))
	for k, t := range r.terms {
		ids[k] = c.id(t)
	}
	for k, l := range r.toks {
		r.toks[k] = ids[l]
	}
	c.docs[r.i], c.sents[r.i], c.paras[r.i] = r.toks, r.sents, r.paras
}

// sequences assembles the result, renumbering the terms as columns fixes
// them.
func (c *seqCollector) sequences() *Sequences {
	s := &Sequences{Space: c.space, Units: c.units, Docs: c.docs, Sentences: c.sents, Paragraphs: c.paras}
	col, terms, entries := c.columns()
	s.Terms, s.Entries = terms, entries
	for i, d := range s.Docs {
		for k, t := range d {
			d[k] = col[t]
		}
		if len(d) == 0 {
			s.Empty = append(s.Empty, s.Units[i].ID)
		}
	}
	return s
}

// Windows returns the windows of kind (WindowSentence, WindowParagraph or
// WindowDocument) of every document, in order, as slices of Docs (not to
// be modified); windows without a token are left out.
func (s *Sequences) Windows(kind string) ([][]int32, error) {
	return s.WindowsOf(kind, nil)
}

// WindowsOf returns the windows of kind of the documents docs (indices
// into Docs, in the order given; nil: all of them), as Windows does.
func (s *Sequences) WindowsOf(kind string, docs []int) ([][]int32, error) {
	if docs == nil {
		docs = make([]int, len(s.Docs))
		for i := range docs {
			docs[i] = i
		}
	}
	var ends [][]int32
	switch kind {
	case WindowSentence:
		ends = s.Sentences
	case WindowParagraph:
		ends = s.Paragraphs
	case WindowDocument:
	default:
		return nil, fmt.Errorf("unknown window %q (want %s)", kind, strings.Join(WindowKinds, ", "))
	}
	var out [][]int32
	for _, i := range docs {
		d := s.Docs[i]
		if ends == nil {
			if len(d) > 0 {
				out = append(out, d[:len(d):len(d)])
			}
			continue
		}
		from := int32(0)
		for _, e := range ends[i] {
			out = append(out, d[from:e:e])
			from = e
		}
	}
	return out, nil
}

// Freq returns, for every term, its number of tokens and the number of
// documents holding it.
func (s *Sequences) Freq() (tokens, docs []int) {
	tokens = make([]int, len(s.Terms))
	docs = make([]int, len(s.Terms))
	last := make([]int, len(s.Terms)) // 1 + the last document counted
	for i, d := range s.Docs {
		for _, t := range d {
			tokens[t]++
			if last[t] != i+1 {
				last[t] = i + 1
				docs[t]++
			}
		}
	}
	return tokens, docs
}

// Keep returns the sequences of the terms kept only (keep[t] for each
// term id t), renumbered in the same order; sentences and paragraphs left
// without a token disappear. The documents stay, some maybe empty.
func (s *Sequences) Keep(keep []bool) *Sequences {
	if len(keep) != len(s.Terms) {
		panic(fmt.Sprintf("vector: Keep given %d flags for %d terms", len(keep), len(s.Terms)))
	}
	id := make([]int32, len(s.Terms))
	out := &Sequences{Space: s.Space, Units: s.Units}
	for t, k := range keep {
		id[t] = -1
		if k {
			id[t] = int32(len(out.Terms))
			out.Terms = append(out.Terms, s.Terms[t])
			out.Entries = append(out.Entries, s.Entries[t])
		}
	}
	for i, d := range s.Docs {
		var nd, sents, paras []int32
		si, pi := 0, 0
		for k, t := range d {
			if id[t] >= 0 {
				nd = append(nd, id[t])
			}
			// close the stretches ending after token k
			for ; si < len(s.Sentences[i]) && s.Sentences[i][si] == int32(k+1); si++ {
				sents = appendEnd(sents, int32(len(nd)))
			}
			for ; pi < len(s.Paragraphs[i]) && s.Paragraphs[i][pi] == int32(k+1); pi++ {
				paras = appendEnd(paras, int32(len(nd)))
			}
		}
		out.Docs = append(out.Docs, nd)
		out.Sentences = append(out.Sentences, sents)
		out.Paragraphs = append(out.Paragraphs, paras)
		if len(nd) == 0 {
			out.Empty = append(out.Empty, s.Units[i].ID)
		}
	}
	return out
}

// appendEnd appends the end n to ends unless the stretch it closes is
// empty.
func appendEnd(ends []int32, n int32) []int32 {
	if k := len(ends); n > 0 && (k == 0 || ends[k-1] < n) {
		return append(ends, n)
	}
	return ends
}

// Trim chooses a vocabulary: the terms whose document frequency lies in
// [MinDF, MaxDF] (read as TFIDF reads them: a count ≥ 1, a share of the
// units below 1, 0 for no bound), and of those at most MaxTerms (0: no
// cap): the ones found in the most units, ties by more tokens, then by
// term — widespread terms, which a scaling or a topic model can compare
// units on, before those a few long units repeat. With Slogans, a slogan
// (a term with a lexicon entry) in at least MinDF units is always kept,
// however common, and beside the MaxTerms words: a tool about slogans
// never drops one for being everywhere.
type Trim struct {
	MinDF, MaxDF float64
	MaxTerms     int
	Slogans      bool
}

// Keep returns which terms the trim keeps, given each term's lexicon
// entry (−1 for a word), tokens and documents among n units. It fails when
// none is left.
func (tr Trim) Keep(terms []string, entries, tokens, docs []int, n int) ([]bool, error) {
	lo, hi := dfBounds(tr.MinDF, tr.MaxDF, float64(n))
	keep := make([]bool, len(terms))
	var kept []int
	found := false
	for t := range terms {
		d := float64(docs[t])
		switch {
		case docs[t] == 0 || d < lo:
		case tr.Slogans && entries[t] >= 0:
			keep[t], found = true, true
		case d <= hi:
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 && !found {
		return nil, fmt.Errorf("no term of %d is in %g to %g of the %d units: %w", len(terms), lo, hi, n, ErrEmptyVocabulary)
	}
	if tr.MaxTerms > 0 && len(kept) > tr.MaxTerms {
		sortByFreq(kept, terms, tokens, docs)
		kept = kept[:tr.MaxTerms]
	}
	for _, t := range kept {
		keep[t] = true
	}
	return keep, nil
}

// Trim returns the sequences restricted to the vocabulary tr keeps.
func (s *Sequences) Trim(tr Trim) (*Sequences, error) {
	tokens, docs := s.Freq()
	keep, err := tr.Keep(s.Terms, s.Entries, tokens, docs, len(s.Docs))
	if err != nil {
		return nil, err
	}
	return s.Keep(keep), nil
}

// Trim returns m restricted to the vocabulary tr keeps, document
// frequencies counted over m's units.
func (m *Matrix) Trim(tr Trim) (*Matrix, error) {
	tokens := make([]int, m.Counts.Cols)
	docs := make([]int, m.Counts.Cols)
	for k, c := range m.Counts.Ind {
		tokens[c] += int(m.Counts.Val[k])
		docs[c]++
	}
	keep, err := tr.Keep(m.Terms, m.Entries, tokens, docs, m.Counts.Rows)
	if err != nil {
		return nil, err
	}
	var kept []int
	out := &Matrix{Space: m.Space, Units: m.Units}
	for c, k := range keep {
		if k {
			kept = append(kept, c)
			out.Terms = append(out.Terms, m.Terms[c])
			out.Entries = append(out.Entries, m.Entries[c])
		}
	}
	out.Counts = selectColumns(m.Counts, kept)
	for i, u := range out.Units {
		if ind, _ := out.Counts.Row(i); len(ind) == 0 {
			out.Empty = append(out.Empty, u.ID)
		}
	}
	return out, nil
}

// sortByFreq sorts the term ids ts by documents descending, then tokens
// descending, then term.
func sortByFreq(ts []int, terms []string, tokens, docs []int) {
	slices.SortFunc(ts, func(a, b int) int {
		return cmp.Or(cmp.Compare(docs[b], docs[a]), cmp.Compare(tokens[b], tokens[a]), strings.Compare(terms[a], terms[b]))
	})
}

// Categories returns the lexicon categories of the slogans among the
// terms, in the order of their first entry in lex, each with the ids of
// its slogan terms, ascending: the seeds of seeded topics, the queries of
// a category's nearest words.
func (s *Sequences) Categories(lex *lexicon.Lexicon) (names []string, terms [][]int32) {
	index := map[string]int{}
	for _, e := range lex.Entries {
		if _, ok := index[e.Category]; !ok {
			index[e.Category] = len(names)
			names = append(names, e.Category)
		}
	}
	terms = make([][]int32, len(names))
	for t, e := range s.Entries {
		if e >= 0 {
			c := index[lex.Entries[e].Category]
			terms[c] = append(terms[c], int32(t))
		}
	}
	var outN []string
	var outT [][]int32
	for c, ts := range terms {
		if len(ts) > 0 {
			outN = append(outN, names[c])
			outT = append(outT, ts)
		}
	}
	return outN, outT
}

// DropEmpty returns m without the units that hold no count (m.Empty);
// the others keep their order.
func (m *Matrix) DropEmpty() *Matrix {
	if len(m.Empty) == 0 {
		return m
	}
	out := &Matrix{Space: m.Space, Terms: m.Terms, Entries: m.Entries}
	var rows [][]int
	for i, u := range m.Units {
		if ind, _ := m.Counts.Row(i); len(ind) > 0 {
			rows = append(rows, []int{i})
			out.Units = append(out.Units, u)
		}
	}
	out.Counts = m.Counts.SumRows(rows)
	return out
}

// Frequent returns, ascending, the ids of every slogan among the terms
// and of the n ordinary words with the most tokens (ties by term): the
// terms a co-occurrence network of slogans and words is drawn on.
func (s *Sequences) Frequent(n int) []int32 {
	tokens, _ := s.Freq()
	var out []int32
	var words []int
	for t, e := range s.Entries {
		if e >= 0 {
			out = append(out, int32(t))
		} else if tokens[t] > 0 {
			words = append(words, t)
		}
	}
	slices.SortFunc(words, func(a, b int) int {
		return cmp.Or(cmp.Compare(tokens[b], tokens[a]), strings.Compare(s.Terms[a], s.Terms[b]))
	})
	for _, t := range words[:min(n, len(words))] {
		out = append(out, int32(t))
	}
	slices.Sort(out)
	return out
}

// ID returns the id of term (a slogan's canonical form, or a word), −1
// when it is not among the terms.
func (s *Sequences) ID(term string) int32 {
	if s.Space == SpaceWords {
		if i, ok := slices.BinarySearch(s.Terms, term); ok {
			return int32(i)
		}
		return -1
	}
	return int32(slices.Index(s.Terms, term))
}
