package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
	"github.com/tifa-project/tifa/wordvec"
)

type expandOpts struct {
	window, asLexicon, category, tables string
	top, minCount, dims                 int
	noSlogans                           bool
}

func newExpandCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var e expandOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "expand PATH... TERM[,TERM...]",
		Short: "Words the reports use like a slogan: nearest terms in word vectors trained on them",
		Long: `Train word vectors on the reports (a slogan one token) and list the --top terms
nearest the TERMs: the slogans or words given, comma-separated (a lexicon
form stands for its slogan), by cosine to the centroid of their vectors.
Nearness is use in the same contexts, not synonymy: read each term with
'tifa kwic' before adding it to a lexicon.

Vectors: positive pointwise mutual information of each term with the terms
up to 5 positions either side within a --window, reduced to --dims
dimensions by a truncated SVD (Levy, Goldberg & Dagan 2015); only terms with
--min-count tokens get one. Deterministic: the same reports give the same
vectors. --by trains one set of vectors per group (region, year, level …),
to compare how groups use the TERMs.

Tables (--table): nearest (rank, term, slogan category, cosine, freq: its
tokens) and check (how well the vectors keep the slogans of one lexicon
category together: mean cosine within and between categories, and how
often a slogan's nearest slogan shares its category, beside chance).

--as-lexicon FILE writes the listed terms that are not yet lexicon forms as
a lexicon file (YAML) of category --category (default: the first TERM's
category), to review and use with --lexicon FILE.

--plot FILE draws the nearest terms as bars of their cosine (slogans and
words in two colours; with --by a colour per group).`,
		Example: "  tifa expand reports/ 河长制\n  tifa expand reports/ 乡村振兴,美丽乡村 --top 30 --as-lexicon rural.yaml",
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			tables, err := e.parse(g)
			if err != nil {
				return err
			}
			if err := p.check(); err != nil {
				return err
			}
			if e.asLexicon != "" && o.By != "all" {
				return fmt.Errorf("flag --as-lexicon: writes the candidates of one set of vectors: leave --by out")
			}
			l, err := g.reader().Sequences(g.ctx(), &o, args[:len(args)-1], vector.Trim{})
			if err != nil {
				return err
			}
			seq := l.Seqs
			query, category, err := wordvec.ParseQuery(l.Lex, seq, args[len(args)-1])
			if err != nil {
				return err
			}
			if e.category == "" {
				e.category = category
			}
			groups, members, skipped, err := vector.GroupUnits(seq.Units, o.By)
			if err != nil {
				return err
			}
			g.reader().WarnSkipped(o.By, skipped)
			keep := func(t int32) bool { return !e.noSlogans || seq.Entries[t] < 0 }
			opt := wordvec.DefaultOptions()
			opt.MinCount, opt.Dims, opt.Workers = e.minCount, e.dims, o.Workers
			done := g.stage("training word vectors")
			models, nbrs, checks, errs := wordvec.ExpandGroups(seq, l.Lex, members, e.window, query, e.top, keep, opt)
			done()
			for gi, err := range errs {
				if err != nil && len(members) == 1 {
					return err
				} else if err != nil {
					g.warnf("%s: %v", groups[gi].ID, err)
				}
			}
			if p.wanted() {
				names := make([]string, len(groups))
				for i, u := range groups {
					names[i] = u.ID
				}
				if err := p.draw(chart.NearestBars(args[len(args)-1], names, nbrs, seq.Terms, seq.Entries)); err != nil {
					return err
				}
			}
			if e.asLexicon != "" {
				if err := writeCandidates(e.asLexicon, e.category, args[len(args)-1], seq, nbrs[0]); err != nil {
					return err
				}
			}
			var out []*table.Table
			for _, name := range tables {
				if name == "nearest" {
					out = append(out, tabulate.Nearest(groups, o.By, models, nbrs, seq.Terms, seq.Entries, l.Lex))
				} else {
					out = append(out, tabulate.VectorCheck(groups, o.By, checks))
				}
			}
			return g.emit(out...)
		},
	}
	addSourceFlags(cmd, &o, "vectors of all the reports, or one set per region, year, region-year, level, place, county, city or province")
	o.By, o.Space = "all", vector.SpaceWords
	cmd.Flags().Lookup("by").DefValue = "all"
	f := cmd.Flags()
	f.IntVar(&e.top, "top", 20, "nearest terms listed")
	f.BoolVar(&e.noSlogans, "no-slogans", false, "list words only, not the lexicon's slogans")
	f.StringVar(&e.window, "window", vector.WindowParagraph, "contexts never cross a sentence, paragraph or document")
	f.IntVar(&e.minCount, "min-count", wordvec.DefaultOptions().MinCount, "terms with fewer tokens get no vector")
	f.IntVar(&e.dims, "dims", wordvec.DefaultOptions().Dims, "dimensions of the vectors")
	f.StringVar(&e.asLexicon, "as-lexicon", "", "also write the listed terms that are no lexicon form to FILE as a lexicon (YAML)")
	f.StringVar(&e.category, "category", "", "with --as-lexicon: the category of the entries written (default: the first TERM's)")
	f.StringVar(&e.tables, "table", "nearest", "tables to print: nearest, check")
	p.addFlags(cmd, "the nearest terms as bars of their cosine")
	return cmd
}

// parse checks the flags and returns the tables asked for.
func (e *expandOpts) parse(g *globals) ([]string, error) {
	if err := checkWindow(e.window); err != nil { // the numeric flags: flagRanges
		return nil, err
	}
	if e.category != "" && e.asLexicon == "" {
		return nil, fmt.Errorf("flag --category: only used with --as-lexicon FILE")
	}
	tables, err := parseTables(g, e.tables, []string{"nearest", "check"}, "nearest", "nearest")
	if err != nil {
		return nil, err
	}
	return tables, g.checkSeveral(tables)
}

// writeCandidates writes the neighbours that are no lexicon form to path
// as a lexicon of category, noting the query.
func writeCandidates(path, category, query string, seq *vector.Sequences, nn []wordvec.Neighbor) error {
	if category == "" {
		return fmt.Errorf("flag --as-lexicon: no TERM is a lexicon slogan: name the category with --category")
	}
	var buf bytes.Buffer
	if err := wordvec.WriteLexicon(&buf, category, query, wordvec.NewCandidates(seq, nn)); err != nil {
		return err
	}
	return table.WriteFileAtomic(path, buf.Bytes())
}
