package wordvec

import (
	"fmt"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
	"github.com/tifa-project/tifa/vector"
)

// CheckCategories measures how well m keeps the slogans of seq's lexicon
// categories together (CategoryCheck); nil without a model or when fewer
// than two slogans have a vector.
func CheckCategories(m *Model, seq *vector.Sequences, lex *lexicon.Lexicon) *Check {
	if m == nil {
		return nil
	}
	names, terms := seq.Categories(lex)
	var ids []int32
	var cats []string
	for c, ts := range terms {
		for _, t := range ts {
			ids, cats = append(ids, t), append(cats, names[c])
		}
	}
	check, err := CategoryCheck(m, ids, cats)
	if err != nil {
		return nil
	}
	return check
}

// NewCandidates returns the neighbours nn of seq's terms that are no
// lexicon form, as candidates for a lexicon category.
func NewCandidates(seq *vector.Sequences, nn []Neighbor) []Candidate {
	var cands []Candidate
	for _, n := range nn {
		if seq.Entries[n.Term] < 0 {
			cands = append(cands, Candidate{Term: seq.Terms[n.Term], Cosine: n.Cosine})
		}
	}
	return cands
}

// RareCategoryError is NearCategory's error when no slogan of the category
// has a vector.
type RareCategoryError struct{ Category string }

func (e *RareCategoryError) Error() string {
	return fmt.Sprintf("no slogan of category %q is frequent enough in the reports for a vector", e.Category)
}

// NearCategory trains word vectors (DefaultOptions, paragraph windows, the
// default stopwords) on part of docs with each of texts made one token (a
// lexicon entry beside lex's: Lexicon.WithCandidates) and returns the
// cosine of each text's vector to the centroid of the vectors of
// category's slogans (Model.Closeness; NaN for a text with too few tokens
// for a vector): how close discovered candidates lie to a category.
func NearCategory(lex *lexicon.Lexicon, part reports.Part, docs []*reports.Document, texts []string, category string) ([]float64, error) {
	withCands, err := lex.WithCandidates(texts)
	if err != nil {
		return nil, err
	}
	segment.PreloadDictionary()
	seg, err := segment.NewSegmenter(withCands, segment.DefaultStopwords())
	if err != nil {
		return nil, err
	}
	vz, err := vector.NewVectorizer(vector.SpaceWords, withCands, seg, part)
	if err != nil {
		return nil, err
	}
	seq, err := vz.Sequences(func(fn func(*reports.Document) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	windows, _ := seq.Windows(vector.WindowParagraph)
	m, err := Train(windows, len(seq.Terms), DefaultOptions())
	if err != nil {
		return nil, err
	}
	var query []int32
	names, terms := seq.Categories(withCands)
	for c, name := range names {
		if name == category {
			for _, t := range terms[c] {
				if m.Row(t) >= 0 {
					query = append(query, t)
				}
			}
		}
	}
	if len(query) == 0 {
		return nil, &RareCategoryError{Category: category}
	}
	ids := make([]int32, len(texts))
	for i, t := range texts {
		if e, ok := withCands.Lookup(t); ok {
			t = withCands.Entries[e].Slogan
		}
		ids[i] = seq.ID(t)
	}
	return m.Closeness(ids, query)
}
