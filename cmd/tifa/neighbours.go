package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/vector"
)

// neighbourOpts are similar's flags for large corpora: blocking and the
// approximate search.
type neighbourOpts struct {
	within     string
	approx     bool
	candidates int
}

func (n *neighbourOpts) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&n.within, "within", "", "neighbours only among units sharing KEY: year, level, region, province, city or county (by division code) or a manifest column")
	f.BoolVar(&n.approx, "approx", false, "approximate neighbours for large corpora: candidates from random projections, re-ranked exactly")
	f.IntVar(&n.candidates, "candidates", 0, "with --approx: units re-ranked exactly for each unit (default: max(100, 40×top))")
}

// check rejects combinations: whole matrices (--matrix, --to, --plot)
// are not what blocking or the approximate search give.
func (n *neighbourOpts) check(whole bool) error {
	switch {
	case n.approx && n.within != "":
		return errors.New("flags --approx and --within: give one or the other")
	case whole && (n.approx || n.within != ""):
		return errors.New("flags --within and --approx give nearest neighbours; leave out --matrix, --to and --plot")
	case n.candidates < 0:
		return fmt.Errorf("flag --candidates: must be 0 or more (got %d)", n.candidates)
	case n.candidates > 0 && !n.approx:
		return errors.New("flag --candidates goes with --approx")
	}
	return nil
}

// find returns every unit's k nearest neighbours as the flags ask.
func (n *neighbourOpts) find(g *globals, o *load.Vectors, l *load.Corpus, k int) ([][]vector.Neighbor, error) {
	done := g.stage("nearest neighbours")
	defer done()
	switch {
	case n.within != "":
		block, missing := vector.Blocks(l.Vectors.Units, n.within)
		if missing > 0 {
			g.warnf("--within %s: %d of %d unit(s) have no %s and get no neighbours", n.within, missing, len(block), n.within)
		}
		return vector.TopKWithin(g.ctx(), l.Vectors.X, block, k, o.Workers)
	case n.approx:
		opt := vector.Approx{Candidates: n.candidates, Seed: 1}
		g.method = fmt.Sprintf("approximate neighbours: candidates from random projections (%d bits), %d per unit re-ranked exactly", vector.SignatureBits, opt.PerRow(k))
		return vector.TopKApprox(g.ctx(), l.Vectors.X, k, opt, o.Workers)
	}
	return g.reader().Neighbours(g.ctx(), o, l, k)
}
