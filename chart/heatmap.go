package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Heatmap is a matrix of coloured cells, e.g. the similarity of reports,
// drawn in the order given (the caller orders rows and columns). Row i is
// the i-th row from the top; column labels stand below the cells, turned a
// quarter. A NaN cell is left blank.
//
// Colours run from Min to Max (values outside are clamped); when Max ≤ Min
// the range of the finite values is used. A range from negative to positive
// gets a diverging blue–white–red scale centred on 0, any other the
// sequential "viridis" scale. A colour bar with ValueLabel shows the scale.
// Nil RowLabels or ColLabels number the rows or columns from 1.
type Heatmap struct {
	Title                string
	RowLabels, ColLabels []string
	Values               [][]float64
	Min, Max             float64
	ValueLabel           string
}

// viridis holds 10 evenly spaced colours of Matplotlib's viridis scale.
var viridis = []color.RGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x48, 0x28, 0x78, 0xff}, {0x3e, 0x4a, 0x89, 0xff}, {0x31, 0x68, 0x8e, 0xff},
	{0x26, 0x82, 0x8e, 0xff}, {0x1f, 0x9e, 0x89, 0xff}, {0x35, 0xb7, 0x79, 0xff}, {0x6d, 0xcd, 0x59, 0xff},
	{0xb4, 0xde, 0x2c, 0xff}, {0xfd, 0xe7, 0x25, 0xff},
}

// redBlue holds ColorBrewer's 9-class RdBu scale, blue (low) to red (high).
var redBlue = []color.RGBA{
	{0x21, 0x66, 0xac, 0xff}, {0x43, 0x93, 0xc3, 0xff}, {0x92, 0xc5, 0xde, 0xff}, {0xd1, 0xe5, 0xf0, 0xff},
	{0xf7, 0xf7, 0xf7, 0xff}, {0xfd, 0xdb, 0xc7, 0xff}, {0xf4, 0xa5, 0x82, 0xff}, {0xd6, 0x60, 0x4d, 0xff},
	{0xb2, 0x18, 0x2b, 0xff},
}

// colorScale maps values in [lo, hi] to colours.
type colorScale struct {
	lo, hi float64
	stops  []color.RGBA
}

// newColorScale returns the scale for [lo, hi]: diverging and symmetric
// around 0 when lo < 0 < hi, viridis otherwise.
func newColorScale(lo, hi float64) colorScale {
	if lo < 0 && hi > 0 {
		m := math.Max(-lo, hi)
		return colorScale{lo: -m, hi: m, stops: redBlue}
	}
	return colorScale{lo: lo, hi: hi, stops: viridis}
}

// at returns the colour of v, interpolated linearly between stops.
func (s colorScale) at(v float64) color.RGBA {
	t := (v - s.lo) / (s.hi - s.lo)
	if math.IsNaN(t) {
		t = 0.5
	}
	t = math.Max(0, math.Min(1, t))
	x := t * float64(len(s.stops)-1)
	i := min(int(x), len(s.stops)-2)
	f := x - float64(i)
	a, b := s.stops[i], s.stops[i+1]
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p)*(1-f) + float64(q)*f)) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// check returns an error when the matrix is empty, ragged, does not match
// its labels, holds an infinite value, or holds no finite value at all.
func (c *Heatmap) check() error {
	if len(c.Values) == 0 || len(c.Values[0]) == 0 {
		return fmt.Errorf("heatmap %q: empty matrix: %w", c.Title, errEmpty)
	}
	rows, cols := len(c.Values), len(c.Values[0])
	if c.RowLabels != nil && len(c.RowLabels) != rows {
		return fmt.Errorf("heatmap %q: %d row labels for %d rows", c.Title, len(c.RowLabels), rows)
	}
	if c.ColLabels != nil && len(c.ColLabels) != cols {
		return fmt.Errorf("heatmap %q: %d column labels for %d columns", c.Title, len(c.ColLabels), cols)
	}
	if math.IsNaN(c.Min) || math.IsNaN(c.Max) || math.IsInf(c.Min, 0) || math.IsInf(c.Max, 0) {
		return fmt.Errorf("heatmap %q: Min %v, Max %v: want finite numbers", c.Title, c.Min, c.Max)
	}
	finiteCells := 0
	for i, row := range c.Values {
		if len(row) != cols {
			return fmt.Errorf("heatmap %q: row %d has %d values, row 0 has %d", c.Title, i, len(row), cols)
		}
		for j, v := range row {
			if math.IsInf(v, 0) {
				return fmt.Errorf("heatmap %q: cell (%d, %d) is %v; want a number or NaN", c.Title, i, j, v)
			}
			if !math.IsNaN(v) {
				finiteCells++
			}
		}
	}
	if finiteCells == 0 {
		return fmt.Errorf("heatmap %q: every cell is NaN: %w", c.Title, errEmpty)
	}
	if lo, hi := c.valueRange(); !finite(hi - lo) {
		return fmt.Errorf("heatmap %q: colour range %g to %g is too wide to draw", c.Title, lo, hi)
	}
	return nil
}

// valueRange returns the range of the colour scale: Min to Max, or when
// Max ≤ Min the least to the greatest finite value, widened by 0.5 on each
// side when they are equal.
func (c *Heatmap) valueRange() (lo, hi float64) {
	if c.Max > c.Min {
		return c.Min, c.Max
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, row := range c.Values {
		for _, v := range row {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	return lo, hi
}

// Draw writes the heatmap to w as format ("png", "svg" or "pdf") in font f.
// Cells are square, about 0.55 cm for a 40 × 40 matrix (22 cm across at
// most, 1.2 cm each at most, 3 pt each at least), so the figure grows with
// the matrix; a matrix with fewer rows than columns gets taller cells
// (up to 1 cm, the rows 8 cm in all), so it is no thin strip. When rows
// or columns are too thin for their labels only every k-th label is
// written.
func (c *Heatmap) Draw(w io.Writer, format string, f *Font) error {
	if err := c.check(); err != nil {
		return err
	}
	return render(w, format, f, c.layout())
}

// heatLayout is a heatmap with its sizes worked out.
type heatLayout struct {
	*Heatmap
	rows, cols []string
	cell       vg.Length // width of a cell
	rowH       vg.Length // height of a cell: cell, or more for a wide matrix
	fontSize   vg.Length // row and column labels
	step       int       // label every step-th column
	rowStep    int       // label every rowStep-th row
	scale      colorScale
	ticks      []float64
	tickStep   float64
}

// Fixed distances of the heatmap's layout.
var (
	heatMargin = vg.Points(10)
	heatGap    = vg.Points(5)  // between labels and cells
	barGap     = vg.Points(20) // between cells and colour bar
	barWidth   = vg.Points(14)
)

// layout works out cell and label sizes and the colour scale.
func (c *Heatmap) layout() *heatLayout {
	l := &heatLayout{Heatmap: c, rows: c.RowLabels, cols: c.ColLabels}
	n, m := len(c.Values), len(c.Values[0])
	if l.rows == nil {
		l.rows = numbered(n)
	}
	if l.cols == nil {
		l.cols = numbered(m)
	}
	l.cell = clampLen(cm(22)/vg.Length(max(n, m)), vg.Points(3), cm(1.2))
	l.fontSize = clampLen(l.cell*0.8, vg.Points(6), vg.Points(tickSize))
	l.step = int(math.Ceil(float64(l.fontSize * 1.2 / l.cell)))
	// A matrix much wider than tall (topics × years) gets taller cells,
	// up to 1 cm, so that it is not a thin strip.
	l.rowH = l.cell
	if n < m {
		l.rowH = max(l.cell, min(cm(1), cm(8)/vg.Length(n)))
	}
	l.rowStep = int(math.Ceil(float64(l.fontSize * 1.2 / l.rowH)))
	l.scale = newColorScale(c.valueRange())
	l.ticks = niceTicks(l.scale.lo, l.scale.hi, 6)
	if len(l.ticks) > 1 {
		l.tickStep = l.ticks[1] - l.ticks[0]
	}
	return l
}

// numbered returns the labels "1" … "n".
func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

// maxWidth returns the width of the widest label drawn of labels, every
// step-th.
func (l *heatLayout) maxWidth(th *theme, labels []string, step int) vg.Length {
	var w vg.Length
	for i := 0; i < len(labels); i += step {
		w = max(w, th.width(labels[i], l.fontSize))
	}
	return w
}

// titleHeight returns the height of the title block.
func (l *heatLayout) titleHeight(th *theme) vg.Length {
	if l.Title == "" {
		return 0
	}
	return th.style(titleSize).Height(l.Title) + vg.Points(8)
}

// barStripWidth returns the width right of the cells: the colour bar, its
// tick labels and its value label.
func (l *heatLayout) barStripWidth(th *theme) vg.Length {
	var tw vg.Length
	for _, v := range l.ticks {
		tw = max(tw, th.width(formatValue(v, l.tickStep), tickSize))
	}
	w := barGap + barWidth + vg.Points(6) + tw
	if l.ValueLabel != "" {
		w += vg.Points(6) + th.style(labelSize).Height(l.ValueLabel)
	}
	return w
}

// size returns the figure size: margins, labels, cells and colour bar.
func (l *heatLayout) size(th *theme) (vg.Length, vg.Length) {
	gridW := l.cell * vg.Length(len(l.cols))
	gridH := l.rowH * vg.Length(len(l.rows))
	w := 2*heatMargin + l.maxWidth(th, l.rows, l.rowStep) + heatGap + gridW + l.barStripWidth(th)
	h := 2*heatMargin + l.titleHeight(th) + gridH + heatGap + l.maxWidth(th, l.cols, l.step)
	w = max(w, th.width(l.Title, titleSize)+2*heatMargin)
	return w, h
}

// paint draws title, labels, cells and colour bar.
func (l *heatLayout) paint(dc draw.Canvas, th *theme) error {
	W, H := dc.Max.X, dc.Max.Y
	left := dc.Min.X + heatMargin + l.maxWidth(th, l.rows, l.rowStep) + heatGap
	top := H - heatMargin - l.titleHeight(th)
	if l.Title != "" {
		st := th.style(titleSize)
		st.XAlign, st.YAlign = draw.XCenter, draw.YTop
		dc.FillText(st, vg.Point{X: (dc.Min.X + W) / 2, Y: H - heatMargin}, l.Title)
	}
	l.paintCells(dc, th, left, top)
	l.paintLabels(dc, th, left, top)
	gridH := l.rowH * vg.Length(len(l.rows))
	l.paintBar(dc, th, left+l.cell*vg.Length(len(l.cols))+barGap, top, min(gridH, cm(9)))
	return nil
}

// paintCells fills each finite cell, writes its value when cells are at
// least 24 pt wide, and frames the grid.
func (l *heatLayout) paintCells(dc draw.Canvas, th *theme, left, top vg.Length) {
	valueText := l.cell >= vg.Points(24)
	st := th.style(min(l.cell*0.34, vg.Points(tickSize)))
	st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
	for i, row := range l.Values {
		for j, v := range row {
			if math.IsNaN(v) {
				continue
			}
			x0, y1 := left+l.cell*vg.Length(j), top-l.rowH*vg.Length(i)
			r := vg.Rectangle{Min: vg.Point{X: x0, Y: y1 - l.rowH}, Max: vg.Point{X: x0 + l.cell, Y: y1}}
			col := l.scale.at(v)
			dc.SetColor(col)
			dc.Fill(r.Path())
			if valueText {
				st.Color = contrast(col)
				nst, ty := numberAt(st, y1-l.rowH/2)
				dc.FillText(nst, vg.Point{X: x0 + l.cell/2, Y: ty}, formatValue(v, 0.01))
			}
		}
	}
	frame := vg.Rectangle{
		Min: vg.Point{X: left, Y: top - l.rowH*vg.Length(len(l.rows))},
		Max: vg.Point{X: left + l.cell*vg.Length(len(l.cols)), Y: top},
	}
	dc.SetLineWidth(vg.Points(0.5))
	dc.SetColor(grey(0x99))
	dc.Stroke(frame.Path())
}

// contrast returns black or white, whichever reads better on bg.
func contrast(bg color.RGBA) color.Color {
	lum := 0.299*float64(bg.R) + 0.587*float64(bg.G) + 0.114*float64(bg.B)
	if lum < 140 {
		return color.White
	}
	return color.Black
}

// paintLabels writes row labels left of the cells and column labels below
// them, turned a quarter to read upwards.
func (l *heatLayout) paintLabels(dc draw.Canvas, th *theme, left, top vg.Length) {
	st := th.style(l.fontSize)
	st.XAlign, st.YAlign = draw.XRight, draw.YCenter
	for i := 0; i < len(l.rows); i += l.rowStep {
		y := top - l.rowH*(vg.Length(i)+0.5)
		dc.FillText(st, vg.Point{X: left - heatGap, Y: y}, l.rows[i])
	}
	bottom := top - l.rowH*vg.Length(len(l.rows))
	st.Rotation = math.Pi / 2
	for j := 0; j < len(l.cols); j += l.step {
		x := left + l.cell*(vg.Length(j)+0.5)
		dc.FillText(st, vg.Point{X: x, Y: bottom - heatGap}, l.cols[j])
	}
}

// paintBar draws the colour bar with its ticks, tick labels and value
// label, top edge at top.
func (l *heatLayout) paintBar(dc draw.Canvas, th *theme, x, top, height vg.Length) {
	const slices = 96
	sh := height / slices
	for k := range slices {
		v := l.scale.lo + (l.scale.hi-l.scale.lo)*(float64(k)+0.5)/slices
		y0 := top - height + sh*vg.Length(k)
		y1 := min(y0+2*sh, top) // overlapping the next slice hides seams
		r := vg.Rectangle{Min: vg.Point{X: x, Y: y0}, Max: vg.Point{X: x + barWidth, Y: y1}}
		dc.SetColor(l.scale.at(v))
		dc.Fill(r.Path())
	}
	dc.SetLineWidth(vg.Points(0.5))
	dc.SetColor(grey(0x66))
	dc.Stroke(vg.Rectangle{Min: vg.Point{X: x, Y: top - height}, Max: vg.Point{X: x + barWidth, Y: top}}.Path())
	st := th.style(tickSize)
	st.YAlign = draw.YCenter
	var tw vg.Length
	for _, v := range l.ticks {
		y := top - height + height*vg.Length((v-l.scale.lo)/(l.scale.hi-l.scale.lo))
		dc.StrokeLine2(draw.LineStyle{Color: grey(0x33), Width: vg.Points(0.5)}, x+barWidth, y, x+barWidth+vg.Points(3), y)
		label := formatValue(v, l.tickStep)
		nst, ty := numberAt(st, y)
		dc.FillText(nst, vg.Point{X: x + barWidth + vg.Points(5), Y: ty}, label)
		tw = max(tw, th.width(label, tickSize))
	}
	if l.ValueLabel != "" {
		vs := th.style(labelSize)
		vs.Rotation = math.Pi / 2
		vs.XAlign, vs.YAlign = draw.XCenter, draw.YTop
		dc.FillText(vs, vg.Point{X: x + barWidth + vg.Points(12) + tw, Y: top - height/2}, l.ValueLabel)
	}
}
