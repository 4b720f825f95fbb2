package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/topics"
	"github.com/tifa-project/tifa/vector"
)

type topicsOpts struct {
	k, kRange, tables, window, plotType string
	iter, top, maxTerms                 int
	seed                                uint64
	seeded                              bool
	holdout, alpha, beta                float64
}

func newTopicsCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var t topicsOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "topics PATH...",
		Short: "Topic model (LDA, or seeded with the lexicon's categories): what the reports talk about",
		Long: `Latent Dirichlet allocation by collapsed Gibbs sampling (the estimator of
quanteda's seededlda), on the words of the reports (a slogan one token), after
--min-df, --max-df and --max-terms trim the vocabulary (a slogan in --min-df
reports is kept however common). The same --seed gives
the same topics on any machine. --holdout of the reports (drawn from --seed)
are held out of the fit: their shares are inferred with the topics fixed, and
they score the model's held-out perplexity (document completion; lower is
better). Coherence is the mean NPMI of each topic's 10 top terms over the
--window stretches of text (−1..1; higher is better).

--seeded adds a topic per lexicon category, seeded with its slogans
(seededlda's pseudo counts) and named after it, before the --k free topics
(--k 0: seeded topics only). --k auto fits each k of --k-range and keeps the
smallest whose perplexity is within 2 % of the best.

Tables (--table, comma-separated; a terminal shows k, fit, topics; CSV/JSON the
shares unless --table says otherwise):
  shares  tidy: unit (doc, or group of --by), topic, label, share; a unit's
          shares sum to 1 (a group's are its token-weighted mean)
  topics  topic, label, seeded (category), share of all tokens, coherence,
          top terms
  terms   topic, label, rank, term, slogan (category), weight (probability)
  year    topic shares by year (tidy, with the number of reports)
  level   topic shares by level
  fit     topics, iterations, docs, held out, terms, tokens, perplexity,
          coherence
  k       each k tried by --k auto, its perplexity and coherence

--plot FILE draws the shares by year: a heatmap of topics × years
(--plot-type heatmap), or a line per topic (lines).`,
		Example: "  tifa topics reports/ --k 20 --table topics,terms\n  tifa topics reports/ --seeded --k 5 --by level -o topics.xlsx",
		RunE: func(cmd *cobra.Command, args []string) error {
			opt, ks, tables, err := t.parse(g)
			if err != nil {
				return err
			}
			if err := p.check(); err != nil {
				return err
			}
			l, err := g.reader().Sequences(g.ctx(), &o, args, vector.Trim{MinDF: o.MinDF, MaxDF: o.MaxDF, MaxTerms: t.maxTerms, Slogans: true})
			if err != nil {
				return err
			}
			seq := l.Seqs
			windows, _ := seq.Windows(t.window)
			var seeds []string
			if t.seeded {
				if seeds, opt.Seeds = seq.Categories(l.Lex); len(seeds) == 0 {
					return errors.New("flag --seeded: no slogan of the lexicon is left in the documents to seed a topic")
				}
			}
			search := topics.Search{Ks: ks, HeldOut: t.holdout, Windows: windows}
			sc, choice, err := topics.FitChoosing(seq.Docs, len(seq.Terms), opt, search, g.stage)
			if err != nil {
				return err
			}
			labels := sc.Model.Labels(seeds, seq.Terms, 3)
			out, err := tabulate.TopicTables(tables, tabulate.TopicResult{Seq: seq, Lex: l.Lex, Scored: sc, Choice: choice,
				Labels: labels, Seeds: seeds, Iterations: t.iter, Window: t.window}, o.By, t.top, func(skipped []string) { g.reader().WarnSkipped(o.By, skipped) })
			if err != nil {
				return err
			}
			if p.wanted() {
				ch, err := tabulate.TopicChart(seq, sc.Theta, labels, t.plotType)
				if err != nil {
					return err
				}
				if err := p.draw(ch); err != nil {
					return err
				}
			}
			return g.emit(out...)
		},
	}
	addSourceFlags(cmd, &o, "topic shares per doc, or per region, year, region-year, level, place, county, city or province (token-weighted mean)")
	o.Space = vector.SpaceWords
	f := cmd.Flags()
	f.Float64Var(&o.MinDF, "min-df", 2, "keep terms in at least this many reports (≥1) or this share of them (<1)")
	f.Float64Var(&o.MaxDF, "max-df", 0.5, "drop terms in more than this many reports (≥1) or share of them (<1); 0: no limit")
	f.IntVar(&t.maxTerms, "max-terms", 0, "then keep the N terms in the most reports (0: no cap)")
	f.StringVar(&t.k, "k", "20", "free topics, or auto (the smallest k of --k-range within 2 % of the best held-out perplexity)")
	f.StringVar(&t.kRange, "k-range", "5,10,15,20,30", "the k tried by --k auto")
	f.IntVar(&t.iter, "iter", topics.DefaultIterations, "Gibbs sweeps")
	f.Uint64Var(&t.seed, "seed", 1, "random seed (same seed, same topics)")
	f.BoolVar(&t.seeded, "seeded", false, "add a topic per lexicon category, seeded with its slogans")
	f.Float64Var(&t.holdout, "holdout", 0.1, "share of the reports held out of the fit to score perplexity")
	f.Float64Var(&t.alpha, "alpha", topics.DefaultAlpha, "Dirichlet prior of the reports' topic shares")
	f.Float64Var(&t.beta, "beta", topics.DefaultBeta, "Dirichlet prior of the topics' term probabilities")
	f.IntVar(&t.top, "top", 10, "top terms listed per topic")
	f.StringVar(&t.window, "window", vector.WindowParagraph, "text stretch for coherence: sentence, paragraph or document")
	f.StringVar(&t.tables, "table", "", "tables to print: shares, topics, terms, year, level, fit, k")
	p.addFlags(cmd, "topic shares by year")
	f.StringVar(&t.plotType, "plot-type", "heatmap", "with --plot: heatmap (topics × years) or lines (a line per topic)")
	return cmd
}

// parse checks the flags and returns the model options, the k of --k auto
// (nil without it) and the tables asked for.
func (t *topicsOpts) parse(g *globals) (topics.Options, []int, []string, error) {
	opt := topics.Options{Iterations: t.iter, Seed: t.seed, Alpha: t.alpha, Beta: t.beta}
	var ks []int
	k, fixed, err := topics.ParseK(t.k, t.seeded)
	switch {
	case err != nil:
		return opt, nil, nil, fmt.Errorf("flag --k: %w", err)
	case fixed:
		opt.K = k
	default:
		if ks, err = topics.ParseKs(t.kRange); err != nil {
			return opt, nil, nil, fmt.Errorf("flag --k-range: %w", err)
		}
	}
	if err := checkWindow(t.window); err != nil { // the numeric flags: flagRanges
		return opt, nil, nil, err
	}
	if err := oneOf("plot-type", t.plotType, "heatmap", "lines"); err != nil {
		return opt, nil, nil, err
	}
	tables, err := parseTables(g, t.tables, []string{"shares", "topics", "terms", "year", "level", "fit", "k"}, "k,fit,topics", "shares")
	if err != nil {
		return opt, nil, nil, err
	}
	if ks == nil {
		tables = slices.DeleteFunc(tables, func(n string) bool { return n == "k" }) // only --k auto has one
	}
	return opt, ks, tables, g.checkSeveral(tables)
}
