package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// What the demo shows: demoTop slogans in the count table, twice as many
// in the trend table, demoShared shared slogans per pair of neighbours and
// demoProfile distinguishing slogans per cluster.
const (
	demoTop     = 5
	demoShared  = 3
	demoProfile = 3
)

// demoColumns are the document columns (--columns) the demo shows unless
// told otherwise: the level; the region and year are in the file name.
// Of the other columns of tifa docs it keeps the lengths, encoding and format
// (demoDocsCols), so that every table fits a terminal of 100 columns.
const demoColumns = "level"

var demoDocsCols = []string{"id", "chars", "review_chars", "plan_chars", "encoding", "format"}

// demoNames name the demo's tables (Table.Name): -o demo.csv writes
// demo.docs.csv, demo.counts.csv …
var demoNames = []string{"docs", "counts", "trend", "similar", "clusters"}

// demoCluster are the options of 'tifa cluster --by region' with its
// default flags (--method kmeans --k auto --k-range 2..10 --seed 1
// --restarts 10); TestDemoMatchesCommands holds the two together.
var demoCluster = cluster.Options{Method: "kmeans", KMin: 2, KMax: 10, Seed: 1, Restarts: 10}

func newDemoCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Run tifa on the built-in sample reports of a fictional county",
		Long: `Run tifa on twenty invented sample reports embedded in the binary: the
fictional county 青溪县, its industrial towns 白沙镇 and 石桥镇, its tourism
townships 云溪镇 and 枫岭乡, its farming townships 禾丰乡 and 桑田镇, and the
street office 东湖街道, two or three years each between 2017 and 2024 (one file
is GB18030, one a saved web page, one a PDF extraction). With the built-in
lexicon it prints what these would, with fewer columns:

  tifa docs                                 what was read
  tifa count --wide                         the most used slogans per report
  tifa trend --wide --top 10                their rise and fall by year
  tifa similar --by region --top 1          each place's nearest neighbour
  tifa cluster --by region --table profile  places grouped by their priorities`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if g.format == "" && g.out == "" {
				g.format = table.FormatTable // several tables: never CSV by default
			}
			if err := g.checkSeveral(demoNames); err != nil {
				return err
			}
			if g.columnsFlag == "" {
				g.columns, _ = table.ParseColumns(demoColumns)
			}
			tables, err := demoTables(g)
			if err != nil {
				return err
			}
			if err := g.emit(tables...); err != nil {
				return err
			}
			if !g.quiet {
				fmt.Fprint(g.stderr, demoNext)
			}
			return nil
		},
	}
}

// demoTables reads the samples once and returns the demo's tables.
func demoTables(g *globals) ([]*table.Table, error) {
	lex, err := (&inputOpts{}).loadLexicon(g)
	if err != nil {
		return nil, err
	}
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{Warn: func(m string) { g.warnf("%s", m) }})
	if err != nil {
		return nil, err
	}
	vz, err := vector.NewVectorizer(vector.SpaceSlogans, lex, nil, reports.PartAll)
	if err != nil {
		return nil, err
	}
	extra := src.ExtraColumns()
	docs := tabulate.Docs(extra)
	counter := analysis.NewCounter(lex, reports.PartAll)
	tr, _ := analysis.NewTrend("")
	var dcs []analysis.DocCount
	ms, err := vector.BuildEach(func(fn func(*reports.Document) error) error {
		return each(g, src, func(d *reports.Document) error {
			docs.Add(tabulate.DocRow(d, extra)...)
			dc := counter.Count(d)
			dcs = append(dcs, dc)
			tr.Add(dc)
			return fn(d)
		})
	}, vz)
	if err != nil {
		return nil, err
	}
	regions, _, err := ms[0].Group("region")
	if err != nil {
		return nil, err
	}
	v, err := vector.Weigh(regions, &vector.TFIDF{MinDF: 1})
	if err != nil {
		return nil, err
	}
	nn, err := vector.TopKContext(g.ctx(), v.X, 1, 0)
	if err != nil {
		return nil, err
	}
	copt := demoCluster
	copt.Context = g.ctx()
	res, err := cluster.Cluster(v.X, copt)
	if err != nil {
		return nil, err
	}

	docs = docs.Keep(func(_ int, c table.Column) bool { return c.Optional || slices.Contains(demoDocsCols, c.Name) })
	docs.Title = "1. tifa docs — which reports were read: place, level, year, length, encoding, format"
	counts := tabulate.CountsWide(dcs, lex, extra, tabulate.CountOptions{})
	last := slices.IndexFunc(counts.Cols, func(c table.Column) bool { return c.Name == "chars" }) + demoTop
	counts = counts.Keep(func(j int, _ table.Column) bool { return j <= last })
	counts.Title = fmt.Sprintf("2. tifa count --wide — how often each report uses the %d most used slogans", demoTop)
	trend := tabulate.TrendWide(tr.Rows(analysis.TrendOptions{Top: 2 * demoTop}), tr.Years(), lex, "", "mean_per10k")
	trend = trend.Keep(func(_ int, c table.Column) bool { return c.Name != "category" })
	trend.Title = fmt.Sprintf("3. tifa trend --wide --top %d — which slogans rise and fall: mentions per 10,000 characters", 2*demoTop)
	similar := tabulate.Neighbours(v, nn, "region", demoShared)
	similar.Title = "4. tifa similar --by region — which townships sound alike, and on what (nearest neighbour: --top 1)"
	profile := tabulate.Profiles(v, res, demoProfile)
	profile = profile.Keep(func(_ int, c table.Column) bool { return c.Name != "silhouette" })
	profile.Title = "5. tifa cluster --by region — how the townships group by priorities, and what each group stresses"
	tables := []*table.Table{docs, counts, trend, similar, profile}
	for i, t := range tables {
		t.Name = demoNames[i]
	}
	return tables, nil
}

// demoNext is what the demo suggests trying next, on stderr.
const demoNext = `
In table 5, ×4.0 after a slogan: the group weighs it four times as much as the
average place does (TF-IDF). The sample reports and their places are invented.

Next, on your own folder of reports (a manifest.csv with file,region,level,year
helps):
  tifa docs DIR                               check what was read
  tifa cluster DIR --by region                which places group together, and on what
  tifa trend DIR --top 10 --plot trend.png    a chart of the trends
  tifa count DIR -o counts.xlsx               a workbook for Excel
  tifa report DIR -o report.html              everything in one page to open in a browser
README.md, "A worked example: the real corpus", runs them on 383 real reports.
`
