package analysis_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Open a folder of reports (here the synthetic samples built into tifa;
// reports.Open reads folders on disk), count the built-in lexicon's
// slogans in each report, and follow one slogan over the years.
func Example() {
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{})
	if err != nil {
		log.Fatal(err)
	}
	builtin, err := lexicon.Default() // the lexicon tifa uses without --no-builtin
	lex, _, err2 := lexicon.New(builtin)
	if err := errors.Join(err, err2); err != nil {
		log.Fatal(err)
	}
	counter := analysis.NewCounter(lex, reports.PartAll)
	trend, err := analysis.NewTrend("") // "level" or "region" splits it
	if err != nil {
		log.Fatal(err)
	}
	slogan, _ := lex.Lookup(lexicon.Normalize("乡村振兴"))
	err = src.Each(func(d *reports.Document) error {
		dc := counter.Count(d)
		trend.Add(dc)
		if n := dc.Get(slogan).Count; n > 0 {
			fmt.Printf("%s %d: 乡村振兴 %d× (%.2f per 10,000 characters)\n", d.Meta.Region, d.Meta.Year, n, analysis.Per10k(n, dc.Chars))
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("year  reports  mentioning  share")
	for _, r := range trend.Rows(analysis.TrendOptions{Entries: []int{slogan}}) {
		fmt.Printf("%d  %7d  %10d  %.2f\n", r.Year, r.Reports, r.Mentioning, r.Share)
	}
	// Output:
	// 云溪镇 2020: 乡村振兴 3× (24.06 per 10,000 characters)
	// 云溪镇 2022: 乡村振兴 2× (16.57 per 10,000 characters)
	// 云溪镇 2024: 乡村振兴 3× (24.67 per 10,000 characters)
	// 枫岭乡 2019: 乡村振兴 1× (9.36 per 10,000 characters)
	// 枫岭乡 2023: 乡村振兴 1× (9.51 per 10,000 characters)
	// 桑田镇 2019: 乡村振兴 4× (37.31 per 10,000 characters)
	// 桑田镇 2022: 乡村振兴 4× (40.65 per 10,000 characters)
	// 白沙镇 2019: 乡村振兴 1× (8.26 per 10,000 characters)
	// 白沙镇 2023: 乡村振兴 1× (8.22 per 10,000 characters)
	// 禾丰乡 2018: 乡村振兴 4× (33.14 per 10,000 characters)
	// 禾丰乡 2021: 乡村振兴 3× (27.42 per 10,000 characters)
	// 禾丰乡 2023: 乡村振兴 2× (17.73 per 10,000 characters)
	// 青溪县 2021: 乡村振兴 2× (14.14 per 10,000 characters)
	// 青溪县 2023: 乡村振兴 2× (14.63 per 10,000 characters)
	// year  reports  mentioning  share
	// 2017        1           0  0.00
	// 2018        1           1  1.00
	// 2019        4           3  0.75
	// 2020        2           1  0.50
	// 2021        2           2  1.00
	// 2022        3           2  0.67
	// 2023        4           4  1.00
	// 2024        3           1  0.33
}
