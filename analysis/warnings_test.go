package analysis

import (
	"slices"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

func TestWarnings(t *testing.T) {
	dcs := []DocCount{
		{ID: "a.txt", Meta: reports.Meta{Region: "浙江", Level: "province", Year: 2020}, Chars: 100},
		{ID: "no year.txt", Meta: reports.Meta{Region: "浙江", Level: "province"}, Chars: 100},
		{ID: "empty.txt", Meta: reports.Meta{Region: "江苏", Level: "province", Year: 2020}},
		{ID: "nowhere.txt", Meta: reports.Meta{Level: "county", Year: 2020}, Chars: 100},
	}
	tr, _ := NewTrend("county")
	d, _ := NewDiffusionBy("region")
	for _, dc := range dcs {
		tr.Add(dc)
		d.Add(dc)
	}
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"trend", tr.Warnings(reports.PartPlan), []string{
			"1 document(s) without a known year left out of the trend (e.g. no year.txt); give years in a manifest (--meta)",
			"1 document(s) with no Chinese text in the plan part left out (e.g. empty.txt)",
			"--by county: 2 document(s) left out, with no code or no county holding them (e.g. a.txt); 'tifa places' shows the codes",
		}},
		{"diffusion", d.Warnings(reports.PartAll), []string{
			"1 document(s) without a known region left out (e.g. nowhere.txt); give regions in a manifest (--meta)",
			`1 document(s) without a known year left out (e.g. no year.txt); give years in a manifest (--meta)`,
			"1 document(s) with no Chinese text in the all part left out (e.g. empty.txt)",
			"no national report (level national) among the documents: lags are empty",
		}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s:\n%q\nwant\n%q", c.name, c.got, c.want)
		}
	}
	if w := UnplacedWarning("city", nil); w != "" {
		t.Errorf("no document unplaced: %q", w)
	}
}
