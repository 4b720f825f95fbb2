package htmlreport

import (
	"slices"
	"testing"

	"github.com/tifa-project/tifa/table"
)

// TestWideHeatmapGaps: years without reports between two columns become
// one grey column each run (2016; 2018–2020), with 0 reports under it.
func TestWideHeatmapGaps(t *testing.T) {
	tb := &table.Table{Cols: []table.Column{table.Text("slogan"), table.Text("category"), table.Int("first_year"), table.Float("2015", 3), table.Float("2017", 3), table.Float("2021", 3)}}
	tb.Add("乡村振兴", "rural", 2017, 0.0, 0.5, 1.0)
	h := wideHeatmap(tb, 3, "share", []string{"1", "2", "4"})
	wantCols := []string{"2015", "2016", "2017", "2018–2020", "2021"}
	if !slices.Equal(h.Columns, wantCols) || !slices.Equal(h.Notes, []string{"1", "0", "2", "0", "4"}) {
		t.Errorf("columns %q notes %q; want %q and the reports with 0 in the gaps", h.Columns, h.Notes, wantCols)
	}
	if want := []string{"0.000", "no report", "0.500", "no report", "1.000"}; len(h.Values) != 1 || !slices.Equal(h.Values[0], want) {
		t.Errorf("values %q, want %q", h.Values, want)
	}
}
