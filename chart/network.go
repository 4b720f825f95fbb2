package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var _ Chart = (*Network)(nil)

// NetNode is a node of a Network chart, placed at (X, Y) by the caller
// (cooccur.Layout, say); a node with a NaN coordinate is not drawn.
type NetNode struct {
	Label string
	X, Y  float64
	Size  float64 // ≥ 0: frequency; the disc's area grows with it
	Group int     // colour, from 0: a community, say
}

// NetEdge joins nodes From and To (indices into Nodes); its line's width
// grows with Weight (> 0).
type NetEdge struct {
	From, To int
	Weight   float64
}

// Network is a co-occurrence network: edges as grey lines whose width
// grows with their weight (0.4 to 3.4 points, linear in Weight / largest
// Weight), nodes as discs coloured by group whose area grows with their
// size (radius 2.5 to 12 points, linear in √(Size / largest Size)), each
// labelled. The legend, right of the plot, names each group that has
// nodes (GroupNames[g], or the number g), when there is more than one.
type Network struct {
	Title      string
	Nodes      []NetNode
	Edges      []NetEdge
	GroupNames []string
}

// check returns an error when no node can be drawn, a size, weight or
// group is out of range or an edge names a node that does not exist.
func (c *Network) check() error {
	drawn := 0
	for i, n := range c.Nodes {
		if !(n.Size >= 0) || math.IsInf(n.Size, 1) || n.Group < 0 {
			return fmt.Errorf("network %q: node %d (%s): size %v, group %d; want a size ≥ 0 and a group ≥ 0", c.Title, i, n.Label, n.Size, n.Group)
		}
		if finite(n.X) && finite(n.Y) {
			drawn++
		}
	}
	if drawn == 0 {
		return fmt.Errorf("network %q: no node with finite coordinates: %w", c.Title, errEmpty)
	}
	for i, e := range c.Edges {
		if e.From < 0 || e.To < 0 || e.From >= len(c.Nodes) || e.To >= len(c.Nodes) {
			return fmt.Errorf("network %q: edge %d joins nodes %d and %d of %d", c.Title, i, e.From, e.To, len(c.Nodes))
		}
		if !(e.Weight > 0) || math.IsInf(e.Weight, 1) {
			return fmt.Errorf("network %q: edge %d has weight %v; want a positive number", c.Title, i, e.Weight)
		}
	}
	return nil
}

// Draw writes the chart to w as format ("png", "svg" or "pdf") in font f.
// The figure is 24 × 20 cm, wider for long group names.
func (c *Network) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c)
}

func (c *Network) legend(th *theme) *legendBlock {
	groups := make([]int, 0, len(c.Nodes))
	for _, n := range c.Nodes {
		if finite(n.X) && finite(n.Y) {
			groups = append(groups, n.Group)
		}
	}
	return groupLegend(th, groups, c.GroupNames, func(g int) plot.Thumbnailer { return discThumb{colorOf(g)} })
}

// size returns the figure size.
func (c *Network) size(th *theme) (vg.Length, vg.Length) {
	leg := c.legend(th)
	return max(cm(24), cm(20)+leg.width), max(cm(20), leg.height()+cm(3))
}

// paint draws the chart into dc.
func (c *Network) paint(dc draw.Canvas, th *theme) error {
	p := th.newPlot(c.Title, "", "")
	p.HideAxes()
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, n := range c.Nodes {
		if finite(n.X) && finite(n.Y) {
			lo[0], hi[0] = math.Min(lo[0], n.X), math.Max(hi[0], n.X)
			lo[1], hi[1] = math.Min(lo[1], n.Y), math.Max(hi[1], n.Y)
		}
	}
	for k := range 2 {
		pad := 0.06 * math.Max(hi[k]-lo[k], 1e-9)
		lo[k], hi[k] = lo[k]-pad, hi[k]+pad
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = lo[0], hi[0], lo[1], hi[1]
	p.Add(&networkPlotter{c: c, label: th.style(smallSize)})
	drawWithLegend(dc, p, c.legend(th), titleHeight(p))
	return nil
}

// networkPlotter draws the edges, then the nodes, then the labels.
type networkPlotter struct {
	c     *Network
	label text.Style
}

// Plot implements plot.Plotter.
func (np *networkPlotter) Plot(dc draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&dc)
	nodes := np.c.Nodes
	ok := func(i int) bool { return finite(nodes[i].X) && finite(nodes[i].Y) }
	var maxW, maxS float64
	for _, e := range np.c.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	for _, n := range nodes {
		maxS = math.Max(maxS, n.Size)
	}
	for _, e := range np.c.Edges {
		if !ok(e.From) || !ok(e.To) {
			continue
		}
		a, b := nodes[e.From], nodes[e.To]
		st := draw.LineStyle{Color: color.RGBA{0x70, 0x70, 0x70, 0x90}, Width: vg.Points(0.4 + 3*e.Weight/maxW)}
		dc.StrokeLine2(st, trX(a.X), trY(a.Y), trX(b.X), trY(b.Y))
	}
	radius := func(n NetNode) vg.Length {
		r := 2.5
		if maxS > 0 {
			r += 9.5 * math.Sqrt(n.Size/maxS)
		}
		return vg.Points(r)
	}
	for i, n := range nodes {
		if !ok(i) {
			continue
		}
		pt := vg.Point{X: trX(n.X), Y: trY(n.Y)}
		dc.DrawGlyph(draw.GlyphStyle{Color: colorOf(n.Group), Radius: radius(n), Shape: draw.CircleGlyph{}}, pt)
		dc.DrawGlyph(draw.GlyphStyle{Color: grey(0x30), Radius: radius(n), Shape: draw.RingGlyph{}}, pt)
	}
	np.labels(dc, trX, trY, radius)
}

// labels writes each node's label above its disc, or else below, right or
// left of it, where it covers neither a label already written nor another
// disc; the largest nodes are labelled first. A label that fits nowhere
// goes where it overlaps the fewest: every node is named.
func (np *networkPlotter) labels(dc draw.Canvas, trX, trY func(float64) vg.Length, radius func(NetNode) vg.Length) {
	nodes := np.c.Nodes
	var order []int
	discs := make([]vg.Rectangle, len(nodes))
	for i, n := range nodes {
		if !finite(n.X) || !finite(n.Y) {
			continue
		}
		x, y, r := trX(n.X), trY(n.Y), radius(n)
		discs[i] = vg.Rectangle{Min: vg.Point{X: x - r, Y: y - r}, Max: vg.Point{X: x + r, Y: y + r}}
		if n.Label != "" {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(nodes[b].Size, nodes[a].Size) })
	var placed []vg.Rectangle
	gap := vg.Points(1)
	for _, i := range order {
		n, d := nodes[i], discs[i]
		x, y := trX(n.X), trY(n.Y)
		type spot struct {
			at     vg.Point
			xa     draw.XAlignment
			ya     draw.YAlignment
			box    vg.Rectangle
			clashs int
		}
		var best spot
		for k, c := range []spot{
			{at: vg.Point{X: x, Y: d.Max.Y + gap}, xa: draw.XCenter, ya: draw.YBottom},
			{at: vg.Point{X: x, Y: d.Min.Y - gap}, xa: draw.XCenter, ya: draw.YTop},
			{at: vg.Point{X: d.Max.X + gap, Y: y}, xa: draw.XLeft, ya: draw.YCenter},
			{at: vg.Point{X: d.Min.X - gap, Y: y}, xa: draw.XRight, ya: draw.YCenter},
		} {
			st := np.label
			st.XAlign, st.YAlign = c.xa, c.ya
			c.box = st.Rectangle(n.Label).Add(c.at)
			for _, q := range placed {
				if overlapsAny(c.box, []vg.Rectangle{q}) {
					c.clashs++
				}
			}
			for j, q := range discs {
				if j != i && q != (vg.Rectangle{}) && overlapsAny(c.box, []vg.Rectangle{q}) {
					c.clashs++
				}
			}
			if !dc.Contains(c.box.Min) || !dc.Contains(c.box.Max) {
				c.clashs += len(nodes) // off the plot: a last resort
			}
			if k == 0 || c.clashs < best.clashs {
				best = c
			}
			if c.clashs == 0 {
				break
			}
		}
		st := np.label
		st.XAlign, st.YAlign = best.xa, best.ya
		placed = append(placed, best.box)
		dc.FillText(st, best.at, n.Label)
	}
}

// discThumb is a legend thumbnail: a disc.
type discThumb struct{ color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t discThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.DrawGlyph(draw.GlyphStyle{Color: t.color, Radius: vg.Points(4), Shape: draw.CircleGlyph{}},
		vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2})
}
