package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bar is one horizontal bar: Value may be negative; Group (from 0) picks
// its colour.
type Bar struct {
	Label string
	Value float64
	Group int
}

// Bars is a chart of horizontal bars from a zero line, in the order given
// from the top, e.g. keyness: G² signed by the corpus that uses a term
// more, grouped A/B. Each bar's value is written at its end; the legend
// right of the plot names each group that has bars (GroupNames[g], or the
// number g), with Decimals decimals (0: one).
type Bars struct {
	Title, ValueLabel string
	Bars              []Bar
	GroupNames        []string
	Decimals          int
}

// check returns an error when there is no bar, a value is not finite or a
// group is negative.
func (c *Bars) check() error {
	if len(c.Bars) == 0 {
		return fmt.Errorf("bars %q: no bars: %w", c.Title, errEmpty)
	}
	for i, b := range c.Bars {
		if err := checkFinite(fmt.Sprintf("bars %q: bar %d (%s)", c.Title, i, b.Label), b.Value); err != nil {
			return err
		}
		if b.Group < 0 {
			return fmt.Errorf("bars %q: bar %d (%s) has group %d; want 0 or more", c.Title, i, b.Label, b.Group)
		}
	}
	return nil
}

// Draw writes the chart to w as format ("png", "svg" or "pdf") in font f.
// The figure is 20 cm wide (wider for long group names) and 0.55 cm tall
// per bar, 8 cm at least.
func (c *Bars) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c)
}

// legend returns the legend block of the groups that have bars.
func (c *Bars) legend(th *theme) *legendBlock {
	b := th.newLegendBlock()
	seen := map[int]bool{}
	maxGroup := 0
	for _, bar := range c.Bars {
		seen[bar.Group] = true
		maxGroup = max(maxGroup, bar.Group)
	}
	for g := 0; g <= maxGroup; g++ {
		if !seen[g] {
			continue
		}
		name := strconv.Itoa(g)
		if g < len(c.GroupNames) && c.GroupNames[g] != "" {
			name = c.GroupNames[g]
		}
		b.add(th, name, barThumb{colorOf(g)})
	}
	return b
}

// size returns the figure size.
func (c *Bars) size(th *theme) (vg.Length, vg.Length) {
	leg := c.legend(th)
	return max(cm(20), cm(15)+leg.width), max(cm(8), cm(0.55)*vg.Length(len(c.Bars))+cm(3), leg.height()+cm(3))
}

// paint draws the chart into dc.
func (c *Bars) paint(dc draw.Canvas, th *theme) error {
	n := len(c.Bars)
	p := th.newPlot(c.Title, c.ValueLabel, "")
	names := make([]string, n)
	lo, hi := 0.0, 0.0
	for i, b := range c.Bars {
		names[n-1-i] = b.Label
		lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
	}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	span := hi - lo
	if span == 0 {
		span = 1
	}
	// room for the value written at the end of each bar
	if lo < 0 {
		lo -= 0.14 * span
	}
	if hi > 0 || lo == 0 {
		hi += 0.14 * span
	}
	p.X.Min, p.X.Max = lo, hi
	grid := gridLines()
	grid.Horizontal.Color = nil
	p.Add(grid)
	p.Add(&barPlotter{bars: c.Bars, style: th.style(smallSize), decimals: c.Decimals})
	drawWithLegend(dc, p, c.legend(th), titleHeight(p))
	return nil
}

// barPlotter draws the bars, the zero line and each bar's value.
type barPlotter struct {
	bars     []Bar
	style    text.Style
	decimals int
}

// Plot implements plot.Plotter.
func (b *barPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(b.bars)
	half := (trY(1) - trY(0)) * 0.36
	x0 := trX(0)
	st := b.style
	st.Color = grey(0x30)
	for i, bar := range b.bars {
		y := trY(float64(n - 1 - i))
		st, ty := numberAt(st, y)
		x := trX(bar.Value)
		r := vg.Rectangle{Min: vg.Point{X: min(x0, x), Y: y - half}, Max: vg.Point{X: max(x0, x), Y: y + half}}
		c.SetColor(colorOf(bar.Group))
		c.Fill(r.Path())
		label := strconv.FormatFloat(bar.Value, 'f', max(1, b.decimals), 64)
		if bar.Value < 0 {
			st.XAlign = draw.XRight
			c.FillText(st, vg.Point{X: x - vg.Points(3), Y: ty}, label)
		} else {
			st.XAlign = draw.XLeft
			c.FillText(st, vg.Point{X: x + vg.Points(3), Y: ty}, label)
		}
	}
	c.StrokeLine2(draw.LineStyle{Color: grey(0x40), Width: vg.Points(0.8)}, x0, c.Min.Y, x0, c.Max.Y)
}

// barThumb is a legend thumbnail: a filled box.
type barThumb struct{ color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t barThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	inset := (r.Max.Y - r.Min.Y) * 0.15
	r.Min.Y += inset
	r.Max.Y -= inset
	c.SetColor(t.color)
	c.Fill(r.Path())
}
