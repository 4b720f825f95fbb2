package cooccur

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/layout"
)

// Layout places the terms joined by pairs in the plane for a network
// chart. Each connected component is laid out on its own with the spring
// embedder of Eades (1984) as gonum's graph/layout.EadesR2 implements it
// (Barnes–Hut repulsion, θ = 0.2; attraction along each edge in
// proportion to its weight, the pair's measure m divided by the largest in
// the component, so weights lie in (0, 1]); the components, largest first,
// are then packed in rows of square cells whose side grows with the square
// root of the component's size, so that unconnected groups neither fly
// apart nor overlap. Starting positions are drawn from seed and every
// graph is handed over in term id order, so the same input gives the same
// layout. Coordinates lie in [0, 1]; a term in no edge (or only in edges
// of non-positive weight) gets NaN.
//
// Eades, P. (1984). A heuristic for graph drawing. Congressus Numerantium
// 42, 149–160.
func Layout(nTerms int, pairs []Pair, m Measure, seed uint64) (x, y []float64, err error) {
	if m < ByCount || m > ByNPMI {
		return nil, nil, fmt.Errorf("cooccur: layout weight %v: unknown measure", m)
	}
	g, err := newGraph(nTerms, pairs, m)
	if err != nil {
		return nil, nil, err
	}
	x, y = make([]float64, nTerms), make([]float64, nTerms)
	for i := range x {
		x[i], y[i] = math.NaN(), math.NaN()
	}
	comps := components(g)
	// Shelf packing: cells of side √size, rows about as wide as the
	// square root of the total area (times 1.2), largest component first.
	var area float64
	for _, c := range comps {
		area += float64(len(c))
	}
	rowWidth := 1.2 * math.Sqrt(area)
	var cx, cy, rowHeight, width float64
	type cell struct{ x, y, side float64 }
	cells := make([]cell, len(comps))
	for i, c := range comps {
		side := math.Sqrt(float64(len(c)))
		if cx > 0 && cx+side > rowWidth {
			cx, cy, rowHeight = 0, cy+rowHeight, 0
		}
		cells[i] = cell{cx, cy, side}
		cx += side
		rowHeight = math.Max(rowHeight, side)
		width = math.Max(width, cx)
	}
	span := math.Max(width, cy+rowHeight)
	for i, c := range comps {
		px, py := placeComponent(g, c, seed+uint64(i))
		cl := cells[i]
		inner := 0.8 * cl.side
		for k, node := range c {
			t := g.terms[node]
			x[t] = (cl.x + 0.1*cl.side + inner*px[k]) / span
			// Rows run top to bottom: the largest component at the top.
			y[t] = 1 - (cl.y+0.1*cl.side+inner*(1-py[k]))/span
		}
	}
	return x, y, nil
}

// components returns the connected components of g as node ids,
// ascending within each, largest component first (ties by smallest node).
func components(g *termGraph) [][]int64 {
	seen := make([]bool, len(g.terms))
	var comps [][]int64
	for s := range g.terms {
		if seen[s] {
			continue
		}
		seen[s] = true
		comp := []int64{int64(s)}
		for i := 0; i < len(comp); i++ {
			for _, v := range g.adj[comp[i]] {
				if !seen[v] {
					seen[v] = true
					comp = append(comp, v)
				}
			}
		}
		slices.Sort(comp)
		comps = append(comps, comp)
	}
	slices.SortStableFunc(comps, func(a, b []int64) int { return cmp.Compare(len(b), len(a)) })
	return comps
}

// placeComponent lays out the component's nodes (ascending node ids of g)
// with EadesR2 and returns their coordinates scaled into [0, 1] (aspect
// kept, centred).
func placeComponent(g *termGraph, nodes []int64, seed uint64) (px, py []float64) {
	n := len(nodes)
	px, py = make([]float64, n), make([]float64, n)
	if n <= 2 {
		// A pair stands upright in the middle of its cell, so that pairs
		// packed side by side do not read as one chain.
		for k := range n {
			px[k], py[k] = 0.5, 0.15+0.7*float64(k)
		}
		return px, py
	}
	sub := &termGraph{terms: make([]int32, n), adj: make([][]int64, n), w: map[[2]int64]float64{}}
	local := make(map[int64]int64, n)
	for k, v := range nodes {
		local[v] = int64(k)
		sub.terms[k] = g.terms[v]
	}
	var top float64
	for k, v := range nodes {
		for _, u := range g.adj[v] {
			sub.adj[k] = append(sub.adj[k], local[u])
			if w, _ := g.Weight(v, u); v < u {
				sub.w[[2]int64{int64(k), local[u]}] = w
				top = math.Max(top, w)
			}
		}
	}
	for e, w := range sub.w {
		sub.w[e] = w / top
	}
	eades := layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: 300, Theta: 0.2, Src: rand.NewPCG(seed, 0x6c61796f)}
	opt := layout.NewOptimizerR2(sub, eades.Update)
	for opt.Update() {
	}
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for k := range n {
		c := opt.Coord2(int64(k))
		px[k], py[k] = c.X, c.Y
		lo[0], hi[0] = math.Min(lo[0], c.X), math.Max(hi[0], c.X)
		lo[1], hi[1] = math.Min(lo[1], c.Y), math.Max(hi[1], c.Y)
	}
	span := math.Max(hi[0]-lo[0], hi[1]-lo[1])
	if !(span > 0) {
		span = 1
	}
	for k := range n {
		px[k] = (px[k]-lo[0])/span + (1-(hi[0]-lo[0])/span)/2
		py[k] = (py[k]-lo[1])/span + (1-(hi[1]-lo[1])/span)/2
	}
	return px, py
}
