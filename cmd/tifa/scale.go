package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/scale"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// scaleOpts are tifa scale's flags: most bind straight into the options
// of tabulate.Scale.
type scaleOpts struct {
	tabulate.ScaleOptions
	tables   string
	maxTerms int
}

func newScaleCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var s scaleOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "scale PATH...",
		Short: "Place reports or groups on a dimension: Wordfish, or correspondence analysis",
		Long: `Scale the units (documents, or groups with --by) by the words they use
(--space words, a slogan one token; or --space slogans).

Wordfish (Slapin & Proksch 2008; quanteda's textmodel_wordfish): word counts
are Poisson with log rate α_unit + ψ_term + β_term·θ_unit; θ is the unit's
position (mean 0, sd 1), β how strongly a term separates the two ends, ψ its
frequency. The sign of θ is arbitrary: by default the unit with the earliest
year lies left of the one with the latest (--dir LEFT,RIGHT names two units).
Intervals come from --replicates parametric bootstrap refits (Poisson draws
from the fitted rates), at --level: θ ± z·(the replicates' standard
deviation). 25, the default, is the fewest that estimate a standard error
to within about 15 % (Efron & Tibshirani: 25–200 for a standard error),
and a replicate costs about a fit: raise it for publication. --interval
percentile takes the replicates' quantiles instead, which want about 1,000. The Hessian standard
error, as quanteda gives it, is known to be too narrow.
--method ca: correspondence analysis, --dims dimensions, each with its
principal inertia and share of the total.

Vocabulary: terms in at least --min-df units and at most --max-df, then the
--max-terms found in the most units (5,000 by default, which keeps a run on a
few hundred reports to seconds; 0 keeps all); a slogan in --min-df units is
kept however common, beside them. Units left without a term are left out,
with a warning.

Tables (--table; a terminal shows fit and positions, or dims and positions
with ca; CSV/JSON the positions):
  positions  unit, theta, se (Hessian), boot_se, lower, upper (ca: mass,
             dim1, dim2 …)
  words      term, slogan (category), beta, psi (ca: mass, dim1 …)
  fit        units, terms, iterations, converged, log posterior, replicates,
             level, interval
  dims       ca: dim, inertia, share, cumulative share

--plot FILE: the positions with their intervals (ca: the units on dimensions
1 and 2); --plot-type words the terms: β against ψ, the "Eiffel tower"
(ca: the terms on dimensions 1 and 2).`,
		Example: "  tifa scale reports/ --by region --plot positions.png\n  tifa scale reports/ --method ca --table dims,positions",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := s.parse(g); err != nil {
				return err
			}
			if err := p.check(); err != nil {
				return err
			}
			l, err := g.reader().Counts(g.ctx(), &o, args)
			if err != nil {
				return err
			}
			m, err := l.Matrix.Trim(vector.Trim{MinDF: o.MinDF, MaxDF: o.MaxDF, MaxTerms: s.maxTerms, Slogans: true})
			if err != nil {
				return fmt.Errorf("%w; loosen --min-df/--max-df", err)
			}
			if len(m.Empty) > 0 {
				g.warnf("%d unit(s) left out: no term of the vocabulary (e.g. %s)", len(m.Empty), m.Empty[0])
				m = m.DropEmpty()
			}
			s.By, s.Workers = o.By, o.Workers
			s.Plot, s.Stage = p.wanted(), g.stage
			res, err := tabulate.Scale(m, l.Lex, s.ScaleOptions)
			if err != nil {
				return err
			}
			g.warnAll(res.Warnings...)
			if err := p.drawIf(res.Chart); err != nil {
				return err
			}
			return g.emit(res.Tables...)
		},
	}
	addSourceFlags(cmd, &o, "scale each doc, or each region, year, region-year, level, place, county, city or province (its counts summed)")
	f := cmd.Flags()
	f.StringVar(&o.Space, "space", vector.SpaceWords, "words (every token, slogans one token each) or slogans (lexicon entry counts)")
	f.Float64Var(&o.MinDF, "min-df", 2, "keep terms in at least this many units (≥1) or this share of units (<1)")
	f.Float64Var(&o.MaxDF, "max-df", 0, "drop terms in more than this many units (≥1) or share of units (<1); 0: no limit")
	f.IntVar(&s.maxTerms, "max-terms", 5000, "then keep the N terms in the most units (0: all)")
	f.StringVar(&s.Method, "method", "wordfish", "wordfish or ca (correspondence analysis)")
	f.StringVar(&s.Dir, "dir", "", "LEFT,RIGHT: two unit IDs; Wordfish puts LEFT's θ below RIGHT's (default: earliest year left of latest)")
	f.IntVar(&s.Replicates, "replicates", 25, "Wordfish parametric bootstrap replicates for the intervals (0: none)")
	f.Float64Var(&s.Level, "level", scale.DefaultLevel, "coverage of the bootstrap intervals")
	f.StringVar(&s.Interval, "interval", "normal", "bootstrap interval: normal (θ ± z·bootstrap sd) or percentile (wants 1,000 replicates)")
	f.Uint64Var(&s.Seed, "seed", 1, "random seed of the bootstrap")
	f.IntVar(&s.Dims, "dims", 2, "ca: dimensions kept")
	f.StringVar(&s.tables, "table", "", "tables to print: positions, words, fit, dims (ca)")
	p.addFlags(cmd, "the positions (or, with --plot-type words, the terms)")
	f.StringVar(&s.PlotType, "plot-type", "positions", "with --plot: positions or words")
	return cmd
}

// parse checks the flags and sets the tables asked for.
func (s *scaleOpts) parse(g *globals) error {
	if err := firstErr(oneOf("method", s.Method, "wordfish", "ca"), oneOf("interval", s.Interval, "normal", "percentile"),
		oneOf("plot-type", s.PlotType, "positions", "words")); err != nil {
		return err
	}
	first := "fit,positions"
	if s.Method == "ca" {
		first = "dims,positions"
	}
	tables, err := parseTables(g, s.tables, []string{"positions", "words", "fit", "dims"}, first, "positions")
	if err != nil {
		return err
	}
	s.Tables = tables
	return g.checkSeveral(tables)
}
