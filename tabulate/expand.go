package tabulate

import (
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
	"github.com/tifa-project/tifa/wordvec"
)

// Nearest is the table of tifa expand: per group of by (no group columns
// for "all"), the terms nearest the query in that group's word vectors:
// rank, term, slogan (its lexicon category, else empty), cosine to the
// centroid of the query's vectors, and freq (its tokens in the group).
func Nearest(groups []vector.Unit, by string, models []*wordvec.Model, nbrs [][]wordvec.Neighbor, terms []string, entries []int, lex *lexicon.Lexicon) *table.Table {
	t := &table.Table{Title: "Nearest terms", Name: "nearest", Cols: append(unitCols(by), table.Int("rank"), table.Text("term"), table.Text("slogan"),
		table.Float("cosine", 4), table.Int("freq"))}
	for g, nn := range nbrs {
		for r, n := range nn {
			t.Add(append(unitCells(by, groups[g]), r+1, terms[n.Term], category(lex, entries[n.Term]), n.Cosine, models[g].Count[models[g].Row(n.Term)])...)
		}
	}
	return t
}

// VectorCheck is the table of how well each group's word vectors keep the
// slogans of one lexicon category together (wordvec.CategoryCheck): the
// slogans with a vector and without, categories, the mean cosine within and
// between categories and its gap, and how often a slogan's nearest other
// slogan shares its category, beside chance.
func VectorCheck(groups []vector.Unit, by string, checks []*wordvec.Check) *table.Table {
	t := &table.Table{Title: "Category check of the word vectors", Name: "check", Cols: append(unitCols(by), table.Int("slogans"), table.Int("missing"),
		table.Int("categories"), table.Float("within", 3), table.Float("between", 3), table.Float("gap", 3),
		table.Float("accuracy", 3), table.Float("chance", 3))}
	for g, c := range checks {
		if c == nil {
			continue
		}
		t.Add(append(unitCells(by, groups[g]), c.Terms, c.Missing, c.Categories, c.Within, c.Between, c.Gap, c.Accuracy, c.Chance)...)
	}
	return t
}
