package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

func newDiffusionCmd(g *globals) *cobra.Command {
	var in load.Input
	var o trendOpts // --top and --slogan, as in trend
	var which, events, by string
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "diffusion PATH...",
		Short: "How each slogan spread: first use per region, adoption by level, lag behind the centre",
		Long: `For each slogan: the first year each region mentions it, the share of the
regions of each level that have used it, and how many years each region
lags behind the first national use (reports of level national in the corpus).
A region's level is that of its latest report; a region's years are the
years it has a report.

A region's superior is the nearest division above it (its county, city,
province, then the centre, by division code: see 'tifa places') that is a
region of the corpus: a township lags behind its own county, a county behind
its own city.

--by place, county, city or province makes the regions divisions by code:
place merges renamed places (清苑县 and 清苑区); county counts a township's
reports as its county's; a report with a code but no division at that level
(the centre, a province under --by county) stays a region of its own.

--table summary (default), one row per slogan × level (national, province,
city, county, district, township, street): slogan, category, level, regions
(of that level in the corpus), adopters, left_censored (adopters whose first
use is in their first report in the corpus: they may have used it earlier,
so their lag is an upper bound), share (= adopters / regions), first_year,
median_lag (median over adopters of first_year − first national year;
negative: before the centre; empty without national reports),
median_lag_superior (median over adopters of first_year − their superior's
first year; empty when no adopter's superior used it).
--table curve: slogan, category, level, year, observed (regions of the level
with a report that year), new_adopters, adopters (cumulative), share
(= adopters / regions of the level); every year the level has a report.
--table regions: slogan, category, region, level, first_report, prior_report
(the last report before first_year: adoption lies in (prior_report,
first_year]), first_year, lag, left_censored (0/1), superior,
superior_first_year (empty: it has not used it), lag_superior; adopters only.

--events FILE writes the region × slogan × year panel for event-history and
survival models (CSV, atomically), one row per region, slogan and year the
region has a report, after adoption too: region, level, slogan, year,
at_risk (1 up to and including the adoption year: keep at_risk == 1 for a
discrete-time hazard model), adopted (1 from the first year of mention on),
mentions, per10k, years_since_national (year − first national year; empty
when the slogan has no national use), superior_adopted (1 once the region's
superior has used it; empty without a superior in the corpus).

--plot FILE draws the adoption curves: per slogan and level, the share of
the level's regions that have used it, by year; the slogans of --slogan or
--top, else those used by most regions, as many as keep the lines at 24 or
under.`,
		Example: "  tifa diffusion ../shared/corpus --slogan 河长制 --slogan 乡村振兴\n  tifa diffusion reports/ --table curve --top 10 --events events.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			part, lex, err := g.reader().Prepare(&in)
			if err != nil {
				return err
			}
			topt, err := o.options(lex)
			if err != nil {
				return err
			}
			d, err := analysis.NewDiffusionBy(by)
			if err != nil {
				return fmt.Errorf("flag --by: want region, place, county, city or province (got %q)", by)
			}
			opt := analysis.DiffusionOptions{Top: topt.Top}
			opt.Entries = topt.Entries
			build := diffusionTables[which]
			if build == nil {
				return fmt.Errorf("flag --table: want summary, curve or regions (got %q)", which)
			}
			if events == "-" {
				return errors.New("flag --events: give a file name (the table goes to stdout)")
			}
			eventsFormat, err := table.FormatOf(events)
			if err != nil {
				return fmt.Errorf("flag --events: %w", err)
			}
			if err := p.check(); err != nil {
				return err
			}
			_, err = countEach(g, &in, args, lex, part, d.Add)
			if err != nil {
				return err
			}
			g.warnAll(d.Warnings(part)...)
			if events != "" {
				if err := g.outputTo(events, eventsFormat == table.FormatXLSX).Write(eventsFormat, g.bom, tabulate.Events(d.Events(opt), lex)); err != nil {
					return err
				}
			}
			if p.wanted() {
				c, picked := chart.AdoptionChart(d, opt, lex)
				if err := p.drawPicked(g, c, picked, "used by most regions"); err != nil {
					return err
				}
			}
			return g.emit(build(d, opt, lex))
		},
	}
	addInputFlags(cmd, &in, true)
	f := cmd.Flags()
	f.StringVar(&which, "table", "summary", "summary (slogan × level), curve (× year) or regions (first use per region)")
	f.IntVar(&o.top, "top", 0, "only the N slogans used by most regions (0: all used)")
	f.StringArrayVar(&o.slogans, "slogan", nil, "only this slogan (canonical form or alias); repeatable")
	f.StringVar(&events, "events", "", "also write the region × slogan × year panel to FILE (.csv, .tsv, .json, .md or .xlsx)")
	f.StringVar(&by, "by", "region", "the regions: region (as written), or division code: place (renames merged), county, city or province (a township under its county)")
	p.addFlags(cmd, "the adoption curves")
	return cmd
}

var diffusionTables = map[string]func(*analysis.Diffusion, analysis.DiffusionOptions, *lexicon.Lexicon) *table.Table{
	"summary": tabulate.Diffusion,
	"curve":   tabulate.AdoptionCurves,
	"regions": tabulate.FirstUse,
}
