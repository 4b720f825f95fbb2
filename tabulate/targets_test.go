package tabulate_test

import (
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/targets"
)

func TestTargetRows(t *testing.T) {
	src, err := reports.OpenFS(tifa.Samples(), "青溪县_2023.txt", reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	finder, err := targets.NewFinder(targets.DefaultIndicators())
	if err != nil {
		t.Fatal(err)
	}
	growth := map[string]bool{targets.KindTarget: true}
	var doc *reports.Document
	if err := src.Each(func(d *reports.Document) error { doc = d; return nil }); err != nil || doc == nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		part      reports.Part
		headline  bool
		keep      map[string]bool
		rows      int
		found, wh bool
	}{
		{"plan", reports.PartPlan, false, growth, 5, true, false},
		{"headline", reports.PartPlan, true, nil, 1, true, false},
		{"no kind kept", reports.PartPlan, false, map[string]bool{}, 0, false, false},
	} {
		rows, found, whole := tabulate.TargetRows(finder, doc, nil, c.part, c.headline, c.keep)
		if len(rows) != c.rows || found != c.found || whole != c.wh {
			t.Errorf("%s: %d rows, found %v, whole %v; want %d, %v, %v", c.name, len(rows), found, whole, c.rows, c.found, c.wh)
		}
		for _, r := range rows {
			if len(r) != len(tabulate.Targets(nil, c.headline, nil).Cols) {
				t.Errorf("%s: row of %d cells, table of %d columns", c.name, len(r), len(tabulate.Targets(nil, c.headline, nil).Cols))
			}
		}
	}
}
