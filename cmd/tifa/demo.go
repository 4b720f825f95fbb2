package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

// demoColumns are the document columns (--columns) the demo shows unless
// told otherwise: the level; the region and year are in the file name.
const demoColumns = "level"

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
			if err := g.checkSeveral(tabulate.DemoNames); err != nil {
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
	lex, err := g.reader().Lexicon(&load.Input{})
	if err != nil {
		return nil, err
	}
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{Warn: func(m string) { g.warnf("%s", m) }})
	if err != nil {
		return nil, err
	}
	return tabulate.Demo(g.ctx(), lex, src.ExtraColumns(), func(fn func(*reports.Document) error) error { return g.reader().Each(g.ctx(), src, fn) })
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
