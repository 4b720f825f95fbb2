package tabulate

import (
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/scale"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// ScaleOptions are tifa scale's choices once its flags are checked: the
// method and its settings, the tables and the chart.
type ScaleOptions struct {
	Method string   // "wordfish" or "ca"
	Tables []string // the tables, in order (WordfishTables, CATables)
	By     string   // what a unit is: "doc", "region", "year" …

	// Dir is "LEFT,RIGHT", two unit IDs: Wordfish puts LEFT's θ below
	// RIGHT's; "": the earliest year left of the latest (scale.Orient).
	Dir        string
	Replicates int     // Wordfish's parametric bootstrap replicates (0: none)
	Level      float64 // the bootstrap intervals' coverage
	Interval   string  // "normal" (θ ± z·bootstrap sd) or "percentile"
	Seed       uint64  // the bootstrap's random seed
	Workers    int     // Wordfish's goroutines (< 1: GOMAXPROCS)
	Dims       int     // ca: dimensions kept (at most rows−1 and columns−1)

	Plot     bool   // draw a chart
	PlotType string // "positions" (the units) or "words" (the terms)

	// Stage, if not nil, is told of the fit while it runs (a progress line).
	Stage func(what string) (done func())
}

// Scaled is what tifa scale prints: its tables, its chart (nil unless
// ScaleOptions.Plot) and its warnings.
type Scaled struct {
	Tables   []*table.Table
	Chart    chart.Chart
	Warnings []string
}

// Scale fits Wordfish (scale.FitWordfish) or a correspondence analysis
// (scale.FitCA) to the counts of matrix m, its units by its terms, and
// lays the fit out as tifa scale prints it: the tables of opt.Tables
// (WordfishTables, CATables) and, with opt.Plot, the chart of the units
// (chart.WordfishPositions, chart.CAMap) or, for PlotType "words", of the
// terms (chart.EiffelTower, chart.CAWordMap). A Wordfish fit that did not
// converge is a warning.
func Scale(m *vector.Matrix, lex *lexicon.Lexicon, opt ScaleOptions) (*Scaled, error) {
	y, err := scale.CountsFromCSR(m.Counts)
	if err != nil {
		return nil, err
	}
	stage := orNoStage(opt.Stage)
	if opt.Method == "ca" {
		done := stage("correspondence analysis")
		ca, err := scale.FitCA(y, min(opt.Dims, y.Rows-1, y.Cols-1))
		done()
		if err != nil {
			return nil, err
		}
		res := &Scaled{Tables: CATables(opt.Tables, m, opt.By, lex, ca)}
		if !opt.Plot {
			return res, nil
		}
		if len(ca.Values) < 2 {
			return nil, fmt.Errorf("--plot: the map needs two dimensions; this table has %d", len(ca.Values))
		}
		res.Chart = chart.CAMap(m.Units, ca)
		if opt.PlotType == "words" {
			res.Chart = chart.CAWordMap(m.Terms, m.Entries, ca)
		}
		return res, nil
	}
	dir, err := Direction(m.Units, opt.Dir)
	if err != nil {
		return nil, err
	}
	done := stage("Wordfish")
	wf, err := scale.FitWordfish(y, scale.WordfishOptions{Dir: dir, Bootstrap: opt.Replicates, Level: opt.Level,
		Normal: opt.Interval == "normal", Seed: opt.Seed, Workers: opt.Workers})
	done()
	if err != nil {
		return nil, err
	}
	res := &Scaled{Tables: WordfishTables(opt.Tables, m, opt.By, lex, wf, opt.Replicates, opt.Level, opt.Interval)}
	if !wf.Converged {
		res.Warnings = append(res.Warnings, fmt.Sprintf("Wordfish: θ still moved more than %g after %d rounds", scale.DefaultTol, wf.Iterations))
	}
	if opt.Plot {
		res.Chart = chart.WordfishPositions(m.Units, wf)
		if opt.PlotType == "words" {
			res.Chart = chart.EiffelTower(m.Terms, m.Entries, wf)
		}
	}
	return res, nil
}

// Direction returns the two units Wordfish orients θ by: those dir names
// ("LEFT,RIGHT", two different unit IDs), else, for dir "", scale.Orient's
// by the units' years. The error names tifa scale's flag --dir.
func Direction(units []vector.Unit, dir string) ([2]int, error) {
	if dir == "" {
		years := make([]int, len(units))
		for i, u := range units {
			years[i] = u.Meta.Year
		}
		return scale.Orient(years), nil
	}
	a, b, ok := strings.Cut(dir, ",")
	ia, ib := vector.UnitIndex(units, a), vector.UnitIndex(units, b)
	if !ok || ia < 0 || ib < 0 || ia == ib {
		return [2]int{}, fmt.Errorf("flag --dir: want two different unit IDs LEFT,RIGHT of the units scaled (got %q; 'tifa docs' lists document IDs)", dir)
	}
	return [2]int{ia, ib}, nil
}
