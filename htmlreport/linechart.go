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
//
// Counts, when it has one text per X, is drawn as a row under the x axis,
// named CountLabel (e.g. the reports of each year, so a reader sees which
// points rest on few): as numbers, or as small bars where the X are too
// close for them. Each point's tooltip adds its count.
type LineChart struct {
	Title          string // above the panel; may be empty
	XLabel, YLabel string
	X              []float64
	Series         []Series
	YMax           float64
	Counts         []string
	CountLabel     string
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

func (c *LineChart) render(w *writer, index map[string]int, small bool) {
	fr := frame{w: 1100, h: 400, left: 64, right: 20, top: 18, bottom: 46}
	if small {
		fr = frame{w: 560, h: 320, left: 58, right: 14, top: 34, bottom: 46}
	}
	counts := len(c.Counts) == len(c.X) && len(c.X) > 0
	if counts {
		fr.h += 22
		fr.bottom += 22
	}
	ys, ymax := c.values()
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
	w.WriteString("<g class=\"axis\">")
	yGrid(w, fr, yTicks, ypos)
	base := fr.top + fr.plotH()
	w.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", num(fr.left), num(base), num(fr.w-fr.right), num(base))
	for _, t := range xTicks(xlo, xhi, fr.plotW()) {
		x := xpos(t)
		w.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", num(x), num(base), num(x), num(base+5))
		w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(x), num(base+19), strconv.FormatFloat(t, 'f', -1, 64))
	}
	if counts {
		c.countRow(w, fr, xpos, base+26)
	}
	axisTitles(w, fr, c.XLabel, c.YLabel)
	w.WriteString("</g>\n")
	for i, s := range c.Series {
		c.series(w, index[s.Name], s, ys[i], xpos, ypos)
	}
	w.WriteString("</svg>\n")
}

// values parses the series' values (NaN for a gap) and returns them with
// the largest.
func (c *LineChart) values() (ys [][]float64, ymax float64) {
	ys = make([][]float64, len(c.Series))
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
	return ys, ymax
}

// countRow writes the Counts in a row under the x axis, named by
// CountLabel: as numbers where the X are far enough apart for the widest,
// else (they would collide) as bars on a log scale from 2 units high for a
// count of 1 to 16 for the largest, with the count in their tooltips.
func (c *LineChart) countRow(w *writer, fr frame, xpos func(float64) float64, top float64) {
	gap := math.Inf(1)
	for j := 1; j < len(c.X); j++ {
		gap = math.Min(gap, math.Abs(xpos(c.X[j])-xpos(c.X[j-1])))
	}
	label := func(tip string) {
		w.printf("<text class=\"count\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%s%s</text>", num(fr.left-6), num(top+11), esc(c.CountLabel), tip)
	}
	room := 0.0 // the widest number, and a space
	for _, n := range c.Counts {
		room = math.Max(room, textWidth(n, 11)+5)
	}
	if gap >= room {
		label("")
		for j, x := range c.X {
			w.printf("<text class=\"count\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(xpos(x)), num(top+11), esc(c.Counts[j]))
		}
		return
	}
	n := make([]float64, len(c.X))
	most := 1.0
	for j := range c.X {
		n[j], _ = strconv.ParseFloat(c.Counts[j], 64) // not a number: no bar
		most = math.Max(most, n[j])
	}
	label("<title>" + esc(c.CountLabel) + ": bar heights on a log scale</title>")
	bw := math.Max(1, gap*0.75)
	for j, x := range c.X {
		if n[j] >= 1 {
			h := 2 + 14*math.Log(n[j])/math.Log(math.Max(2, most)) // 1 → 2, the most → 16
			w.printf("<rect class=\"count\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"><title>%s: %s %s</title></rect>",
				num(xpos(x)-bw/2), num(top+16-h), num(bw), num(h), strconv.FormatFloat(x, 'f', -1, 64), esc(c.Counts[j]), esc(c.CountLabel))
		}
	}
}

// series draws one line, broken at gaps, with a titled point per value.
func (c *LineChart) series(w *writer, k int, s Series, ys []float64, xpos, ypos func(float64) float64) {
	color, dash := seriesStyle(k)
	w.printf("<g class=\"s\" data-s=\"%d\" stroke=\"%s\" fill=\"%s\">", k, color, color)
	var d strings.Builder
	pen := false
	for j, x := range c.X {
		if math.IsNaN(ys[j]) {
			pen = false
			continue
		}
		if pen {
			d.WriteString("L")
		} else {
			d.WriteString("M")
		}
		d.WriteString(num(xpos(x)) + " " + num(ypos(ys[j])))
		pen = true
	}
	w.printf("<path fill=\"none\"%s d=\"%s\"/>", dashAttr(dash), d.String())
	for j, x := range c.X {
		if math.IsNaN(ys[j]) {
			continue
		}
		tip := s.Name + "\n" + c.XLabel + " " + strconv.FormatFloat(x, 'f', -1, 64) + ": " + c.YLabel + " " + s.Values[j]
		if len(c.Counts) == len(c.X) {
			tip += "\n" + c.CountLabel + ": " + c.Counts[j]
		}
		w.printf("<circle cx=\"%s\" cy=\"%s\" r=\"2.5\"><title>%s</title></circle>", num(xpos(x)), num(ypos(ys[j])), esc(tip))
	}
	w.WriteString("</g>\n")
}
