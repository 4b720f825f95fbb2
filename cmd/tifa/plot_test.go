package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/chart"
)

// needFont skips the test when the machine has no font with Chinese
// glyphs, naming the package that provides one.
func needFont(t *testing.T) {
	t.Helper()
	if _, err := chart.FindFont(""); err != nil {
		t.Skipf("no Chinese font (install Debian's fonts-noto-cjk): %v", err)
	}
}

// TestPlot draws every chart type from the samples and checks that the
// file is a valid image of its format holding the expected text, that the
// table printed is the one printed without --plot, and that a second run
// writes the same bytes.
func TestPlot(t *testing.T) {
	needFont(t)
	for _, c := range []struct {
		name string
		args []string
		file string
		text string // a label the chart must hold (checked in SVG)
	}{
		{"trend lines", []string{"trend", samples, "--top", "5"}, "trend.svg", "乡村振兴"},
		{"trend by region", []string{"trend", samples, "--by", "region", "--slogan", "乡村振兴", "--value", "share"}, "trend_region.png", ""},
		{"similar heatmap", []string{"similar", samples, "--by", "region"}, "similar.svg", "云溪镇"},
		{"cluster map", []string{"cluster", samples, "--k", "3"}, "cluster.svg", "PC1"},
		{"cluster tree", []string{"cluster", samples, "--by", "region", "--method", "average", "--k", "2"}, "tree.svg", "白沙镇"},
		{"cluster map of a tree method", []string{"cluster", samples, "--method", "ward", "--k", "2", "--plot-type", "map"}, "ward_map.png", ""},
		{"compare bars", []string{"compare", samples, "--a", "year=2017..2020", "--b", "year=2021..2024", "--top", "10"}, "compare.svg", "year=2017..2020"},
		{"diffusion curves", []string{"diffusion", samples, "--top", "3"}, "diffusion.png", ""},
		{"trend pdf", []string{"trend", samples, "--top", "3"}, "trend.pdf", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			plain, _, err := run(t, "", append(c.args, "-f", "csv")...)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.file)
			args := append(append([]string{}, c.args...), "-f", "csv", "--plot", path)
			out, stderr, err := run(t, "", args...)
			if errors.Is(err, chart.ErrNoFont) && strings.HasSuffix(c.file, ".pdf") {
				t.Skipf("no TrueType Chinese font for PDF (install Debian's fonts-wqy-zenhei): %v", err)
			}
			if err != nil {
				t.Fatalf("%v\nstderr: %s", err, stderr)
			}
			if out != plain {
				t.Errorf("--plot changed the table printed")
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			checkChartFile(t, c.file, data, c.text)
			if _, _, err := run(t, "", args...); err != nil {
				t.Fatal(err)
			}
			again, _ := os.ReadFile(path)
			if !bytes.Equal(data, again) {
				t.Errorf("a second run wrote different bytes")
			}
		})
	}
}

// checkChartFile checks data is a valid file of the format its name says.
func checkChartFile(t *testing.T, name string, data []byte, text string) {
	t.Helper()
	switch filepath.Ext(name) {
	case ".png":
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("PNG does not decode: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 400 {
			t.Errorf("PNG is %d×%d; want a readable figure", b.Dx(), b.Dy())
		}
	case ".svg":
		dec := xml.NewDecoder(bytes.NewReader(data))
		var chars strings.Builder
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("SVG does not parse: %v", err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				chars.Write(cd)
			}
		}
		if !strings.Contains(chars.String(), text) {
			t.Errorf("SVG text does not hold %q", text)
		}
	case ".pdf":
		if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("%%EOF")) {
			t.Errorf("not a complete PDF")
		}
	}
}

// TestTrendPlotDefault: without --top or --slogan the chart draws the 10
// slogans mentioned in most reports (the first rows of the table), says
// so, and the table still lists them all.
func TestTrendPlotDefault(t *testing.T) {
	needFont(t)
	path := filepath.Join(t.TempDir(), "trend.svg")
	out, stderr, err := run(t, "", "trend", samples, "-f", "csv", "--plot", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "the chart shows the 10 slogans mentioned in most reports, of ") {
		t.Errorf("no note of the lines left out; stderr:\n%s", stderr)
	}
	top, _, err := run(t, "", "trend", samples, "-f", "csv", "--top", "10")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(data)
	slogans := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(top), "\n") {
		if i > 0 {
			slogans[strings.Split(line, ",")[1]] = true // year,slogan,…
		}
	}
	if len(slogans) != 10 || strings.Count(out, "\n") <= strings.Count(top, "\n") {
		t.Fatalf("--top 10 gives %d slogans; the full table %d lines", len(slogans), strings.Count(out, "\n"))
	}
	for s := range slogans {
		if !strings.Contains(svg, ">"+s+"<") {
			t.Errorf("the chart has no line for %s, one of the top 10", s)
		}
	}
}

// TestDiffusionPlotDefault: without --top or --slogan the curves are those
// of the slogans used by most regions, all of their levels (the samples
// have 3: eight slogans fill the 24 lines), none cut off.
func TestDiffusionPlotDefault(t *testing.T) {
	needFont(t)
	path := filepath.Join(t.TempDir(), "diffusion.svg")
	_, stderr, err := run(t, "", "diffusion", samples, "-f", "csv", "--plot", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "the chart shows the 8 slogans used by most regions, of ") || strings.Contains(stderr, "lines; the chart shows the first") {
		t.Errorf("want a note of 8 slogans and no lines cut; stderr:\n%s", stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, level := range []string{"county", "township", "street"} {
		if n := strings.Count(string(data), " · "+level+"<"); n != 8 {
			t.Errorf("%d curves of level %s in the legend, want 8", n, level)
		}
	}
}

func TestPlotErrors(t *testing.T) {
	dir := t.TempDir()
	runErrors(t, []errCase{
		{"unknown format", []string{"trend", samples, "--plot", filepath.Join(dir, "x.gif")}, "must end in .png, .svg or .pdf"},
		{"font file missing", []string{"trend", samples, "--plot", filepath.Join(dir, "x.png"), "--font", filepath.Join(dir, "none.ttf")}, "none.ttf"},
		{"font without plot", []string{"trend", samples, "--font", "x.ttf"}, "only used with --plot"},
		{"bad value", []string{"trend", samples, "--plot", filepath.Join(dir, "x.png"), "--value", "mean"}, "flag --value"},
		{"tree of k-means", []string{"cluster", samples, "--plot", filepath.Join(dir, "x.png"), "--plot-type", "tree"}, "k-means has no merge tree"},
		{"unknown plot type", []string{"cluster", samples, "--plot", filepath.Join(dir, "x.png"), "--plot-type", "pie"}, "want map or tree"},
		{"unwritable", []string{"trend", samples, "--plot", filepath.Join(dir, "no", "such", "x.png")}, "x.png"},
	})
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed runs left files: %v", entries)
	}
}

var docsImg = flag.Bool("docs-img", false, "TestCorpusCharts: also write the README's pictures into docs/img")

// TestCorpusCharts draws the README's charts on ../shared/corpus with the
// commands the README gives under them: each PNG decodes at a readable size
// and each SVG holds the labels the README's caption speaks of. With
// -docs-img the PNGs replace those in docs/img.
func TestCorpusCharts(t *testing.T) {
	needFont(t)
	corpus := needShared(t, "corpus")
	in := func(sub ...string) []string {
		var out []string
		for _, s := range sub {
			out = append(out, filepath.Join(corpus, s))
		}
		return out
	}
	drawCorpusCharts(t, []corpusChart{
		{"trend", append(append([]string{"trend"}, in("national")...), "--where", "year=1990..", "--value", "mentions",
			"--slogan", "科学发展观", "--slogan", "新常态", "--slogan", "供给侧结构性改革", "--slogan", "乡村振兴",
			"--slogan", "高质量发展", "--slogan", "新发展格局", "--slogan", "新质生产力", "--slogan", "改革开放"), []string{"新质生产力", "mentions"}},
		{"diffusion", append(append([]string{"diffusion"}, in("hebei_baoding", "national")...),
			"--slogan", "乡村振兴", "--slogan", "河长制", "--slogan", "营商环境"), []string{"河长制 · county", "营商环境 · national"}},
		{"similar", append(append([]string{"similar"}, in("provincial")...), "--by", "region"), []string{"海南", "北京", "cosine"}},
		{"cluster_map", append(append([]string{"cluster"}, in("provincial")...), "--by", "region", "--k", "auto"), []string{"PC1", "海南"}},
		{"cluster_tree", append(append([]string{"cluster"}, in("hebei_baoding")...), "--by", "region", "--method", "average", "--k", "3"), []string{"保定市", "cosine distance"}},
		{"compare", append(append([]string{"compare"}, in("national")...), "--a", "year=2013..2017", "--b", "year=2021..2025", "--top", "25"), []string{"高质量发展", "year=2013..2017"}},
	})
}

// corpusChart is a README chart: the command drawing it, and the labels
// its SVG must hold.
type corpusChart struct {
	name  string
	args  []string
	texts []string
}

// drawCorpusCharts draws each chart as PNG and SVG: each PNG decodes at a
// readable size and each SVG holds its labels. With -docs-img the PNGs
// replace those in docs/img.
func drawCorpusCharts(t *testing.T, cases []corpusChart) {
	t.Helper()
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, ext := range []string{".png", ".svg"} {
				path := filepath.Join(dir, c.name+ext)
				if _, stderr, err := run(t, "", append(c.args, "-q", "-f", "csv", "--plot", path)...); err != nil {
					t.Fatalf("%v\n%s", err, stderr)
				}
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				for _, text := range c.texts {
					checkChartFile(t, path, data, text)
				}
				if ext == ".png" && *docsImg {
					if err := os.WriteFile(filepath.Join("..", "..", "docs", "img", c.name+".png"), data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}
