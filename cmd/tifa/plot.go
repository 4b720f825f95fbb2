package main

import (
	"bytes"
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/keyness"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// plotMaxSeries is the most lines a --plot draws; past 12 the colours
// repeat dashed, past this the legend no longer reads.
const plotMaxSeries = 24

// plotDefaultTop is how many slogans trend and diffusion --plot draw when
// neither --top nor --slogan picks them: ten lines in ten colours still
// read.
const plotDefaultTop = 10

// plotTop is how many slogans such a default chart draws when each has a
// line per group (level or region): as many as keep the lines within
// plotMaxSeries, at most plotDefaultTop, at least one.
func plotTop(groups int) int {
	return max(1, min(plotDefaultTop, plotMaxSeries/max(1, groups)))
}

// plotTop returns how many slogans the chart of trend or diffusion draws
// when it draws fewer than the table: 0 when --top or --slogan picked
// them, else plotTop(groups) of the table's all slogans (most says how
// they are ranked), with a note on stderr when that leaves some out.
func (o *trendOpts) plotTop(g *globals, groups, all int, most string) int {
	if o.top != 0 || len(o.slogans) > 0 {
		return 0
	}
	top := plotTop(groups)
	if top < all {
		g.warnf("--plot: the chart shows the %d slogans %s, of %d (--top N or --slogan picks others)", top, most, all)
	}
	return top
}

// plotOpts are the --plot and --font flags of the commands that draw.
type plotOpts struct {
	path, font string

	format string      // png, svg or pdf, once checked
	face   *chart.Font // once found
}

func (p *plotOpts) addFlags(cmd *cobra.Command, what string) {
	f := cmd.Flags()
	f.StringVar(&p.path, "plot", "", "also draw "+what+" to FILE (.png, .svg or .pdf)")
	f.StringVar(&p.font, "font", "", "font FILE with Chinese glyphs for --plot (.ttf, .otf or .ttc; default: found on the system)")
}

// check resolves --plot's format and font before the reports are read, so
// a missing font fails at once, not after a long run.
func (p *plotOpts) check() error {
	if p.path == "" {
		if p.font != "" {
			return fmt.Errorf("flag --font: only used with --plot FILE")
		}
		return nil
	}
	if err := table.CheckOutputDir("--plot", p.path); err != nil {
		return err
	}
	var err error
	if p.format, err = chart.FormatOf(p.path); err != nil {
		return fmt.Errorf("flag --plot: %w", err)
	}
	if p.face, err = chart.FindFont(p.font); err != nil {
		return fmt.Errorf("flag --plot: %w", err)
	}
	return nil
}

// wanted reports whether --plot was given: build the chart only then.
func (p *plotOpts) wanted() bool { return p.path != "" }

// draw writes c to the --plot file, atomically.
func (p *plotOpts) draw(c chart.Chart) error {
	var buf bytes.Buffer
	if err := c.Draw(&buf, p.format, p.face); err != nil {
		return fmt.Errorf("--plot %s: %w", p.path, err)
	}
	return table.WriteFileAtomic(p.path, buf.Bytes())
}

// capSeries keeps the first plotMaxSeries series, with a warning.
func capSeries(g *globals, s []chart.Series, narrow string) []chart.Series {
	if len(s) > plotMaxSeries {
		g.warnf("--plot: %d lines; the chart shows the first %d (narrow it with %s)", len(s), plotMaxSeries, narrow)
		s = s[:plotMaxSeries]
	}
	return s
}

// valueLabels names trend's --value on a chart axis.
var valueLabels = map[string]string{
	"mean_per10k": "mentions per 10,000 characters (mean over reports)",
	"share":       "share of reports mentioning it",
	"mentioning":  "reports mentioning it",
	"mentions":    "mentions",
}

// trendChart draws one line per slogan (and group) over the years, of the
// --value picked.
func trendChart(g *globals, rows []analysis.TrendRow, lex *lexicon.Lexicon, o trendOpts) *chart.Lines {
	pick := tabulate.TrendValue(o.value)
	var series []chart.Series
	index := map[[2]string]int{}
	for _, r := range rows {
		name := lex.Entries[r.Entry].Slogan
		if o.by != "" {
			name += " · " + r.Group
		}
		k := [2]string{lex.Entries[r.Entry].Slogan, r.Group}
		i, ok := index[k]
		if !ok {
			i = len(series)
			index[k] = i
			series = append(series, chart.Series{Name: name})
		}
		series[i].X = append(series[i].X, float64(r.Year))
		series[i].Y = append(series[i].Y, toFloat(pick(r)))
	}
	title := "Slogan trend"
	if o.by != "" {
		title += " by " + o.by
	}
	return &chart.Lines{Title: title, XLabel: "year", YLabel: valueLabels[o.value],
		Series: capSeries(g, series, "--top or --slogan"), IntegerX: true}
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}

// similarityChart draws the cosine matrix of all units as a heatmap, rows
// and columns in the leaf order of an average-linkage clustering, so that
// similar units sit together.
func similarityChart(v *vector.Vectors) (*chart.Heatmap, error) {
	n := len(v.Units)
	if n > matrixMax {
		return nil, fmt.Errorf("--plot: %d units are too many for a heatmap; group them with --by", n)
	}
	order := []int{0}
	if n > 1 {
		merges, err := cluster.Agglomerate(v.X, "average")
		if err != nil {
			return nil, fmt.Errorf("--plot: %w", err)
		}
		order = cluster.LeafOrder(merges, n)
	}
	cos := vector.CosineMatrix(v.X)
	labels := make([]string, n)
	values := make([][]float64, n)
	for a, i := range order {
		labels[a] = v.Units[i].ID
		values[a] = make([]float64, n)
		for b, j := range order {
			values[a][b] = cos[i][j]
		}
	}
	return &chart.Heatmap{Title: "Cosine similarity (ordered by average-linkage clustering)",
		RowLabels: labels, ColLabels: labels, Values: values, Min: 0, Max: 1, ValueLabel: "cosine"}, nil
}

// clusterMap places the units on their first two principal components,
// coloured by cluster; labelled when there are few.
func clusterMap(l *loaded, res *cluster.Result) (*chart.Scatter, error) {
	p, err := vector.Project2D(l.vectors.X)
	if err != nil {
		return nil, fmt.Errorf("--plot: %w", err)
	}
	units := l.vectors.Units
	s := &chart.Scatter{
		Title:       fmt.Sprintf("Clusters (%s, k=%d) on the first two principal components", res.Method, res.K),
		XLabel:      fmt.Sprintf("PC1 (%.1f %% of variance)", 100*p.Explained[0]),
		YLabel:      fmt.Sprintf("PC2 (%.1f %% of variance)", 100*p.Explained[1]),
		LabelPoints: len(units) <= 40,
	}
	size := make([]int, res.K)
	for _, c := range res.Labels {
		size[c]++
	}
	for c := range res.K {
		s.GroupNames = append(s.GroupNames, fmt.Sprintf("cluster %d (%d)", c+1, size[c]))
	}
	for i, u := range units {
		s.Points = append(s.Points, chart.Point{X: p.X[i], Y: p.Y[i], Label: u.ID, Group: res.Labels[i]})
	}
	return s, nil
}

// clusterDendrogram draws an agglomerative clustering's merge tree.
func clusterDendrogram(l *loaded, res *cluster.Result) *chart.Dendrogram {
	d := &chart.Dendrogram{Title: "Merge tree (" + res.Method + ")", HeightLabel: "distance"}
	if res.Method != "ward" {
		d.HeightLabel = "cosine distance (1 − cos)"
	}
	for _, u := range l.vectors.Units {
		d.Labels = append(d.Labels, u.ID)
	}
	for _, m := range res.Merges {
		d.Merges = append(d.Merges, chart.Merge{A: m.Left, B: m.Right, Height: m.Distance})
	}
	return d
}

// keynessChart draws the signed G² of the first n key terms: bars right
// for terms relatively more frequent in A, left for B.
func keynessChart(keys []keyness.KeyTerm, terms []string, a, b analysis.Filter, n int) *chart.Bars {
	c := &chart.Bars{Title: "Keyness: log-likelihood G² (signed)", ValueLabel: "G² (positive: more in A)",
		GroupNames: []string{"A: " + a.String(), "B: " + b.String()}}
	for i, k := range keys {
		if i >= n {
			break
		}
		group := 0
		if k.G2 < 0 {
			group = 1
		}
		c.Bars = append(c.Bars, chart.Bar{Label: terms[k.Col], Value: k.G2, Group: group})
	}
	return c
}

// diffusionLeadYears is how many years before the first adoption the
// adoption chart starts.
const diffusionLeadYears = 5

// diffusionChart draws the cumulative share of the regions of each level
// that have used each slogan, by year: one colour per slogan, one dash and
// marker per level. The years start diffusionLeadYears before the first
// adoption shown (the table keeps them all).
func diffusionChart(g *globals, pts []analysis.CurvePoint, lex *lexicon.Lexicon) *chart.Lines {
	var series []chart.Series
	index := map[[2]any]int{}
	colors, dashes := map[int]int{}, map[string]int{}
	first := math.MaxInt
	for _, p := range pts {
		if p.Adopters > 0 {
			first = min(first, p.Year)
		}
		k := [2]any{p.Entry, p.Level}
		i, ok := index[k]
		if !ok {
			if _, ok := colors[p.Entry]; !ok {
				colors[p.Entry] = len(colors)
			}
			if _, ok := dashes[p.Level]; !ok {
				dashes[p.Level] = len(dashes)
			}
			i = len(series)
			index[k] = i
			series = append(series, chart.Series{Name: lex.Entries[p.Entry].Slogan + " · " + p.Level,
				Color: colors[p.Entry], Dash: dashes[p.Level]})
		}
		series[i].X = append(series[i].X, float64(p.Year))
		series[i].Y = append(series[i].Y, p.Share)
	}
	for i, s := range series {
		keep := 0
		for keep < len(s.X) && s.X[keep] < float64(first-diffusionLeadYears) {
			keep++
		}
		series[i].X, series[i].Y = s.X[keep:], s.Y[keep:]
	}
	return &chart.Lines{Title: "Adoption curves: share of regions that have used the slogan", XLabel: "year",
		YLabel: "share of the level's regions", Series: capSeries(g, series, "--top or --slogan"), IntegerX: true, Styled: true}
}
