package tabulate

import (
	"context"
	"fmt"
	"slices"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
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

// demoDocsCols are the columns of tifa docs the demo keeps beside the
// optional document columns: the lengths, encoding and format, so that
// every table fits a terminal of 100 columns.
var demoDocsCols = []string{"id", "chars", "review_chars", "plan_chars", "encoding", "format"}

// DemoNames name the demo's tables (Table.Name): -o demo.csv writes
// demo.docs.csv, demo.counts.csv …
var DemoNames = []string{"docs", "counts", "trend", "similar", "clusters"}

// DemoCluster are the options of 'tifa cluster --by region' with its
// default flags (--method kmeans --k auto --k-range 2..10 --seed 1
// --restarts 10).
var DemoCluster = cluster.Options{Method: "kmeans", KMin: 2, KMax: 10, Seed: 1, Restarts: 10}

// Demo reads the documents each gives (with manifest columns extra) once
// and returns the tables of tifa demo, fewer columns of what these print:
// tifa docs, tifa count --wide (its demoTop slogans), tifa trend --wide
// --top 10, tifa similar --by region --top 1 and tifa cluster --by region
// --table profile, each titled after its command and named as DemoNames.
// The slogans space is counted with lex, on the whole text.
func Demo(ctx context.Context, lex *lexicon.Lexicon, extra []string, each func(fn func(*reports.Document) error) error) ([]*table.Table, error) {
	vz, err := vector.NewVectorizer(vector.SpaceSlogans, lex, nil, reports.PartAll)
	if err != nil {
		return nil, err
	}
	docs := Docs(extra)
	counter := analysis.NewCounter(lex, reports.PartAll)
	tr, _ := analysis.NewTrend("")
	var dcs []analysis.DocCount
	ms, err := vector.BuildEach(func(fn func(*reports.Document) error) error {
		return each(func(d *reports.Document) error {
			docs.Add(DocRow(d, extra)...)
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
	nn, err := vector.TopKContext(ctx, v.X, 1, 0)
	if err != nil {
		return nil, err
	}
	copt := DemoCluster
	copt.Context = ctx
	res, err := cluster.Cluster(v.X, copt)
	if err != nil {
		return nil, err
	}

	docs = docs.Keep(func(_ int, c table.Column) bool { return c.Optional || slices.Contains(demoDocsCols, c.Name) })
	docs.Title = "1. tifa docs — which reports were read: place, level, year, length, encoding, format"
	counts := CountsWide(dcs, lex, extra, CountOptions{})
	last := slices.IndexFunc(counts.Cols, func(c table.Column) bool { return c.Name == "chars" }) + demoTop
	counts = counts.Keep(func(j int, _ table.Column) bool { return j <= last })
	counts.Title = fmt.Sprintf("2. tifa count --wide — how often each report uses the %d most used slogans", demoTop)
	trend := TrendWide(tr.Rows(analysis.TrendOptions{Top: 2 * demoTop}), tr.Years(), lex, "", "mean_per10k")
	trend = trend.Keep(func(_ int, c table.Column) bool { return c.Name != "category" })
	trend.Title = fmt.Sprintf("3. tifa trend --wide --top %d — which slogans rise and fall: mentions per 10,000 characters", 2*demoTop)
	similar := Neighbours(v, nn, "region", demoShared)
	similar.Title = "4. tifa similar --by region — which townships sound alike, and on what (nearest neighbour: --top 1)"
	profile := Profiles(v, res, demoProfile)
	profile = profile.Keep(func(_ int, c table.Column) bool { return c.Name != "silhouette" })
	profile.Title = "5. tifa cluster --by region — how the townships group by priorities, and what each group stresses"
	tables := []*table.Table{docs, counts, trend, similar, profile}
	for i, t := range tables {
		t.Name = DemoNames[i]
	}
	return tables, nil
}
