package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestFormatOf(t *testing.T) {
	cases := []struct {
		path, want, err string
	}{
		{"trend.png", "png", ""},
		{"out/相似度.SVG", "svg", ""},
		{"/tmp/a.b/report.Pdf", "pdf", ""},
		{"trend.jpg", "", `unknown chart format ".jpg"; a chart file must end in .png, .svg or .pdf`},
		{"trend", "", "no extension; a chart file must end in .png, .svg or .pdf"},
		{"dir.png/trend", "", "no extension"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			got, err := FormatOf(tc.path)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), tc.path) {
					t.Fatalf("FormatOf = %q, %v; want an error naming %s and containing %q", got, err, tc.path, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("FormatOf = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func ExampleFormatOf() {
	for _, path := range []string{"trend.png", "similarity.SVG", "tree.pdf", "bars.gif"} {
		format, err := FormatOf(path)
		fmt.Printf("%s: %q %v\n", path, format, err)
	}
	// Output:
	// trend.png: "png" <nil>
	// similarity.SVG: "svg" <nil>
	// tree.pdf: "pdf" <nil>
	// bars.gif: "" bars.gif: unknown chart format ".gif"; a chart file must end in .png, .svg or .pdf
}

func TestIntegerTicks(t *testing.T) {
	labels := func(lo, hi float64, n int) (major []string, minor int) {
		for _, tk := range (integerTicks{max: n}).Ticks(lo, hi) {
			if tk.Label == "" {
				minor++
			} else {
				major = append(major, tk.Label)
			}
		}
		return major, minor
	}
	cases := []struct {
		name      string
		lo, hi    float64
		max       int
		major     string
		minorTick int
	}{
		// 36 years at most 12 labels: step 5 (step 2 gives 18), starting at a multiple of 5
		{"1990–2025", 1990, 2025, 12, "1990 1995 2000 2005 2010 2015 2020 2025", 28},
		{"2013–2024", 2013, 2024, 12, "2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024", 0},
		{"2013–2024 by 2", 2013, 2024, 6, "2014 2016 2018 2020 2022 2024", 6},
		{"fractional ends", 2019.5, 2021.5, 12, "2020 2021", 0},
		{"one year", 2020, 2020, 12, "2020", 0},
		{"no whole number", 2020.2, 2020.8, 12, "", 0},
		{"1949–2025", 1949, 2025, 12, "1950 1960 1970 1980 1990 2000 2010 2020", 69},
		{"huge span", -1e9, 1e9, 12, "-1000000000 -800000000 -600000000 -400000000 -200000000 0 200000000 400000000 600000000 800000000 1000000000", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			major, minor := labels(tc.lo, tc.hi, tc.max)
			if got := strings.Join(major, " "); got != tc.major || minor != tc.minorTick {
				t.Errorf("labels %q and %d minor ticks; want %q and %d", got, minor, tc.major, tc.minorTick)
			}
		})
	}
}

func TestNiceTicks(t *testing.T) {
	cases := []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}}, // raw step 0.2
		{0, 12, 7, []float64{0, 2, 4, 6, 8, 10, 12}},   // raw step 2
		{-91.5, 219, 7, []float64{-50, 0, 50, 100, 150, 200}},
		{0.13, 0.58, 6, []float64{0.2, 0.3, 0.4, 0.5}},
		{-1, 1, 5, []float64{-1, -0.5, 0, 0.5, 1}},
		{3, 3, 6, []float64{3}},
	}
	for _, tc := range cases {
		got := niceTicks(tc.lo, tc.hi, tc.n)
		if !slices.EqualFunc(got, tc.want, func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }) {
			t.Errorf("niceTicks(%g, %g, %d) = %v; want %v", tc.lo, tc.hi, tc.n, got, tc.want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	cases := []struct {
		v, step float64
		want    string
	}{
		{0.4, 0.2, "0.4"},
		{0.25, 0.05, "0.25"},
		{150, 50, "150"},
		{-0.0001, 0.1, "0.0"},
		{0.7333, 0.01, "0.73"},
		{1e-9, 1e-9, "0.000000"},
	}
	for _, tc := range cases {
		if got := formatValue(tc.v, tc.step); got != tc.want {
			t.Errorf("formatValue(%g, %g) = %q; want %q", tc.v, tc.step, got, tc.want)
		}
	}
}

func TestColorScale(t *testing.T) {
	seq := newColorScale(0, 1)
	div := newColorScale(-2, 1) // symmetric: −2 … 2
	cases := []struct {
		name  string
		scale colorScale
		v     float64
		want  color.RGBA
	}{
		{"viridis low", seq, 0, viridis[0]},
		{"viridis high", seq, 1, viridis[9]},
		{"viridis clamps", seq, 7, viridis[9]},
		{"viridis stop 3", seq, 3.0 / 9, viridis[3]},
		{"viridis halfway 0–1", seq, 0.5 / 9, color.RGBA{0x46, 0x15, 0x66, 0xff}}, // (0x44+0x48)/2, (0x01+0x28)/2 rounded, (0x54+0x78)/2
		{"diverging zero is white", div, 0, redBlue[4]},
		{"diverging low", div, -2, redBlue[0]},
		{"diverging high", div, 2, redBlue[8]},
		{"NaN is the middle", seq, math.NaN(), color.RGBA{0x23, 0x90, 0x8c, 0xff}},
	}
	for _, tc := range cases {
		if got := tc.scale.at(tc.v); got != tc.want {
			t.Errorf("%s: at(%g) = %v; want %v", tc.name, tc.v, got, tc.want)
		}
	}
}

func TestPaletteDistinct(t *testing.T) {
	// every pair of the 12 series colours is at least 60 apart in RGB space
	for i := range palette {
		for j := range i {
			a, b := palette[i], palette[j]
			dr, dg, db := absDiff(a.R, b.R), absDiff(a.G, b.G), absDiff(a.B, b.B)
			if d := math.Sqrt(float64(dr*dr + dg*dg + db*db)); d < 60 {
				t.Errorf("colours %d and %d are too close: %v %v", i, j, a, b)
			}
		}
	}
	if dashOf(11) != nil || dashOf(12) == nil || colorOf(12) != colorOf(0) {
		t.Error("series 13 should reuse colour 1 with a dash pattern")
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
