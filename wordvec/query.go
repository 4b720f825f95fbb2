package wordvec

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Neighbor is a term and its cosine to a query.
type Neighbor struct {
	Term   int32
	Cosine float64
}

// centroid returns the mean of the unit vectors of terms, or an error
// naming the first term without a vector.
func (m *Model) centroid(terms []int32) ([]float64, error) {
	if len(terms) == 0 {
		return nil, fmt.Errorf("wordvec: no query terms")
	}
	_, d := m.Vectors.Dims()
	c := make([]float64, d)
	for _, t := range terms {
		r := m.Row(t)
		if r < 0 {
			return nil, fmt.Errorf("wordvec: term %d has no vector (fewer tokens than the minimum count)", t)
		}
		for k, x := range m.Vectors.RawRowView(r) {
			c[k] += x / float64(len(terms))
		}
	}
	return c, nil
}

// Closeness returns the cosine of each term's vector to the centroid of
// the query terms' vectors (NaN for a term without a vector): how close
// discover's candidates lie to a category, say. Every query term must
// have a vector.
func (m *Model) Closeness(terms, query []int32) ([]float64, error) {
	c, err := m.centroid(query)
	if err != nil {
		return nil, err
	}
	cn := dot(c, c)
	out := make([]float64, len(terms))
	for i, t := range terms {
		r := m.Row(t)
		if r < 0 || cn == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = cosineUnit(m.Vectors.RawRowView(r), c, cn)
	}
	return out, nil
}

// cosineUnit is the cosine of the unit vector u and c, given c·c.
func cosineUnit(u, c []float64, cc float64) float64 {
	return dot(u, c) / math.Sqrt(cc)
}

// Nearest returns the k terms whose vectors have the largest cosine to the
// centroid of the query terms' vectors, largest first, ties by term id.
// Query terms are left out, and so are terms for which keep (when not nil)
// returns false. Every query term must have a vector; k must be ≥ 1.
func (m *Model) Nearest(query []int32, k int, keep func(term int32) bool) ([]Neighbor, error) {
	if k < 1 {
		return nil, fmt.Errorf("wordvec: %d nearest terms: must be at least 1", k)
	}
	c, err := m.centroid(query)
	if err != nil {
		return nil, err
	}
	cn := dot(c, c)
	var out []Neighbor
	for i, t := range m.Terms {
		if slices.Contains(query, t) || (keep != nil && !keep(t)) {
			continue
		}
		cos := 0.0
		if cn > 0 {
			cos = cosineUnit(m.Vectors.RawRowView(i), c, cn)
		}
		out = append(out, Neighbor{t, cos})
	}
	slices.SortFunc(out, func(a, b Neighbor) int {
		if c := cmp.Compare(b.Cosine, a.Cosine); c != 0 {
			return c
		}
		return cmp.Compare(a.Term, b.Term)
	})
	return out[:min(k, len(out))], nil
}

// Similarity returns the cosine of two terms' vectors; ok is false when
// either has none.
func (m *Model) Similarity(a, b int32) (cos float64, ok bool) {
	ra, rb := m.Row(a), m.Row(b)
	if ra < 0 || rb < 0 {
		return 0, false
	}
	return dot(m.Vectors.RawRowView(ra), m.Vectors.RawRowView(rb)), true
}

// Candidate is a term proposed for a lexicon category.
type Candidate struct {
	Term   string
	Cosine float64 // to the category's centroid
}

// lexiconEntry is one YAML entry of a lexicon file (see package lexicon).
type lexiconEntry struct {
	Slogan   string `yaml:"slogan"`
	Category string `yaml:"category"`
	Note     string `yaml:"note"`
}

// WriteLexicon writes candidates as a YAML lexicon file for category, in
// the format of package lexicon (slogan, category, note), one entry per
// candidate in the order given, each noted with its cosine to the seeds.
// seeds names the query ("河长制, 湖长制"), for the header comment.
func WriteLexicon(w io.Writer, category, seeds string, cands []Candidate) error {
	if category == "" {
		return fmt.Errorf("wordvec: lexicon: empty category name")
	}
	entries := make([]lexiconEntry, len(cands))
	for i, c := range cands {
		if c.Term == "" {
			return fmt.Errorf("wordvec: lexicon: candidate %d has no term", i)
		}
		entries[i] = lexiconEntry{c.Term, category,
			"candidate: cosine " + strconv.FormatFloat(c.Cosine, 'f', 3, 64) + " to the seeds of " + category}
	}
	head := "# Candidates for category " + strconv.Quote(category) + ", nearest to " + strconv.Quote(seeds) +
		" in word vectors trained on the corpus.\n# Review each before use: nearness is not synonymy.\n"
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	if len(entries) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(entries); err != nil {
		return err
	}
	return enc.Close()
}
