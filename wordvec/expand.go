package wordvec

import (
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/vector"
)

// ParseQuery returns the term ids in seq of the comma-separated terms of
// arg (a lexicon form stands for its slogan) and the category of the
// first that is a slogan ("" if none): the TERMs of tifa expand.
func ParseQuery(lex *lexicon.Lexicon, seq *vector.Sequences, arg string) ([]int32, string, error) {
	var ids []int32
	category := ""
	for _, term := range strings.Split(arg, ",") {
		term = strings.TrimSpace(term)
		if e, ok := lex.Lookup(lexicon.Normalize(term)); ok {
			term = lex.Entries[e].Slogan
			if category == "" {
				category = lex.Entries[e].Category
			}
		}
		id := seq.ID(term)
		if term == "" || id < 0 {
			return nil, "", fmt.Errorf("TERM %q: not a word of the reports (a word the segmenter cuts in pieces is none: put it in a --lexicon file to keep it whole)", term)
		}
		ids = append(ids, id)
	}
	return ids, category, nil
}

// Expand trains the vectors of documents docs of seq, in stretches of
// window (vector.WindowKinds), and returns them with the top terms
// nearest the query terms that have a vector (keep says which may be
// listed): one group of tifa expand. Without vectors, or without a query
// term among them, the error says why.
func Expand(seq *vector.Sequences, docs []int, window string, query []int32, top int, keep func(int32) bool, opt Options) (*Model, []Neighbor, error) {
	windows, err := seq.WindowsOf(window, docs)
	if err != nil {
		return nil, nil, err
	}
	m, err := Train(windows, len(seq.Terms), opt)
	if err != nil {
		return nil, nil, fmt.Errorf("%w (lower --min-count)", err)
	}
	var q []int32
	for _, t := range query {
		if m.Row(t) >= 0 {
			q = append(q, t)
		}
	}
	if len(q) == 0 {
		return m, nil, fmt.Errorf("no TERM has --min-count %d tokens: no vector to start from", opt.MinCount)
	}
	nn, err := m.Nearest(q, top, keep)
	return m, nn, err
}

// ExpandGroups runs Expand on each group of documents of seq (members,
// as vector.GroupUnits gives them) and measures each group's vectors
// with CheckCategories: one model, neighbour list and check per group, in
// order, and the error of each group (nil when it has its neighbours).
func ExpandGroups(seq *vector.Sequences, lex *lexicon.Lexicon, members [][]int, window string, query []int32, top int, keep func(int32) bool, opt Options) (models []*Model, nbrs [][]Neighbor, checks []*Check, errs []error) {
	for _, m := range members {
		model, nn, err := Expand(seq, m, window, query, top, keep, opt)
		models, nbrs, errs = append(models, model), append(nbrs, nn), append(errs, err)
		checks = append(checks, CheckCategories(model, seq, lex))
	}
	return models, nbrs, checks, errs
}
