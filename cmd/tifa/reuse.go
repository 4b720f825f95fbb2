package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/reuse"
	"github.com/tifa-project/tifa/tabulate"
)

type reuseOpts struct {
	minChars, shingle, top int
	seed                   uint64
	against                string
	sameYear, passages     bool
}

func newReuseCmd(g *globals) *cobra.Command {
	var in load.Input
	var o reuseOpts
	cmd := &cobra.Command{
		Use:   "reuse PATH...",
		Short: "Passages a report shares with another: copying between reports",
		Long: `Find the passages of at least --min-chars Chinese characters that two reports
share word for word. Only Han characters are compared: punctuation, spaces,
digits and Latin letters are skipped, so a copied sentence with updated
figures still counts. Every such passage is found (winnowed shingle hashes,
then exact extension); a passage repeated in one report counts once.

Columns: doc_a, region_a, year_a, doc_b, region_b, year_b, shared_chars (Han
characters in shared passages), share_a and share_b (shared_chars / each
report's Han characters), passages, longest (the longest passage, cut to 60
characters). Sorted by shared_chars. --passages lists every passage instead:
doc_a, doc_b, start_a, start_b (0-based character offsets into each
report's cleaned text), chars, text.

--against ID|FILTER compares each report only with the reference reports: a
document ID, or a filter such as level=national or region=浙江 (see 'tifa
compare'); reference reports are doc_b and are not compared with each other.
--against superior compares each report only with the reports of its own
superiors (its county, city, province and the centre, by division code: see
'tifa places'), which are doc_b: what a county took from its city's report,
and from the national one.
--same-year keeps pairs of the same (known) year.`,
		Example: "  tifa reuse reports/ --top 20\n  tifa reuse reports/ --against level=national --same-year\n  tifa reuse reports/ --against superior --same-year\n  tifa reuse reports/ --against region=浙江 --passages -o passages.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.minChars < o.shingle {
				return fmt.Errorf("flag --min-chars: must be at least --shingle, %d (got %d)", o.shingle, o.minChars)
			}
			part, err := in.Part()
			if err != nil {
				return err
			}
			r, err := reuse.New(reuse.Options{Part: part, Shingle: o.shingle, MinChars: o.minChars, Seed: o.seed})
			if err != nil {
				return err
			}
			against, err := reuse.ParseAgainst(o.against)
			if err != nil {
				return fmt.Errorf("flag --against: %w", err)
			}
			against.SameYear = o.sameYear
			src, err := g.reader().Open(&in, args)
			if err != nil {
				return err
			}
			n := 0
			empty := load.Tally{What: "have no Chinese text to compare"}
			err = g.reader().Each(g.ctx(), src, func(d *reports.Document) error {
				r.Add(d)
				against.Add(d)
				n++
				if d.Chars(part) == 0 {
					empty.Add(d.ID, "no Han characters in the "+part.String()+" part")
				}
				return nil
			})
			if err != nil {
				return err
			}
			g.warnAll(empty.Warning(n))
			if against.NoReference() {
				return fmt.Errorf("flag --against: no report matches %s ('tifa docs' lists IDs and metadata)", o.against)
			}
			done := g.stage("comparing reports")
			pairs := r.Pairs(against.Keep)
			done()
			if o.top > 0 && len(pairs) > o.top {
				pairs = pairs[:o.top]
			}
			if o.passages {
				return g.emit(tabulate.Passages(pairs))
			}
			return g.emit(tabulate.ReusePairs(pairs))
		},
	}
	addInputFlags(cmd, &in, false)
	f := cmd.Flags()
	f.IntVar(&o.minChars, "min-chars", 30, "shortest shared passage reported, in Chinese characters")
	f.IntVar(&o.shingle, "shingle", 8, "characters per shingle (the hashed unit; at most --min-chars)")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the shingle hash (the result does not depend on it)")
	f.StringVar(&o.against, "against", "", "compare each report only with these: a document ID, a FILTER (level=national), or superior (its own county, city, province, centre)")
	f.BoolVar(&o.sameYear, "same-year", false, "only pairs of reports of the same year")
	f.BoolVar(&o.passages, "passages", false, "one row per shared passage")
	f.IntVar(&o.top, "top", 0, "only the N pairs sharing most (0: all)")
	return cmd
}
