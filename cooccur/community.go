package cooccur

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
)

// Partition is the result of Communities.
type Partition struct {
	// Of gives each term id's community, numbered from 0 by size (largest
	// first, ties by smallest member); −1 for a term in no edge.
	Of []int
	// Q is the modularity of the partition at the resolution used.
	Q float64
}

// Communities partitions the terms joined by pairs into communities with
// the Louvain method (see the package documentation), weighting each edge
// by measure m: the count, the jaccard, or the npmi (pairs with npmi ≤ 0
// are left out, as negative weights have no meaning for modularity).
// resolution is γ, 1 for classic modularity; larger values give smaller
// communities. The same input and seed give the same partition.
func Communities(nTerms int, pairs []Pair, m Measure, resolution float64, seed uint64) (*Partition, error) {
	if !(resolution > 0) || math.IsInf(resolution, 1) {
		return nil, fmt.Errorf("cooccur: resolution %g: must be a positive number", resolution)
	}
	if m < ByCount || m > ByNPMI {
		return nil, fmt.Errorf("cooccur: weight %v: unknown measure", m)
	}
	of := make([]int, nTerms)
	for i := range of {
		of[i] = -1
	}
	g, err := newGraph(nTerms, pairs, m)
	if err != nil {
		return nil, err
	}
	if len(g.terms) == 0 {
		return &Partition{Of: of}, nil
	}
	reduced := community.Modularize(g, resolution, rand.NewPCG(seed, 0x636f6f63))
	comms := reduced.Communities()
	groups := make([][]int32, len(comms))
	for i, c := range comms {
		for _, n := range c {
			groups[i] = append(groups[i], g.terms[n.ID()])
		}
		slices.Sort(groups[i])
	}
	slices.SortFunc(groups, func(a, b []int32) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	for i, grp := range groups {
		for _, t := range grp {
			of[t] = i
		}
	}
	return &Partition{Of: of, Q: community.Q(g, comms, resolution)}, nil
}

// termGraph is an undirected weighted graph over the terms of a pair list
// whose node and neighbour iterators run in id order, so that gonum's
// Louvain sees the same sequence on every run (a map-backed graph would
// hand it neighbours in random order). Node ids are 0..len(terms)−1.
type termGraph struct {
	terms []int32              // node id → term id
	adj   [][]int64            // neighbours of each node, ascending
	w     map[[2]int64]float64 // weight of edge {x, y}, x < y
}

func newGraph(nTerms int, pairs []Pair, m Measure) (*termGraph, error) {
	weight := func(p Pair) (float64, bool) {
		w := p.Score(m)
		return w, w > 0 && !math.IsInf(w, 1)
	}
	node := make(map[int32]int64)
	for _, p := range pairs {
		if p.A < 0 || p.B < 0 || int(p.A) >= nTerms || int(p.B) >= nTerms || p.A == p.B {
			return nil, fmt.Errorf("cooccur: pair (%d, %d): not two distinct terms in [0, %d)", p.A, p.B, nTerms)
		}
		if _, ok := weight(p); ok {
			node[p.A], node[p.B] = 0, 0
		}
	}
	g := &termGraph{w: make(map[[2]int64]float64)}
	for t := range node {
		g.terms = append(g.terms, t)
	}
	slices.Sort(g.terms)
	for i, t := range g.terms {
		node[t] = int64(i)
	}
	g.adj = make([][]int64, len(g.terms))
	for _, p := range pairs {
		w, ok := weight(p)
		if !ok {
			continue
		}
		x, y := node[p.A], node[p.B]
		if x > y {
			x, y = y, x
		}
		if _, dup := g.w[[2]int64{x, y}]; dup {
			return nil, fmt.Errorf("cooccur: pair (%d, %d) listed twice", p.A, p.B)
		}
		g.w[[2]int64{x, y}] = w
		g.adj[x] = append(g.adj[x], y)
		g.adj[y] = append(g.adj[y], x)
	}
	for _, a := range g.adj {
		slices.Sort(a)
	}
	return g, nil
}

type termNode int64

func (n termNode) ID() int64 { return int64(n) }

type termEdge struct {
	from, to termNode
	w        float64
}

func (e termEdge) From() graph.Node         { return e.from }
func (e termEdge) To() graph.Node           { return e.to }
func (e termEdge) ReversedEdge() graph.Edge { return termEdge{e.to, e.from, e.w} }
func (e termEdge) Weight() float64          { return e.w }

func (g *termGraph) has(id int64) bool { return id >= 0 && id < int64(len(g.terms)) }

func (g *termGraph) Node(id int64) graph.Node {
	if !g.has(id) {
		return nil
	}
	return termNode(id)
}

func (g *termGraph) nodes(ids []int64) graph.Nodes {
	if len(ids) == 0 {
		return graph.Empty
	}
	ns := make([]graph.Node, len(ids))
	for i, id := range ids {
		ns[i] = termNode(id)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *termGraph) Nodes() graph.Nodes {
	ids := make([]int64, len(g.terms))
	for i := range ids {
		ids[i] = int64(i)
	}
	return g.nodes(ids)
}

func (g *termGraph) From(id int64) graph.Nodes {
	if !g.has(id) {
		return graph.Empty
	}
	return g.nodes(g.adj[id])
}

func (g *termGraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, g.has(x)
	}
	if x > y {
		x, y = y, x
	}
	w, ok := g.w[[2]int64{x, y}]
	return w, ok
}

func (g *termGraph) HasEdgeBetween(x, y int64) bool {
	_, ok := g.Weight(x, y)
	return ok && x != y
}

func (g *termGraph) WeightedEdge(u, v int64) graph.WeightedEdge {
	w, ok := g.Weight(u, v)
	if !ok || u == v {
		return nil
	}
	return termEdge{termNode(u), termNode(v), w}
}

func (g *termGraph) Edge(u, v int64) graph.Edge {
	if e := g.WeightedEdge(u, v); e != nil {
		return e
	}
	return nil
}

func (g *termGraph) EdgeBetween(x, y int64) graph.Edge { return g.Edge(x, y) }

func (g *termGraph) WeightedEdgeBetween(x, y int64) graph.WeightedEdge {
	return g.WeightedEdge(x, y)
}

var _ graph.WeightedUndirected = (*termGraph)(nil)
