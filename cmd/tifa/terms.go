package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/tabulate"
)

func newTermsCmd(g *globals) *cobra.Command {
	var o vectorOpts
	var top int
	cmd := &cobra.Command{
		Use:   "terms PATH...",
		Short: "The top TF-IDF terms of each report or group: what it stresses",
		Long: `For each document (or group, with --by), its N terms with the highest TF-IDF
weight: what it stresses more than the others, beyond the lexicon too with
--space words (the default here).

TF-IDF as scikit-learn's TfidfVectorizer: tf = count (1 + ln count with
--sublinear), idf = ln((1 + n) / (1 + df)) + 1, each vector scaled to unit
length (l2).

Columns: unit (doc or group), region, level, year, rank, term, slogan (the
lexicon category when the term is a slogan, else empty), tfidf, count.`,
		Example: "  tifa terms reports/ --top 10\n  tifa terms reports/ --by region --space slogans -f csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := o.build(g, args)
			if err != nil {
				return err
			}
			return g.emit(tabulate.Terms(l.vectors, l.lex, o.by, top))
		},
	}
	o.addFlags(cmd, "words")
	cmd.Flags().IntVar(&top, "top", 10, "terms per unit")
	return cmd
}
