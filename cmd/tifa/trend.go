package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
)

type trendOpts struct {
	by      string
	top     int
	slogans []string
	wide    bool
	value   string
}

func newTrendCmd(g *globals) *cobra.Command {
	var in load.Input
	var o trendOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "trend PATH...",
		Short: "Slogan × year table: how many reports mention each slogan, how often",
		Long: `For each slogan and year (and group, with --by): how many reports there are,
how many mention the slogan, and how intensely.

--by place, county, city or province groups by division code, whatever the
spelling: a township's report counts with its county, 清苑县 and 清苑区 are
one place; groups are named by their latest official name (with the code
where two share a name), in the order of codes. Reports with no code, or
with no division at that level (a province's under --by county), are left
out, with a warning ('tifa places' shows why).

Long format columns: [level|region|place|county|city|province], year, slogan, category, reports,
mentioning, share (= mentioning / reports), mentions, mean_per10k (mean over
all reports of the year of mentions per 10,000 Chinese characters; reports
not mentioning it count as 0), first_year (first year any report of the group
mentions the slogan, among the reports analysed: --where narrows it). Every
year of the group is listed, mentioned or not.

--wide: one row per slogan (and group), one column per year holding --value
(mean_per10k, share, mentioning or mentions); empty where the group has no
report that year. Reports without a known year are left out, with a warning.

--plot FILE draws one line per slogan (and group) over the years, of --value:
the slogans of --slogan or --top, else the 10 mentioned in most reports
(fewer with --by, to keep the lines at 24 or under).`,
		Example: "  tifa trend reports/ --top 20 --wide\n  tifa trend reports/ --by level --slogan 乡村振兴 -f csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			part, lex, err := g.reader().Prepare(&in)
			if err != nil {
				return err
			}
			topt, err := o.options(lex)
			if err != nil {
				return err
			}
			tr, err := analysis.NewTrend(o.by)
			if err != nil {
				return fmt.Errorf("flag --by: want level, region, place, county, city or province (got %q)", o.by)
			}
			if (o.wide || p.path != "") && analysis.TrendValue(o.value) == nil {
				return fmt.Errorf("flag --value: want mean_per10k, share, mentioning or mentions (got %q)", o.value)
			}
			if err := p.check(); err != nil {
				return err
			}
			_, err = countEach(g, &in, args, lex, part, tr.Add)
			if err != nil {
				return err
			}
			g.warnAll(tr.Warnings(part)...)
			rows := tr.Rows(topt)
			if p.wanted() {
				c, picked := chart.TrendChart(tr, topt, lex, o.by, o.value)
				if err := p.drawPicked(g, c, picked, "mentioned in most reports"); err != nil {
					return err
				}
			}
			if o.wide {
				return g.emit(tabulate.TrendWide(rows, tr.Years(), lex, o.by, o.value))
			}
			return g.emit(tabulate.Trend(rows, lex, o.by))
		},
	}
	addInputFlags(cmd, &in, true)
	f := cmd.Flags()
	f.StringVar(&o.by, "by", "", "split the groups by level, region, or division code: place (renames merged), county, city or province (a township under its county)")
	f.IntVar(&o.top, "top", 0, "only the N slogans mentioned in most reports (0: all mentioned)")
	f.StringArrayVar(&o.slogans, "slogan", nil, "only this slogan (canonical form or alias); repeatable")
	f.BoolVar(&o.wide, "wide", false, "one column per year")
	f.StringVar(&o.value, "value", "mean_per10k", "with --wide or --plot: mean_per10k, share, mentioning or mentions")
	p.addFlags(cmd, "the trend lines")
	return cmd
}

func (o *trendOpts) options(lex *lexicon.Lexicon) (analysis.TrendOptions, error) {
	opt := analysis.TrendOptions{Top: o.top}
	var err error
	opt.Entries, err = lookupSlogans(lex, o.slogans)
	return opt, err
}

// lookupSlogans returns the lexicon entries of --slogan's values (a
// canonical form or an alias each), nil when none is given.
func lookupSlogans(lex *lexicon.Lexicon, slogans []string) ([]int, error) {
	var entries []int
	for _, s := range slogans {
		e, ok := lex.Lookup(lexicon.Normalize(s))
		if !ok {
			return nil, fmt.Errorf("flag --slogan: %q is not in the lexicon ('tifa lexicon list' shows it)", s)
		}
		entries = append(entries, e)
	}
	return entries, nil
}
