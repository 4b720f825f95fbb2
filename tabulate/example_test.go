package tabulate_test

import (
	"log"
	"os"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

// tifa's tables in a Go program: the trend of two slogans of one's own
// lexicon in the sample reports, laid out as tifa trend --wide --value
// mentions lays it out and written as CSV. table.Output writes the same table to a file in any
// format (xlsx included), with its provenance if asked.
func Example() {
	lex, _, err := lexicon.New(nil, []lexicon.Entry{
		{Slogan: "乡村振兴", Aliases: []string{"乡村振兴战略"}, Category: "rural"},
		{Slogan: "数字经济", Category: "economy"},
	})
	if err != nil {
		log.Fatal(err)
	}
	trend, _ := analysis.NewTrend("")
	counter := analysis.NewCounter(lex, reports.PartAll)
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if err := src.Each(func(d *reports.Document) error { trend.Add(counter.Count(d)); return nil }); err != nil {
		log.Fatal(err)
	}
	rows := trend.Rows(analysis.TrendOptions{})
	t := tabulate.TrendWide(rows, trend.Years(), lex, "", "mentions")
	if err := table.Render(os.Stdout, t, table.FormatCSV, false); err != nil {
		log.Fatal(err)
	}
	// Output:
	// slogan,category,first_year,2017,2018,2019,2020,2021,2022,2023,2024
	// 乡村振兴,rural,2018,0,4,6,3,5,6,6,3
	// 数字经济,economy,2019,0,0,2,1,2,0,6,2
}
