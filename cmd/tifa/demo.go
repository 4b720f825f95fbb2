package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

// demoTop is how many slogans the demo's tables show.
const demoTop = 8

func newDemoCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Run docs, count and trend on the built-in sample reports",
		Long: `Run tifa on thirteen synthetic sample reports embedded in the binary (fictional
places: 青溪县, its towns 云溪镇 and 白沙镇, 东湖街道, and 临江市; one file is GBK,
one a scraped web page, one a PDF extraction) with the built-in lexicon, and
print what 'tifa docs', 'tifa count --wide' and 'tifa trend --wide' would.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lex, err := (&inputOpts{}).loadLexicon(g)
			if err != nil {
				return err
			}
			src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{Warn: func(m string) { g.warnf("%s", m) }})
			if err != nil {
				return err
			}
			extra := src.ExtraColumns()
			docs := tabulate.Docs(extra)
			counter := analysis.NewCounter(lex, reports.PartAll)
			tr, _ := analysis.NewTrend("")
			var dcs []analysis.DocCount
			err = each(g, src, func(d *reports.Document) error {
				docs.Add(tabulate.DocRow(d, extra)...)
				dc := counter.Count(d)
				dcs = append(dcs, dc)
				tr.Add(dc)
				return nil
			})
			if err != nil {
				return err
			}
			docs.Title = "1. tifa docs — the reports found, metadata and sections"
			counts := tabulate.CountsWide(dcs, lex, extra)
			keepColumns(counts, slices.IndexFunc(counts.Cols, func(c table.Column) bool { return c.Name == "chars" })+1+demoTop)
			counts.Title = fmt.Sprintf("2. tifa count --wide — mentions of the %d most mentioned slogans", demoTop)
			trend := tabulate.TrendWide(tr.Rows(analysis.TrendOptions{Top: 2 * demoTop}), tr.Years(), lex, "", "mean_per10k")
			trend.Title = fmt.Sprintf("3. tifa trend --wide --top %d — mentions per 10,000 characters, mean by year", 2*demoTop)
			docs.Name, counts.Name, trend.Name = "docs", "counts", "trend"
			if g.format == "" && g.out == "" {
				g.format = table.FormatTable // several tables: never CSV by default
			}
			if err := g.emit(docs, counts, trend); err != nil {
				return err
			}
			if !g.quiet {
				fmt.Fprint(g.stderr, demoNext)
			}
			return nil
		},
	}
}

// demoNext is what the demo suggests trying next, on stderr.
const demoNext = `
Next, on your own folder of reports (a manifest.csv with file,region,level,year helps):
  tifa docs DIR                               check what was read
  tifa trend DIR --top 10 --plot trend.png    a chart of the trends
  tifa count DIR -o counts.xlsx               a workbook for Excel
  tifa report DIR -o report.html              everything in one page to open in a browser
`

// keepColumns drops the columns of t after the first n.
func keepColumns(t *table.Table, n int) {
	if len(t.Cols) <= n {
		return
	}
	t.Cols = t.Cols[:n]
	for i := range t.Rows {
		t.Rows[i] = t.Rows[i][:n]
	}
}
