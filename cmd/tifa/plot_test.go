package main

import (
	"bytes"
	"encoding/xml"
	"errors"
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
// have 4: six slogans fill the 24 lines), none cut off.
func TestDiffusionPlotDefault(t *testing.T) {
	needFont(t)
	path := filepath.Join(t.TempDir(), "diffusion.svg")
	_, stderr, err := run(t, "", "diffusion", samples, "-f", "csv", "--plot", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "the chart shows the 6 slogans used by most regions, of ") || strings.Contains(stderr, "lines; the chart shows the first") {
		t.Errorf("want a note of 6 slogans and no lines cut; stderr:\n%s", stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, level := range []string{"city", "county", "township", "street"} {
		if n := strings.Count(string(data), " · "+level+"<"); n != 6 {
			t.Errorf("%d curves of level %s in the legend, want 6", n, level)
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
