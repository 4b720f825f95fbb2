package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// palette holds 12 colours that stay apart on white paper and on screen:
// Matplotlib's "tab10" followed by indigo and black. Series 13 and later
// reuse them with another dash pattern.
var palette = []color.RGBA{
	{0x1f, 0x77, 0xb4, 0xff}, // blue
	{0xff, 0x7f, 0x0e, 0xff}, // orange
	{0x2c, 0xa0, 0x2c, 0xff}, // green
	{0xd6, 0x27, 0x28, 0xff}, // red
	{0x94, 0x67, 0xbd, 0xff}, // purple
	{0x8c, 0x56, 0x4b, 0xff}, // brown
	{0xe3, 0x77, 0xc2, 0xff}, // pink
	{0x7f, 0x7f, 0x7f, 0xff}, // grey
	{0xbc, 0xbd, 0x22, 0xff}, // olive
	{0x17, 0xbe, 0xcf, 0xff}, // cyan
	{0x39, 0x3b, 0x79, 0xff}, // indigo
	{0x00, 0x00, 0x00, 0xff}, // black
}

// dashes are the line patterns cycled every len(palette) series.
var dashes = [][]vg.Length{
	nil,                              // solid
	{vg.Points(6), vg.Points(3)},     // dashed
	{vg.Points(1.5), vg.Points(2.5)}, // dotted
	{vg.Points(6), vg.Points(2), vg.Points(1.5), vg.Points(2)}, // dash-dot
}

// glyphs are the point shapes cycled with the colours of groups, so that
// groups stay apart in greyscale print too.
var glyphs = []draw.GlyphDrawer{
	draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{},
	draw.RingGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PlusGlyph{},
}

// colorOf returns the colour of series or group i (i ≥ 0).
func colorOf(i int) color.RGBA { return palette[mod(i, len(palette))] }

// dashOf returns the dash pattern of series i: solid for the first 12.
func dashOf(i int) []vg.Length { return dashes[mod(i/len(palette), len(dashes))] }

// glyphOf returns the point shape of group i.
func glyphOf(i int) draw.GlyphDrawer { return glyphs[mod(i, len(glyphs))] }

// mod is i mod n, never negative.
func mod(i, n int) int { return ((i % n) + n) % n }

// grey returns a grey of the given lightness (0 black, 255 white).
func grey(v uint8) color.RGBA { return color.RGBA{v, v, v, 0xff} }

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// cm converts centimetres to a vg.Length.
func cm(v float64) vg.Length { return vg.Length(v) * vg.Centimeter }

// clampLen returns v limited to [lo, hi].
func clampLen(v, lo, hi vg.Length) vg.Length { return max(lo, min(hi, v)) }

// legendBlock is a legend drawn in a strip to the right of a plot, so that
// it never covers data.
type legendBlock struct {
	leg   plot.Legend
	width vg.Length // strip width, padding included
	rows  int
}

// newLegendBlock returns an empty legend in the theme's face.
func (th *theme) newLegendBlock() *legendBlock {
	leg := plot.NewLegend()
	th.use(&leg.TextStyle, legendSize)
	leg.Top, leg.Left = true, true
	leg.ThumbnailWidth = vg.Points(22)
	leg.Padding = vg.Points(3)
	return &legendBlock{leg: leg}
}

// add appends an entry and widens the strip to fit its text.
func (b *legendBlock) add(th *theme, name string, thumbs ...plot.Thumbnailer) {
	b.leg.Add(name, thumbs...)
	b.rows++
	w := b.leg.ThumbnailWidth + th.width(" "+name, legendSize) + vg.Points(18)
	b.width = max(b.width, w)
}

// height returns the height the legend's entries need.
func (b *legendBlock) height() vg.Length {
	return vg.Length(b.rows) * (vg.Points(legendSize*1.25) + b.leg.Padding)
}

// drawWithLegend draws p into c, leaving a strip on the right for the legend
// (when it has entries), whose top lines up with the top of p's data area.
func drawWithLegend(c draw.Canvas, p *plot.Plot, b *legendBlock, top vg.Length) {
	c = pad(c)
	if b == nil || b.rows == 0 {
		p.Draw(c)
		return
	}
	plotArea := draw.Crop(c, 0, -b.width, 0, 0)
	p.Draw(plotArea)
	strip := draw.Crop(c, c.Size().X-b.width+vg.Points(10), 0, 0, -top)
	b.leg.Draw(strip)
}

// margin is the blank border around every figure.
const margin = vg.Length(8)

// pad returns c less the figure's margin.
func pad(c draw.Canvas) draw.Canvas { return draw.Crop(c, margin, -margin, margin, -margin) }

// titleHeight returns the space a plot's title takes at the top.
func titleHeight(p *plot.Plot) vg.Length {
	if p.Title.Text == "" {
		return 0
	}
	return p.Title.TextStyle.Height(p.Title.Text) + p.Title.Padding
}

// integerTicks marks whole numbers (years) with a step of 1, 2, 5, 10, 20,
// 50, … chosen so that at most max labels are drawn, with unlabelled minor
// ticks on the numbers between when they are few enough.
type integerTicks struct{ max int }

// Ticks returns the ticks between lo and hi.
func (t integerTicks) Ticks(lo, hi float64) []plot.Tick {
	first, last := math.Ceil(lo), math.Floor(hi)
	if !finite(first) || !finite(last) || last < first {
		return nil
	}
	span := last - first
	step := integerStep(first, last, max(t.max, 2))
	start := math.Ceil(first/step) * step
	var ticks []plot.Tick
	if span > 80 { // labelled ticks only
		for k := 0.0; k < 1000; k++ {
			v := start + k*step
			if v > last {
				break
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', 0, 64)})
		}
		return ticks
	}
	for k := 0.0; k <= span; k++ { // at most 81 ticks; v++ could stall on huge v
		v := first + k
		label := ""
		if math.Mod(v-start, step) == 0 && v >= start {
			label = strconv.FormatFloat(v, 'f', 0, 64)
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: label})
	}
	return ticks
}

// integerStep returns the least of 1, 2, 5, 10, 20, 50, … whose multiples
// in [first, last] are at most n.
func integerStep(first, last float64, n int) float64 {
	for e := 0.0; e < 300; e++ {
		for _, m := range []float64{1, 2, 5} {
			step := m * math.Pow(10, e)
			if multiples(first, last, step) <= float64(n) {
				return step
			}
		}
	}
	return math.Max(last-first, 1)
}

// multiples returns how many multiples of step lie in [lo, hi].
func multiples(lo, hi, step float64) float64 {
	return math.Floor(hi/step+1e-9) - math.Ceil(lo/step-1e-9) + 1
}

// niceTicks returns at most n round values in [lo, hi], as many as can be:
// the least step of 1, 2 or 5 times a power of ten that gives n or fewer.
func niceTicks(lo, hi float64, n int) []float64 {
	if !(hi > lo) || n < 2 {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n-1)
	if !finite(raw) || raw == 0 {
		return []float64{lo, hi}
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	step := pow * 10
	for _, m := range []float64{0.5, 1, 2, 5, 10} {
		if multiples(lo, hi, m*pow) <= float64(n) {
			step = m * pow
			break
		}
	}
	var out []float64
	first := math.Ceil(lo/step-1e-9) * step
	for k := 0.0; k < 1000; k++ { // bounded: v += step can stall on huge v
		v := first + k*step
		if v > hi+step*1e-9 {
			break
		}
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

// formatValue formats a tick or cell value with just enough decimals for
// values spaced step apart.
func formatValue(v, step float64) string {
	prec := 0
	if step > 0 && step < 1 {
		prec = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	s := strconv.FormatFloat(v, 'f', min(prec, 6), 64)
	if s == "-0" || (len(s) > 1 && s[0] == '-' && isZero(s[1:])) {
		s = s[1:]
	}
	return s
}

// isZero reports whether s spells zero ("0", "0.00").
func isZero(s string) bool {
	for _, r := range s {
		if r != '0' && r != '.' {
			return false
		}
	}
	return true
}

// checkFinite returns an error naming what when v is NaN or infinite.
func checkFinite(what string, v float64) error {
	if !finite(v) {
		return fmt.Errorf("%s is %v; want a finite number", what, v)
	}
	return nil
}

// numberAt returns the style and anchor that centre a number's digits on
// y: gonum centres the font's whole ascent and descent, which for a CJK
// face sets digits visibly low. The baseline is put 0.36 em below y, half
// the height of a digit.
func numberAt(st text.Style, y vg.Length) (text.Style, vg.Length) {
	st.YAlign = draw.YBottom
	size := st.Font.Size
	// text.Plain draws the baseline at anchor − ascent + size.
	return st, y - 0.36*size + st.FontExtents().Ascent - size
}

// niceTicker marks about n round values (1, 2 or 5 times a power of ten
// apart) with labels of just enough decimals.
type niceTicker struct{ n int }

// Ticks returns the ticks between lo and hi.
func (t niceTicker) Ticks(lo, hi float64) []plot.Tick {
	vs := niceTicks(lo, hi, t.n)
	step := 0.0
	if len(vs) > 1 {
		step = vs[1] - vs[0]
	}
	ticks := make([]plot.Tick, 0, len(vs))
	for _, v := range vs {
		ticks = append(ticks, plot.Tick{Value: v, Label: formatValue(v, step)})
	}
	return ticks
}
