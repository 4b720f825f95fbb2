package htmlreport

import (
	"math"
	"strconv"
	"strings"
)

// Series is one line of a LineChart: Values holds one text per X of the
// chart, as its table shows it; "" (or text that is not a number) is a gap.
type Series struct {
	Name   string
	Values []string
}

// LineChart is one panel of a Figure: lines over a numeric x axis (years).
// The y axis runs from 0 to YMax, or to a round number above the largest
// value when YMax is 0.
type LineChart struct {
	Title          string // above the panel; may be empty
	XLabel, YLabel string
	X              []float64
	Series         []Series
	YMax           float64
}

// Figure is one or more line charts with one legend: a series name has the
// same colour in every panel, and hovering a legend entry or a point
// brings that series forward in all of them. Several charts are laid out
// as small multiples, two a row.
type Figure struct {
	Caption  string
	Charts   []LineChart
	Download *Download // the plotted numbers as CSV
}

// palette holds the series colours (matplotlib's tab10); series 11–20
// repeat them dashed, 21–30 dotted.
var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
	"#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"}

func seriesStyle(i int) (color, dash string) {
	color = palette[i%len(palette)]
	switch (i / len(palette)) % 3 {
	case 1:
		dash = "7 3"
	case 2:
		dash = "2 3"
	}
	return color, dash
}

func (f *Figure) render(w *writer) {
	w.figures++
	names, index := []string{}, map[string]int{}
	for _, c := range f.Charts {
		for _, s := range c.Series {
			if _, ok := index[s.Name]; !ok {
				index[s.Name] = len(names)
				names = append(names, s.Name)
			}
		}
	}
	w.WriteString("<figure class=\"chart\">\n")
	if f.Caption != "" {
		w.printf("<figcaption>%s</figcaption>\n", esc(f.Caption))
	}
	w.download(f.Download, 0)
	w.WriteString("<ul class=\"legend\">")
	for i, n := range names {
		color, dash := seriesStyle(i)
		w.printf("<li data-s=\"%d\"><svg width=\"26\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" y1=\"5\" x2=\"25\" y2=\"5\" stroke=\"%s\" stroke-width=\"2.5\"%s/></svg>%s</li>",
			i, color, dashAttr(dash), esc(n))
	}
	w.WriteString("</ul>\n")
	grid := ""
	if len(f.Charts) > 1 {
		grid = " multiples"
	}
	w.printf("<div class=\"panels%s\">\n", grid)
	for k := range f.Charts {
		f.Charts[k].render(w, index, len(f.Charts) > 1)
	}
	w.WriteString("</div>\n</figure>\n")
}

func dashAttr(dash string) string {
	if dash == "" {
		return ""
	}
	return " stroke-dasharray=\"" + dash + "\""
}

// chart geometry, in SVG user units (the SVG scales to its box).
type frame struct {
	w, h, left, right, top, bottom float64
}

func (fr frame) plotW() float64 { return fr.w - fr.left - fr.right }
func (fr frame) plotH() float64 { return fr.h - fr.top - fr.bottom }

func (c *LineChart) render(w *writer, index map[string]int, small bool) {
	fr := frame{w: 1100, h: 400, left: 64, right: 20, top: 18, bottom: 46}
	if small {
		fr = frame{w: 560, h: 320, left: 58, right: 14, top: 34, bottom: 46}
	}
	ys := make([][]float64, len(c.Series))
	ymax := 0.0
	for i, s := range c.Series {
		ys[i] = make([]float64, len(c.X))
		for j := range c.X {
			ys[i][j] = math.NaN()
			if j < len(s.Values) {
				if v, err := strconv.ParseFloat(s.Values[j], 64); err == nil && !math.IsInf(v, 0) {
					ys[i][j] = v
					ymax = math.Max(ymax, v)
				}
			}
		}
	}
	yTicks, yTop := niceTicks(ymax, 5)
	if c.YMax > 0 {
		yTicks, yTop = niceTicks(c.YMax, 5)
		yTop = c.YMax
	}
	xlo, xhi := extent(c.X)
	xpos := func(x float64) float64 {
		if xhi == xlo {
			return fr.left + fr.plotW()/2
		}
		return fr.left + (x-xlo)/(xhi-xlo)*fr.plotW()
	}
	ypos := func(y float64) float64 { return fr.top + fr.plotH() - y/yTop*fr.plotH() }

	w.printf("<svg class=\"line\" viewBox=\"0 0 %s %s\" role=\"img\" aria-label=\"%s\">\n", num(fr.w), num(fr.h), esc(c.Title+" "+c.YLabel))
	if c.Title != "" {
		w.printf("<text class=\"ptitle\" x=\"%s\" y=\"20\">%s</text>\n", num(fr.left), esc(c.Title))
	}
	// grid and axes
	w.WriteString("<g class=\"axis\">")
	for _, t := range yTicks {
		y := ypos(t)
		w.printf("<line class=\"grid\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", num(fr.left), num(y), num(fr.w-fr.right), num(y))
		w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" dy=\"0.32em\">%s</text>", num(fr.left-6), num(y), tickLabel(t, yTicks))
	}
	base := fr.top + fr.plotH()
	w.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", num(fr.left), num(base), num(fr.w-fr.right), num(base))
	for _, t := range xTicks(xlo, xhi, fr.plotW()) {
		x := xpos(t)
		w.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", num(x), num(base), num(x), num(base+5))
		w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(x), num(base+19), strconv.FormatFloat(t, 'f', -1, 64))
	}
	w.printf("<text class=\"alabel\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(fr.left+fr.plotW()/2), num(fr.h-6), esc(c.XLabel))
	w.printf("<text class=\"alabel\" transform=\"translate(14 %s) rotate(-90)\" text-anchor=\"middle\">%s</text>", num(fr.top+fr.plotH()/2), esc(c.YLabel))
	w.WriteString("</g>\n")
	for i, s := range c.Series {
		k := index[s.Name]
		color, dash := seriesStyle(k)
		w.printf("<g class=\"s\" data-s=\"%d\" stroke=\"%s\" fill=\"%s\">", k, color, color)
		var d strings.Builder
		pen := false
		for j, x := range c.X {
			y := ys[i][j]
			if math.IsNaN(y) {
				pen = false
				continue
			}
			if pen {
				d.WriteString("L")
			} else {
				d.WriteString("M")
			}
			d.WriteString(num(xpos(x)) + " " + num(ypos(y)))
			pen = true
		}
		w.printf("<path fill=\"none\"%s d=\"%s\"/>", dashAttr(dash), d.String())
		for j, x := range c.X {
			if math.IsNaN(ys[i][j]) {
				continue
			}
			xs := strconv.FormatFloat(x, 'f', -1, 64)
			w.printf("<circle cx=\"%s\" cy=\"%s\" r=\"2.5\"><title>%s\n%s %s: %s</title></circle>",
				num(xpos(x)), num(ypos(ys[i][j])), esc(s.Name), esc(c.XLabel), xs, esc(c.YLabel+" "+s.Values[j]))
		}
		w.WriteString("</g>\n")
	}
	w.WriteString("</svg>\n")
}

func extent(xs []float64) (lo, hi float64) {
	if len(xs) == 0 {
		return 0, 1
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// niceTicks returns about n round ticks from 0 covering max, and the top
// tick.
func niceTicks(max float64, n int) ([]float64, float64) {
	if max <= 0 || math.IsNaN(max) {
		max = 1
	}
	step := niceStep(max / float64(n))
	var ticks []float64
	top := 0.0
	for i := 0; ; i++ {
		top = float64(i) * step
		ticks = append(ticks, top)
		if top >= max-step*1e-9 {
			break
		}
	}
	return ticks, top
}

// niceStep rounds x up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel writes t with as many decimals as the ticks' step needs.
func tickLabel(t float64, ticks []float64) string {
	dec := 0
	if len(ticks) > 1 {
		step := ticks[1] - ticks[0]
		for dec < 6 && math.Abs(step*math.Pow(10, float64(dec))-math.Round(step*math.Pow(10, float64(dec)))) > 1e-9 {
			dec++
		}
	}
	return strconv.FormatFloat(t, 'f', dec, 64)
}

// xTicks returns round, whole-number ticks in [lo, hi], about one per 70
// units of width.
func xTicks(lo, hi, width float64) []float64 {
	if hi <= lo {
		return []float64{lo}
	}
	step := math.Max(1, niceStep((hi-lo)/math.Max(1, math.Floor(width/70))))
	if step == 2.5 { // years: no ticks between whole numbers
		step = 5
	}
	var ticks []float64
	for t := math.Ceil(lo/step) * step; t <= hi+1e-9; t += step {
		ticks = append(ticks, t)
	}
	return ticks
}
