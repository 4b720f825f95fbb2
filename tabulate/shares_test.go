package tabulate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/vector"
)

// TestTopicChart checks tifa topics --plot's chart: the shares of two
// topics in three reports, two of 2020 (weighted by their tokens), one of
// 2021, drawn as a heatmap or as lines; no year is an error.
func TestTopicChart(t *testing.T) {
	theta := mat.NewDense(3, 2, []float64{
		0.2, 0.8,
		0.6, 0.4,
		0.9, 0.1,
	})
	seq := func(years ...int) *vector.Sequences {
		s := &vector.Sequences{Space: vector.SpaceWords, Terms: []string{"a"}, Entries: []int{-1},
			Docs: [][]int32{{0}, {0, 0, 0}, {0, 0}}}
		for i, y := range years {
			s.Units = append(s.Units, vector.Unit{ID: fmt.Sprint("d", i), Meta: reports.Meta{Year: y}})
		}
		return s
	}
	labels := []string{"t1", "t2"}
	for _, tc := range []struct {
		name, plotType string
		years          []int
		want, err      string
	}{
		// 2020: t1 = (0.2·1 + 0.6·3)/4 = 0.5; 2021: t1 = 0.9.
		{"heatmap", "heatmap", []int{2020, 2020, 2021}, "heatmap 2020 2021: t1 [0.5 0.9]", ""},
		{"lines", "lines", []int{2020, 2020, 2021}, "lines: t1 [2020 2021] [0.5 0.9]", ""},
		{"no year", "heatmap", []int{0, 0, 0}, "", "--plot: no report has a year"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := TopicChart(seq(tc.years...), theta, labels, tc.plotType)
			if !wantErr(t, err, tc.err) {
				return
			}
			var got string
			switch c := c.(type) {
			case *chart.Heatmap:
				row := slices.Index(c.RowLabels, "t1") // rows are ordered by when a topic peaks
				got = fmt.Sprintf("heatmap %s: t1 %.2g", strings.Join(c.ColLabels, " "), c.Values[row])
			case *chart.Lines:
				got = fmt.Sprintf("lines: %s %v %.2g", c.Series[0].Name, c.Series[0].X, c.Series[0].Y)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
