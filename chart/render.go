package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Chart is a figure that can be drawn.
type Chart interface {
	// Draw writes the figure to w in format "png", "svg" or "pdf", with
	// its text in f.
	Draw(w io.Writer, format string, f *Font) error
}

var (
	_ Chart = (*Lines)(nil)
	_ Chart = (*Heatmap)(nil)
	_ Chart = (*Scatter)(nil)
	_ Chart = (*Dendrogram)(nil)
	_ Chart = (*Bars)(nil)
)

// DPI is the resolution of PNG output, in dots per inch: a 20 cm wide
// figure is 1181 pixels wide.
const DPI = 150

// svgFallbacks follow the face's own family in SVG text, for viewers that
// do not have it.
var svgFallbacks = []string{"Source Han Sans SC", "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC",
	"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei"}

// FormatOf returns the format named by the extension of path: "png", "svg"
// or "pdf" (in any letter case). Any other extension is an error naming
// the ones accepted.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch ext {
	case "png", "svg", "pdf":
		return ext, nil
	}
	if ext == "" {
		return "", fmt.Errorf("%s: no extension; a chart file must end in .png, .svg or .pdf", path)
	}
	return "", fmt.Errorf("%s: unknown chart format %q; a chart file must end in .png, .svg or .pdf", path, "."+ext)
}

// theme is what every chart draws its text with.
type theme struct {
	handler text.Handler
	glyphs  *glyphSet // what the face lacks, for render's check
}

// Font sizes, in points.
const (
	titleSize  = 13
	labelSize  = 11
	tickSize   = 9
	legendSize = 9.5
	smallSize  = 7.5
)

// newTheme returns a theme whose every font lookup yields face: the face is
// the default of a private cache, so the typefaces gonum names by default
// (Liberation Serif, Sans, Mono) resolve to it too. Every text is drawn
// through the face's glyphs: a character it lacks becomes its stand-in
// (− as -), or is reported by render.
func newTheme(face *Font) *theme {
	coll := font.Collection{{Font: font.Font{Typeface: "tifa"}, Face: face.face}}
	for _, v := range []font.Variant{"", "Serif", "Sans", "Mono"} {
		coll = append(coll, font.Face{Font: font.Font{Typeface: "Liberation", Variant: v}, Face: face.face})
	}
	g := newGlyphSet(face)
	return &theme{handler: glyphHandler{Plain: text.Plain{Fonts: font.NewCache(coll)}, g: g}, glyphs: g}
}

// style returns a text style of the given size in the theme's face.
func (th *theme) style(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.Font{Typeface: "tifa", Size: size},
		Handler: th.handler,
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
	}
}

// use sets s to the theme's face at size, and to the theme's handler.
func (th *theme) use(s *text.Style, size vg.Length) {
	s.Font = font.Font{Typeface: "tifa", Size: size}
	s.Handler = th.handler
}

// newPlot returns a plot whose every text is in the theme's face.
func (th *theme) newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.TextHandler = th.handler
	p.Title.Text = title
	p.Title.Padding = vg.Points(8)
	th.use(&p.Title.TextStyle, titleSize)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		th.use(&ax.Label.TextStyle, labelSize)
		th.use(&ax.Tick.Label, tickSize)
		ax.Tick.Marker = niceTicker{n: 7}
	}
	th.use(&p.Legend.TextStyle, legendSize)
	return p
}

// width returns how wide s is in the theme's face at size.
func (th *theme) width(s string, size vg.Length) vg.Length {
	st := th.style(size)
	return st.Width(s)
}

// figure is a chart that knows its size and how to paint itself.
type figure interface {
	// size returns the figure's width and height for text in th.
	size(th *theme) (width, height vg.Length)
	// paint draws the figure into dc.
	paint(dc draw.Canvas, th *theme) error
}

// render draws fig into w as format, in f. A panic inside gonum/plot or a
// font library (a damaged font, say) is returned as an error.
func render(w io.Writer, format string, f *Font, fig figure) (err error) {
	if f == nil {
		return fmt.Errorf("chart: no font given: %w; %s", ErrNoFont, installHint)
	}
	face := f
	if format == "pdf" {
		if face, err = f.pdfFont(); err != nil {
			return err
		}
	}
	th := newTheme(face)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("chart: drawing %s with font %s failed: %v", format, face.path, r)
		}
	}()
	width, height := fig.size(th)
	var canvas vg.CanvasWriterTo
	switch format {
	case "png":
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(DPI))}
	case "svg":
		canvas = vgsvg.New(width, height)
	case "pdf":
		ttf, err := face.ttf()
		if err != nil {
			return fmt.Errorf("pdf: font %s: %w", face.path, err)
		}
		canvas = newPDFCanvas(width, height, ttf)
	default:
		return fmt.Errorf("chart: unknown format %q (want png, svg or pdf)", format)
	}
	dc := draw.New(canvas)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	if err := fig.paint(dc, th); err != nil {
		return err
	}
	if format != "svg" { // an SVG viewer falls back on its own fonts
		if err := th.glyphs.err(); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return fmt.Errorf("chart: writing %s: %w", format, err)
	}
	out := buf.Bytes()
	if format == "svg" {
		out = svgFamilies(out, f.family)
	}
	_, err = w.Write(out)
	return err
}

// svgFamilies follows every font-family of the SVG text with fallbacks.
func svgFamilies(svg []byte, family string) []byte {
	clean := strings.NewReplacer("'", "", `"`, "", ";", "").Replace(family)
	list := "'" + clean + "'"
	for _, fb := range svgFallbacks {
		if fb != clean {
			list += ",'" + fb + "'"
		}
	}
	list += ",sans-serif"
	return bytes.ReplaceAll(svg, []byte("font-family:"+family+";"), []byte("font-family:"+list+";"))
}

// errEmpty is wrapped by the errors for charts with nothing to draw.
var errEmpty = errors.New("nothing to draw")
