package htmlreport

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func section(blocks ...Block) *Page {
	return &Page{Title: "t", Sections: []Section{{ID: "s", Title: "s", Blocks: blocks}}}
}

// circles returns the centres and tooltips of the page's circle marks.
func circles(t *testing.T, out string) (xy [][2]float64, tips []string) {
	t.Helper()
	re := regexp.MustCompile(`<circle class="pt" cx="([-\d.]+)" cy="([-\d.]+)" r="[\d.]+"><title>([^<]*)</title>`) // not the legend's
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		xy = append(xy, [2]float64{x, y})
		tips = append(tips, m[3])
	}
	return xy, tips
}

func TestScatter(t *testing.T) {
	s := &Scatter{XLabel: "PC1 (40.0 % of variance)", YLabel: "PC2", XName: "PC1", YName: "PC2",
		Groups: []string{"cluster 1", "cluster 2"},
		Points: []Point{
			{Label: "甲", X: "0.1000", Y: "-0.2000", Group: 0},
			{Label: "乙", X: "-0.3000", Y: "0.4000", Group: 1},
			{Label: "丙", X: "", Y: "0.1", Group: 1},     // no coordinate: left out
			{Label: "丁", X: "0.2", Y: "0.2", Group: 7},  // no such group: grey
			{Label: "戊", X: "NaN", Y: "0.2", Group: 0},  // not a place: left out
			{Label: "己", X: "0.0", Y: "+Inf", Group: 0}, // not a place: left out
		}}
	out := write(t, section(s))
	_, tips := circles(t, out)
	// points carry label, group and coordinates as given.
	want := []string{"丁\nPC1 0.2, PC2 0.2", "甲\ncluster 1\nPC1 0.1000, PC2 -0.2000", "乙\ncluster 2\nPC1 -0.3000, PC2 0.4000"}
	if strings.Join(tips, "|") != strings.Join(want, "|") {
		t.Errorf("marks titled %q, want %q", tips, want)
	}
	if n := strings.Count(out, `<li data-s="`); n != 2 {
		t.Errorf("%d legend entries, want 2", n)
	}
	if !regexp.MustCompile(`<g class="s" data-s="1" fill="#d62728"><circle[^>]*><title>乙`).MatchString(out) {
		t.Error("group 2's point is not in a highlightable series of colour 2")
	}
	if n := strings.Count(out, `class="plabel"`); n != 3 {
		t.Errorf("%d point labels, want 3", n)
	}
	if !strings.Contains(out, `<figure class="chart map">`) || !strings.Contains(out, ">PC1 (40.0 % of variance)</text>") {
		t.Error("no chart figure, or no axis title")
	}
}

// TestScatterLabelsLimit: more points than MaxLabels are not labelled.
func TestScatterLabelsLimit(t *testing.T) {
	cases := []struct {
		name        string
		points, max int
		labels      int
	}{
		{"default keeps 40", 40, 0, 40},
		{"default drops 41", 41, 0, 0},
		{"max 3 keeps 3", 3, 3, 3},
		{"max 3 drops 4", 4, 3, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &Scatter{MaxLabels: c.max, Groups: []string{"g"}}
			for i := range c.points {
				s.Points = append(s.Points, Point{Label: fmt.Sprint("p", i), X: strconv.Itoa(i % 7), Y: strconv.Itoa(i / 7)})
			}
			if n := strings.Count(write(t, section(s)), `class="plabel"`); n != c.labels {
				t.Errorf("%d labels, want %d", n, c.labels)
			}
		})
	}
}

// TestScatterEqualScale: a unit of x is as long as a unit of y when the
// height allows, and not when it would make the plot too flat.
func TestScatterEqualScale(t *testing.T) {
	cases := []struct {
		name  string
		ytop  string
		equal bool
	}{
		{"less tall", "0.8", true},
		{"as tall", "1", true},
		{"flat", "0.01", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &Scatter{Points: []Point{{X: "0", Y: "0"}, {X: "1", Y: "0"}, {X: "0", Y: c.ytop}, {X: "-1", Y: "0"}}}
			xy, _ := circles(t, write(t, section(s)))
			if len(xy) != 4 {
				t.Fatalf("%d points, want 4", len(xy))
			}
			top, _ := strconv.ParseFloat(c.ytop, 64)
			unitX := xy[1][0] - xy[0][0]
			unitY := (xy[0][1] - xy[2][1]) / top
			if got := math.Abs(unitX-unitY) < 0.02*unitX; got != c.equal {
				t.Errorf("x unit %.2f, y unit %.2f: equal %v, want %v", unitX, unitY, got, c.equal)
			}
		})
	}
}

// TestPlaceLabels: where there is room, no label covers another label,
// another point or the outside of the plot.
func TestPlaceLabels(t *testing.T) {
	fr := frame{w: 1100, h: 500, left: 64, right: 24, top: 16, bottom: 46}
	var pts []placed
	for i := range 12 { // a tight row: right-hand labels would cover the next point
		pts = append(pts, placed{Point: Point{Label: "保定市" + strconv.Itoa(i)}, x: 300 + 30*float64(i), y: 250})
	}
	pts = append(pts, placed{Point: Point{Label: "right edge"}, x: 1074, y: 100}, placed{Point: Point{Label: "top"}, x: 500, y: 17})
	labels := placeLabels(pts, fr)
	plot := rect{fr.left, fr.top, fr.w - fr.right, fr.top + fr.plotH()}
	for i, a := range labels {
		if a.box.overlap(plot) < a.box.area()-1e-9 {
			t.Errorf("label %q leaves the plot: %+v", pts[i].Label, a.box)
		}
		for j, p := range pts {
			if j != i && a.box.overlap(rect{p.x - markR, p.y - markR, p.x + markR, p.y + markR}) > 0 {
				t.Errorf("label %q covers point %q", pts[i].Label, p.Label)
			}
		}
		for j := range i {
			if a.box.overlap(labels[j].box) > 0 {
				t.Errorf("labels %q and %q overlap", pts[i].Label, pts[j].Label)
			}
		}
	}
}

func TestRangeTicks(t *testing.T) {
	cases := []struct {
		name   string
		lo, hi float64
		want   string
	}{
		// hand-computed: step = (hi−lo)/6 rounded up to 1, 2, 2.5 or 5 × 10^k
		{"pca", -0.43, 0.91, "-0.5 -0.25 0 0.25 0.5 0.75 1"},
		{"positive", 0.012, 0.048, "0.01 0.02 0.03 0.04 0.05"},
		{"negative", -7, -1.5, "-7 -6 -5 -4 -3 -2 -1"},
		{"on ticks", -1, 1, "-1 -0.5 0 0.5 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ticks, first, last := rangeTicks(c.lo, c.hi, 6)
			var got []string
			for _, x := range ticks {
				if x == 0 && math.Signbit(x) {
					t.Error("a tick is -0")
				}
				got = append(got, strconv.FormatFloat(math.Round(x*1e9)/1e9, 'f', -1, 64))
			}
			if strings.Join(got, " ") != c.want || first > c.lo || last < c.hi {
				t.Errorf("rangeTicks(%g, %g) = %v (%g..%g), want %s", c.lo, c.hi, got, first, last, c.want)
			}
		})
	}
}

// TestGroupColours: a heatmap's strip gives group k the colour of group
// k on a map, and names the groups in a legend that highlights nothing.
func TestGroupColours(t *testing.T) {
	h := &Heatmap{Labels: []string{"a", "b", "c"}, Groups: []string{"g1", "g2"}, GroupOf: []int{1, 0, -1}, Max: 1,
		Values: [][]string{{"1", "0", "0"}, {"0", "1", "0"}, {"0", "0", "1"}}}
	out := write(t, section(h))
	fills := regexp.MustCompile(`<rect x="[\d.]+" y="[\d.]+" width="9" height="[\d.]+" fill="(#[0-9a-f]+)"><title>`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, f := range fills {
		got = append(got, f[1])
	}
	c0, _ := groupStyle(0)
	c1, _ := groupStyle(1)
	grey, _ := groupStyle(-1)
	if want := []string{c1, c0, grey}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("row strip colours %v, want %v", got, want)
	}
	if !strings.Contains(out, `<ul class="legend"><li><svg`) || strings.Contains(out, `data-s="`) {
		t.Error("want a legend of the groups without highlighting")
	}
}

// TestLineChartCounts: the counts are drawn under the axis as numbers
// when the years leave room for the widest, else as bars; they are in the
// tooltips.
func TestLineChartCounts(t *testing.T) {
	chart := func(years, times int) *Figure {
		c := LineChart{XLabel: "year", YLabel: "share", CountLabel: "reports"}
		for y := range years {
			c.X = append(c.X, float64(2000+y))
			c.Counts = append(c.Counts, strconv.Itoa(y%4*times)) // 0 1 2 3 …
		}
		c.Series = []Series{{Name: "A", Values: []string{"0.5"}}}
		return &Figure{Charts: []LineChart{c, c}} // small multiples: 488 wide
	}
	cases := []struct {
		name          string
		years, times  int
		numbers, bars int // per panel
	}{
		{"8 years", 8, 1, 8, 0},
		{"40 years, one digit", 40, 1, 40, 0},     // 12.5 apart
		{"30 years, three digits", 30, 50, 0, 22}, // 16.8 apart; no bar for 0
		{"60 years", 60, 1, 0, 45},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := write(t, section(chart(c.years, c.times)))
			numbers := strings.Count(out, `<text class="count"`)/2 - 1 // less the label
			bars := strings.Count(out, `<rect class="count"`) / 2
			if numbers != c.numbers || bars != c.bars {
				t.Errorf("%d numbers, %d bars, want %d and %d", numbers, bars, c.numbers, c.bars)
			}
			if !strings.Contains(out, "A\nyear 2000: share 0.5\nreports: 0</title>") {
				t.Error("the tooltip lacks the count")
			}
		})
	}
}
