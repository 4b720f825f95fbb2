package chart

import (
	"bytes"
	"testing"
)

// BenchmarkDraw draws the realistic sizes of tifa's outputs: a 10-slogan
// trend over 36 years and a 40 × 40 similarity matrix, in each format.
// Bytes per second count the output written.
func BenchmarkDraw(b *testing.B) {
	f := needFont(b)
	charts := []struct {
		name  string
		chart Chart
	}{
		{"lines10", sampleLines(10)},
		{"heatmap40", sampleHeatmap(40)},
	}
	for _, c := range charts {
		for _, format := range []string{"png", "svg", "pdf"} {
			b.Run(c.name+"/"+format, func(b *testing.B) {
				if format == "pdf" {
					if _, err := f.pdfFont(); err != nil {
						b.Skip(err)
					}
				}
				var buf bytes.Buffer
				for b.Loop() {
					buf.Reset()
					if err := c.chart.Draw(&buf, format, f); err != nil {
						b.Fatal(err)
					}
					if buf.Len() < 1000 {
						b.Fatalf("%d bytes written", buf.Len())
					}
				}
				b.SetBytes(int64(buf.Len()))
			})
		}
	}
}
