// Command chart draws what bench/scale.sh measured — time and peak memory
// against the number of reports — for the README: a developer tool, not
// part of tifa.
//
// Usage:
//
//	go run ./bench/chart -in results.tsv -out docs/img
//
// results.tsv holds the rows scale.sh appends with RESULTS=FILE (n, MB,
// stage, wall s, CPU s, RSS KB, status, load before, load after); for a
// stage measured twice at one size the last row counts, and a stage that
// was stopped or failed is left out. It writes scale-time.png and
// scale-memory.png, both axes logarithmic, one line a stage, drawn with
// tifa's chart package (a Chinese font is needed: see chart.FindFont).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tifa-project/tifa/chart"
)

// stages are the lines drawn, in legend order.
var stages = []struct{ key, name string }{
	{"count+trend", "count + trend"},
	{"similar", "similar, exact"},
	{"cluster", "cluster, k-means"},
	{"similar_within", "similar --within county"},
	{"similar_approx", "similar --approx"},
	{"cluster_mini", "cluster --method minibatch"},
	{"peer", "peer (jieba + scikit-learn), whole run"},
}

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "chart:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "results TSV written by bench/scale.sh (RESULTS=FILE)")
	out := fs.String("out", "docs/img", "folder for scale-time.png and scale-memory.png")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("flag -in: the results file is needed")
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := read(f, *in)
	if err != nil {
		return err
	}
	font, err := chart.FindFont("")
	if err != nil {
		return err
	}
	for _, c := range []struct {
		file, label string
		value       func(m measure) float64
	}{
		{"scale-time.png", "wall time (s)", func(m measure) float64 { return m.wall }},
		{"scale-memory.png", "peak memory (MB)", func(m measure) float64 { return m.rss / 1024 }},
	} {
		lines := &chart.Lines{Title: "tifa on synthetic reports, 2 cores", XLabel: "reports", YLabel: c.label, LogX: true, LogY: true}
		for _, st := range stages {
			s := chart.Series{Name: st.name}
			for _, n := range res.sizes {
				if m, ok := res.at[key{n, st.key}]; ok {
					s.X = append(s.X, float64(n))
					s.Y = append(s.Y, c.value(m))
				}
			}
			if len(s.X) > 0 {
				lines.Series = append(lines.Series, s)
			}
		}
		p := filepath.Join(*out, c.file)
		w, err := os.Create(p)
		if err != nil {
			return err
		}
		err = lines.Draw(w, "png", font)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		fmt.Fprintf(stderr, "chart: wrote %s\n", p)
	}
	return nil
}

type key struct {
	n     int
	stage string
}

type measure struct{ wall, rss float64 }

type results struct {
	sizes []int
	at    map[key]measure
}

// read parses the results; count and trend are added up into count+trend.
func read(r io.Reader, name string) (*results, error) {
	res := &results{at: map[key]measure{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 9", name, line, len(f))
		}
		n, err1 := strconv.Atoi(f[0])
		wall, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: not a number of reports and seconds", name, line)
		}
		if f[2] == "recall@10" {
			continue
		}
		rss, err := strconv.ParseFloat(f[5], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: peak RSS %q: %w", name, line, f[5], err)
		}
		k := key{n, f[2]}
		if f[6] != "ok" || math.IsNaN(wall) {
			delete(res.at, k)
			continue
		}
		res.at[k] = measure{wall, rss}
		if !slices.Contains(res.sizes, n) {
			res.sizes = append(res.sizes, n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.Sort(res.sizes)
	for _, n := range res.sizes {
		c, ok1 := res.at[key{n, "count"}]
		t, ok2 := res.at[key{n, "trend"}]
		if ok1 && ok2 {
			res.at[key{n, "count+trend"}] = measure{c.wall + t.wall, max(c.rss, t.rss)}
		}
	}
	return res, nil
}
