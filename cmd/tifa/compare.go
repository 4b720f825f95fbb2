package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/keyness"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

func newCompareCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var fa, fb []string
	var top int
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "compare PATH... --a FILTER --b FILTER",
		Short: "What distinguishes two regions or periods: keyness of slogans or words",
		Long: `Compare the documents matching --a with those matching --b, term by term,
with Dunning's log-likelihood G² (Rayson & Garside 2000).

A filter is key=value, several joined by commas or repeated flags, all of
which must hold: region=浙江 (| for alternatives: region=浙江|江苏; every
spelling of a place matches: 浙江省; the place and every place within it,
add level=province for its own reports), level=county, year=2015..2019 (or
2020, 2015.., ..2019), province=, city= or county= (the same at one level:
county=徐水 is 徐水县, 徐水区 and their townships), code=1306* (a glob on the
division code), place=ID (panel id), doc=GLOB (also tried on the base name),
or any manifest column.

Columns: term, category (the lexicon category of a slogan, empty for a
word), count_a, per10k_a, count_b, per10k_b (per 10,000 Chinese characters
of each side), log_ratio
(log2 of the ratio of relative frequencies, 0.5 added to counts), g2 (signed:
positive = more in A), p (χ², 1 df; no correction for many terms), side (A or
B, where it is relatively more frequent). Sorted by |g2|. The corpus sizes
for G² are characters (slogans space) or tokens (words space).

--plot FILE draws the signed G² of the --top terms (30 without --top) as bars.`,
		Example: "  tifa compare reports/ --a year=2015..2019 --b year=2020..2024\n  tifa compare reports/ --a region=浙江 --b region=江苏 --space words --top 30",
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := analysis.ParseFilter(fa)
			if err != nil {
				return fmt.Errorf("flag --a: %w", err)
			}
			b, err := analysis.ParseFilter(fb)
			if err != nil {
				return fmt.Errorf("flag --b: %w", err)
			}
			if o.By != "doc" {
				return errors.New("flag --by: compare works on documents; select groups with --a and --b")
			}
			if err := p.check(); err != nil {
				return err
			}
			// Only the documents of A or B are read into the matrix, and
			// only they are warned about.
			g.reader().Scope = &load.Scope{Name: fmt.Sprintf("--a %s or --b %s", a, b), Match: func(id string, m reports.Meta) bool { return a.Match(id, m) || b.Match(id, m) }}
			l, err := g.reader().Counts(g.ctx(), &o, args)
			if err != nil {
				return err
			}
			m := l.Matrix
			sa, sb, keys, both := keyness.CompareSides(m, a, b)
			if sa.Docs == 0 || sb.Docs == 0 {
				return fmt.Errorf("a side matches no document: --a %s matches %d, --b %s matches %d ('tifa docs' shows the metadata)", a, sa.Docs, b, sb.Docs)
			}
			if both > 0 {
				g.warnf("%d document(s) match both --a and --b and count on both sides", both)
			}
			summary := fmt.Sprintf("A (%s): %d documents, %d characters; B (%s): %d documents, %d characters", a, sa.Docs, sa.Chars, b, sb.Docs, sb.Chars)
			if f, _ := table.ChooseFormat(g.format, g.out, isTerminal(g.stdout)); !g.quiet && f != table.FormatTable && f != table.FormatMD {
				fmt.Fprintln(g.stderr, "tifa: "+summary) // tables carry it as their title
			}
			if p.wanted() && len(keys) > 0 {
				n := top
				if n <= 0 {
					n = 30
				}
				if err := p.draw(chart.KeynessBars(keys, m.Terms, a, b, n)); err != nil {
					return err
				}
			}
			return g.emit(tabulate.Keyness(m, l.Lex, keys, top, summary))
		},
	}
	addVectorFlags(cmd, &o, "slogans")
	f := cmd.Flags()
	f.StringArrayVar(&fa, "a", nil, "filter selecting side A: region=…, level=…, year=FROM..TO, doc=GLOB")
	f.StringArrayVar(&fb, "b", nil, "filter selecting side B")
	f.IntVar(&top, "top", 0, "only the N most distinctive terms (0: all)")
	p.addFlags(cmd, "the key terms as bars")
	return cmd
}
