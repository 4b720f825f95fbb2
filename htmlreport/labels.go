package htmlreport

import "math"

// labelSize is the font size of a point's label on a Scatter (see
// svg.scatter text.plabel in style.css).
const labelSize = 12

// rect is a box in SVG units.
type rect struct{ x0, y0, x1, y1 float64 }

// overlap is the area a and b share.
func (a rect) overlap(b rect) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func (a rect) area() float64 { return (a.x1 - a.x0) * (a.y1 - a.y0) }

// label is where a point's label goes: its text's anchor point and
// text-anchor, and the box the text covers.
type label struct {
	x, y   float64
	anchor string
	box    rect
}

// placeLabels places the points' labels one after another, each at the
// first of its candidate places that overlaps no label placed before, no
// other mark and nothing outside the plot; where every place does, at the
// one that overlaps least (in area). The same points give the same places.
func placeLabels(pts []placed, fr frame) []label {
	marks := make([]rect, len(pts))
	for i, p := range pts {
		marks[i] = rect{p.x - markR, p.y - markR, p.x + markR, p.y + markR}
	}
	plot := rect{fr.left, fr.top, fr.w - fr.right, fr.top + fr.plotH()}
	out := make([]label, len(pts))
	for i, p := range pts {
		best, least := label{}, math.Inf(1)
		for _, c := range candidates(p.x, p.y, textWidth(p.Label, labelSize)) {
			cost := c.box.area() - c.box.overlap(plot)
			for j := range i {
				cost += c.box.overlap(out[j].box)
			}
			for j, m := range marks {
				if j != i {
					cost += c.box.overlap(m)
				}
			}
			if cost < least {
				best, least = c, cost
			}
			if cost == 0 {
				break
			}
		}
		out[i] = best
	}
	return out
}

// candidates are the places tried for a label wd wide beside a mark at
// (x, y), best first: right, left, above, below, then the four corners.
func candidates(x, y, wd float64) []label {
	const h = labelSize
	const gap = markR + 3
	at := func(tx, baseline float64, anchor string) label {
		x0 := tx
		switch anchor {
		case "end":
			x0 = tx - wd
		case "middle":
			x0 = tx - wd/2
		}
		return label{x: tx, y: baseline, anchor: anchor, box: rect{x0, baseline - 0.88*h, x0 + wd, baseline + 0.12*h}}
	}
	mid := y + 0.35*h // the baseline that centres the text on y
	above, below := y-gap+0.12*h, y+gap+0.88*h
	return []label{
		at(x+gap, mid, "start"), at(x-gap, mid, "end"),
		at(x, above, "middle"), at(x, below, "middle"),
		at(x+markR, above, "start"), at(x-markR, above, "end"),
		at(x+markR, below, "start"), at(x-markR, below, "end"),
	}
}
