package htmlreport

import (
	"math"
	"strconv"
)

// Point is one mark of a Scatter: X and Y are the coordinates as its table
// shows them (parsed only to place the mark; text that is not a number
// leaves the point out), Group its index in the Scatter's Groups (−1 or
// out of range: no group, drawn grey).
type Point struct {
	Label string
	X, Y  string
	Group int
}

// Scatter is a map of labelled points coloured by group, e.g. the units
// of a 2-D projection coloured by cluster. Group k has the colour of
// group k of a Heatmap's strip (groups 11–20 are drawn as squares, 21–30
// as diamonds), and a legend entry that, hovered or clicked, brings its
// points forward as in a Figure. Hovering a point shows its label, group
// and coordinates (named XName and YName). Up to MaxLabels points (40 when
// 0) are also labelled on the map, each label where it overlaps least.
//
// One unit of X is as long as one unit of Y, as a projection wants, while
// the plot's height stays between about a quarter and two thirds of its
// width; beyond, the scales differ (the ticks show by how much).
type Scatter struct {
	Caption        string
	XLabel, YLabel string // the axes' titles
	XName, YName   string // the coordinates' names in tooltips, e.g. PC1
	Groups         []string
	Points         []Point
	MaxLabels      int
	Download       *Download // the coordinates as CSV
}

// markR is the radius of a mark, in SVG units.
const markR = 5

// groupStyle is group k's colour and the shape of its marks; k < 0 is
// grey.
func groupStyle(k int) (color, shape string) {
	if k < 0 {
		return "#9aa1ad", "circle"
	}
	color = palette[k%len(palette)]
	return color, [...]string{"circle", "square", "diamond"}[(k/len(palette))%3]
}

// mark writes a mark of shape centred on (x, y), with its tooltip unless
// tip is empty.
func (w *writer) mark(shape string, x, y, r float64, tip string) {
	title := ""
	if tip != "" {
		title = "<title>" + esc(tip) + "</title>"
	}
	switch shape {
	case "square":
		s := r * 0.9
		w.printf("<rect class=\"pt\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\">%s</rect>", num(x-s), num(y-s), num(2*s), num(2*s), title)
	case "diamond":
		d := r * 1.25
		w.printf("<path class=\"pt\" d=\"M%s %sl%s %sl%s %sl%s %sz\">%s</path>", num(x), num(y-d), num(d), num(d), num(-d), num(d), num(-d), num(-d), title)
	default:
		w.printf("<circle class=\"pt\" cx=\"%s\" cy=\"%s\" r=\"%s\">%s</circle>", num(x), num(y), num(r), title)
	}
}

// placed is a point parsed, then mapped to SVG units.
type placed struct {
	Point
	x, y float64
}

func (s *Scatter) render(w *writer) {
	w.figures++
	pts := s.parse()
	fr, xt, yt, xpos, ypos := s.frame(pts)
	for i := range pts {
		pts[i].x, pts[i].y = xpos(pts[i].x), ypos(pts[i].y)
	}
	w.WriteString("<figure class=\"chart map\">\n")
	if s.Caption != "" {
		w.printf("<figcaption>%s</figcaption>\n", esc(s.Caption))
	}
	w.download(s.Download, 0)
	groupLegend(w, s.Groups, true)
	w.printf("<svg class=\"scatter\" viewBox=\"0 0 %s %s\" role=\"img\" aria-label=\"%s\">\n", num(fr.w), num(fr.h), esc(s.Caption))
	s.axes(w, fr, xt, yt, xpos, ypos)
	var labels []label
	if len(pts) <= s.maxLabels() {
		labels = placeLabels(pts, fr)
	}
	for k := -1; k < len(s.Groups); k++ {
		s.group(w, k, pts, labels)
	}
	w.WriteString("</svg>\n</figure>\n")
}

// groupLegend lists the groups with their marks; each entry highlights
// its group when live.
func groupLegend(w *writer, groups []string, live bool) {
	if len(groups) == 0 {
		return
	}
	w.WriteString("<ul class=\"legend\">")
	for k, g := range groups {
		if live {
			w.printf("<li data-s=\"%d\">", k)
		} else {
			w.WriteString("<li>")
		}
		color, shape := groupStyle(k)
		w.printf("<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><g fill=\"%s\">", color)
		w.mark(shape, 7, 7, markR, "")
		w.printf("</g></svg>%s</li>", esc(g))
	}
	w.WriteString("</ul>\n")
}

func (s *Scatter) maxLabels() int {
	if s.MaxLabels > 0 {
		return s.MaxLabels
	}
	return 40
}

// parse returns the points whose coordinates are finite numbers, in data
// units; a group out of range becomes −1.
func (s *Scatter) parse() []placed {
	var pts []placed
	for _, p := range s.Points {
		x, errX := strconv.ParseFloat(p.X, 64)
		y, errY := strconv.ParseFloat(p.Y, 64)
		if errX != nil || errY != nil || math.IsInf(x+y, 0) || math.IsNaN(x+y) {
			continue
		}
		if p.Group < 0 || p.Group >= len(s.Groups) {
			p.Group = -1
		}
		pts = append(pts, placed{Point: p, x: x, y: y})
	}
	return pts
}

// frame sizes the plot so that both axes have the same scale where the
// height allows, and returns the ticks and the data-to-SVG mappings.
func (s *Scatter) frame(pts []placed) (fr frame, xt, yt []float64, xpos, ypos func(float64) float64) {
	xs, ys := make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = p.x, p.y
	}
	xlo, xhi := padded(xs)
	ylo, yhi := padded(ys)
	xt, yt = ticksWithin(xlo, xhi), ticksWithin(ylo, yhi)
	fr = frame{w: 1100, left: 64, right: 24, top: 16, bottom: 46}
	plotH := fr.plotW() * (yhi - ylo) / (xhi - xlo)
	fr.h = fr.top + fr.bottom + math.Max(fr.plotW()/4, math.Min(fr.plotW()*2/3, plotH))
	xpos = func(x float64) float64 { return fr.left + (x-xlo)/(xhi-xlo)*fr.plotW() }
	ypos = func(y float64) float64 { return fr.top + fr.plotH() - (y-ylo)/(yhi-ylo)*fr.plotH() }
	return fr, xt, yt, xpos, ypos
}

// padded is the extent of v widened by 4 % on each side, so no mark sits
// on the frame; a single value (or none) is widened by 0.5.
func padded(v []float64) (lo, hi float64) {
	lo, hi = extent(v)
	if hi-lo < 1e-12 {
		return lo - 0.5, hi + 0.5
	}
	pad := (hi - lo) * 0.04
	return lo - pad, hi + pad
}

// ticksWithin returns about six round ticks in [lo, hi].
func ticksWithin(lo, hi float64) []float64 {
	ticks, _, _ := rangeTicks(lo, hi, 6)
	var in []float64
	for _, t := range ticks {
		if t >= lo && t <= hi {
			in = append(in, t)
		}
	}
	return in
}

// axes draws the grid, the zero lines, the ticks and the axis titles.
func (s *Scatter) axes(w *writer, fr frame, xt, yt []float64, xpos, ypos func(float64) float64) {
	w.WriteString("<g class=\"axis\">")
	yGrid(w, fr, yt, ypos)
	base := fr.top + fr.plotH()
	for _, t := range xt {
		x := xpos(t)
		w.printf("<line class=\"%s\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", gridClass(t), num(x), num(fr.top), num(x), num(base))
		w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(x), num(base+19), tickLabel(t, xt))
	}
	axisTitles(w, fr, s.XLabel, s.YLabel)
	w.WriteString("</g>\n")
}

// group draws the points of group k (−1: those of no group) and their
// labels; a group is one highlightable series.
func (s *Scatter) group(w *writer, k int, pts []placed, labels []label) {
	color, shape := groupStyle(k)
	name := ""
	if k >= 0 {
		name = s.Groups[k] + "\n"
		w.printf("<g class=\"s\" data-s=\"%d\" fill=\"%s\">", k, color)
	} else {
		w.printf("<g fill=\"%s\">", color)
	}
	for i, p := range pts {
		if p.Group != k {
			continue
		}
		w.mark(shape, p.x, p.y, markR, p.Label+"\n"+name+s.XName+" "+p.X+", "+s.YName+" "+p.Y)
		if labels != nil {
			l := labels[i]
			w.printf("<text class=\"plabel\" x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>", num(l.x), num(l.y), l.anchor, esc(p.Label))
		}
	}
	w.WriteString("</g>\n")
}
