package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// reportEpoch fixes the provenance date of the reports tested: 2025-01-02.
const reportEpoch = "1735776000"

// report runs tifa report with args on standard output and returns the
// HTML.
func report(t *testing.T, args ...string) string {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", reportEpoch)
	out, stderr, err := run(t, "", append([]string{"report", "-q"}, args...)...)
	if err != nil {
		t.Fatalf("tifa report %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr)
	}
	return out
}

// csvLink is a download link of the page: the table it belongs to (0 for
// a chart's data), its CSV and the command said to print the same bytes.
type csvLink struct {
	table   string
	csv     []byte
	command string
}

var linkRE = regexp.MustCompile(`<a class="csv"(?: data-table="(\d+)")? download="[^"]*" href="data:text/csv;charset=utf-8;base64,([^"]*)">[^<]*</a>(?: <code class="cmd">([^<]*)</code>)?`)

func csvLinks(t *testing.T, page string) []csvLink {
	t.Helper()
	var out []csvLink
	for _, m := range linkRE.FindAllStringSubmatch(page, -1) {
		b, err := base64.StdEncoding.DecodeString(m[2])
		if err != nil {
			t.Fatalf("link of table %q: %v", m[1], err)
		}
		out = append(out, csvLink{table: m[1], csv: b, command: html.UnescapeString(m[3])})
	}
	return out
}

// TestReportCSVIsCommandCSV: every CSV link of the page holds exactly what
// the command printed beside it writes, and every table has a link.
func TestReportCSVIsCommandCSV(t *testing.T) {
	cases := []struct {
		name string
		args []string
		min  int // links with a command
	}{
		{"default", []string{samples}, 10},
		{"flags", []string{samples, "--by", "level", "--top", "3", "--section", "plan", "--bom", "--k", "2", "--method", "average"}, 9},
		{"user lexicon", []string{samples, "--no-builtin", "--lexicon", "../../testdata/lexicon/user.txt", "--min-df", "2"}, 9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := report(t, c.args...)
			links := csvLinks(t, page)
			tables := regexp.MustCompile(`<table class="data[^"]*" data-table="(\d+)"`).FindAllStringSubmatch(page, -1)
			commands := 0
			for _, tb := range tables {
				if !slices.ContainsFunc(links, func(l csvLink) bool { return l.table == tb[1] }) {
					t.Errorf("table %s has no CSV link", tb[1])
				}
			}
			for _, l := range links {
				if l.command == "" {
					continue
				}
				commands++
				args := strings.Fields(l.command)
				if args[0] != "tifa" || !strings.Contains(l.command, " -f csv ") {
					t.Fatalf("command %q: want tifa … -f csv PATH", l.command)
				}
				out, stderr, err := run(t, "", args[1:]...)
				if err != nil {
					t.Fatalf("%s: %v\n%s", l.command, err, stderr)
				}
				if out != string(l.csv) {
					t.Errorf("the CSV of table %q differs from %s:\n--- page ---\n%.600s\n--- command ---\n%.600s", l.table, l.command, l.csv, out)
				}
				if slices.Contains(c.args, "--bom") != bytes.HasPrefix(l.csv, []byte("\ufeff")) {
					t.Errorf("%s: byte order mark %v, want %v", l.command, !slices.Contains(c.args, "--bom"), slices.Contains(c.args, "--bom"))
				}
			}
			if commands < c.min {
				t.Errorf("%d links name a command, want at least %d", commands, c.min)
			}
		})
	}
}

// outline is the page's text in order: headings, captions, commands,
// paragraphs, table headers, legends, tabs, facts, and the charts' panel
// and axis titles; no geometry.
func outline(page string) string {
	re := regexp.MustCompile(`(?s)<(h1|h2|p|figcaption|summary|dt|dd|th|li|button|code|text)\b([^>]*)>(.*?)</(?:h1|h2|p|figcaption|summary|dt|dd|th|li|button|code|text)>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	var b strings.Builder
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		if m[1] == "text" && !strings.Contains(m[2], `class="alabel"`) && !strings.Contains(m[2], `class="ptitle"`) {
			continue // tick labels, cell values
		}
		text := html.UnescapeString(tag.ReplaceAllString(m[3], ""))
		b.WriteString(m[1] + ": " + text + "\n")
	}
	return b.String()
}

// TestReportStructure checks what the page holds on the samples: an
// outline against a golden file, sections in order, nothing from outside,
// the same bytes twice.
func TestReportStructure(t *testing.T) {
	page := report(t, samples)
	checkGolden(t, "report_outline.txt", outline(page))
	last := -1
	for _, id := range []string{"corpus", "trends", "similarity", "clusters", "diffusion", "<footer>"} {
		i := strings.Index(page, `<section id="`+id+`">`)
		if id == "<footer>" {
			i = strings.Index(page, id)
		}
		if i < last {
			t.Errorf("section %s missing or out of order", id)
		}
		last = i
	}
	for _, bad := range []string{"http:", "https:", " src=", "url(", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q: it must not reach outside the file", bad)
		}
	}
	for _, want := range []string{"2025-01-02", "<svg class=\"heatmap\"", "<svg class=\"line\"", "<dd>" + strconv.Itoa(nSamples) + "</dd>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if again := report(t, samples); again != page {
		t.Error("two reports of the same input differ")
	}
}

// TestReportEscapes: region names and other strings from the reports are
// escaped wherever they appear.
func TestReportEscapes(t *testing.T) {
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(samples, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal(err, files)
	}
	var manifest strings.Builder
	manifest.WriteString("file,region,level,year\n")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		region, year, _ := strings.Cut(strings.TrimSuffix(name, ".txt"), "_")
		manifest.WriteString(name + `,"<b>` + region + `</b>&""",county,` + year + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	page := report(t, dir)
	if i := strings.Index(page, "<b>"); i >= 0 {
		t.Fatalf("unescaped region name in the page: %q", page[max(0, i-100):i+40])
	}
	if n := strings.Count(page, "&lt;b&gt;云溪镇&lt;/b&gt;&amp;&#34;"); n < 5 {
		t.Errorf("escaped region name found %d times, want it in tables, heatmap and charts", n)
	}
}

func TestReportErrors(t *testing.T) {
	empty := t.TempDir()
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	runErrors(t, []errCase{
		{"no args", []string{"report"}, "no reports given"},
		{"no documents", []string{"report", empty}, "no reports"},
		{"format", []string{"report", samples, "-f", "csv"}, "HTML only"},
		{"top", []string{"report", samples, "--top", "0"}, "flag --top"},
		{"heatmap", []string{"report", samples, "--heatmap", "1"}, "flag --heatmap"},
		{"by", []string{"report", samples, "--by", "month"}, "flag --by"},
		{"k", []string{"report", samples, "--k", "x"}, "flag --k"},
		{"method", []string{"report", samples, "--method", "x"}, "flag --method"},
		{"unwritable", []string{"report", samples, "-o", filepath.Join(blocker, "report.html")}, "write " + blocker},
	})
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(blocker), "*")); len(left) != 1 {
		t.Errorf("files left beside the unwritable output: %v", left)
	}
	saved := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = saved })
	runErrors(t, []errCase{{"terminal", []string{"report", samples}, "give -o FILE.html"}})
}

// TestReportFile: -o writes the file atomically, nothing on stdout.
func TestReportFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	t.Setenv("SOURCE_DATE_EPOCH", reportEpoch)
	out, _, err := run(t, "", "report", "-q", samples, "-o", path)
	if err != nil || out != "" {
		t.Fatalf("err %v, stdout %q", err, out)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !bytes.HasSuffix(b, []byte("</html>\n")) {
		t.Fatalf("%s: %v, %d bytes", path, err, len(b))
	}
}

// TestReportInBrowser opens the report in headless Chromium: the script
// runs without error and marks the page rendered, tooltips are set up,
// and every table's cells in the DOM equal its CSV.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if _, err := os.Stat("/usr/bin/chromium"); err != nil {
			t.Skip("chromium not found: install Debian's chromium package to run the browser test")
		}
		chromium = "/usr/bin/chromium"
	}
	path := filepath.Join(t.TempDir(), "report.html")
	t.Setenv("SOURCE_DATE_EPOCH", reportEpoch)
	if _, stderr, err := run(t, "", "report", "-q", samples, "-o", path); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+path)
	cmd.WaitDelay = 5 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.Bytes())
	}
	page := string(dom)
	if !strings.Contains(page, `data-rendered="1"`) {
		t.Fatalf("the script did not finish: no data-rendered marker\n%s", stderr.Bytes())
	}
	if m := regexp.MustCompile(`(?s)<pre id="errors"[^>]*>(.*?)</pre>`).FindStringSubmatch(page); m == nil || m[1] != "" || regexp.MustCompile(`<body[^>]*data-errors`).MatchString(page) {
		t.Fatalf("script errors: %q", m)
	}
	for _, svg := range regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(page, -1) {
		if strings.Contains(svg, "<title>") {
			t.Fatalf("an SVG title was not turned into a tooltip: %.300s", svg)
		}
	}
	if !strings.Contains(page, "data-tip=") {
		t.Error("no tooltips (data-tip) in the page")
	}
	compareDOMTables(t, page)
}

// compareDOMTables checks each table of the DOM against the CSV of its
// link: the same header and cells, in order.
func compareDOMTables(t *testing.T, page string) {
	t.Helper()
	links := csvLinks(t, page)
	tableRE := regexp.MustCompile(`(?s)<table class="data[^"]*" data-table="(\d+)">(.*?)</table>`)
	rowRE := regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE := regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	tables := tableRE.FindAllStringSubmatch(page, -1)
	if len(tables) < 8 {
		t.Fatalf("%d tables in the DOM, want at least 8", len(tables))
	}
	for _, tb := range tables {
		var dom [][]string
		for _, row := range rowRE.FindAllStringSubmatch(tb[2], -1) {
			var cells []string
			for _, c := range cellRE.FindAllStringSubmatch(row[1], -1) {
				cells = append(cells, html.UnescapeString(c[1]))
			}
			dom = append(dom, cells)
		}
		i := slices.IndexFunc(links, func(l csvLink) bool { return l.table == tb[1] })
		if i < 0 {
			t.Errorf("table %s: no CSV link", tb[1])
			continue
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(links[i].csv, []byte("\ufeff"))))
		want, err := r.ReadAll()
		if err != nil {
			t.Fatalf("table %s: CSV: %v", tb[1], err)
		}
		if !slices.EqualFunc(dom, want, slices.Equal) {
			t.Errorf("table %s: the DOM's cells differ from the CSV\nDOM: %.400q\nCSV: %.400q", tb[1], dom, want)
		}
	}
}

// TestReportClusterMap: the map's CSV lists every unit once, with the
// cluster 'tifa cluster' gives it and coordinates centred on the mean, and
// each point of the map shows its row's values.
func TestReportClusterMap(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"regions", []string{samples}},
		{"documents", []string{samples, "--by", "doc", "--k", "3", "--method", "ward"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := report(t, c.args...)
			m := regexp.MustCompile(`download="cluster_map.csv" href="data:text/csv;charset=utf-8;base64,([^"]*)"`).FindStringSubmatch(page)
			if m == nil {
				t.Fatal("no map CSV")
			}
			b, _ := base64.StdEncoding.DecodeString(m[1])
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil || len(rows) < 3 {
				t.Fatalf("map CSV: %v, %d rows", err, len(rows))
			}
			var members [][]string
			for _, l := range csvLinks(t, page) {
				if strings.Contains(l.command, "--table members") {
					members, _ = csv.NewReader(bytes.NewReader(l.csv)).ReadAll()
				}
			}
			head := rows[0]
			n := len(head)
			if strings.Join(head[n-3:], ",") != "cluster,pc1,pc2" || len(members) != len(rows) {
				t.Fatalf("map columns %v, %d rows; members %d rows", head, len(rows), len(members))
			}
			sum := [2]float64{}
			for i, row := range rows[1:] {
				if row[0] != members[i+1][0] || row[n-3] != members[i+1][n-3] {
					t.Errorf("map row %v, members row %v: want the same unit and cluster", row, members[i+1])
				}
				tip := row[0] + "\ncluster " + row[n-3] + "\nPC1 " + row[n-2] + ", PC2 " + row[n-1]
				if !strings.Contains(page, "<title>"+html.EscapeString(tip)+"</title>") {
					t.Errorf("no point titled %q", tip)
				}
				for k := range 2 {
					v, err := strconv.ParseFloat(row[n-2+k], 64)
					if err != nil {
						t.Fatal(err)
					}
					sum[k] += v
				}
			}
			if math.Abs(sum[0]) > 1e-3*float64(len(rows)) || math.Abs(sum[1]) > 1e-3*float64(len(rows)) {
				t.Errorf("coordinates sum to %v: want them centred on 0", sum)
			}
		})
	}
}
