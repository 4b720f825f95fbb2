package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/audit"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

func newLexiconSampleCmd(g *globals) *cobra.Command {
	var in load.Input
	var entries []string
	var n, width int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "sample PATH...",
		Short: "Draw random mentions of each slogan for you to judge (then: tifa lexicon audit)",
		Long: `Draw --n random mentions of each lexicon entry (or of the --entry ones) in
the reports, with their context, for a reader to judge: is each a mention of
the slogan as a policy formulation? Fill in the verdict column with yes or no
(leave it empty, or ?, to skip a line) and give the file to 'tifa lexicon
audit'. The same --seed draws the same lines.

Columns: doc, region, level, year, entry, category, form (the lexicon form
the mention spells), offset (bytes into the cleaned text) and line (of the
cleaned text), left, match (as written), right, mentions (of the entry in
all the reports read: its weight in the audit), verdict, note.`,
		Example: "  tifa lexicon sample reports/ -o sample.csv\n  tifa lexicon sample reports/ --entry 负面清单 --entry 新常态 --n 50 --seed 7 -o sample.csv",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if n < 1 {
				return fmt.Errorf("flag --n: must be 1 or more (got %d)", n)
			}
			if width < 0 {
				return fmt.Errorf("flag --width: must be 0 or more (got %d)", width)
			}
			part, lex, err := g.reader().Prepare(&in)
			if err != nil {
				return err
			}
			var only []int
			for _, e := range entries {
				i, ok := lex.Lookup(e)
				if !ok {
					return fmt.Errorf("flag --entry: %s is no form of any lexicon entry (tifa lexicon list shows them)", e)
				}
				only = append(only, i)
			}
			src, err := g.reader().Open(&in, args)
			if err != nil {
				return err
			}
			s := audit.NewSampler(lex, n, seed, width, only)
			err = g.reader().Each(g.ctx(), src, func(d *reports.Document) error { s.Add(d, part); return nil })
			if err != nil {
				return err
			}
			lines := s.Lines()
			if !g.quiet {
				fmt.Fprintln(g.stderr, "tifa: "+audit.SampleSummary(lines))
			}
			return g.emit(tabulate.Sample(lines, seed))
		},
	}
	addInputFlags(cmd, &in, true)
	f := cmd.Flags()
	f.StringArrayVar(&entries, "entry", nil, "only this entry (any of its forms); repeatable")
	f.IntVar(&n, "n", 20, "mentions drawn of each entry (all of them when it has fewer)")
	f.Uint64Var(&seed, "seed", 1, "seed of the random draw: the same seed draws the same lines")
	f.IntVar(&width, "width", audit.DefaultWidth, "characters of context each side")
	return cmd
}

func newLexiconAuditCmd(g *globals) *cobra.Command {
	var by string
	cmd := &cobra.Command{
		Use:   "audit FILE",
		Short: "Precision of each slogan from a sample you judged (tifa lexicon sample)",
		Long: `Read a sample written by 'tifa lexicon sample' with its verdict column
filled in (CSV or TSV, as a spreadsheet saves it) and give the precision of
each entry: the share of its judged mentions that are true, with a Wilson 95 %
interval. Entries come in the order to look at them: most estimated false
mentions (mentions × (1 − precision)) first.

--by category gives each category and the whole sample ("all"), weighing
each entry by its mentions, so a rare entry with one line counts for what it
weighs in the counts; the interval uses the effective sample size of that
weighting (Kish).

Columns (entries): entry, category, mentions, lines, judged, yes, precision,
low, high, false (estimated false mentions), max_false (at the interval's low
end). Categories: category, entries, mentions, lines, judged, yes, precision,
low, high, n_eff, false.`,
		Example: "  tifa lexicon audit sample.csv\n  tifa lexicon audit sample.csv --by category",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("by", by, "entry", "category"); err != nil {
				return err
			}
			lines, err := audit.ReadFile(args[0])
			if err != nil {
				return err
			}
			r := audit.Score(lines)
			if !g.quiet {
				fmt.Fprintln(g.stderr, "tifa: "+r.Summary())
			}
			if by == "category" {
				return g.emit(tabulate.AuditCategories(r))
			}
			return g.emit(tabulate.AuditEntries(r))
		},
	}
	cmd.Flags().StringVar(&by, "by", "entry", "rows: entry or category (with the whole sample as \"all\")")
	return cmd
}
