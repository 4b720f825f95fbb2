package main

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// matrixMax is the largest --matrix printed: n×n cells.
const matrixMax = 5000

func newSimilarCmd(g *globals) *cobra.Command {
	var o vectorOpts
	var k, shared int
	var matrix bool
	var to string
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "similar PATH...",
		Short: "Which reports or regions sound alike: nearest neighbours by cosine",
		Long: `Cosine similarity of TF-IDF vectors (see 'tifa terms --help' for the
weighting). For each unit (document, or group with --by) its --k nearest
neighbours.

Columns: unit, region, level, year, rank, neighbour, cosine, shared (the
terms contributing most to the cosine, largest first).
--to ID: every unit against one: unit, region, level, year, cosine, shared.
--matrix: the full unit × unit similarity matrix (for heatmaps in R/Stata).
--plot FILE: that matrix as a heatmap, rows and columns ordered by an
average-linkage clustering so that similar units sit together.`,
		Example: "  tifa similar reports/ --by region --space slogans\n  tifa similar reports/ --matrix -o sim.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			if k < 1 {
				return fmt.Errorf("flag --k: must be 1 or more (got %d)", k)
			}
			if err := p.check(); err != nil {
				return err
			}
			l, err := o.build(g, args)
			if err != nil {
				return err
			}
			v := l.vectors
			if p.wanted() {
				hm, err := similarityChart(v)
				if err != nil {
					return err
				}
				if err := p.draw(hm); err != nil {
					return err
				}
			}
			switch {
			case matrix:
				if len(v.Units) > matrixMax {
					return fmt.Errorf("--matrix: %d units make %d cells; group them with --by, or use --to ID", len(v.Units), len(v.Units)*len(v.Units))
				}
				return g.emit(similarityMatrix(v, o.by))
			case to != "":
				i, err := findUnit(v, to)
				if err != nil {
					return err
				}
				return g.emit(similarTo(v, i, o.by, shared))
			}
			t := &table.Table{Title: "Nearest neighbours", Cols: append(unitCols(o.by), table.Int("rank"), table.Text("neighbour"), table.Float("cosine", 4), table.Text("shared"))}
			done := g.stage("nearest neighbours")
			nn, err := vector.TopKContext(g.ctx(), v.X, k, o.workers)
			done()
			if err != nil {
				return err
			}
			for i, nbrs := range nn {
				for r, nb := range nbrs {
					t.Add(append(unitCells(o.by, v.Units[i]), r+1, v.Units[nb.Index].ID, nb.Score, termLabels(v, v.Shared(i, nb.Index, shared)))...)
				}
			}
			return g.emit(t)
		},
	}
	o.addFlags(cmd, "slogans")
	f := cmd.Flags()
	f.IntVar(&k, "k", 5, "neighbours per unit")
	f.IntVar(&shared, "shared", 3, "shared terms listed per pair")
	f.BoolVar(&matrix, "matrix", false, "print the full similarity matrix")
	f.StringVar(&to, "to", "", "list every unit against this one (a document ID or group label)")
	p.addFlags(cmd, "the similarity matrix as a heatmap")
	return cmd
}

func similarTo(v *vector.Vectors, i int, by string, shared int) *table.Table {
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

func similarityMatrix(v *vector.Vectors, by string) *table.Table {
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
