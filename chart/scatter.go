package chart

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Point is one document on a 2-D map, with the group (cluster) it belongs
// to, counted from 0.
type Point struct {
	X, Y  float64
	Label string
	Group int
}

// Scatter is a 2-D map of points coloured by group, e.g. reports projected
// on two principal components and coloured by cluster. Groups get distinct
// colours and shapes; the legend, right of the plot, names each group that
// has points (GroupNames[g], or the number g when there is no name). With
// LabelPoints each point's label is written beside it, except where it
// would cover another point or a label already written (points earlier in
// Points win), so dense maps stay readable. Points with a NaN or infinite coordinate are
// left out.
type Scatter struct {
	Title, XLabel, YLabel string
	Points                []Point
	GroupNames            []string
	LabelPoints           bool
}

// check returns an error when no point can be drawn or a group is negative.
func (c *Scatter) check() error {
	drawn := 0
	for i, p := range c.Points {
		if p.Group < 0 {
			return fmt.Errorf("scatter %q: point %d (%s) has group %d; want 0 or more", c.Title, i, p.Label, p.Group)
		}
		if finite(p.X) && finite(p.Y) {
			drawn++
		}
	}
	if drawn == 0 {
		return fmt.Errorf("scatter %q: no point with finite coordinates: %w", c.Title, errEmpty)
	}
	return nil
}

// Draw writes the map to w as format ("png", "svg" or "pdf") in font f.
// The figure is 20 × 16 cm, wider when group names are long.
func (c *Scatter) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c)
}

// groups returns the groups that have points, in increasing order.
func (c *Scatter) groups() []int {
	var gs []int
	for _, p := range c.Points {
		if !slices.Contains(gs, p.Group) {
			gs = append(gs, p.Group)
		}
	}
	slices.Sort(gs)
	return gs
}

// groupName returns the legend name of group g.
func (c *Scatter) groupName(g int) string {
	if g < len(c.GroupNames) && c.GroupNames[g] != "" {
		return c.GroupNames[g]
	}
	return strconv.Itoa(g)
}

// groupStyle returns the glyph style of group g.
func groupStyle(g int) draw.GlyphStyle {
	return draw.GlyphStyle{Color: colorOf(g), Radius: vg.Points(2.6), Shape: glyphOf(g)}
}

// legend returns the legend block of the groups.
func (c *Scatter) legend(th *theme) *legendBlock {
	b := th.newLegendBlock()
	for _, g := range c.groups() {
		s := &plotter.Scatter{GlyphStyle: groupStyle(g)}
		b.add(th, c.groupName(g), s)
	}
	return b
}

// size returns 20 × 16 cm, widened so the plot keeps 15 cm beside the
// legend, heightened for a long legend.
func (c *Scatter) size(th *theme) (vg.Length, vg.Length) {
	leg := c.legend(th)
	return max(cm(20), cm(15)+leg.width), max(cm(16), leg.height()+cm(3))
}

// paint draws the map into dc.
func (c *Scatter) paint(dc draw.Canvas, th *theme) error {
	p := th.newPlot(c.Title, c.XLabel, c.YLabel)
	p.Add(gridLines())
	for _, g := range c.groups() {
		var xys plotter.XYs
		for _, pt := range c.Points {
			if pt.Group == g && finite(pt.X) && finite(pt.Y) {
				xys = append(xys, plotter.XY{X: pt.X, Y: pt.Y})
			}
		}
		if len(xys) == 0 {
			continue
		}
		p.Add(&plotter.Scatter{XYs: xys, GlyphStyle: groupStyle(g)})
	}
	if c.LabelPoints {
		p.Add(&pointLabels{points: c.Points, style: th.style(smallSize)})
	}
	padAxis(&p.X, 0.04)
	padAxis(&p.Y, 0.04)
	drawWithLegend(dc, p, c.legend(th), titleHeight(p))
	return nil
}

// padAxis widens an axis by frac of its span on each side, so that points
// on the edge of the data and their labels stay inside; an axis whose data
// have a single value gets a span of 1.
func padAxis(a *plot.Axis, frac float64) {
	if a.Min == a.Max {
		a.Min, a.Max = a.Min-0.5, a.Max+0.5
		return
	}
	d := (a.Max - a.Min) * frac
	if finite(a.Min-d) && finite(a.Max+d) {
		a.Min, a.Max = a.Min-d, a.Max+d
	}
}

// pointLabels writes each point's label right of it, or else left of it,
// unless the label would cover another point or a label already written,
// or leave the plot area.
type pointLabels struct {
	points []Point
	style  text.Style
}

// Plot implements plot.Plotter.
func (l *pointLabels) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	st := l.style
	st.Color = grey(0x30)
	st.YAlign = draw.YCenter
	r := groupStyle(0).Radius
	dots := make([]vg.Rectangle, len(l.points))
	for i, p := range l.points {
		if finite(p.X) && finite(p.Y) {
			x, y := trX(p.X), trY(p.Y)
			dots[i] = vg.Rectangle{Min: vg.Point{X: x - r, Y: y - r}, Max: vg.Point{X: x + r, Y: y + r}}
		}
	}
	var placed []vg.Rectangle
	for i, p := range l.points {
		if p.Label == "" || !finite(p.X) || !finite(p.Y) {
			continue
		}
		x, y := trX(p.X), trY(p.Y)
		for _, side := range []draw.XAlignment{draw.XLeft, draw.XRight} { // right of the point, else left
			st.XAlign = side
			at := vg.Point{X: x + r + vg.Points(1.5), Y: y}
			if side == draw.XRight {
				at.X = x - r - vg.Points(1.5)
			}
			box := st.Rectangle(p.Label).Add(at)
			if !c.Contains(box.Min) || !c.Contains(box.Max) || overlapsAny(box, placed) || coversDot(box, dots, i) {
				continue
			}
			placed = append(placed, box)
			c.FillText(st, at, p.Label)
			break
		}
	}
}

// coversDot reports whether r overlaps a dot other than dots[self] and
// the dots drawn on top of it.
func coversDot(r vg.Rectangle, dots []vg.Rectangle, self int) bool {
	for _, d := range dots {
		if d != dots[self] && d != (vg.Rectangle{}) && overlapsAny(r, []vg.Rectangle{d}) {
			return true
		}
	}
	return false
}

// overlapsAny reports whether r overlaps any of rs.
func overlapsAny(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, q := range rs {
		if r.Min.X < q.Max.X && q.Min.X < r.Max.X && r.Min.Y < q.Max.Y && q.Min.Y < r.Max.Y {
			return true
		}
	}
	return false
}
