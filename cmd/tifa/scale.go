package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/scale"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

type scaleOpts struct {
	method, dir, tables, plotType, interval string
	maxTerms, replicates, dims              int
	level                                   float64
	seed                                    uint64
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
			tables, err := s.parse(g)
			if err != nil {
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
			y, err := scale.CountsFromCSR(m.Counts)
			if err != nil {
				return err
			}
			var out []*table.Table
			var ch chart.Chart
			if s.method == "ca" {
				done := g.stage("correspondence analysis")
				ca, err := scale.FitCA(y, min(s.dims, y.Rows-1, y.Cols-1))
				done()
				if err != nil {
					return err
				}
				out = tabulate.CATables(tables, m, o.By, l.Lex, ca)
				if p.wanted() && len(ca.Values) < 2 {
					return fmt.Errorf("--plot: the map needs two dimensions; this table has %d", len(ca.Values))
				}
				ch = chart.CAMap(m.Units, ca)
				if s.plotType == "words" {
					ch = chart.CAWordMap(m.Terms, m.Entries, ca)
				}
			} else {
				dir, err := s.direction(m.Units)
				if err != nil {
					return err
				}
				done := g.stage("Wordfish")
				wf, err := scale.FitWordfish(y, scale.WordfishOptions{Dir: dir, Bootstrap: s.replicates, Level: s.level,
					Normal: s.interval == "normal", Seed: s.seed, Workers: o.Workers})
				done()
				if err != nil {
					return err
				}
				if !wf.Converged {
					g.warnf("Wordfish: θ still moved more than %g after %d rounds", scale.DefaultTol, wf.Iterations)
				}
				out = tabulate.WordfishTables(tables, m, o.By, l.Lex, wf, s.replicates, s.level, s.interval)
				ch = chart.WordfishPositions(m.Units, wf)
				if s.plotType == "words" {
					ch = chart.EiffelTower(m.Terms, m.Entries, wf)
				}
			}
			if p.wanted() {
				if err := p.draw(ch); err != nil {
					return err
				}
			}
			return g.emit(out...)
		},
	}
	addSourceFlags(cmd, &o, "scale each doc, or each region, year, region-year, level, place, county, city or province (its counts summed)")
	f := cmd.Flags()
	f.StringVar(&o.Space, "space", vector.SpaceWords, "words (every token, slogans one token each) or slogans (lexicon entry counts)")
	f.Float64Var(&o.MinDF, "min-df", 2, "keep terms in at least this many units (≥1) or this share of units (<1)")
	f.Float64Var(&o.MaxDF, "max-df", 0, "drop terms in more than this many units (≥1) or share of units (<1); 0: no limit")
	f.IntVar(&s.maxTerms, "max-terms", 5000, "then keep the N terms in the most units (0: all)")
	f.StringVar(&s.method, "method", "wordfish", "wordfish or ca (correspondence analysis)")
	f.StringVar(&s.dir, "dir", "", "LEFT,RIGHT: two unit IDs; Wordfish puts LEFT's θ below RIGHT's (default: earliest year left of latest)")
	f.IntVar(&s.replicates, "replicates", 25, "Wordfish parametric bootstrap replicates for the intervals (0: none)")
	f.Float64Var(&s.level, "level", scale.DefaultLevel, "coverage of the bootstrap intervals")
	f.StringVar(&s.interval, "interval", "normal", "bootstrap interval: normal (θ ± z·bootstrap sd) or percentile (wants 1,000 replicates)")
	f.Uint64Var(&s.seed, "seed", 1, "random seed of the bootstrap")
	f.IntVar(&s.dims, "dims", 2, "ca: dimensions kept")
	f.StringVar(&s.tables, "table", "", "tables to print: positions, words, fit, dims (ca)")
	p.addFlags(cmd, "the positions (or, with --plot-type words, the terms)")
	f.StringVar(&s.plotType, "plot-type", "positions", "with --plot: positions or words")
	return cmd
}

// parse checks the flags and returns the tables asked for.
func (s *scaleOpts) parse(g *globals) ([]string, error) {
	if err := firstErr(oneOf("method", s.method, "wordfish", "ca"), oneOf("interval", s.interval, "normal", "percentile"),
		oneOf("plot-type", s.plotType, "positions", "words")); err != nil {
		return nil, err
	}
	first := "fit,positions"
	if s.method == "ca" {
		first = "dims,positions"
	}
	tables, err := parseTables(g, s.tables, []string{"positions", "words", "fit", "dims"}, first, "positions")
	if err != nil {
		return nil, err
	}
	return tables, g.checkSeveral(tables)
}

// direction returns the two units Wordfish orients θ by: --dir's, else
// scale.Orient's by the units' years.
func (s *scaleOpts) direction(units []vector.Unit) ([2]int, error) {
	if s.dir == "" {
		years := make([]int, len(units))
		for i, u := range units {
			years[i] = u.Meta.Year
		}
		return scale.Orient(years), nil
	}
	a, b, ok := strings.Cut(s.dir, ",")
	ia, ib := vector.UnitIndex(units, a), vector.UnitIndex(units, b)
	if !ok || ia < 0 || ib < 0 || ia == ib {
		return [2]int{}, fmt.Errorf("flag --dir: want two different unit IDs LEFT,RIGHT of the units scaled (got %q; 'tifa docs' lists document IDs)", s.dir)
	}
	return [2]int{ia, ib}, nil
}
