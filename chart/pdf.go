package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfDate is the creation and modification date written into every PDF, so
// that the same figure gives the same bytes.
var pdfDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// pdfCanvas is a vg.Canvas writing a one-page PDF with fpdf. It does not use
// gonum's vgpdf, which can only embed fonts in the cp1252 (Western) code
// page: this one embeds a subset of a TrueType Chinese face.
//
// Paths, colours and transforms are written as raw PDF operators in PDF's
// own coordinates (points, origin bottom left), which are vg's; only text
// goes through fpdf, which records the characters used and embeds them.
type pdfCanvas struct {
	doc   *fpdf.Fpdf
	w, h  vg.Length
	ttf   []byte // the TrueType face to embed
	fonts map[font.Font]string
	stack []pdfState
	imgs  int
}

// pdfState is what Push saves and Pop restores besides PDF's own state.
type pdfState struct {
	width vg.Length
	alpha float64
}

// newPDFCanvas returns a w×h canvas whose text uses the TrueType face ttf.
func newPDFCanvas(w, h vg.Length, ttf []byte) *pdfCanvas {
	doc := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: w.Points(), Ht: h.Points()},
	})
	doc.SetCreationDate(pdfDate)
	doc.SetModificationDate(pdfDate)
	doc.SetCatalogSort(true)
	doc.SetProducer("tifa", false)
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.AddPage()
	c := &pdfCanvas{doc: doc, w: w, h: h, ttf: ttf,
		fonts: map[font.Font]string{}, stack: []pdfState{{width: 1, alpha: 1}}}
	vg.Initialize(c)
	return c
}

// Size returns the page size.
func (c *pdfCanvas) Size() (w, h vg.Length) { return c.w, c.h }

// raw writes PDF operators to the page.
func (c *pdfCanvas) raw(format string, args ...any) {
	c.doc.RawWriteStr(fmt.Sprintf(format, args...))
}

// num formats v with at most 3 decimals and no trailing zeros.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (c *pdfCanvas) top() *pdfState { return &c.stack[len(c.stack)-1] }

// SetLineWidth sets the stroke width.
func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.top().width = w
	c.raw("%s w", num(w.Points()))
}

// SetLineDash sets the dash pattern.
func (c *pdfCanvas) SetLineDash(pattern []vg.Length, offset vg.Length) {
	parts := make([]string, len(pattern))
	for i, d := range pattern {
		parts[i] = num(d.Points())
	}
	c.raw("[%s] %s d", strings.Join(parts, " "), num(offset.Points()))
}

// SetColor sets stroke, fill and text colour, and the opacity.
func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	r, g, b, a := clr.RGBA()
	alpha := float64(a) / 0xffff
	if a > 0 { // un-premultiply
		r, g, b = r*0xffff/a, g*0xffff/a, b*0xffff/a
	}
	rgb := num(float64(r)/0xffff) + " " + num(float64(g)/0xffff) + " " + num(float64(b)/0xffff)
	c.raw("%s RG %s rg", rgb, rgb)
	if alpha != c.top().alpha {
		c.top().alpha = alpha
		c.doc.SetAlpha(math.Round(alpha*1000)/1000, "Normal")
	}
}

// Rotate rotates the coordinates by rad radians, counter-clockwise.
func (c *pdfCanvas) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	c.raw("%s %s %s %s 0 0 cm", num(co), num(s), num(-s), num(co))
}

// Translate moves the origin to pt.
func (c *pdfCanvas) Translate(pt vg.Point) {
	c.raw("1 0 0 1 %s %s cm", num(pt.X.Points()), num(pt.Y.Points()))
}

// Scale scales the coordinates.
func (c *pdfCanvas) Scale(x, y float64) {
	c.raw("%s 0 0 %s 0 0 cm", num(x), num(y))
}

// Push saves the graphics state.
func (c *pdfCanvas) Push() {
	c.stack = append(c.stack, *c.top())
	c.raw("q")
}

// Pop restores the graphics state saved by the matching Push.
func (c *pdfCanvas) Pop() {
	if len(c.stack) == 1 {
		return
	}
	c.stack = c.stack[:len(c.stack)-1]
	c.raw("Q")
}

// Stroke draws the outline of p.
func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.top().width <= 0 || len(p) == 0 {
		return
	}
	c.path(p)
	c.raw("S")
}

// Fill fills p (nonzero winding rule).
func (c *pdfCanvas) Fill(p vg.Path) {
	if len(p) == 0 {
		return
	}
	c.path(p)
	c.raw("f")
}

// path writes the construction operators of p; arcs and quadratic curves
// become cubic Bézier curves.
func (c *pdfCanvas) path(p vg.Path) {
	var sb strings.Builder
	var cur, start vg.Point
	has := false
	pt := func(q vg.Point) string { return num(q.X.Points()) + " " + num(q.Y.Points()) }
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			sb.WriteString(pt(comp.Pos) + " m\n")
			cur, start, has = comp.Pos, comp.Pos, true
		case vg.LineComp:
			sb.WriteString(pt(comp.Pos) + " l\n")
			cur = comp.Pos
		case vg.CurveComp:
			var c1, c2 vg.Point
			switch len(comp.Control) {
			case 1: // quadratic → cubic
				q := comp.Control[0]
				c1 = cur.Add(q.Sub(cur).Scale(2.0 / 3))
				c2 = comp.Pos.Add(q.Sub(comp.Pos).Scale(2.0 / 3))
			case 2:
				c1, c2 = comp.Control[0], comp.Control[1]
			default:
				sb.WriteString(pt(comp.Pos) + " l\n")
				cur = comp.Pos
				continue
			}
			sb.WriteString(pt(c1) + " " + pt(c2) + " " + pt(comp.Pos) + " c\n")
			cur = comp.Pos
		case vg.ArcComp:
			cur = arcPath(&sb, comp, has, pt)
			if !has {
				start = cur
			}
			has = true
		case vg.CloseComp:
			sb.WriteString("h\n")
			cur = start
		}
	}
	c.doc.RawWriteStr(strings.TrimSuffix(sb.String(), "\n"))
}

// arcPath writes an arc as cubic Bézier curves of at most 90° each, after a
// line (or, when the path is empty, a move) to its start; it returns its end.
func arcPath(sb *strings.Builder, a vg.PathComp, has bool, pt func(vg.Point) string) vg.Point {
	at := func(angle float64) vg.Point {
		s, co := math.Sincos(angle)
		return vg.Point{X: a.Pos.X + a.Radius*vg.Length(co), Y: a.Pos.Y + a.Radius*vg.Length(s)}
	}
	p0 := at(a.Start)
	op := " l\n"
	if !has {
		op = " m\n"
	}
	sb.WriteString(pt(p0) + op)
	n := int(math.Ceil(math.Abs(a.Angle) / (math.Pi / 2)))
	if n == 0 {
		return p0
	}
	step := a.Angle / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	for i := range n {
		a0 := a.Start + float64(i)*step
		a1 := a0 + step
		s0, c0 := math.Sincos(a0)
		s1, c1 := math.Sincos(a1)
		r := float64(a.Radius)
		q0, q3 := at(a0), at(a1)
		q1 := vg.Point{X: q0.X - vg.Length(k*r*s0), Y: q0.Y + vg.Length(k*r*c0)}
		q2 := vg.Point{X: q3.X + vg.Length(k*r*s1), Y: q3.Y - vg.Length(k*r*c1)}
		sb.WriteString(pt(q1) + " " + pt(q2) + " " + pt(q3) + " c\n")
	}
	return at(a.Start + a.Angle)
}

// FillString draws str with its baseline starting at pt, in the embedded
// face at the size of fnt.
func (c *pdfCanvas) FillString(fnt font.Face, pt vg.Point, str string) {
	if fnt.Font.Size <= 0 || str == "" {
		return
	}
	key := fnt.Font
	key.Size = 0
	name, ok := c.fonts[key]
	if !ok {
		name = "cjk" + strconv.Itoa(len(c.fonts))
		c.fonts[key] = name
		c.doc.AddUTF8FontFromBytes(name, "", c.ttf)
	}
	c.Push()
	c.Translate(pt)
	c.doc.SetFont(name, "", fnt.Font.Size.Points())
	c.doc.Text(0, c.h.Points(), str) // fpdf flips y: this is the origin
	c.Pop()
}

// DrawImage draws img scaled into rect.
func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return
	}
	c.imgs++
	name := "img" + strconv.Itoa(c.imgs)
	opts := fpdf.ImageOptions{ImageType: "png"}
	c.doc.RegisterImageOptionsReader(name, opts, &buf)
	size := rect.Size()
	y := c.h - rect.Min.Y - size.Y // fpdf measures from the top
	c.doc.ImageOptions(name, rect.Min.X.Points(), y.Points(), size.X.Points(), size.Y.Points(), false, opts, 0, "")
}

// WriteTo writes the PDF document.
func (c *pdfCanvas) WriteTo(w io.Writer) (int64, error) {
	if err := c.doc.Error(); err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := c.doc.Output(&buf); err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	return buf.WriteTo(w)
}
