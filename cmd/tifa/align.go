package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/align"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

func newAlignCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var which string
	var top int
	cmd := &cobra.Command{
		Use:   "align PATH...",
		Short: "How closely each report echoes its superior's: cosine to the report above, by level and year",
		Long: `For every report, the cosine similarity of its TF-IDF vector to the report of
its superior of the same year, and of the year before, in the slogans and the
words space; then, per level and year, how closely the reports of a level echo
those of the level above (a measure of central–local policy signalling).

A report's superior is the nearest division above it, by division code (its
county, city, province, then the centre; see 'tifa places'), that has a
report of the same year or the year before among the reports read: a county
of 保定市 is compared with 保定市's report, a province with the national
one. Reports with no code, no year, or no such superior have empty cells.

--table reports (default) columns: doc, region, level, year, code, superior,
superior_code, superior_level, same_year (the superior's report of the same
year), slogans_same, words_same (cosines), previous_year, slogans_previous,
words_previous, n_shared (slogans both mention, with the same-year report,
else the previous year's), n_lacking (the superior's slogans the report does
not mention), shared, lacking (the --top of each, by the superior's count).
--table summary: level, superior_level, year, against (same_year or
previous_year), n (pairs), mean_slogans, median_slogans, mean_words,
median_words. A district is a county here (the level of its code).`,
		Example: "  tifa align ../shared/corpus --table summary\n  tifa align ../shared/corpus --where province=河北 -f csv -o align.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("table", which, "reports", "summary"); err != nil {
				return err
			}
			_, ms, err := g.reader().CountSpaces(g.ctx(), &o, args, vector.SpaceSlogans, vector.SpaceWords)
			if err != nil {
				return err
			}
			v, as, err := align.AlignCounts(ms[0], ms[1], vector.TFIDF{Sublinear: o.Sublinear, MinDF: o.MinDF, MaxDF: o.MaxDF})
			if err != nil {
				return err
			}
			if which == "summary" {
				return g.emit(tabulate.AlignSummary(align.Summarize(as, v.Units)))
			}
			return g.emit(tabulate.Align(v, as, top))
		},
	}
	addVectorFlags(cmd, &o, vector.SpaceSlogans)
	f := cmd.Flags()
	f.Lookup("space").Hidden = true // both spaces
	f.Lookup("by").Hidden = true    // reports, one by one
	f.StringVar(&which, "table", "reports", "reports (one row per report) or summary (by level and year)")
	f.IntVar(&top, "top", 10, "list this many shared and lacking slogans (0: all)")
	return cmd
}
