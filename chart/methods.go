package chart

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cooccur"
	"github.com/tifa-project/tifa/scale"
	"github.com/tifa-project/tifa/vector"
	"github.com/tifa-project/tifa/wordvec"
)

// TopicHeatmap draws topic shares by group (topics.GroupMeans over the
// groups of vector.GroupUnits, by year say) as a heatmap: a column per
// group, in the order given, a row per topic, named by labels. The rows
// are ordered by each topic's centre of mass along the columns (Σ_g g·s_g
// / Σ_g s_g), so that over years the topics of each period follow one
// another down the chart.
func TopicHeatmap(groups []vector.Unit, shares *mat.Dense, labels []string, by string) *Heatmap {
	h := &Heatmap{Title: "Topic shares by " + by, ValueLabel: "share of tokens"}
	for _, g := range groups {
		h.ColLabels = append(h.ColLabels, g.ID)
	}
	centre := make([]float64, len(labels))
	order := make([]int, len(labels))
	for k := range labels {
		order[k] = k
		var sum, w float64
		for i := range groups {
			sum += float64(i) * shares.At(i, k)
			w += shares.At(i, k)
		}
		centre[k] = sum / w
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(centre[a], centre[b]) })
	for _, k := range order {
		row := make([]float64, len(groups))
		for i := range groups {
			row[i] = shares.At(i, k)
		}
		h.RowLabels = append(h.RowLabels, labels[k])
		h.Values = append(h.Values, row)
	}
	return h
}

// TopicLines draws topic shares by year (topics.GroupMeans over the years
// of vector.GroupUnits) as a line per topic.
func TopicLines(years []vector.Unit, shares *mat.Dense, labels []string) *Lines {
	c := &Lines{Title: "Topic shares by year", XLabel: "year", YLabel: "share of tokens", IntegerX: true}
	for k, label := range labels {
		s := Series{Name: label}
		for i, y := range years {
			year, err := strconv.Atoi(y.ID)
			if err != nil {
				continue
			}
			s.X = append(s.X, float64(year))
			s.Y = append(s.Y, shares.At(i, k))
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// levelGroups colours units by level: each unit's group and the groups'
// names, levels from the centre down (analysis.LevelRank). Units of one
// level, or of none, make one group (no legend).
func levelGroups(units []vector.Unit) (groups []int, names []string) {
	for _, u := range units {
		if !slices.Contains(names, u.Meta.Level) {
			names = append(names, u.Meta.Level)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(analysis.LevelRank(a), analysis.LevelRank(b)), strings.Compare(a, b))
	})
	for _, u := range units {
		groups = append(groups, slices.Index(names, u.Meta.Level))
	}
	for i, n := range names {
		if n == "" {
			names[i] = "level unknown"
		}
	}
	return groups, names
}

// WordfishPositions draws the units' Wordfish positions θ with their
// bootstrap intervals (the Hessian's θ ± 1.96 se without replicates),
// highest θ at the top, coloured by level.
func WordfishPositions(units []vector.Unit, wf *scale.Wordfish) *Intervals {
	groups, names := levelGroups(units)
	c := &Intervals{Title: "Wordfish positions", ValueLabel: "θ (bootstrap interval)", GroupNames: names}
	if wf.Lower == nil {
		c.ValueLabel = "θ (± 1.96 standard errors)"
	}
	for i, u := range units {
		it := Interval{Label: u.ID, Value: wf.Theta[i], Lower: wf.Theta[i] - 1.96*wf.ThetaSE[i], Upper: wf.Theta[i] + 1.96*wf.ThetaSE[i], Group: groups[i]}
		if wf.Lower != nil {
			it.Lower, it.Upper = wf.Lower[i], wf.Upper[i]
		}
		c.Items = append(c.Items, it)
	}
	slices.SortStableFunc(c.Items, func(a, b Interval) int { return cmp.Compare(b.Value, a.Value) })
	return c
}

// EiffelTower draws the terms' Wordfish weights β (x) against their fixed
// effects ψ (y): frequent terms at the top, the terms that set the two
// ends apart low on either side. Slogans are drawn in their own colour;
// labels go first to slogans, then to the terms with the largest ψ + |β|
// (frequent or discriminating), where they fit.
func EiffelTower(terms []string, entries []int, wf *scale.Wordfish) *Scatter {
	c := &Scatter{Title: "Wordfish word weights (\"Eiffel tower\")", XLabel: "β (weight on the dimension)",
		YLabel: "ψ (fixed effect: frequency)", GroupNames: []string{"word", "slogan"}, LabelPoints: true}
	for j, t := range terms {
		g := 0
		if entries[j] >= 0 {
			g = 1
		}
		c.Points = append(c.Points, Point{X: wf.Beta[j], Y: wf.Psi[j], Label: t, Group: g})
	}
	slices.SortStableFunc(c.Points, func(a, b Point) int {
		return cmp.Or(cmp.Compare(b.Group, a.Group), cmp.Compare(b.Y+math.Abs(b.X), a.Y+math.Abs(a.X)))
	})
	return c
}

// CAMap draws the units on the first two dimensions of a correspondence
// analysis, coloured by level, labelled where the labels fit.
func CAMap(units []vector.Unit, ca *scale.CA) *Scatter {
	groups, names := levelGroups(units)
	c := caScatter("Correspondence analysis: units", ca, names)
	for i, u := range units {
		c.Points = append(c.Points, Point{X: ca.Row.At(i, 0), Y: ca.Row.At(i, 1), Label: u.ID, Group: groups[i]})
	}
	return c
}

// CAWordMap draws the terms on the first two dimensions of a
// correspondence analysis, slogans in their own colour; labels go first to
// the terms that contribute most to the two dimensions (mass × squared
// distance from the centre), where they fit.
func CAWordMap(terms []string, entries []int, ca *scale.CA) *Scatter {
	c := caScatter("Correspondence analysis: terms", ca, []string{"word", "slogan"})
	for j, t := range terms {
		g := 0
		if entries[j] >= 0 {
			g = 1
		}
		c.Points = append(c.Points, Point{X: ca.Col.At(j, 0), Y: ca.Col.At(j, 1), Label: t, Group: g})
	}
	contrib := func(p Point, j int) float64 { return ca.ColMass[j] * (p.X*p.X + p.Y*p.Y) }
	order := make([]int, len(c.Points))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(contrib(c.Points[b], b), contrib(c.Points[a], a)) })
	pts := make([]Point, len(order))
	for k, j := range order {
		pts[k] = c.Points[j]
	}
	c.Points = pts
	return c
}

// caScatter is the frame of a map on the first two CA dimensions.
func caScatter(title string, ca *scale.CA, groups []string) *Scatter {
	return &Scatter{Title: title, XLabel: fmt.Sprintf("dimension 1 (%.1f %% of inertia)", 100*ca.Share[0]),
		YLabel: fmt.Sprintf("dimension 2 (%.1f %% of inertia)", 100*ca.Share[1]), GroupNames: groups, LabelPoints: true}
}

// netColours is how many communities a network chart gives a colour of
// their own; the others share one, "other communities".
const netColours = 9

// CooccurNetwork draws the first edges pairs of res (the strongest by its
// order) as a network laid out by cooccur.Layout, each term sized by the
// windows holding it, edges weighted by measure m. Nodes are coloured by
// their community in part (nil: one colour): the netColours communities
// with the most nodes drawn each get a colour and keep their number (that
// of the communities table), the others share one.
func CooccurNetwork(terms []string, res *cooccur.Result, part *cooccur.Partition, m cooccur.Measure, edges int, seed uint64) (*Network, error) {
	pairs := res.Pairs[:min(edges, len(res.Pairs))]
	x, y, err := cooccur.Layout(len(terms), pairs, m, seed)
	if err != nil {
		return nil, err
	}
	c := &Network{Title: fmt.Sprintf("Co-occurrence network: the %d strongest pairs by %s", len(pairs), m)}
	node := map[int32]int{}
	var ids []int32 // term of each node
	for _, p := range pairs {
		for _, t := range []int32{p.A, p.B} {
			if _, ok := node[t]; !ok {
				node[t] = len(c.Nodes)
				ids = append(ids, t)
				c.Nodes = append(c.Nodes, NetNode{Label: terms[t], X: x[t], Y: y[t], Size: float64(res.Freq[t])})
			}
		}
		c.Edges = append(c.Edges, NetEdge{From: node[p.A], To: node[p.B], Weight: math.Max(p.Score(m), 1e-9)})
	}
	if part == nil {
		return c, nil
	}
	drawn := map[int]int{} // community → nodes drawn; −1: none
	for _, t := range ids {
		drawn[part.Of[t]]++
	}
	comms := slices.Collect(maps.Keys(drawn))
	slices.SortFunc(comms, func(a, b int) int { return cmp.Or(cmp.Compare(drawn[b], drawn[a]), cmp.Compare(a, b)) })
	comms = slices.DeleteFunc(comms, func(cm int) bool { return cm < 0 })
	comms = comms[:min(netColours, len(comms))]
	slices.Sort(comms) // the legend in the order of the communities table
	group := map[int]int{}
	for _, cm := range comms {
		group[cm] = len(c.GroupNames)
		c.GroupNames = append(c.GroupNames, fmt.Sprintf("community %d", cm+1))
	}
	other := len(c.GroupNames)
	c.GroupNames = append(c.GroupNames, "other communities")
	for k, t := range ids {
		g, ok := group[part.Of[t]]
		if !ok {
			g = other
		}
		c.Nodes[k].Group = g
	}
	return c, nil
}

// NearestBars draws the terms nearest a query (tifa expand) as bars of
// their cosine, nearest at the top: for one group, slogans and words in
// two colours; for several (groups names them), a colour per group, each
// group's terms after the previous group's.
func NearestBars(query string, groups []string, nbrs [][]wordvec.Neighbor, terms []string, entries []int) *Bars {
	c := &Bars{Title: "Nearest terms to " + query, ValueLabel: "cosine to the query's vectors", GroupNames: groups, Decimals: 3}
	if len(groups) == 1 {
		c.GroupNames = []string{"word", "slogan"}
	}
	for g, nn := range nbrs {
		for _, n := range nn {
			b := Bar{Label: groups[g] + " · " + terms[n.Term], Value: n.Cosine, Group: g}
			if len(groups) == 1 {
				b.Label, b.Group = terms[n.Term], 0
				if entries[n.Term] >= 0 {
					b.Group = 1
				}
			}
			c.Bars = append(c.Bars, b)
		}
	}
	return c
}
