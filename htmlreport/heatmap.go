package htmlreport

import (
	"fmt"
	"math"
	"strconv"
)

// Heatmap is a matrix of values between labelled rows and columns,
// coloured from Min (lightest) to Max (darkest). Without Columns it is
// square: row i and column i are both Labels[i]; with Columns it has
// len(Labels) rows and len(Columns) columns (a slogan by year). Values[i][j]
// is the text shown for the cell, parsed for its colour; text that is not
// a number leaves the cell grey. GroupOf, when the matrix is square and
// GroupOf has one entry per label, gives each label's group (a cluster) as
// an index in Groups, drawn as a coloured strip beside the row and above
// the column labels, in the colours of a Scatter's groups, with a legend
// naming them. Small matrices (up to 12 rows and columns) print the values
// in their cells.
type Heatmap struct {
	Caption string
	Labels  []string
	Columns []string // column labels when they are not Labels
	// Notes, when it has one entry per column, is printed under the
	// grid in small type, its row labelled NoteLabel (each year's number
	// of reports).
	Notes     []string
	NoteLabel string
	Groups    []string // group names: group k has colour k
	GroupOf   []int    // per label, its group (−1: none, grey)
	Values    [][]string
	Min, Max  float64
	ValueName string // names the value in tooltips, e.g. "cosine"
	Download  *Download
}

// blues is the colour ramp, light to dark (ColorBrewer Blues).
var blues = [][3]float64{{247, 251, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225},
	{107, 174, 214}, {66, 146, 198}, {33, 113, 181}, {8, 81, 156}, {8, 48, 107}}

// ramp returns the colour of t in [0, 1] and whether text on it should be
// white.
func ramp(t float64) (string, bool) {
	t = math.Max(0, math.Min(1, t))
	pos := t * float64(len(blues)-1)
	i := int(math.Floor(pos))
	if i >= len(blues)-1 {
		i = len(blues) - 2
	}
	f := pos - float64(i)
	var c [3]int
	for k := range 3 {
		c[k] = int(math.Round(blues[i][k] + f*(blues[i+1][k]-blues[i][k])))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]), t > 0.55
}

// textWidth estimates the width of s in font size px: Han characters are
// square, other characters about 0.6 of the size.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += size
		} else {
			w += 0.6 * size
		}
	}
	return w
}

func (h *Heatmap) render(w *writer) {
	w.figures++
	cols := h.Columns
	if cols == nil {
		cols = h.Labels
	}
	n, m := len(h.Labels), len(cols)
	const font = 12.0
	// cells are cw wide and ch high: square in a square matrix; a wide
	// one (many years) gets narrower columns but rows tall enough for
	// their labels
	cw := math.Floor(math.Max(14, math.Min(44, 640/math.Max(1, float64(max(n, m))))))
	ch := cw
	if h.Columns != nil {
		cw = math.Floor(math.Max(12, math.Min(44, 760/math.Max(1, float64(m)))))
		ch = math.Max(18, math.Min(28, cw))
	}
	labelW, colW := 0.0, 0.0
	for _, l := range h.Labels {
		labelW = math.Max(labelW, textWidth(l, font))
	}
	for _, l := range cols {
		colW = math.Max(colW, textWidth(l, font))
	}
	strip := 0.0
	if h.Columns == nil && len(h.GroupOf) == n && n > 0 {
		strip = 13 // 9 of colour, 4 of white between it and the cells
	}
	left := labelW + 10 + strip
	top := colW + 10 + strip
	notes, vertical := 0.0, false
	if len(h.Notes) == m && m > 0 {
		notes = 18
		for _, t := range h.Notes {
			if tw := textWidth(t, 10); tw > cw-2 {
				vertical, notes = true, math.Max(notes, tw+8)
			}
		}
	}
	width, height := left+cw*float64(m)+20, top+ch*float64(n)+notes+58
	w.WriteString("<figure class=\"chart heat\">\n")
	if h.Caption != "" {
		w.printf("<figcaption>%s</figcaption>\n", esc(h.Caption))
	}
	w.download(h.Download, 0)
	if strip > 0 {
		groupLegend(w, h.Groups, false)
	}
	w.printf("<div class=\"scroll\"><svg class=\"heatmap\" viewBox=\"0 0 %s %s\" width=\"%s\" style=\"max-width:100%%\" role=\"img\" aria-label=\"%s\">\n",
		num(width), num(height), num(width), esc(h.Caption))
	for i, l := range h.Labels {
		w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" dy=\"0.35em\">%s</text>", num(labelW+4), num(top+(float64(i)+0.5)*ch), esc(l))
	}
	for j, l := range cols {
		w.printf("<text class=\"col\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", num(left+(float64(j)+0.5)*cw), num(colW+4), esc(l))
	}
	if strip > 0 {
		h.strips(w, left, top, cw, strip)
	}
	ww := esc(h.ValueName)
	for i := range n {
		for j := range m {
			text := ""
			if i < len(h.Values) && j < len(h.Values[i]) {
				text = h.Values[i][j]
			}
			fill, light := "#dddddd", false
			if v, err := strconv.ParseFloat(text, 64); err == nil && h.Max > h.Min {
				fill, light = ramp((v - h.Min) / (h.Max - h.Min))
			}
			x, y := left+float64(j)*cw, top+float64(i)*ch
			w.printf("<rect class=\"cell\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s × %s\n%s %s</title></rect>",
				num(x), num(y), num(cw), num(ch), fill, esc(h.Labels[i]), esc(cols[j]), ww, esc(text))
			if n <= 12 && m <= 12 {
				cls := "v"
				if light {
					cls = "v light"
				}
				w.printf("<text class=\"%s\" x=\"%s\" y=\"%s\" text-anchor=\"middle\" dy=\"0.35em\">%s</text>", cls, num(x+cw/2), num(y+ch/2), esc(text))
			}
		}
		w.WriteString("\n")
	}
	if notes > 0 {
		y := top + ch*float64(n) + 13
		w.printf("<text class=\"note\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>", num(labelW+4), num(y), esc(h.NoteLabel))
		cls, anchor := "note", "middle"
		if vertical { // too wide for their columns: read downwards
			cls, anchor, y = "note col", "start", y-9
		}
		for j, t := range h.Notes {
			w.printf("<text class=\"%s\" x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>", cls, num(left+(float64(j)+0.5)*cw), num(y), anchor, esc(t))
		}
		w.WriteString("\n")
	}
	h.scale(w, left, top+ch*float64(n)+notes+22, math.Min(cw*float64(m), 260))
	w.WriteString("</svg></div>\n</figure>\n")
}

// strips draws each label's group colour beside the rows and above the
// columns.
func (h *Heatmap) strips(w *writer, left, top, cell, strip float64) {
	for i, k := range h.GroupOf {
		name := ""
		if k < 0 || k >= len(h.Groups) {
			k = -1
		} else {
			name = "\n" + h.Groups[k]
		}
		color, _ := groupStyle(k)
		p := float64(i) * cell
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s%s</title></rect>",
			num(left-strip), num(top+p), num(strip-4), num(cell), color, esc(h.Labels[i]), esc(name))
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s%s</title></rect>\n",
			num(left+p), num(top-strip), num(cell), num(strip-4), color, esc(h.Labels[i]), esc(name))
	}
}

// scale draws the colour ramp with its ends labelled.
func (h *Heatmap) scale(w *writer, x, y, width float64) {
	const steps = 24
	for k := range steps {
		fill, _ := ramp((float64(k) + 0.5) / steps)
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"10\" fill=\"%s\"/>", num(x+float64(k)*width/steps), num(y), num(width/steps+0.3), fill)
	}
	w.printf("<text x=\"%s\" y=\"%s\">%s</text>", num(x), num(y+24), strconv.FormatFloat(h.Min, 'f', -1, 64))
	w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", num(x+width/2), num(y+24), esc(h.ValueName))
	w.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", num(x+width), num(y+24), strconv.FormatFloat(h.Max, 'f', -1, 64))
}
