package tabulate

import (
	"sort"
	"strings"

	"github.com/tifa-project/tifa/keyness"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// SimilarTo is the table of tifa similar --to: every unit but unit i, most
// similar first, with its cosine to i and the shared terms contributing
// most to it.
func SimilarTo(v *vector.Vectors, i int, by string, shared int) *table.Table {
	t := &table.Table{Title: "Similarity to " + v.Units[i].ID, Cols: append(unitCols(by), table.Float("cosine", 4), table.Text("shared"))}
	cos := vector.CosineTo(v.X, i)
	order := make([]int, 0, len(cos))
	for j := range cos {
		if j != i {
			order = append(order, j)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return cos[order[a]] > cos[order[b]] })
	for _, j := range order {
		t.Add(append(unitCells(by, v.Units[j]), cos[j], termLabels(v, v.Shared(i, j, shared)))...)
	}
	return t
}

// Similarity is the table of tifa similar --matrix: the unit × unit
// cosine similarity matrix.
func Similarity(v *vector.Vectors, by string) *table.Table {
	name := unitCols(by)[0].Name
	cs := []table.Column{table.Text(name)}
	for _, u := range v.Units {
		cs = append(cs, table.Float(u.ID, 4))
	}
	t := &table.Table{Title: "Cosine similarity", Cols: cs}
	rows := vector.CosineMatrix(v.X)
	for i, u := range v.Units {
		row := []any{u.ID}
		for _, c := range rows[i] {
			row = append(row, c)
		}
		t.Add(row...)
	}
	return t
}

// Terms is the table of tifa terms: per unit (a document, or a group of
// by) its top terms, with the lexicon category of a slogan, the TF-IDF
// weight, the count and g2, the unit's keyness against all the other units
// (keyness.Rest, built on v.Counts). rank "keyness" orders a unit's terms
// by g2 and lists only those it uses more than the rest (g2 > 0); "tfidf"
// orders them by TF-IDF weight (vector.Vectors.TopTerms), and works with a
// nil rest (a single unit), leaving g2 empty. Ties go by term.
func Terms(v *vector.Vectors, lex *lexicon.Lexicon, by string, top int, rank string, rest *keyness.Rest) *table.Table {
	cs := append(unitCols(by), table.Int("rank"), table.Text("term"), table.Text("category"), table.Float("tfidf", 4), table.Int("count"), table.Float("g2", 3))
	t := &table.Table{Title: "Top terms (by " + rank + ")", Cols: cs}
	for i, u := range v.Units {
		var keys []keyness.RestTerm
		if rest != nil { // nil with one unit: nothing to compare it with, g2 stays empty
			keys = rest.Unit(i)
		}
		g2 := make(map[int]any, len(keys))
		for _, k := range keys {
			g2[k.Col] = k.G2
		}
		var tws []vector.TermWeight
		if rank == RankTFIDF {
			tws = v.TopTerms(i, top)
		} else {
			tws = keyTerms(v, i, keys, top)
		}
		for r, tw := range tws {
			cat := ""
			if e := v.Entries[tw.Col]; e >= 0 {
				cat = lex.Entries[e].Category
			}
			t.Add(append(unitCells(by, u), r+1, v.Terms[tw.Col], cat, tw.Weight, int(tw.Count), g2[tw.Col])...)
		}
	}
	return t
}

// The rankings of Terms.
const (
	RankKeyness = "keyness"
	RankTFIDF   = "tfidf"
)

// keyTerms returns the top terms of unit i by keyness: those with g2 > 0,
// largest first, ties by label, with their TF-IDF weight and count.
func keyTerms(v *vector.Vectors, i int, keys []keyness.RestTerm, top int) []vector.TermWeight {
	pos := keys[:0:0]
	for _, k := range keys {
		if k.G2 > 0 {
			pos = append(pos, k)
		}
	}
	sort.Slice(pos, func(a, b int) bool {
		if pos[a].G2 != pos[b].G2 {
			return pos[a].G2 > pos[b].G2
		}
		return v.Terms[pos[a].Col] < v.Terms[pos[b].Col]
	})
	if len(pos) > top {
		pos = pos[:max(top, 0)]
	}
	ind, val := v.X.Row(i)
	weight := make(map[int]float64, len(ind))
	for k, c := range ind {
		weight[c] = val[k]
	}
	out := make([]vector.TermWeight, len(pos))
	for k, p := range pos {
		out[k] = vector.TermWeight{Col: p.Col, Weight: weight[p.Col], Count: p.Count}
	}
	return out
}

// Neighbours is the table of tifa similar: each unit's nearest neighbours
// nn (vector.TopK) with their cosine and the shared terms contributing
// most to it.
func Neighbours(v *vector.Vectors, nn [][]vector.Neighbor, by string, shared int) *table.Table {
	t := &table.Table{Title: "Nearest neighbours", Cols: append(unitCols(by), table.Int("rank"), table.Text("neighbour"), table.Float("cosine", 4), table.Text("shared"))}
	for i, nbrs := range nn {
		for r, nb := range nbrs {
			t.Add(append(unitCells(by, v.Units[i]), r+1, v.Units[nb.Index].ID, nb.Score, termLabels(v, v.Shared(i, nb.Index, shared)))...)
		}
	}
	return t
}

// Map lists each unit's cluster (labels, numbered from 0, written from 1)
// and its coordinates on the map p (vector.Project2D): the table of the
// HTML report's cluster map, which no command prints.
func Map(v *vector.Vectors, by string, labels []int, p *vector.Projection) *table.Table {
	t := &table.Table{Title: "Map coordinates", Cols: append(unitCols(by), table.Int("cluster"), table.Float("pc1", 4), table.Float("pc2", 4))}
	for i, u := range v.Units {
		t.Add(append(unitCells(by, u), labels[i]+1, p.X[i], p.Y[i])...)
	}
	return t
}

// unitCols are the columns naming a unit: its ID (a document, or a group
// of --by), in a column named after --by (doc, region, year, level,
// region_year), and the metadata its members share; none for by "all".
func unitCols(by string) []table.Column {
	switch by {
	case "all":
		return nil
	case "region":
		return []table.Column{table.Text("region"), table.Text("level")}
	case "year":
		return []table.Column{table.Int("year")}
	case "level":
		return []table.Column{table.Text("level")}
	case "region-year":
		return append([]table.Column{table.Text("region_year")}, metaCols(nil, false)...)
	}
	return append([]table.Column{table.Text("doc")}, metaCols(nil, false)...)
}

// unitCells are the values of unitCols for u.
func unitCells(by string, u vector.Unit) []any {
	switch by {
	case "all":
		return nil
	case "region":
		return []any{u.ID, u.Meta.Level}
	case "year":
		return []any{u.Meta.Year}
	case "level":
		return []any{u.ID}
	}
	return append([]any{u.ID}, metaCells(u.Meta, nil)...)
}

// termLabels joins the labels of cols.
func termLabels(v *vector.Vectors, cs []int) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = v.Terms[c]
	}
	return strings.Join(out, "; ")
}
