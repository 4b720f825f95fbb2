package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/tabulate"
)

type clusterOpts struct {
	method, k, kRange, tables string
	seed                      uint64
	restarts, top             int
}

func newClusterCmd(g *globals) *cobra.Command {
	var o load.Vectors
	var c clusterOpts
	var p plotOpts
	var plotKind string
	cmd := &cobra.Command{
		Use:   "cluster PATH...",
		Short: "Group reports or regions by their priorities",
		Long: `Cluster the TF-IDF vectors of the units (documents, or groups with --by):
k-means (k-means++ seeding, --restarts runs, fixed --seed so runs repeat) or
agglomerative clustering with average, complete (cosine distance) or ward
linkage. --k auto tries every k in --k-range and keeps the best mean
silhouette (cosine distance). --method minibatch is mini-batch k-means
(Sculley 2010), approximate and much faster on tens of thousands of units:
it moves the centroids by random batches of 1,024 units; provenance records
the method.

Tables (--table, comma-separated; a terminal shows k, profile and members,
CSV/JSON the members unless --table says otherwise):
  members  the unit (a column named after --by: doc, region, year, level or
           region_year) and its region, level, year; cluster, silhouette
           (above 4,000 units computed on a seeded sample of 4,000, empty
           outside it)
  profile  cluster, size, silhouette (mean), members, slogans and words that
           most set the cluster apart: mean TF-IDF weight in the cluster minus
           that in the other units, with lift = cluster mean / overall mean
  terms    the same, tidy: cluster, rank, term, category (the lexicon
           category of a slogan, empty for a word), centroid, lift
  k        k, silhouette: each k tried by --k auto
  tree     agglomerative merges: step, left, right, distance, size (the
           scipy linkage convention, leaves named), for a dendrogram

--plot FILE draws the clusters: --plot-type map places the units on their
first two principal components (PCA of the TF-IDF vectors), coloured by
cluster; tree draws the dendrogram of an agglomerative method. Default: tree
for average, complete and ward, map for k-means.`,
		Example: "  tifa cluster reports/ --by region --k auto\n  tifa cluster reports/ --method ward --k 4 --table tree -o tree.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			copt, tables, err := c.parse(g)
			if err != nil {
				return err
			}
			if err := g.checkSeveral(slices.DeleteFunc(slices.Clone(tables), func(n string) bool { return n == "k" && copt.K > 0 })); err != nil {
				return err
			}
			if plotKind == "" {
				plotKind = "map"
				if cluster.HasTree(copt.Method) {
					plotKind = "tree"
				}
			}
			if err := oneOf("plot-type", plotKind, "map", "tree"); err != nil {
				return err
			}
			if plotKind == "tree" && !cluster.HasTree(copt.Method) {
				return fmt.Errorf("flag --plot-type tree: k-means has no merge tree; use --method average, complete or ward")
			}
			if err := p.check(); err != nil {
				return err
			}
			l, err := g.reader().Build(g.ctx(), &o, args)
			if err != nil {
				return err
			}
			copt.Workers, copt.Context = o.Workers, g.ctx()
			switch copt.Method {
			case "kmeans":
				copt.Gram = g.reader().Gram(&o, l)
			case "minibatch":
				g.method = "approximate clustering: mini-batch k-means (Sculley 2010), batches of 1,024 units, at most 100 steps"
			}
			done := g.stage("clustering (" + copt.Method + ")")
			res, err := cluster.Cluster(l.Vectors.X, copt)
			done()
			if err != nil {
				return err
			}
			out, err := tabulate.ClusterTables(tables, l.Vectors, l.Lex, res, o.By, c.top)
			if err != nil {
				return fmt.Errorf("--table tree: %w; use --method average, complete or ward", err)
			}
			if p.wanted() {
				var ch chart.Chart = chart.ClusterTree(l.Vectors, res)
				if plotKind == "map" {
					if ch, err = chart.ClusterMap(l.Vectors, res); err != nil {
						return fmt.Errorf("--plot: %w", err)
					}
				}
				if err := p.draw(ch); err != nil {
					return err
				}
			}
			return g.emit(out...)
		},
	}
	addVectorFlags(cmd, &o, "slogans")
	f := cmd.Flags()
	f.StringVar(&c.method, "method", "kmeans", "kmeans, average, complete, ward, or minibatch (approximate k-means for large corpora)")
	f.StringVar(&c.k, "k", "auto", "number of clusters, or auto (best mean silhouette in --k-range)")
	f.StringVar(&c.kRange, "k-range", "2..10", "the k tried by --k auto")
	f.Uint64Var(&c.seed, "seed", 1, "random seed of k-means (same seed, same clusters)")
	f.IntVar(&c.restarts, "restarts", 10, "k-means runs from different seeds; the best is kept")
	f.IntVar(&c.top, "top", 5, "distinguishing terms per cluster")
	f.StringVar(&c.tables, "table", "", "tables to print: members, profile, terms, k, tree")
	p.addFlags(cmd, "the clusters")
	f.StringVar(&plotKind, "plot-type", "", "with --plot: map (PCA, coloured by cluster) or tree (dendrogram)")
	return cmd
}

func (c *clusterOpts) parse(g *globals) (cluster.Options, []string, error) {
	opt := cluster.Options{Method: c.method, Seed: c.seed, Restarts: c.restarts}
	if !slices.Contains(cluster.Methods, c.method) {
		return opt, nil, fmt.Errorf("flag --method: want %s (got %q)", strings.Join(cluster.Methods, ", "), c.method)
	}
	var err error
	if opt.K, err = cluster.ParseK(c.k); err != nil {
		return opt, nil, fmt.Errorf("flag --k: %w", err)
	}
	if opt.KMin, opt.KMax, err = cluster.ParseKRange(c.kRange); err != nil {
		return opt, nil, fmt.Errorf("flag --k-range: %w", err)
	}
	names, err := parseTables(g, c.tables, []string{"members", "profile", "terms", "k", "tree"}, "k,profile,members", "members")
	return opt, names, err
}
