package wordvec

import (
	"fmt"
	"math"
)

// Check is the result of CategoryCheck.
type Check struct {
	Terms      int     // terms evaluated (with a vector)
	Missing    int     // terms given without a vector
	Categories int     // categories with at least one evaluated term
	Within     float64 // mean cosine of pairs in the same category
	Between    float64 // mean cosine of pairs in different categories
	Gap        float64 // Within − Between
	// Accuracy is the share of terms whose nearest other evaluated term
	// (by cosine; ties by lower row) has the same category; Chance is its
	// expectation were the nearest term drawn at random:
	// Σ_c n_c (n_c − 1) / (n (n − 1)).
	Accuracy, Chance float64
}

// CategoryCheck measures how well the vectors keep terms of one category
// together: terms[i] belongs to categories[i] (the slogans of a lexicon
// and their categories, say). Terms without a vector are counted as
// Missing and left out; at least two terms with vectors are needed.
func CategoryCheck(m *Model, terms []int32, categories []string) (*Check, error) {
	if len(terms) != len(categories) {
		return nil, fmt.Errorf("wordvec: category check: %d terms, %d categories", len(terms), len(categories))
	}
	var rows []int
	var cats []string
	ch := &Check{}
	for i, t := range terms {
		if r := m.Row(t); r >= 0 {
			rows = append(rows, r)
			cats = append(cats, categories[i])
		} else {
			ch.Missing++
		}
	}
	n := len(rows)
	if n < 2 {
		return nil, fmt.Errorf("wordvec: category check: %d terms with vectors, need 2", n)
	}
	ch.Terms = n
	size := map[string]int{}
	for _, c := range cats {
		size[c]++
	}
	ch.Categories = len(size)
	for _, s := range size {
		ch.Chance += float64(s*(s-1)) / float64(n*(n-1))
	}
	var within, between float64
	var nw, nb int
	hits := 0
	for a := range n {
		best, bestCos := -1, math.Inf(-1)
		va := m.Vectors.RawRowView(rows[a])
		for b := range n {
			if b == a {
				continue
			}
			cos := dot(va, m.Vectors.RawRowView(rows[b]))
			if cos > bestCos {
				best, bestCos = b, cos
			}
			if b < a {
				continue
			}
			if cats[a] == cats[b] {
				within += cos
				nw++
			} else {
				between += cos
				nb++
			}
		}
		if cats[best] == cats[a] {
			hits++
		}
	}
	if nw > 0 {
		ch.Within = within / float64(nw)
	}
	if nb > 0 {
		ch.Between = between / float64(nb)
	}
	ch.Gap = ch.Within - ch.Between
	ch.Accuracy = float64(hits) / float64(n)
	return ch, nil
}
