package tabulate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/scale"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// WordfishTables returns the tables of a Wordfish fit of matrix m named
// in names, in their order: "fit" (or "dims": WordfishFit), "positions"
// (Positions) and "words" (WordfishWords); other names are skipped.
func WordfishTables(names []string, m *vector.Matrix, by string, lex *lexicon.Lexicon, wf *scale.Wordfish, replicates int, level float64, interval string) []*table.Table {
	var out []*table.Table
	for _, name := range names {
		switch name {
		case "fit", "dims":
			out = append(out, WordfishFit(wf, len(m.Terms), replicates, level, interval))
		case "positions":
			out = append(out, Positions(m.Units, by, wf))
		case "words":
			out = append(out, WordfishWords(m.Terms, m.Entries, lex, wf))
		}
	}
	return out
}

// CATables returns the tables of a correspondence analysis of matrix m
// named in names, in their order: "dims" (or "fit": CADims), "positions"
// (CAPositions) and "words" (CAWords); other names are skipped.
func CATables(names []string, m *vector.Matrix, by string, lex *lexicon.Lexicon, ca *scale.CA) []*table.Table {
	var out []*table.Table
	for _, name := range names {
		switch name {
		case "dims", "fit":
			out = append(out, CADims(ca))
		case "positions":
			out = append(out, CAPositions(m.Units, by, ca))
		case "words":
			out = append(out, CAWords(m.Terms, m.Entries, lex, ca))
		}
	}
	return out
}

// Positions is the table of tifa scale: each unit's Wordfish position θ,
// its Hessian standard error, its bootstrap standard error and interval
// (empty without replicates), in reading order.
func Positions(units []vector.Unit, by string, wf *scale.Wordfish) *table.Table {
	t := &table.Table{Title: "Wordfish positions", Name: "positions", Cols: append(unitCols(by), table.Float("theta", 4), table.Float("se", 4),
		table.Float("boot_se", 4), table.Float("lower", 4), table.Float("upper", 4))}
	for i, u := range units {
		var bse, lo, hi any
		if wf.Lower != nil {
			bse, lo, hi = wf.BootSE[i], wf.Lower[i], wf.Upper[i]
		}
		t.Add(append(unitCells(by, u), wf.Theta[i], wf.ThetaSE[i], bse, lo, hi)...)
	}
	return t
}

// WordfishWords is the table of the terms' Wordfish parameters: term,
// slogan (the lexicon category of a slogan), beta (weight on the
// dimension: its sign says which side uses the term more) and psi (fixed
// effect: its frequency), sorted by beta, then term.
func WordfishWords(terms []string, entries []int, lex *lexicon.Lexicon, wf *scale.Wordfish) *table.Table {
	t := &table.Table{Title: "Wordfish word weights", Name: "words", Cols: []table.Column{table.Text("term"), table.Text("slogan"),
		table.Float("beta", 4), table.Float("psi", 4)}}
	for _, j := range sortedBy(terms, wf.Beta) {
		t.Add(terms[j], category(lex, entries[j]), wf.Beta[j], wf.Psi[j])
	}
	return t
}

// WordfishFit is the one-row table of a Wordfish fit: units, terms,
// rounds, whether θ converged, the log posterior, and the bootstrap's
// replicates, level and interval (normal or percentile).
func WordfishFit(wf *scale.Wordfish, terms, replicates int, level float64, interval string) *table.Table {
	t := &table.Table{Title: "Wordfish fit", Name: "fit", Cols: []table.Column{table.Int("units"), table.Int("terms"), table.Int("iterations"),
		table.Text("converged"), table.Float("log_posterior", 1), table.Int("replicates"), table.Float("level", 2), table.Text("interval")}}
	conv := "no"
	if wf.Converged {
		conv = "yes"
	}
	var lv, iv any
	if replicates > 0 {
		lv, iv = level, interval
	}
	t.Add(len(wf.Theta), terms, wf.Iterations, conv, wf.LogPosterior, replicates, lv, iv)
	return t
}

// CADims is the table of a correspondence analysis' dimensions: dim,
// principal inertia, its share of the total inertia and the cumulative
// share.
func CADims(ca *scale.CA) *table.Table {
	t := &table.Table{Title: fmt.Sprintf("Correspondence analysis: total inertia %.4f", ca.Inertia), Name: "dims", Cols: []table.Column{table.Int("dim"),
		table.Float("inertia", 5), table.Float("share", 4), table.Float("cumulative", 4)}}
	cum := 0.0
	for k, v := range ca.Values {
		cum += ca.Share[k]
		t.Add(k+1, v, ca.Share[k], cum)
	}
	return t
}

// CAPositions is the table of the units' principal coordinates: the
// unit's columns, its mass, dim1, dim2 …, in reading order.
func CAPositions(units []vector.Unit, by string, ca *scale.CA) *table.Table {
	t := &table.Table{Title: "Correspondence analysis: units", Name: "positions", Cols: append(append(unitCols(by), table.Float("mass", 5)), dimCols(ca)...)}
	for i, u := range units {
		t.Add(append(append(unitCells(by, u), ca.RowMass[i]), dimCells(ca.Row.RawRowView(i))...)...)
	}
	return t
}

// CAWords is the table of the terms' principal coordinates: term, slogan
// (category), mass, dim1, dim2 …, sorted by dim1, then term.
func CAWords(terms []string, entries []int, lex *lexicon.Lexicon, ca *scale.CA) *table.Table {
	t := &table.Table{Title: "Correspondence analysis: terms", Name: "words", Cols: append([]table.Column{table.Text("term"), table.Text("slogan"),
		table.Float("mass", 6)}, dimCols(ca)...)}
	first := make([]float64, len(terms))
	for j := range terms {
		first[j] = ca.Col.At(j, 0)
	}
	for _, j := range sortedBy(terms, first) {
		t.Add(append([]any{terms[j], category(lex, entries[j]), ca.ColMass[j]}, dimCells(ca.Col.RawRowView(j))...)...)
	}
	return t
}

func dimCols(ca *scale.CA) []table.Column {
	var cs []table.Column
	for k := range ca.Values {
		cs = append(cs, table.Float(fmt.Sprintf("dim%d", k+1), 4))
	}
	return cs
}

func dimCells(row []float64) []any {
	out := make([]any, len(row))
	for k, x := range row {
		out[k] = x
	}
	return out
}

// sortedBy returns the indices of terms ordered by value, then term.
func sortedBy(terms []string, value []float64) []int {
	idx := make([]int, len(terms))
	for j := range idx {
		idx[j] = j
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(value[a], value[b]), strings.Compare(terms[a], terms[b]))
	})
	return idx
}

// category is the lexicon category of entry e, "" for an ordinary word
// (e < 0).
func category(lex *lexicon.Lexicon, e int) string {
	if e < 0 || lex == nil {
		return ""
	}
	return lex.Entries[e].Category
}
