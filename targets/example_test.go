package targets_test

import (
	"fmt"
	"log"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/targets"
)

// Read the targets a report sets itself: the plan part of one of the
// sample reports, with the built-in indicators — what tifa targets and
// tifa targets --headline print.
func Example() {
	src, err := reports.OpenFS(tifa.Samples(), "青溪县_2023.txt", reports.Options{})
	if err != nil {
		log.Fatal(err)
	}
	finder, err := targets.NewFinder(targets.DefaultIndicators())
	if err != nil {
		log.Fatal(err)
	}
	err = src.Each(func(d *reports.Document) error {
		found := finder.Find(d, reports.PartPlan)
		for _, t := range found.Targets {
			fmt.Printf("%s: %s %g%s (%s) %q\n", found.Part, t.Indicator, t.Value, t.Unit, t.Direction, t.Qualifiers)
		}
		if t, _, ok := finder.Headline(d, reports.PartPlan); ok {
			fmt.Printf("headline: %s (%s)\n", t.Text, d.ID)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// plan: 地区生产总值 6.5% (growth) ["左右"]
	// plan: 一般公共预算收入 6% (growth) []
	// plan: 固定资产投资 10% (growth) []
	// plan: 城镇居民人均可支配收入 6% (growth) []
	// plan: 农村居民人均可支配收入 7% (growth) []
	// headline: 地区生产总值增长6.5%左右 (青溪县_2023.txt)
}
