package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

// kwicArgs says which of kwic's arguments is missing — the reports or the
// term — with the usage line and an example, where cobra's own check says
// only "requires at least 2 arg(s)". One argument that names an existing
// file or folder is taken for the reports.
func kwicArgs(cmd *cobra.Command, args []string) error {
	var missing string
	switch {
	case len(args) >= 2:
		return nil
	case len(args) == 0:
		missing = "the reports (PATH...) and the TERM to find are missing"
	default:
		if _, err := os.Stat(args[0]); err == nil || args[0] == "-" {
			missing = fmt.Sprintf("the TERM to find is missing: %s is taken for the reports", reports.QuoteName(args[0]))
		} else {
			missing = fmt.Sprintf("the reports (PATH...) are missing: %s is taken for the TERM", reports.QuoteName(args[0]))
		}
	}
	return fmt.Errorf("kwic: %s\nusage: %s\nexample:\n%s", missing, cmd.UseLine(), cmd.Example)
}

func newKwicCmd(g *globals) *cobra.Command {
	var in load.Input
	var width int
	cmd := &cobra.Command{
		Use:   "kwic PATH... TERM",
		Short: "Every mention of a slogan or word in its context",
		Long: `Key word in context: every mention of TERM with --width characters either
side, so a researcher can check what a count stands for. A TERM that is a
lexicon form finds every form of its entry, exactly as 'tifa count' counts
them; any other TERM is found as literal text.

Columns: doc, region, level, year, section (preamble, review or plan), page
(of a PDF or OFD), line (of a text file: the line of the source file the
mention is on, to check a quote against the original; empty for PDF, Word and
OFD), left, term (as written), right.`,
		Example: "  tifa kwic reports/ 六稳\n  tifa kwic reports/ 共同富裕 --section plan --width 30",
		Args:    kwicArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			term := args[len(args)-1]
			part, lex, err := g.reader().Prepare(&in)
			if err != nil {
				return err
			}
			find := analysis.NewFinder(lex, term)
			if find.Entry() < 0 && term == "" {
				return errors.New("empty TERM")
			}
			g.reader().Marks = true // the page and line columns
			src, err := g.reader().Open(&in, args[:len(args)-1])
			if err != nil {
				return err
			}
			t := tabulate.KWIC(term)
			err = g.reader().Each(g.ctx(), src, func(d *reports.Document) error {
				tabulate.AddHits(t, d, find.KWIC(d, part, width))
				return nil
			})
			if err != nil {
				return err
			}
			if len(t.Rows) == 0 {
				g.warnf("no mention of %q", term)
			}
			return g.emit(t)
		},
	}
	addInputFlags(cmd, &in, true)
	cmd.Flags().IntVar(&width, "width", 20, "characters of context each side")
	return cmd
}
