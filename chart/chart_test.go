package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// needFont returns the system's Chinese font, or skips the test.
func needFont(t testing.TB) *Font {
	t.Helper()
	f, err := FindFont("")
	if err != nil {
		t.Skipf("no Chinese font (install Debian's fonts-noto-cjk): %v", err)
	}
	return f
}

// drawCases are one realistic chart of each kind, small enough to draw
// quickly, with a Chinese text that must appear in the SVG.
func drawCases() []struct {
	name  string
	chart Chart
	text  string
} {
	return []struct {
		name  string
		chart Chart
		text  string
	}{
		{"lines", sampleLines(10), "供给侧结构性改革"},
		{"heatmap", sampleHeatmap(12), "内蒙古自治区"},
		{"scatter", sampleScatter(60, 4), "第3类：供给侧结构性改革"},
		{"dendrogram", sampleDendrogram(12), "层次聚类（平均连接）"},
		{"bars", sampleBars(12), "长三角一体化发展1"},
	}
}

// pdfFontOrSkip skips a PDF test when no TrueType Chinese font is installed.
func pdfFontOrSkip(t *testing.T, f *Font) {
	t.Helper()
	if _, err := f.pdfFont(); err != nil {
		t.Skipf("no TrueType Chinese font for PDF (install Debian's fonts-wqy-zenhei): %v", err)
	}
}

// drawTwice draws c twice in format and fails unless the bytes are equal.
func drawTwice(t *testing.T, c Chart, format string, f *Font) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := c.Draw(&a, format, f); err != nil {
		t.Fatalf("Draw: %v", err)
	}
	if err := c.Draw(&b, format, f); err != nil {
		t.Fatalf("second Draw: %v", err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two draws of the same chart differ (%d and %d bytes)", a.Len(), b.Len())
	}
	return a.Bytes()
}

// expectedPixels returns the PNG size of c: its size at DPI, rounded.
func expectedPixels(c Chart, f *Font) (int, int) {
	fig, ok := c.(figure)
	if h, isHeat := c.(*Heatmap); isHeat {
		fig, ok = h.layout(), true
	}
	if !ok {
		panic("chart: no figure for " + reflect.TypeOf(c).String())
	}
	w, h := fig.size(newTheme(f))
	return int(w.Dots(DPI) + 0.5), int(h.Dots(DPI) + 0.5)
}

func TestDrawPNG(t *testing.T) {
	f := needFont(t)
	for _, tc := range drawCases() {
		t.Run(tc.name, func(t *testing.T) {
			out := drawTwice(t, tc.chart, "png", f)
			img, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("decoding PNG: %v", err)
			}
			wantW, wantH := expectedPixels(tc.chart, f)
			if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
				t.Errorf("size %d×%d; want %d×%d", b.Dx(), b.Dy(), wantW, wantH)
			}
			inked, total := 0, 0
			b := img.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					r, g, bl, _ := img.At(x, y).RGBA()
					if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
						inked++
					}
					total++
				}
			}
			// a chart with text, axes and data inks well over 2% of its pixels
			if frac := float64(inked) / float64(total); frac < 0.02 {
				t.Errorf("only %.1f%% of pixels are not white", 100*frac)
			}
		})
	}
}

func TestDrawPNGDefaultSize(t *testing.T) {
	f := needFont(t)
	var buf bytes.Buffer
	if err := sampleLines(3).Draw(&buf, "png", f); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// 20 × 12 cm at 150 dpi: 20/2.54×150 = 1181.1, 12/2.54×150 = 708.7
	if b := img.Bounds(); b.Dx() != 1181 || b.Dy() != 709 {
		t.Errorf("size %d×%d; want 1181×709", b.Dx(), b.Dy())
	}
}

func TestDrawSVG(t *testing.T) {
	f := needFont(t)
	for _, tc := range drawCases() {
		t.Run(tc.name, func(t *testing.T) {
			out := drawTwice(t, tc.chart, "svg", f)
			texts, err := svgTexts(out)
			if err != nil {
				t.Fatalf("SVG does not parse: %v", err)
			}
			if !contains(texts, tc.text) {
				t.Errorf("no <text> %q among %d texts", tc.text, len(texts))
			}
			if !bytes.Contains(out, []byte("'"+f.Family()+"','")) || !bytes.Contains(out, []byte(",sans-serif;")) {
				t.Errorf("font-family is not %q with fallbacks", f.Family())
			}
			if bytes.Contains(out, []byte("@font-face")) {
				t.Error("SVG embeds a font")
			}
		})
	}
}

// svgTexts parses svg as XML and returns the contents of its text elements.
func svgTexts(svg []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDrawPDF(t *testing.T) {
	f := needFont(t)
	pdfFontOrSkip(t, f)
	for _, tc := range drawCases() {
		t.Run(tc.name, func(t *testing.T) {
			out := drawTwice(t, tc.chart, "pdf", f)
			if !bytes.HasPrefix(out, []byte("%PDF-1.")) {
				t.Errorf("does not start with %%PDF-1.: %q", out[:min(len(out), 10)])
			}
			for _, want := range []string{"/CIDFontType2", "/FontFile2", "/ToUnicode", "%%EOF"} {
				if !bytes.Contains(out, []byte(want)) {
					t.Errorf("PDF lacks %s: the font is not embedded", want)
				}
			}
			if !bytes.Contains(out, []byte("/CreationDate (D:20000101000000)")) {
				t.Error("PDF creation date is not the fixed one")
			}
			// a subset of a CJK face: far smaller than the 10 MB face itself
			if len(out) > 400_000 {
				t.Errorf("PDF is %d bytes: the font is not subset", len(out))
			}
		})
	}
}

func TestDrawConcurrent(t *testing.T) {
	f := needFont(t)
	c := sampleBars(6)
	for _, format := range []string{"png", "svg"} {
		want := drawTwice(t, c, format, f)
		var wg sync.WaitGroup
		outs := make([][]byte, 3)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				if err := c.Draw(&buf, format, f); err == nil {
					outs[i] = buf.Bytes()
				}
			}()
		}
		wg.Wait()
		for i, out := range outs {
			if !bytes.Equal(out, want) {
				t.Errorf("%s: concurrent draw %d differs", format, i)
			}
		}
	}
}

func TestDrawRefusesBadFormatAndFont(t *testing.T) {
	f := needFont(t)
	var buf bytes.Buffer
	if err := sampleBars(3).Draw(&buf, "jpeg", f); err == nil || !strings.Contains(err.Error(), "png, svg or pdf") {
		t.Errorf("format jpeg: error %v; want one naming png, svg or pdf", err)
	}
	if err := sampleBars(3).Draw(&buf, "png", nil); !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), "fonts-noto-cjk") {
		t.Errorf("nil font: error %v; want ErrNoFont naming fonts-noto-cjk", err)
	}
	if buf.Len() != 0 {
		t.Errorf("failed draws wrote %d bytes", buf.Len())
	}
}

// TestEdgeCases draws degenerate input: each case either draws a PNG or
// returns an error containing want; none may panic.
func TestEdgeCases(t *testing.T) {
	f := needFont(t)
	nan := math.NaN()
	cases := []struct {
		name  string
		chart Chart
		want  string // "" = draws
	}{
		{"lines/no series", &Lines{Title: "t"}, "no series"},
		{"lines/empty series", &Lines{Series: []Series{{Name: "a"}}}, "every value is NaN"},
		{"lines/all NaN", &Lines{Series: []Series{{Name: "a", X: []float64{1, 2}, Y: []float64{nan, nan}}}}, "every value is NaN"},
		{"lines/ragged", &Lines{Series: []Series{{Name: "a", X: []float64{1, 2}, Y: []float64{1}}}}, "2 X values and 1 Y values"},
		{"lines/X NaN", &Lines{Series: []Series{{Name: "a", X: []float64{nan}, Y: []float64{1}}}}, "X[0] is NaN"},
		{"lines/Y Inf", &Lines{Series: []Series{{Name: "a", X: []float64{1}, Y: []float64{math.Inf(1)}}}}, "Y[0] is +Inf"},
		{"lines/one point", &Lines{Series: []Series{{Name: "乡村振兴", X: []float64{2020}, Y: []float64{3}}}, IntegerX: true}, ""},
		{"lines/flat zero", &Lines{Series: []Series{{Name: "a", X: []float64{1, 2, 3}, Y: []float64{0, 0, 0}}}}, ""},
		{"lines/negative", &Lines{Series: []Series{{Name: "a", X: []float64{1, 2}, Y: []float64{-1, 1}}}}, ""},
		{"lines/NaN gaps", &Lines{Series: []Series{{Name: "a", X: []float64{1, 2, 3, 4, 5}, Y: []float64{nan, 1, nan, 2, 3}}}}, ""},
		{"lines/40 series", sampleLines(40), ""},
		{"lines/huge years", &Lines{IntegerX: true, Series: []Series{{Name: "a", X: []float64{-1e9, 1e9}, Y: []float64{1, 2}}}}, ""},
		{"lines/huge values", &Lines{Series: []Series{{Name: "a", X: []float64{1e20, 1e20 + 1e5}, Y: []float64{1e300, -1e300}}}}, ""},
		{"lines/log", &Lines{LogX: true, LogY: true, Series: []Series{{Name: "a", X: []float64{1000, 5000, 20000, 100000}, Y: []float64{2, nan, 90, 400}}}}, ""},
		{"lines/log zero", &Lines{LogY: true, Series: []Series{{Name: "a", X: []float64{1, 2}, Y: []float64{0, 1}}}}, "logarithmic axis"},
		{"heatmap/empty", &Heatmap{}, "empty matrix"},
		{"heatmap/empty row", &Heatmap{Values: [][]float64{{}}}, "empty matrix"},
		{"heatmap/ragged", &Heatmap{Values: [][]float64{{1, 2}, {1}}}, "row 1 has 1 values"},
		{"heatmap/labels", &Heatmap{RowLabels: []string{"a"}, Values: [][]float64{{1}, {2}}}, "1 row labels for 2 rows"},
		{"heatmap/all NaN", &Heatmap{Values: [][]float64{{nan, nan}}}, "every cell is NaN"},
		{"heatmap/Inf", &Heatmap{Values: [][]float64{{math.Inf(-1)}}}, "cell (0, 0) is -Inf"},
		{"heatmap/Min NaN", &Heatmap{Values: [][]float64{{1}}, Min: nan, Max: 1}, "want finite numbers"},
		{"heatmap/1×1", &Heatmap{Values: [][]float64{{1}}, RowLabels: []string{"浙江"}, ColLabels: []string{"浙江"}}, ""},
		{"heatmap/1×3 no labels", &Heatmap{Values: [][]float64{{0.1, nan, 0.9}}}, ""},
		{"heatmap/diverging", &Heatmap{Values: [][]float64{{-2, 0}, {1, 3}}, ValueLabel: "z"}, ""},
		{"heatmap/Min > Max", &Heatmap{Values: [][]float64{{0.2, 0.4}}, Min: 1, Max: 0}, ""},
		{"heatmap/120×120", sampleHeatmap(120), ""},
		{"heatmap/huge range", &Heatmap{Values: [][]float64{{1, 2}}, Min: -1e308, Max: 1e308}, "too wide"},
		{"heatmap/huge values", &Heatmap{Values: [][]float64{{1e300, 2e300}}}, ""},
		{"scatter/none", &Scatter{}, "no point"},
		{"scatter/all NaN", &Scatter{Points: []Point{{X: nan, Y: 1}}}, "no point"},
		{"scatter/negative group", &Scatter{Points: []Point{{X: 1, Y: 1, Group: -1}}}, "group -1"},
		{"scatter/one point", &Scatter{Points: []Point{{X: 1, Y: 1, Label: "杭州"}}, LabelPoints: true}, ""},
		{"scatter/unnamed groups", &Scatter{Points: []Point{{X: 1, Y: 1, Group: 3}, {X: 2, Y: nan, Group: 7}}}, ""},
		{"scatter/20 groups", sampleScatter(100, 20), ""},
		{"scatter/huge coordinates", &Scatter{Points: []Point{{X: -1e308, Y: 1e308}, {X: 1e308, Y: -1e308}}}, ""},
		{"dendrogram/none", &Dendrogram{}, "no leaves"},
		{"dendrogram/one leaf", &Dendrogram{Labels: []string{"浙江"}}, ""},
		{"dendrogram/too few merges", &Dendrogram{Labels: []string{"a", "b", "c"}, Merges: []Merge{{A: 0, B: 1}}}, "1 merges for 3 leaves"},
		{"dendrogram/future id", &Dendrogram{Labels: []string{"a", "b"}, Merges: []Merge{{A: 0, B: 2}}}, "does not exist yet"},
		{"dendrogram/reused", &Dendrogram{Labels: []string{"a", "b", "c"}, Merges: []Merge{{A: 0, B: 1}, {A: 0, B: 2}}}, "already merged"},
		{"dendrogram/self", &Dendrogram{Labels: []string{"a", "b"}, Merges: []Merge{{A: 1, B: 1}}}, "already merged"},
		{"dendrogram/NaN height", &Dendrogram{Labels: []string{"a", "b"}, Merges: []Merge{{A: 0, B: 1, Height: nan}}}, "height NaN"},
		{"dendrogram/zero heights", &Dendrogram{Labels: []string{"a", "b", "c"}, Merges: []Merge{{A: 0, B: 1}, {A: 2, B: 3}}}, ""},
		{"dendrogram/inversion", &Dendrogram{Labels: []string{"a", "b", "c"}, Merges: []Merge{{A: 0, B: 1, Height: 2}, {A: 2, B: 3, Height: 1}}}, ""},
		{"dendrogram/100 leaves", sampleDendrogram(100), ""},
		{"bars/none", &Bars{}, "no bars"},
		{"bars/NaN", &Bars{Bars: []Bar{{Label: "a", Value: nan}}}, "bar 0 (a) is NaN"},
		{"bars/negative group", &Bars{Bars: []Bar{{Label: "a", Value: 1, Group: -2}}}, "group -2"},
		{"bars/one zero bar", &Bars{Bars: []Bar{{Label: "乡村振兴", Value: 0}}}, ""},
		{"bars/all negative", &Bars{Bars: []Bar{{Label: "a", Value: -3, Group: 1}, {Label: "b", Value: -1, Group: 1}}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tc.chart.Draw(&buf, "png", f)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Draw: %v", err)
				}
				if _, err := png.Decode(&buf); err != nil {
					t.Fatalf("decoding PNG: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v; want one containing %q", err, tc.want)
			}
		})
	}
}

func TestEmptyIsErrEmpty(t *testing.T) {
	for _, c := range []Chart{&Lines{}, &Heatmap{}, &Scatter{}, &Dendrogram{}, &Bars{}} {
		if err := c.Draw(io.Discard, "png", nil); !errors.Is(err, errEmpty) {
			t.Errorf("%T: error %v; want one wrapping %v", c, err, errEmpty)
		}
	}
}

// TestReadability checks the text decisions that keep dense charts legible,
// through the texts of their SVG.
func TestReadability(t *testing.T) {
	f := needFont(t)
	big := sampleHeatmap(120)
	cases := []struct {
		name       string
		chart      Chart
		has, lacks []string
	}{
		{"overlapping point labels: the first wins", &Scatter{LabelPoints: true, Points: []Point{
			{X: 1, Y: 1, Label: "杭州2019"}, {X: 1, Y: 1, Label: "宁波2019"}, {X: 5, Y: 5, Label: "温州2019"}}},
			[]string{"杭州2019", "温州2019"}, []string{"宁波2019"}},
		{"no point labels unless asked", &Scatter{Points: []Point{{X: 1, Y: 1, Label: "杭州2019"}}},
			nil, []string{"杭州2019"}},
		{"small heatmap writes values", &Heatmap{Values: [][]float64{{1, 0.5}, {0.5, 1}}},
			[]string{"0.50", "1.00"}, nil},
		{"120 rows: every 2nd label", big, []string{big.RowLabels[0], big.RowLabels[2]}, []string{big.RowLabels[1]}},
		{"years as whole numbers", sampleLines(2), []string{"1990", "2025"}, []string{"1,990", "2e+03", "2025.0"}},
		{"bar values", sampleBars(2), []string{"14.6", "-6.1"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.chart.Draw(&buf, "svg", f); err != nil {
				t.Fatal(err)
			}
			texts, err := svgTexts(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.has {
				if !contains(texts, s) {
					t.Errorf("no text %q", s)
				}
			}
			for _, s := range tc.lacks {
				if contains(texts, s) {
					t.Errorf("text %q is drawn", s)
				}
			}
		})
	}
}
