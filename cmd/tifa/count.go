package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

func newCountCmd(g *globals) *cobra.Command {
	var in load.Input
	var wide, all bool
	var slogans []string
	cmd := &cobra.Command{
		Use:   "count PATH...",
		Short: "Count each slogan in each report",
		Long: `Count every mention of every lexicon entry in each report, exactly, on the
cleaned text.

Long format (default), one row per document × slogan with at least one
mention (--all: every slogan): doc, region, level, year, [manifest extra
columns], section, slogan, category, count, nested, per10k.
  count   mentions of any of the slogan's forms (六稳 inside 六稳六保 counts)
  nested  of count, mentions inside a longer slogan's mention (subtract them
          to count only free-standing uses)
  per10k  count per 10,000 Chinese characters of the analysed text

--wide: one row per document (doc, region, level, year, …, chars) and one
column per slogan mentioned anywhere, most mentioned first, holding counts
(--all: then a column for each slogan no report mentions).

--slogan S (repeatable) lists only that slogan; it is counted as always, so
nested is the same as without the filter.`,
		Example: "  tifa count reports/ -f csv -o counts.csv\n  tifa count reports/ --wide --section plan",
		RunE: func(cmd *cobra.Command, args []string) error {
			part, lex, err := g.reader().Prepare(&in)
			if err != nil {
				return err
			}
			opt := tabulate.CountOptions{All: all}
			if opt.Entries, err = lookupSlogans(lex, slogans); err != nil {
				return err
			}
			var dcs []analysis.DocCount
			src, err := countEach(g, &in, args, lex, part, func(dc analysis.DocCount) { dcs = append(dcs, dc) })
			if err != nil {
				return err
			}
			noSection(g, dcs, part)
			if wide {
				return g.emit(tabulate.CountsWide(dcs, lex, src.ExtraColumns(), opt))
			}
			return g.emit(tabulate.Counts(dcs, lex, src.ExtraColumns(), opt))
		},
	}
	addInputFlags(cmd, &in, true)
	cmd.Flags().BoolVar(&wide, "wide", false, "one row per document, one column per slogan")
	cmd.Flags().BoolVar(&all, "all", false, "keep the slogans not mentioned: rows of count 0, or with --wide columns of zeros")
	cmd.Flags().StringArrayVar(&slogans, "slogan", nil, "only this slogan (canonical form or alias); repeatable")
	return cmd
}

// countEach opens the reports under args and hands each one's slogan
// counts (of part, with lex) to add: what count, trend and diffusion read.
func countEach(g *globals, in *load.Input, args []string, lex *lexicon.Lexicon, part reports.Part, add func(analysis.DocCount)) (*reports.Source, error) {
	src, err := g.reader().Open(in, args)
	if err != nil {
		return nil, err
	}
	counter := analysis.NewCounter(lex, part)
	count := func(d *reports.Document) any { return counter.Count(d) } // on the reading goroutines
	return src, g.reader().EachWork(g.ctx(), src, count, func(_ *reports.Document, dc any) error {
		add(dc.(analysis.DocCount))
		return nil
	})
}

// noSection warns about documents lacking the --section analysed.
func noSection(g *globals, dcs []analysis.DocCount, part reports.Part) {
	if part == reports.PartAll {
		return
	}
	t := load.Tally{What: "have no " + part.String() + " section: their counts are 0"}
	for _, dc := range dcs {
		if dc.Chars == 0 {
			t.Add(dc.ID, "no "+part.String()+" heading found")
		}
	}
	g.warnAll(t.Warning(len(dcs)))
}
