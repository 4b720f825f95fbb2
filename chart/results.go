package chart

import (
	"fmt"
	"math"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/keyness"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/vector"
)

// valueLabels names the measures of a trend on a chart axis.
var valueLabels = map[string]string{
	"mean_per10k": "mentions per 10,000 characters (mean over reports)",
	"share":       "share of reports mentioning it",
	"mentioning":  "reports mentioning it",
	"mentions":    "mentions",
}

// TrendLines draws the trend rows (analysis.Trend.Rows) as one line per
// slogan (and group, by level or region) over the years, of the measure
// value (see analysis.TrendValue).
func TrendLines(rows []analysis.TrendRow, lex *lexicon.Lexicon, by, value string) *Lines {
	pick := analysis.TrendValue(value)
	var series []Series
	index := map[[2]string]int{}
	for _, r := range rows {
		name := lex.Entries[r.Entry].Slogan
		if by != "" {
			name += " · " + r.Group
		}
		k := [2]string{lex.Entries[r.Entry].Slogan, r.Group}
		i, ok := index[k]
		if !ok {
			i = len(series)
			index[k] = i
			series = append(series, Series{Name: name})
		}
		series[i].X = append(series[i].X, float64(r.Year))
		series[i].Y = append(series[i].Y, toFloat(pick(r)))
	}
	title := "Slogan trend"
	if by != "" {
		title += " by " + by
	}
	return &Lines{Title: title, XLabel: "year", YLabel: valueLabels[value], Series: series, IntegerX: true}
}

// toFloat is an int or float64 cell as a float64, NaN for a missing one.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}

// SimilarityHeatmap draws the cosine matrix of all units of v as a
// heatmap, rows and columns in the leaf order of an average-linkage
// clustering, so that similar units sit together. It fails when there are
// too many units to cluster (cluster.AgglomerateMaxRows).
func SimilarityHeatmap(v *vector.Vectors) (*Heatmap, error) {
	n := len(v.Units)
	order := []int{0}
	if n > 1 {
		merges, err := cluster.Agglomerate(v.X, "average")
		if err != nil {
			return nil, err
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
	return &Heatmap{Title: "Cosine similarity (ordered by average-linkage clustering)",
		RowLabels: labels, ColLabels: labels, Values: values, Min: 0, Max: 1, ValueLabel: "cosine"}, nil
}

// ClusterMap places the units of v on their first two principal
// components (vector.Project2D), coloured by cluster; labelled when there
// are 40 or fewer.
func ClusterMap(v *vector.Vectors, res *cluster.Result) (*Scatter, error) {
	p, err := vector.Project2D(v.X)
	if err != nil {
		return nil, err
	}
	units := v.Units
	s := &Scatter{
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
		s.Points = append(s.Points, Point{X: p.X[i], Y: p.Y[i], Label: u.ID, Group: res.Labels[i]})
	}
	return s, nil
}

// ClusterTree draws an agglomerative clustering's merge tree, its leaves
// named by the units of v.
func ClusterTree(v *vector.Vectors, res *cluster.Result) *Dendrogram {
	d := &Dendrogram{Title: "Merge tree (" + res.Method + ")", HeightLabel: "distance"}
	if res.Method != "ward" {
		d.HeightLabel = "cosine distance (1 − cos)"
	}
	for _, u := range v.Units {
		d.Labels = append(d.Labels, u.ID)
	}
	for _, m := range res.Merges {
		d.Merges = append(d.Merges, Merge{A: m.Left, B: m.Right, Height: m.Distance})
	}
	return d
}

// KeynessBars draws the signed G² of the first n key terms
// (keyness.Compare; terms labels their columns): bars right for terms
// relatively more frequent in A, left for B.
func KeynessBars(keys []keyness.KeyTerm, terms []string, a, b analysis.Filter, n int) *Bars {
	c := &Bars{Title: "Keyness: log-likelihood G² (signed)", ValueLabel: "G² (positive: more in A)",
		GroupNames: []string{"A: " + a.String(), "B: " + b.String()}}
	for i, k := range keys {
		if i >= n {
			break
		}
		group := 0
		if k.G2 < 0 {
			group = 1
		}
		c.Bars = append(c.Bars, Bar{Label: terms[k.Col], Value: k.G2, Group: group})
	}
	return c
}

// diffusionLeadYears is how many years before the first adoption the
// adoption chart starts.
const diffusionLeadYears = 5

// AdoptionLines draws the cumulative share of the regions of each level
// that have used each slogan, by year: one colour per slogan, one dash and
// marker per level. The years start diffusionLeadYears before the first
// adoption shown (the table keeps them all).
func AdoptionLines(pts []analysis.CurvePoint, lex *lexicon.Lexicon) *Lines {
	var series []Series
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
			series = append(series, Series{Name: lex.Entries[p.Entry].Slogan + " · " + p.Level,
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
	return &Lines{Title: "Adoption curves: share of regions that have used the slogan", XLabel: "year",
		YLabel: "share of the level's regions", Series: series, IntegerX: true, Styled: true}
}
