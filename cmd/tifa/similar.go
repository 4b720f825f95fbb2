package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// matrixMax is the largest --matrix printed: n×n cells.
const matrixMax = 5000

func newSimilarCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var k, shared int
	var matrix bool
	var to string
	var nb neighbourOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "similar PATH...",
		Short: "Which reports or regions sound alike: nearest neighbours by cosine",
		Long: `Cosine similarity of TF-IDF vectors (see 'tifa terms --help' for the
weighting). For each unit (document, or group with --by) its --top nearest
neighbours (--k, the old name of --top, still works in this release).

Columns: the unit (named after --by: doc, region, year, level or
region_year) and the metadata its documents share (region, level, year), rank,
neighbour, cosine, shared (the --shared terms contributing most to the
cosine, largest first).
--to ID: every unit against one: the unit's columns, cosine, shared.
--matrix: the full unit × unit similarity matrix (for heatmaps in R/Stata).
--plot FILE: that matrix as a heatmap, rows and columns ordered by an
average-linkage clustering so that similar units sit together.

Large corpora (tens of thousands of reports): --within KEY looks for
neighbours only among the units sharing KEY (year, level, region, the
province, city or county holding them, or a manifest column), exactly;
--approx looks among all, approximately: candidates from random
projections, re-ranked exactly (provenance records the method). Both leave --matrix, --to and --plot out.`,
		Example: "  tifa similar reports/ --by region --space slogans --top 3\n  tifa similar reports/ --matrix -o sim.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := p.check(); err != nil {
				return err
			}
			if err := nb.check(matrix || to != "" || p.wanted()); err != nil {
				return err
			}
			l, err := g.reader().Build(g.ctx(), &o, args)
			if err != nil {
				return err
			}
			v := l.Vectors
			if p.wanted() {
				if len(v.Units) > matrixMax {
					return fmt.Errorf("--plot: %d units are too many for a heatmap; group them with --by", len(v.Units))
				}
				hm, err := chart.SimilarityHeatmap(v)
				if err != nil {
					return fmt.Errorf("--plot: %w", err)
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
				return g.emit(tabulate.Similarity(v, o.By))
			case to != "":
				i := vector.UnitIndex(v.Units, to)
				if i < 0 {
					return fmt.Errorf("flag --to: no unit %q (tifa docs lists document IDs)", to)
				}
				return g.emit(tabulate.SimilarTo(v, i, o.By, shared))
			}
			nn, err := nb.find(g, &o, l, k)
			if err != nil {
				return err
			}
			return g.emit(tabulate.Neighbours(v, nn, o.By, shared))
		},
	}
	addVectorFlags(cmd, &o, "slogans")
	f := cmd.Flags()
	f.IntVar(&k, "top", 5, "neighbours per unit")
	renameFlag(cmd, "k", "top")
	f.IntVar(&shared, "shared", 3, "shared terms listed per pair")
	f.BoolVar(&matrix, "matrix", false, "print the full similarity matrix")
	f.StringVar(&to, "to", "", "list every unit against this one (a document ID or group label)")
	p.addFlags(cmd, "the similarity matrix as a heatmap")
	nb.addFlags(cmd)
	return cmd
}
