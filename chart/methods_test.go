package chart

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleIntervals returns n Wordfish-like positions sorted by θ, with
// bootstrap-like intervals, in two groups (national, provincial).
func sampleIntervals(n int) *Intervals {
	r := rand.New(rand.NewPCG(3, 4))
	c := &Intervals{Title: "Wordfish 位置（95% 区间）", ValueLabel: "θ", GroupNames: []string{"全国", "省级"}}
	for i := range n {
		v := -2 + 4*float64(i)/float64(max(1, n-1)) + 0.1*r.NormFloat64()
		w := 0.1 + 0.2*r.Float64()
		c.Items = append(c.Items, Interval{Label: sampleRegions[i%len(sampleRegions)], Value: v, Lower: v - w, Upper: v + w, Group: i % 2})
	}
	c.Items[n/2].Lower, c.Items[n/2].Upper = math.NaN(), math.NaN() // no interval
	return c
}

// sampleNetwork returns slogans on a circle-ish layout in three groups,
// each joined to its neighbours.
func sampleNetwork(n int) *Network {
	r := rand.New(rand.NewPCG(5, 6))
	c := &Network{Title: "提法共现网络", GroupNames: []string{"经济", "改革", "生态"}}
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		c.Nodes = append(c.Nodes, NetNode{Label: sampleSlogans[i%len(sampleSlogans)],
			X: math.Cos(a) + 0.1*r.NormFloat64(), Y: math.Sin(a) + 0.1*r.NormFloat64(),
			Size: 1 + 100*r.Float64(), Group: i * 3 / n})
		c.Edges = append(c.Edges, NetEdge{From: i, To: (i + 1) % n, Weight: 1 + 10*r.Float64()})
		if i%3 == 0 {
			c.Edges = append(c.Edges, NetEdge{From: i, To: (i + n/2) % n, Weight: 1})
		}
	}
	c.Nodes[1].X = math.NaN() // not drawn, nor its edges
	return c
}

// TestDrawMethodCharts draws each new chart in PNG (size as the figure
// says, deterministic) and SVG (its Chinese text present).
func TestDrawMethodCharts(t *testing.T) {
	f := needFont(t)
	for _, tc := range []struct {
		name  string
		chart Chart
		text  string
	}{
		{"intervals", sampleIntervals(30), "Wordfish 位置（95% 区间）"},
		{"network", sampleNetwork(15), "供给侧结构性改革"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := drawTwice(t, tc.chart, "png", f)
			img, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			w, h := tc.chart.(figure).size(newTheme(f))
			if b := img.Bounds(); b.Dx() != int(w.Dots(DPI)+0.5) || b.Dy() != int(h.Dots(DPI)+0.5) {
				t.Errorf("size %d×%d, want %.0f×%.0f", b.Dx(), b.Dy(), w.Dots(DPI), h.Dots(DPI))
			}
			texts, err := svgTexts(drawTwice(t, tc.chart, "svg", f))
			if err != nil {
				t.Fatal(err)
			}
			if !contains(texts, tc.text) {
				t.Errorf("SVG lacks %q", tc.text)
			}
		})
	}
}

func TestMethodChartErrors(t *testing.T) {
	f := needFont(t)
	nan := math.NaN()
	tests := []struct {
		name  string
		chart Chart
		want  string
	}{
		{"no items", &Intervals{Title: "t"}, "no items"},
		{"one end", &Intervals{Items: []Interval{{Label: "a", Value: 1, Lower: 0, Upper: nan}}}, "interval [0, NaN]"},
		{"reversed", &Intervals{Items: []Interval{{Label: "a", Value: 1, Lower: 2, Upper: 0}}}, "lower ≤ upper"},
		{"infinite value", &Intervals{Items: []Interval{{Label: "a", Value: math.Inf(1), Lower: nan, Upper: nan}}}, "want a finite number"},
		{"no placed node", &Network{Nodes: []NetNode{{Label: "a", X: nan, Y: 0}}}, "no node with finite coordinates"},
		{"edge out of range", &Network{Nodes: []NetNode{{Label: "a"}}, Edges: []NetEdge{{0, 3, 1}}}, "joins nodes 0 and 3 of 1"},
		{"zero weight", &Network{Nodes: []NetNode{{Label: "a"}, {Label: "b"}}, Edges: []NetEdge{{0, 1, 0}}}, "weight 0"},
		{"negative size", &Network{Nodes: []NetNode{{Label: "a", Size: -1}}}, "size -1"},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		err := tc.chart.Draw(&buf, "png", f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", tc.name, buf.Len())
		}
	}
	if err := (&Intervals{}).Draw(&bytes.Buffer{}, "png", f); !errors.Is(err, errEmpty) {
		t.Errorf("empty chart: %v, want errEmpty", err)
	}
}

// TestWriteMethodExamples writes the new charts into -examples DIR, as
// TestWriteExamples does for the others.
func TestWriteMethodExamples(t *testing.T) {
	if *examplesDir == "" {
		t.Skip("give -examples DIR to write example charts")
	}
	f := needFont(t)
	if err := os.MkdirAll(*examplesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]Chart{"intervals": sampleIntervals(40), "network": sampleNetwork(30)} {
		for _, format := range []string{"png", "svg"} {
			out, err := os.Create(filepath.Join(*examplesDir, name+"."+format))
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Draw(out, format, f); err != nil {
				t.Errorf("%s.%s: %v", name, format, err)
			}
			out.Close()
		}
	}
}
