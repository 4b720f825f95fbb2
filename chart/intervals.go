package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var _ Chart = (*Intervals)(nil)

// Interval is one row of an Intervals chart: an estimate and the interval
// around it. Lower and Upper are both NaN when there is no interval.
type Interval struct {
	Label               string
	Value, Lower, Upper float64
	Group               int // colour, from 0
}

// Intervals is a dot-and-whisker chart: one row per item, in the order
// given from the top, a dot at Value and a line from Lower to Upper, e.g.
// Wordfish positions θ with their bootstrap intervals, sorted by θ. The
// legend, right of the plot, names each group that has rows
// (GroupNames[g], or the number g), when there is more than one.
type Intervals struct {
	Title, ValueLabel string
	Items             []Interval
	GroupNames        []string
}

// check returns an error when there is no item, a value is not finite, an
// interval has one end only or its ends reversed, or a group is negative.
func (c *Intervals) check() error {
	if len(c.Items) == 0 {
		return fmt.Errorf("intervals %q: no items: %w", c.Title, errEmpty)
	}
	for i, it := range c.Items {
		what := fmt.Sprintf("intervals %q: item %d (%s)", c.Title, i, it.Label)
		if err := checkFinite(what, it.Value); err != nil {
			return err
		}
		if it.Group < 0 {
			return fmt.Errorf("%s has group %d; want 0 or more", what, it.Group)
		}
		if math.IsNaN(it.Lower) && math.IsNaN(it.Upper) {
			continue
		}
		if !finite(it.Lower) || !finite(it.Upper) || it.Lower > it.Upper {
			return fmt.Errorf("%s: interval [%v, %v]; want finite ends, lower ≤ upper (or both NaN)", what, it.Lower, it.Upper)
		}
	}
	return nil
}

// Draw writes the chart to w as format ("png", "svg" or "pdf") in font f.
// The figure is 20 cm wide (wider for long group names) and 0.45 cm tall
// per row, 8 cm at least.
func (c *Intervals) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c)
}

// legend returns the legend block of the groups that have rows, or an
// empty one when all rows share one group.
func (c *Intervals) legend(th *theme) *legendBlock {
	groups := make([]int, len(c.Items))
	for i, it := range c.Items {
		groups[i] = it.Group
	}
	return groupLegend(th, groups, c.GroupNames, func(g int) plot.Thumbnailer { return dotThumb{colorOf(g)} })
}

// groupLegend returns a legend naming each group of groups, in increasing
// order, with its thumbnail; it is empty when there is one group only.
func groupLegend(th *theme, groups []int, names []string, thumb func(g int) plot.Thumbnailer) *legendBlock {
	b := th.newLegendBlock()
	seen := map[int]bool{}
	maxGroup := 0
	for _, g := range groups {
		seen[g] = true
		maxGroup = max(maxGroup, g)
	}
	if len(seen) < 2 {
		return b
	}
	for g := 0; g <= maxGroup; g++ {
		if !seen[g] {
			continue
		}
		name := strconv.Itoa(g)
		if g < len(names) && names[g] != "" {
			name = names[g]
		}
		b.add(th, name, thumb(g))
	}
	return b
}

// size returns the figure size.
func (c *Intervals) size(th *theme) (vg.Length, vg.Length) {
	leg := c.legend(th)
	return max(cm(20), cm(15)+leg.width), max(cm(8), cm(0.45)*vg.Length(len(c.Items))+cm(3), leg.height()+cm(3))
}

// paint draws the chart into dc.
func (c *Intervals) paint(dc draw.Canvas, th *theme) error {
	n := len(c.Items)
	p := th.newPlot(c.Title, c.ValueLabel, "")
	names := make([]string, n)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, it := range c.Items {
		names[n-1-i] = it.Label
		lo, hi = math.Min(lo, it.Value), math.Max(hi, it.Value)
		if finite(it.Lower) {
			lo, hi = math.Min(lo, it.Lower), math.Max(hi, it.Upper)
		}
	}
	span := hi - lo
	if span == 0 {
		span = 1
	}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Min, p.X.Max = lo-0.04*span, hi+0.04*span
	p.Add(gridLines())
	p.Add(&intervalPlotter{items: c.Items})
	drawWithLegend(dc, p, c.legend(th), titleHeight(p))
	return nil
}

// intervalPlotter draws each row's line and dot.
type intervalPlotter struct{ items []Interval }

// Plot implements plot.Plotter.
func (ip *intervalPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(ip.items)
	for i, it := range ip.items {
		y := trY(float64(n - 1 - i))
		col := colorOf(it.Group)
		if finite(it.Lower) {
			c.StrokeLine2(draw.LineStyle{Color: col, Width: vg.Points(1.4)}, trX(it.Lower), y, trX(it.Upper), y)
		}
		dot := draw.GlyphStyle{Color: col, Radius: vg.Points(2.8), Shape: draw.CircleGlyph{}}
		c.DrawGlyph(dot, vg.Point{X: trX(it.Value), Y: y})
	}
}

// dotThumb is a legend thumbnail: a dot on a short line.
type dotThumb struct{ color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t dotThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	y := (r.Min.Y + r.Max.Y) / 2
	c.StrokeLine2(draw.LineStyle{Color: t.color, Width: vg.Points(1.4)}, r.Min.X, y, r.Max.X, y)
	c.DrawGlyph(draw.GlyphStyle{Color: t.color, Radius: vg.Points(2.8), Shape: draw.CircleGlyph{}},
		vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: y})
}
