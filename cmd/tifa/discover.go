package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/discover"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

type discoverOpts struct {
	minDocs, top, width int
	all                 bool
	asLexicon, near     string
}

func newDiscoverCmd(g *globals) *cobra.Command {
	var in load.Input
	var o discoverOpts
	cmd := &cobra.Command{
		Use:   "discover PATH...",
		Short: "Candidate slogans the lexicon lacks, ranked",
		Long: `Propose slogans for the lexicon: phrases written in quotation marks (“…”,
「…」, "…"), numeral-led formulas (三改一拆, 四个全面) and character n-grams of
3–8 characters that behave like fixed phrases (high cohesion, many different
neighbours on both sides), each found in at least --min-docs reports.

Columns: candidate, source (quoted|numeral|ngram: which detectors proposed
it), freq (mentions, counted as 'tifa count' counts), quoted (of them, in
quotation marks), reports, regions, first_year, cohesion (smallest PMI in
bits over the ways of cutting it in two; empty over 8 characters), entropy
(smaller of the left and right branching entropies, bits), score, covered
(equals/inside/contains and the lexicon entry it relates to), example_doc
and example (its first use in the earliest report, 【marked】).

score = log2(1 + reports) × (0.5 + 2 × quoted/freq + 1 for a numeral
formula + min(cohesion, 10)/20). Candidates equal to a lexicon form are left
out (--all keeps them); a fragment mostly seen inside a longer candidate is
dropped. --as-lexicon FILE writes the listed candidates as a lexicon file to
edit and use with --lexicon FILE.

--near CATEGORY ranks the candidates by closeness to a lexicon category
instead: word vectors are trained on the reports with every candidate one
token (see 'tifa expand'), and a column near gives the cosine of each
candidate's vector to the centroid of the category's slogans (empty for a
candidate too rare for a vector), largest first.`,
		Example: "  tifa discover reports/ --top 50\n  tifa discover reports/ --as-lexicon discovered.txt && tifa count reports/ --lexicon discovered.txt",
		RunE: func(cmd *cobra.Command, args []string) error {
			part, lex, err := g.reader().Prepare(&in)
			if err != nil {
				return err
			}
			dv, err := tabulate.NewDiscovery(lex, discover.Options{Part: part, MinDocs: o.minDocs, Width: o.width, All: o.all}, o.near)
			if err != nil {
				return err
			}
			src, err := g.reader().Open(&in, args)
			if err != nil {
				return err
			}
			err = g.reader().Each(g.ctx(), src, func(d *reports.Document) error {
				dv.Add(d)
				return nil
			})
			if err != nil {
				return err
			}
			if dv.Reports < o.minDocs {
				g.warnf("%d report(s) read but --min-docs is %d: no candidate can qualify", dv.Reports, o.minDocs)
			}
			cands, t, err := dv.Candidates(o.top, g.stage)
			if err != nil {
				return err
			}
			if o.asLexicon != "" {
				if err := table.WriteFileAtomic(o.asLexicon, discover.Lexicon(cands, dv.Reports, o.minDocs)); err != nil {
					return err
				}
			}
			return g.emit(t)
		},
	}
	addInputFlags(cmd, &in, true)
	f := cmd.Flags()
	f.IntVar(&o.minDocs, "min-docs", 3, "a candidate must occur in at least N reports")
	f.IntVar(&o.top, "top", 100, "list the N best candidates (0: all)")
	f.IntVar(&o.width, "width", 15, "characters of context each side of the example")
	f.BoolVar(&o.all, "all", false, "keep candidates equal to a lexicon form")
	f.StringVar(&o.asLexicon, "as-lexicon", "", "also write the candidates listed to FILE as a plain-text lexicon")
	f.StringVar(&o.near, "near", "", "rank the candidates by closeness to the slogans of lexicon CATEGORY in word vectors of the reports")
	return cmd
}
