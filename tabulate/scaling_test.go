package tabulate

import (
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// scaleMatrix is six reports, 2018–2023, drifting from terms a b c to
// terms d e f.
func scaleMatrix() *vector.Matrix {
	counts := [][]float64{
		{9, 7, 6, 1, 0, 1},
		{8, 6, 5, 2, 1, 1},
		{6, 5, 4, 3, 3, 2},
		{4, 3, 3, 5, 4, 4},
		{2, 2, 1, 6, 6, 5},
		{1, 1, 0, 8, 7, 9},
	}
	var units []vector.Unit
	for i, id := range []string{"r18", "r19", "r20", "r21", "r22", "r23"} {
		units = append(units, vector.Unit{ID: id, Meta: reports.Meta{Year: 2018 + i}, Docs: []string{id}})
	}
	return &vector.Matrix{Space: vector.SpaceWords, Units: units, Terms: []string{"a", "b", "c", "d", "e", "f"},
		Entries: []int{-1, -1, -1, -1, -1, -1}, Counts: sparse.FromDense(counts)}
}

// TestScale checks which tables, chart and error tifa scale's options give.
func TestScale(t *testing.T) {
	for _, tc := range []struct {
		name   string
		opt    ScaleOptions
		tables []string // the tables' names, in order
		chart  string   // the chart's title; "": none
		err    string
	}{
		{"wordfish", ScaleOptions{Method: "wordfish", Tables: []string{"fit", "positions"}, Replicates: 5, Level: 0.95, Interval: "normal", Seed: 1},
			[]string{"fit", "positions"}, "", ""},
		{"wordfish positions", ScaleOptions{Method: "wordfish", Tables: []string{"words"}, Plot: true, PlotType: "positions"},
			[]string{"words"}, "Wordfish positions", ""},
		{"wordfish words", ScaleOptions{Method: "wordfish", Tables: []string{"positions"}, Plot: true, PlotType: "words"},
			[]string{"positions"}, `Wordfish word weights ("Eiffel tower")`, ""},
		{"wordfish dir", ScaleOptions{Method: "wordfish", Dir: "r23,r18"}, nil, "", ""},
		{"wordfish bad dir", ScaleOptions{Method: "wordfish", Dir: "r23,r23"}, nil, "", `flag --dir: want two different unit IDs LEFT,RIGHT of the units scaled (got "r23,r23"`},
		{"wordfish unknown dir", ScaleOptions{Method: "wordfish", Dir: "r23"}, nil, "", "flag --dir: want two different unit IDs"},
		{"ca", ScaleOptions{Method: "ca", Dims: 2, Tables: []string{"dims", "positions", "words"}},
			[]string{"dims", "positions", "words"}, "", ""},
		{"ca map", ScaleOptions{Method: "ca", Dims: 3, Plot: true, PlotType: "positions"}, nil, "Correspondence analysis: units", ""},
		{"ca word map", ScaleOptions{Method: "ca", Dims: 2, Plot: true, PlotType: "words"}, nil, "Correspondence analysis: terms", ""},
		{"ca one dimension", ScaleOptions{Method: "ca", Dims: 1, Tables: []string{"positions"}}, []string{"positions"}, "", ""},
		{"ca one dimension plot", ScaleOptions{Method: "ca", Dims: 1, Plot: true}, nil, "", "--plot: the map needs two dimensions; this table has 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stages []string
			tc.opt.Stage = func(what string) func() { stages = append(stages, what); return func() {} }
			res, err := Scale(scaleMatrix(), nil, tc.opt)
			if !wantErr(t, err, tc.err) {
				return
			}
			var names []string
			for _, tb := range res.Tables {
				names = append(names, tb.Name)
			}
			if strings.Join(names, ",") != strings.Join(tc.tables, ",") {
				t.Errorf("tables %v, want %v", names, tc.tables)
			}
			if got := chartTitle(res.Chart); got != tc.chart {
				t.Errorf("chart %q, want %q", got, tc.chart)
			}
			if want := map[string]string{"ca": "correspondence analysis", "wordfish": "Wordfish"}[tc.opt.Method]; len(stages) != 1 || stages[0] != want {
				t.Errorf("stages %q, want [%s]", stages, want)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("warnings %q on a fit that converges", res.Warnings)
			}
		})
	}
}

// TestScaleDirection checks that Dir orients θ: its LEFT unit lies below
// its RIGHT one, the default the earliest year left.
func TestScaleDirection(t *testing.T) {
	for _, dir := range []string{"", "r18,r23", "r23,r18"} {
		res, err := Scale(scaleMatrix(), nil, ScaleOptions{Method: "wordfish", Dir: dir, Tables: []string{"positions"}})
		if err != nil {
			t.Fatal(err)
		}
		tb := res.Tables[0]
		theta := slices.IndexFunc(tb.Cols, func(c table.Column) bool { return c.Name == "theta" })
		first, last := tb.Rows[0][theta].(float64), tb.Rows[len(tb.Rows)-1][theta].(float64)
		if (dir == "r23,r18") != (first > last) {
			t.Errorf("dir %q: θ(r18) = %g, θ(r23) = %g", dir, first, last)
		}
	}
}

func chartTitle(c chart.Chart) string {
	switch c := c.(type) {
	case nil:
		return ""
	case *chart.Scatter:
		return c.Title
	case *chart.Intervals:
		return c.Title
	}
	return "?"
}

// wantErr checks err against want, the start of its message ("": no
// error), and reports whether the test goes on: no error was wanted.
func wantErr(t *testing.T, err error, want string) bool {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatal(err)
	case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
		t.Fatalf("error %v, want %q…", err, want)
	}
	return want == ""
}
