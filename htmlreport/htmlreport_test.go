package htmlreport

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/reports"
)

// hostile holds every character HTML gives a meaning to.
const hostile = `<b>&"x'</b>`

func samplePage() *Page {
	return &Page{
		Title: "Report " + hostile,
		Lead:  "lead " + hostile,
		Sections: []Section{
			{ID: "one", Title: "One " + hostile, Blocks: []Block{
				Text("text " + hostile),
				Note("note " + hostile),
				Facts{{Label: "label " + hostile, Value: "value " + hostile}},
				&Table{Caption: "caption " + hostile,
					Columns:  []Column{{Name: "region " + hostile}, {Name: "count", Numeric: true}},
					Rows:     [][]string{{"云溪镇" + hostile, "12"}, {"白沙镇", "3"}},
					Download: &Download{Label: "CSV", FileName: "t" + hostile + ".csv", Command: "tifa count " + hostile, CSV: []byte("a,b\n1,2\n")}},
			}},
			{ID: "two", Title: "Two", Blocks: []Block{
				Tabs{{Label: "tab " + hostile, Blocks: []Block{&Figure{Caption: "fig " + hostile, Charts: []LineChart{{
					Title: "panel " + hostile, XLabel: "year", YLabel: "share " + hostile, X: []float64{2019, 2020, 2021},
					Series: []Series{{Name: "乡村振兴" + hostile, Values: []string{"0.5", "", "1.000"}}},
				}}}}}},
				&Details{Summary: "more " + hostile, Blocks: []Block{&Heatmap{Caption: "heat " + hostile,
					Labels: []string{"a" + hostile, "b"}, Groups: []string{"cluster " + hostile, "cluster 2"}, GroupOf: []int{0, 1},
					Values: [][]string{{"1.0000", "0.2500"}, {"0.2500", "1.0000"}}, Max: 1, ValueName: "cosine " + hostile}}},
			}},
			{ID: "three", Title: "Three", Blocks: []Block{&Scatter{Caption: "map " + hostile, XLabel: "x " + hostile, YLabel: "y",
				XName: "PC1 " + hostile, YName: "PC2", Groups: []string{"group " + hostile},
				Points:   []Point{{Label: "云溪镇" + hostile, X: "0.5", Y: "-0.25", Group: 0}, {Label: "b", X: "-1", Y: "1", Group: 0}},
				Download: &Download{FileName: "map.csv", Note: "no command " + hostile, CSV: []byte("unit,x\n")}}}},
		},
		Footer: []Fact{{Label: "command", Value: "tifa report " + hostile}},
	}
}

func write(t testing.TB, p *Page) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEscaping: no string from the page reaches the HTML unescaped.
func TestEscaping(t *testing.T) {
	out := write(t, samplePage())
	if strings.Contains(out, "<b>") || strings.Contains(out, `&"x`) {
		i := strings.Index(out, "<b>")
		t.Fatalf("unescaped text in the output near %q", out[max(0, i-80):min(len(out), i+40)])
	}
	// every hostile string is there, escaped: title, lead, text, note,
	// facts, table caption, header, cell, file name, command, tab,
	// caption, panel, series, axis, details, heat labels, groups, map
	// caption, axis, group, point label, coordinate name, note, footer.
	if n := strings.Count(out, "&lt;b&gt;&amp;&#34;x&#39;&lt;/b&gt;"); n < 27 {
		t.Errorf("escaped hostile string found %d times, want at least 27", n)
	}
}

// TestSelfContained: nothing points outside the file.
func TestSelfContained(t *testing.T) {
	out := write(t, samplePage())
	for _, bad := range []string{"http://", "https://", "//cdn", " src=", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	for _, want := range []string{"<style>", "<script>", `id="errors"`, `data-rendered`, `"Noto Sans CJK SC"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestDeterministic: the same page gives the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := write(t, samplePage()), write(t, samplePage())
	if a != b {
		t.Fatal("two writes of the same page differ")
	}
}

// TestDownload: the link holds exactly the CSV bytes, tied to its table.
func TestDownload(t *testing.T) {
	out := write(t, samplePage())
	m := regexp.MustCompile(`<a class="csv" data-table="(\d+)" download="[^"]*" href="data:text/csv;charset=utf-8;base64,([^"]*)">`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no download link")
	}
	got, err := base64.StdEncoding.DecodeString(m[2])
	if err != nil {
		t.Fatal(err)
	}
	if m[1] != "1" || string(got) != "a,b\n1,2\n" {
		t.Errorf("link of table %s holds %q, want table 1 holding %q", m[1], got, "a,b\n1,2\n")
	}
	if !strings.Contains(out, `<table class="data" data-table="1">`) {
		t.Error("table 1 not numbered")
	}
}

func TestSectionIDs(t *testing.T) {
	cases := []struct {
		name string
		ids  []string
		ok   bool
	}{
		{"distinct", []string{"a", "b-2"}, true},
		{"empty", []string{""}, false},
		{"space", []string{"a b"}, false},
		{"quote", []string{`a"`}, false},
		{"twice", []string{"a", "a"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &Page{Title: "t"}
			for _, id := range c.ids {
				p.Sections = append(p.Sections, Section{ID: id, Title: id})
			}
			err := Write(&bytes.Buffer{}, p)
			if (err == nil) != c.ok {
				t.Errorf("Write: %v, want ok=%v", err, c.ok)
			}
		})
	}
}

// TestLineChart: a missing value breaks the line; points carry titles
// with the values as given.
func TestLineChart(t *testing.T) {
	out := write(t, &Page{Title: "t", Sections: []Section{{ID: "s", Title: "s", Blocks: []Block{&Figure{Charts: []LineChart{{
		XLabel: "year", YLabel: "share", X: []float64{2000, 2001, 2002, 2003}, YMax: 1,
		Series: []Series{{Name: "A", Values: []string{"0.000", "0.500", "", "1.000"}}},
	}}}}}}})
	paths := regexp.MustCompile(`<path fill="none"[^>]* d="([^"]*)"`).FindAllStringSubmatch(out, -1)
	if len(paths) != 1 || strings.Count(paths[0][1], "M") != 2 || strings.Count(paths[0][1], "L") != 1 {
		t.Errorf("paths %q: want one path of two pieces (M L, M)", paths)
	}
	for _, want := range []string{"A\nyear 2001: share 0.500</title>", "A\nyear 2003: share 1.000</title>"} {
		if !strings.Contains(out, want) {
			t.Errorf("no point titled %q", want)
		}
	}
	if strings.Count(out, "<circle") != 3 {
		t.Errorf("%d points, want 3 (one value missing)", strings.Count(out, "<circle"))
	}
}

func TestNiceTicks(t *testing.T) {
	cases := []struct {
		name  string
		max   float64
		n     int
		top   float64
		ticks int
	}{
		// hand-computed: step = max/n rounded up to 1, 2, 2.5 or 5 × 10^k
		{"share", 1, 5, 1, 6},
		{"per10k", 7.3, 5, 8, 5}, // step 2: 0 2 4 6 8
		{"small", 0.033, 5, 0.04, 5},
		{"zero", 0, 5, 1, 6}, // no data: 0..1
		{"exact", 25, 5, 25, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ticks, top := niceTicks(c.max, c.n)
			if math.Abs(top-c.top) > 1e-9 || len(ticks) != c.ticks {
				t.Errorf("niceTicks(%g, %d) = %v, top %g; want %d ticks to %g", c.max, c.n, ticks, top, c.ticks, c.top)
			}
		})
	}
}

func TestXTicks(t *testing.T) {
	cases := []struct {
		name   string
		lo, hi float64
		want   string
	}{
		{"decades", 1954, 2026, "1960 1970 1980 1990 2000 2010 2020"},
		{"years", 2017, 2024, "2017 2018 2019 2020 2021 2022 2023 2024"},
		{"one", 2024, 2024, "2024"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, x := range xTicks(c.lo, c.hi, 1000) {
				got = append(got, strconv.FormatFloat(x, 'f', -1, 64))
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("xTicks(%g, %g) = %v, want %s", c.lo, c.hi, got, c.want)
			}
		})
	}
}

// TestRectangularHeatmap: with Columns the grid has a row per label and a
// column per column label, each cell named by both in its tooltip, the
// notes under their columns, and no cluster strip.
func TestRectangularHeatmap(t *testing.T) {
	h := &Heatmap{Labels: []string{"乡村振兴", "河长制"}, Columns: []string{"2018", "2019", "2021"},
		Values: [][]string{{"0.500", "1.000", "x"}, {"0.000", "0.250", "0.750"}}, Max: 1, ValueName: "share",
		Notes: []string{"2", "4", "1"}, NoteLabel: "reports", GroupOf: []int{0, 1}, Groups: []string{"g1", "g2"}}
	out := write(t, &Page{Title: "t", Sections: []Section{{ID: "s", Title: "s", Blocks: []Block{h}}}})
	cells := regexp.MustCompile(`<rect class="cell"[^>]*fill="([^"]+)"><title>([^<]*)</title>`).FindAllStringSubmatch(out, -1)
	if len(cells) != 6 {
		t.Fatalf("%d cells, want 2×3", len(cells))
	}
	want := []struct{ title, fill string }{{"乡村振兴 × 2018\nshare 0.500", ""}, {"乡村振兴 × 2021\nshare x", "#dddddd"},
		{"河长制 × 2018\nshare 0.000", "#f7fbff"}, {"河长制 × 2021\nshare 0.750", ""}}
	for i, c := range []int{0, 2, 3, 5} {
		if cells[c][2] != want[i].title || want[i].fill != "" && cells[c][1] != want[i].fill {
			t.Errorf("cell %d: fill %s, title %q; want %q %s", c, cells[c][1], cells[c][2], want[i].title, want[i].fill)
		}
	}
	notes := regexp.MustCompile(`<text class="note"[^>]*>([^<]*)</text>`).FindAllStringSubmatch(out, -1)
	if len(notes) != 4 || notes[0][1] != "reports" || notes[3][1] != "1" {
		t.Errorf("notes %q, want the label and one per column", notes)
	}
	if strings.Contains(out, "g1") {
		t.Error("a rectangular heatmap drew the cluster strip")
	}
	// sixty years leave columns too narrow for a three-digit note: the
	// notes turn to read downwards
	wide := &Heatmap{Labels: []string{"乡村振兴"}, Values: [][]string{nil}, Max: 1, NoteLabel: "reports"}
	for y := range 60 {
		wide.Columns = append(wide.Columns, strconv.Itoa(1966+y))
		wide.Notes = append(wide.Notes, "149")
	}
	out = write(t, &Page{Title: "t", Sections: []Section{{ID: "s", Title: "s", Blocks: []Block{wide}}}})
	if n := strings.Count(out, `<text class="note col"`); n != 60 {
		t.Errorf("%d vertical notes, want 60", n)
	}
}

func TestRamp(t *testing.T) {
	cases := []struct {
		t     float64
		color string
	}{{0, "#f7fbff"}, {1, "#08306b"}, {-3, "#f7fbff"}, {7, "#08306b"}, {0.5, "#6baed6"}}
	for _, c := range cases {
		if got, _ := ramp(c.t); got != c.color {
			t.Errorf("ramp(%g) = %s, want %s (ColorBrewer Blues)", c.t, got, c.color)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	// a corpus-sized page: 40×40 heatmap, 15 series × 60 years, a
	// 400-row table, a map of 190 points
	var h Heatmap
	h.Max = 1
	for i := range 40 {
		h.Labels = append(h.Labels, fmt.Sprintf("地区%d", i))
		var row []string
		for j := range 40 {
			row = append(row, strconv.FormatFloat(float64((i*j)%10)/10, 'f', 4, 64))
		}
		h.Values = append(h.Values, row)
	}
	var c LineChart
	for y := range 60 {
		c.X = append(c.X, float64(1966+y))
	}
	for s := range 15 {
		var vals []string
		for y := range 60 {
			vals = append(vals, strconv.FormatFloat(float64((s+y)%7)/7, 'f', 3, 64))
		}
		c.Series = append(c.Series, Series{Name: fmt.Sprintf("提法%d", s), Values: vals})
	}
	tb := &Table{Columns: []Column{{Name: "doc"}, {Name: "chars", Numeric: true}}}
	for i := range 400 {
		tb.Rows = append(tb.Rows, []string{fmt.Sprintf("报告_%d.txt", i), strconv.Itoa(i * 97)})
	}
	sc := &Scatter{Groups: []string{"cluster 1", "cluster 2", "cluster 3"}}
	for i := range 190 {
		sc.Points = append(sc.Points, Point{Label: fmt.Sprintf("地区%d", i), X: strconv.Itoa(i % 17), Y: strconv.Itoa(i % 13), Group: i % 3})
	}
	p := &Page{Title: "bench", Sections: []Section{{ID: "a", Title: "a", Blocks: []Block{&h, &Figure{Charts: []LineChart{c}}, tb, sc}}}}
	size := len(write(b, p))
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		if n := len(write(b, p)); n != size {
			b.Fatalf("wrote %d bytes, then %d", size, n)
		}
	}
}

// TestReportsSkipsPage: a page written here is recognised by the reader
// as tifa's own output and not counted when it lands in a folder of
// reports (issue 14, item 16).
func TestReportsSkipsPage(t *testing.T) {
	var page bytes.Buffer
	if err := Write(&page, &Page{Title: "乡村振兴 in 2020", Lead: strings.Repeat("乡村振兴。", 200)}); err != nil {
		t.Fatal(err)
	}
	src, err := reports.OpenFS(fstest.MapFS{"report.html": {Data: page.Bytes()}}, ".", reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := src.Each(func(d *reports.Document) error {
		n++
		if clean.HanCount(d.Text) != 0 || len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0], "written by tifa") {
			t.Errorf("report.html read as %d Han characters, warnings %q", clean.HanCount(d.Text), d.Warnings)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d documents, want report.html listed", n)
	}
}
