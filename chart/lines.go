package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one named line: Y[i] at X[i]. A NaN Y is no value: the line
// has a gap there and no point is drawn. Color (an index into a palette
// of 12) and Dash (0 solid, 1 dashed, 2 dotted, 3 dash-dot, repeating;
// the point shape changes with it: circle, box, triangle, cross, ring, …)
// are used only when the chart is Styled.
type Series struct {
	Name        string
	X, Y        []float64
	Color, Dash int
}

// Lines is a line chart of one or more series, e.g. slogan × year trends or
// diffusion curves. Every value is marked with a small point, so a value
// with gaps on both sides still shows. Series 1–12 get distinct colours,
// later ones reuse them dashed; the legend stands right of the plot, in the
// order given. The Y axis starts at 0 when no value is negative. IntegerX
// labels the X axis with whole numbers only (years), at a step of 1, 2, 5,
// 10, … that keeps the labels apart. Styled takes each series' colour and
// dash from its Color and Dash instead of its position, so that series
// that belong together (one slogan at several levels) share a colour.
type Lines struct {
	Title, XLabel, YLabel string
	Series                []Series
	IntegerX              bool
	Styled                bool
	// LogX and LogY draw that axis on a logarithmic scale (ticks at 1, 10,
	// 100 …), for values spanning orders of magnitude; every value on it
	// must then be positive.
	LogX, LogY bool
}

// check returns an error for input that cannot be drawn: no series, X and Y
// of different lengths, a non-finite X, an infinite Y, or no value at all.
func (c *Lines) check() error {
	if len(c.Series) == 0 {
		return fmt.Errorf("lines %q: no series: %w", c.Title, errEmpty)
	}
	values := 0
	for _, s := range c.Series {
		if len(s.X) != len(s.Y) {
			return fmt.Errorf("lines %q: series %q has %d X values and %d Y values", c.Title, s.Name, len(s.X), len(s.Y))
		}
		for i := range s.X {
			if err := checkFinite(fmt.Sprintf("lines %q: series %q: X[%d]", c.Title, s.Name, i), s.X[i]); err != nil {
				return err
			}
			if math.IsInf(s.Y[i], 0) {
				return fmt.Errorf("lines %q: series %q: Y[%d] is %v; want a number or NaN", c.Title, s.Name, i, s.Y[i])
			}
			if !math.IsNaN(s.Y[i]) {
				values++
			}
		}
	}
	if values == 0 {
		return fmt.Errorf("lines %q: every value is NaN: %w", c.Title, errEmpty)
	}
	for _, s := range c.Series {
		for i := range s.X {
			if c.LogX && !(s.X[i] > 0) || c.LogY && s.Y[i] <= 0 {
				return fmt.Errorf("lines %q: series %q: (%v, %v) on a logarithmic axis; want positive values", c.Title, s.Name, s.X[i], s.Y[i])
			}
		}
	}
	return nil
}

// Draw writes the chart to w as format ("png", "svg" or "pdf") in font f.
// The figure is 20 × 12 cm, wider when the legend's names are long and
// taller when there are many series.
func (c *Lines) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c)
}

// size returns the figure size for theme th: 20 × 12 cm at least, with
// room for a 14 cm plot beside the legend and for every legend row.
func (c *Lines) size(th *theme) (vg.Length, vg.Length) {
	leg := c.legend(th)
	return max(cm(20), cm(14)+leg.width), max(cm(12), leg.height()+cm(3))
}

// legend returns the legend block of the series.
func (c *Lines) legend(th *theme) *legendBlock {
	b := th.newLegendBlock()
	for i := range c.Series {
		b.add(th, c.Series[i].Name, c.seriesLine(i), c.seriesPoint(i))
	}
	return b
}

// style returns the colour and dash pattern of series i.
func (c *Lines) style(i int) (color.RGBA, []vg.Length) {
	if c.Styled {
		s := c.Series[i]
		return colorOf(s.Color), dashes[mod(s.Dash, len(dashes))]
	}
	return colorOf(i), dashOf(i)
}

// seriesLine returns the line style of series i, as a legend thumbnail.
func (c *Lines) seriesLine(i int) *plotter.Line {
	col, dash := c.style(i)
	l := &plotter.Line{}
	l.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.6), Dashes: dash}
	return l
}

// seriesPoint returns the point style of series i, as a legend thumbnail.
func (c *Lines) seriesPoint(i int) *plotter.Scatter {
	col, _ := c.style(i)
	var shape draw.GlyphDrawer = draw.CircleGlyph{}
	if c.Styled {
		shape = glyphOf(c.Series[i].Dash)
	}
	s := &plotter.Scatter{}
	s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(1.8), Shape: shape}
	return s
}

// paint draws the chart into dc.
func (c *Lines) paint(dc draw.Canvas, th *theme) error {
	p := th.newPlot(c.Title, c.XLabel, c.YLabel)
	p.Add(gridLines())
	ymin := 0.0
	for i, s := range c.Series {
		for _, run := range runs(s) {
			if len(run) > 1 {
				l := c.seriesLine(i)
				l.XYs = run
				p.Add(l)
			}
			pts := c.seriesPoint(i)
			pts.XYs = run
			p.Add(pts)
		}
		for _, y := range s.Y {
			if y < ymin {
				ymin = y
			}
		}
	}
	if ymin == 0 && !c.LogY {
		p.Y.Min = 0
	}
	if c.LogX {
		p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	if c.LogY {
		p.Y.Scale, p.Y.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	if p.Y.Max == p.Y.Min { // one value, or all equal: give the axis a span
		p.Y.Max = p.Y.Min + 1
	}
	if c.IntegerX {
		p.X.Tick.Marker = integerTicks{max: 12}
		if p.X.Max == p.X.Min {
			p.X.Min, p.X.Max = p.X.Min-1, p.X.Max+1
		}
	}
	drawWithLegend(dc, p, c.legend(th), titleHeight(p))
	return nil
}

// runs splits a series at its NaN values into runs of points.
func runs(s Series) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for i := range s.X {
		if math.IsNaN(s.Y[i]) {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: s.X[i], Y: s.Y[i]})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// gridLines returns light horizontal and vertical grid lines.
func gridLines() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = grey(0xe4)
	g.Horizontal.Color = grey(0xe4)
	g.Vertical.Width = vg.Points(0.5)
	g.Horizontal.Width = vg.Points(0.5)
	return g
}
