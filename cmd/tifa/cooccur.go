package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/cooccur"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

type cooccurOpts struct {
	window, sortBy, tables             string
	words                              bool
	topWords, minCount, top, plotEdges int
	resolution                         float64
	seed                               uint64
}

func newCooccurCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var c cooccurOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "cooccur PATH...",
		Short: "Which slogans (and words) occur together: pairs, communities, a network",
		Long: `Co-occurrence of the lexicon's slogans (--words adds the --top-words most
frequent words) within a --window: a sentence (up to 。！？；), a paragraph or
a whole report. A term counts once per window (KH Coder's and quanteda's
boolean co-occurrence). With N windows, n_a holding a, n_ab holding both:
jaccard = n_ab / (n_a + n_b − n_ab); npmi = log(p_ab / (p_a p_b)) / −log p_ab
with p = n / N (−1 never together, 0 independent, 1 always together).

Tables (--table; a terminal shows both, CSV/JSON the pairs):
  pairs        a, b, count (windows with both), freq_a, freq_b, jaccard,
               npmi: the pairs in at least --min-count windows, strongest
               by --sort first, --top of them (0: all)
  communities  community, size, term, slogan (category), freq: Louvain
               communities of the network of those pairs, weighted by --sort
               (npmi ≤ 0 left out), at --resolution
--by gives each group (region, year, level …; default all: one network) its
own pairs and communities.

--plot FILE draws the network of the --plot-edges strongest pairs: terms
sized by the windows holding them, coloured by community, edges by strength.
-o FILE.graphml or FILE.gexf writes the whole network (every pair of the
table before --top) for Gephi, Cytoscape or igraph instead of the tables.`,
		Example: "  tifa cooccur reports/ --window sentence --plot net.png\n  tifa cooccur reports/ --words -o net.gexf",
		RunE: func(cmd *cobra.Command, args []string) error {
			tables, measure, err := c.parse(g, cmd)
			if err != nil {
				return err
			}
			if err := p.check(); err != nil {
				return err
			}
			graph := cooccur.Writer(g.out)
			if (graph != nil || p.wanted()) && o.By != "all" {
				return fmt.Errorf("flag --by %s: a network is drawn or written for one group only: leave --by out and pick the group with --where", o.By)
			}
			if graph != nil && g.format != "" {
				return fmt.Errorf("flag --format: -o %s writes a network; leave --format out", g.out)
			}
			if c.words {
				o.Space = vector.SpaceWords
			}
			l, err := g.reader().Sequences(g.ctx(), &o, args, vector.Trim{})
			if err != nil {
				return err
			}
			seq := l.Seqs
			groups, members, skipped, err := vector.GroupUnits(seq.Units, o.By)
			if err != nil {
				return err
			}
			g.reader().WarnSkipped(o.By, skipped)
			terms := seq.Frequent(c.topWords)
			done := g.stage("counting co-occurrences")
			res, parts, err := cooccur.Groups(len(members), func(i int) ([][]int32, error) { return seq.WindowsOf(c.window, members[i]) },
				len(seq.Terms), cooccur.Options{Terms: terms, MinCount: c.minCount, SortBy: measure, Workers: o.Workers}, c.resolution, c.seed)
			if err != nil {
				return err
			}
			done()
			if len(res) == 1 && len(res[0].Pairs) == 0 {
				g.warnf("no pair of terms shares %d %s(s) or more (--min-count)", c.minCount, c.window)
			}
			if p.wanted() {
				net, err := chart.CooccurNetwork(seq.Terms, res[0], parts[0], measure, c.plotEdges, c.seed)
				if err != nil {
					return fmt.Errorf("--plot: %w", err)
				}
				if err := p.draw(net); err != nil {
					return err // it names --plot and the file
				}
			}
			if graph != nil {
				var buf bytes.Buffer
				net := &cooccur.Network{Labels: seq.Terms, Freq: res[0].Freq, Community: parts[0].Of, Pairs: res[0].Pairs, Weight: measure}
				if err := graph(&buf, net); err != nil {
					return err
				}
				return table.WriteFileAtomic(g.out, buf.Bytes())
			}
			var out []*table.Table
			for _, name := range tables {
				if name == "pairs" {
					out = append(out, tabulate.CooccurPairs(groups, o.By, res, seq.Terms, c.top))
				} else {
					out = append(out, tabulate.CooccurCommunities(groups, o.By, res, parts, seq.Terms, seq.Entries, l.Lex))
				}
			}
			return g.emit(out...)
		},
	}
	addSourceFlags(cmd, &o, "a network per doc, region, year, region-year, level, place, county, city or province, or of all the reports together")
	o.By, o.Space = "all", vector.SpaceSlogans
	cmd.Flags().Lookup("by").DefValue = "all"
	f := cmd.Flags()
	f.BoolVar(&c.words, "words", false, "count words too (a slogan stays one token), the --top-words most frequent")
	f.IntVar(&c.topWords, "top-words", 200, "with --words: the N words with the most tokens (stopwords left out)")
	f.StringVar(&c.window, "window", vector.WindowSentence, "co-occurrence within a sentence, paragraph or document")
	f.IntVar(&c.minCount, "min-count", 3, "keep pairs found together in at least N windows")
	f.StringVar(&c.sortBy, "sort", "jaccard", "strength of a pair: jaccard, npmi or count (sorts the pairs, weights communities and edges)")
	f.IntVar(&c.top, "top", 100, "pairs listed per network, strongest first (0: all)")
	f.Float64Var(&c.resolution, "resolution", 1, "Louvain resolution: above 1 smaller communities, below 1 larger")
	f.Uint64Var(&c.seed, "seed", 1, "random seed of the communities and the layout")
	f.StringVar(&c.tables, "table", "", "tables to print: pairs, communities")
	p.addFlags(cmd, "the network")
	f.IntVar(&c.plotEdges, "plot-edges", 60, "with --plot: the N strongest pairs drawn")
	return cmd
}

// parse checks the flags and returns the tables asked for and the
// measure pairs are sorted by.
func (c *cooccurOpts) parse(g *globals, cmd *cobra.Command) ([]string, cooccur.Measure, error) {
	m, err := cooccur.ParseMeasure(c.sortBy)
	if err != nil {
		return nil, m, fmt.Errorf("flag --sort: want jaccard, npmi or count (got %q)", c.sortBy)
	}
	if err := checkWindow(c.window); err != nil { // the numeric flags: flagRanges
		return nil, m, err
	}
	if cmd.Flags().Changed("top-words") && !c.words {
		return nil, m, errors.New("flag --top-words: only used with --words")
	}
	tables, err := parseTables(g, c.tables, []string{"pairs", "communities"}, "pairs,communities", "pairs")
	if err != nil {
		return nil, m, err
	}
	if cooccur.Writer(g.out) != nil {
		return tables, m, nil // a network file, no table
	}
	if _, err := table.ChooseFormat(g.format, g.out, isTerminal(g.stdout)); err != nil {
		return nil, m, fmt.Errorf("%w; tifa cooccur also writes .graphml and .gexf (the network)", err)
	}
	return tables, m, g.checkSeveral(tables)
}
