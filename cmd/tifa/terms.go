package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/keyness"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
)

func newTermsCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var top int
	var rank string
	cmd := &cobra.Command{
		Use:   "terms PATH...",
		Short: "The terms that set each report or group apart: what it stresses",
		Long: `For each document (or group, with --by), the --top terms that set it apart
from the others, beyond the lexicon too with --space words (the default
here).

--rank keyness (default): the terms the unit uses relatively more than all
the other units together, by Dunning's log-likelihood G² of the unit against
the rest (as 'tifa compare' scores two sides; corpus sizes are tokens in the
words space, characters in the slogans space). A word every unit uses often
(建设, 推进, 发展) is no more frequent in one than in the rest, so it scores
near 0 and gives way to what the unit says and the others do not.
--rank tfidf: the terms with the highest TF-IDF weight, the ranking before
tifa 0.2. Its smoothed idf never reaches 0, so a word used everywhere but
often tops every unit.

TF-IDF as scikit-learn's TfidfVectorizer: tf = count (1 + ln count with
--sublinear), idf = ln((1 + n) / (1 + df)) + 1, each vector scaled to unit
length (l2).

Columns: the unit (named after --by: doc, region, year, level or
region_year) and the metadata its documents share (region, level, year),
rank, term, category (the lexicon category when the term is a slogan, else
empty), tfidf, count, g2 (the unit against the rest; positive: more in the
unit).`,
		Example: "  tifa terms reports/ --top 10\n  tifa terms reports/ --by region --space slogans -f csv\n  tifa terms reports/ --rank tfidf",
		RunE: func(cmd *cobra.Command, args []string) error {
			if rank != tabulate.RankKeyness && rank != tabulate.RankTFIDF {
				return fmt.Errorf("flag --rank: want keyness or tfidf (got %q)", rank)
			}
			l, err := g.reader().Counts(g.ctx(), &o, args)
			if err != nil {
				return err
			}
			sizes := keyness.Sizes(l.Matrix)
			if err := o.Weigh(l); err != nil {
				return err
			}
			rest, err := keyness.NewRest(l.Vectors.Counts, sizes)
			if err != nil && rank == tabulate.RankKeyness {
				return fmt.Errorf("--rank keyness: %w; --rank tfidf ranks the terms of one", err)
			}
			return g.emit(tabulate.Terms(l.Vectors, l.Lex, o.By, top, rank, rest))
		},
	}
	addVectorFlags(cmd, &o, "words")
	cmd.Flags().IntVar(&top, "top", 10, "terms per unit")
	cmd.Flags().StringVar(&rank, "rank", tabulate.RankKeyness, "keyness (the unit against the rest, G²) or tfidf (TF-IDF weight)")
	return cmd
}
