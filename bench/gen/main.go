package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tifa-project/tifa/places"
)

func main() {
	err := run(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// config holds the flags.
type config struct {
	corpus string
	out    string
	n      int
	years  int
	seed   uint64
	perDir int
	jobs   int
	quiet  bool
	kb     float64 // mean report size in KB; 0 keeps the real reports' sizes
}

// maxReports bounds -n; the gazetteer's regions bound it lower (about
// 26,000 regions, so about 260,000 reports of -years 10).
const maxReports = 5_000_000

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: go run ./bench/gen -out DIR [-n 20000] [-corpus ../shared/corpus] [-seed 1]\n\n"+
			"Writes N synthetic government work reports and their manifest.csv into DIR by\n"+
			"recombining paragraphs of the real corpus, for scale benchmarks of tifa.\n\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&c.corpus, "corpus", "../shared/corpus", "folder of real reports (with its manifest.csv) to draw paragraphs from")
	fs.StringVar(&c.out, "out", "", "folder to write into; created, and must be empty")
	fs.IntVar(&c.n, "n", 20000, "number of reports to write")
	fs.IntVar(&c.years, "years", 10, "consecutive years each region reports (1..27)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed: same seed, same corpus, same output")
	fs.IntVar(&c.perDir, "per-dir", 1000, "files per subfolder")
	fs.IntVar(&c.jobs, "j", runtime.NumCPU(), "goroutines writing reports (the output does not depend on it)")
	fs.BoolVar(&c.quiet, "q", false, "print nothing on success")
	fs.Float64Var(&c.kb, "kb", 0, "mean report size in KB (township reports: about 20); 0 keeps the sizes of the real reports (about 48)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case fs.NArg() > 0:
		return c, fmt.Errorf("unexpected argument %q (flags only)", fs.Arg(0))
	case c.out == "":
		return c, errors.New("flag -out: a folder is needed")
	case c.n < 1 || c.n > maxReports:
		return c, fmt.Errorf("flag -n: must be 1..%d (got %d)", maxReports, c.n)
	case c.years < 1 || c.years > lastYear-firstYear+1:
		return c, fmt.Errorf("flag -years: must be 1..%d (got %d)", lastYear-firstYear+1, c.years)
	case c.perDir < 1:
		return c, fmt.Errorf("flag -per-dir: must be at least 1 (got %d)", c.perDir)
	case !(c.kb == 0 || c.kb >= 2 && c.kb <= 1000):
		return c, fmt.Errorf("flag -kb: must be 0 or 2..1000 (got %g)", c.kb)
	}
	return c, nil
}

func run(args []string, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if err := emptyDir(cfg.out); err != nil {
		return err
	}
	g, err := places.Load()
	if err != nil {
		return err
	}
	world, err := buildWorld(realCounties(g), cfg.n, cfg.years, cfg.seed)
	if err != nil {
		return err
	}
	t0 := time.Now()
	c, err := loadCorpus(cfg.corpus)
	if err != nil {
		return err
	}
	if cfg.kb > 0 {
		c.scaleSizes(cfg.kb * 1000)
	}
	tLoad := time.Since(t0)
	t0 = time.Now()
	st, err := writeAll(cfg, c, world)
	if err != nil {
		return err
	}
	if !cfg.quiet {
		d := time.Since(t0)
		fmt.Fprintf(stderr, "gen: read %d real reports (%d with both parts) in %.1f s; wrote %d reports, %.1f MB (%.1f KB average) in %.1f s: %.0f MB/s, to %s\n",
			len(c.sizes), len(c.docs), tLoad.Seconds(), st.files, float64(st.bytes)/1e6,
			float64(st.bytes)/1e3/float64(max(st.files, 1)), d.Seconds(), float64(st.bytes)/1e6/d.Seconds(), cfg.out)
	}
	return nil
}

// emptyDir creates dir, or checks that it holds nothing: gen never
// overwrites or mixes with earlier output.
func emptyDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("flag -out: %w", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("flag -out: %w", err)
	}
	if len(ents) > 0 {
		return fmt.Errorf("flag -out: %s is not empty", dir)
	}
	return nil
}

// stats counts what was written.
type stats struct {
	files int
	bytes int64
}

// writeAll makes the subfolders, writes the manifest, then the reports.
func writeAll(cfg config, c *corpus, reps []report) (stats, error) {
	rels, err := makeDirs(cfg, reps)
	if err != nil {
		return stats{}, err
	}
	if err := writeManifest(filepath.Join(cfg.out, "manifest.csv"), reps, rels); err != nil {
		return stats{}, err
	}
	return writeReports(cfg, c, reps, rels)
}

// makeDirs creates the subfolders of cfg.perDir files each (000, 001 …) and
// returns each report's path relative to cfg.out, with forward slashes.
func makeDirs(cfg config, reps []report) ([]string, error) {
	width := max(len(strconv.Itoa(max(len(reps)-1, 0)/cfg.perDir)), 3)
	rels := make([]string, len(reps))
	for i, r := range reps {
		sub := fmt.Sprintf("%0*d", width, i/cfg.perDir)
		if i%cfg.perDir == 0 {
			if err := os.Mkdir(filepath.Join(cfg.out, sub), 0o755); err != nil {
				return nil, err
			}
		}
		rels[i] = sub + "/" + r.reg.file + "_" + strconv.Itoa(r.year) + ".txt"
	}
	return rels, nil
}

// writeManifest writes the manifest: file,region,level,year,province,county.
func writeManifest(path string, reps []report, rels []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	b := bufio.NewWriter(f)
	w := csv.NewWriter(b)
	w.Write([]string{"file", "region", "level", "year", "province", "county"})
	for i, r := range reps {
		w.Write([]string{rels[i], r.reg.name, r.reg.level, strconv.Itoa(r.year), r.reg.province, r.reg.county})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := b.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// writeReports writes the reports with cfg.jobs goroutines, each taking the
// next report not yet written; it stops at the first error.
func writeReports(cfg config, c *corpus, reps []report, rels []string) (stats, error) {
	var (
		next, files, bytes atomic.Int64
		mu                 sync.Mutex
		first              error
		wg                 sync.WaitGroup
	)
	failed := func() bool { mu.Lock(); defer mu.Unlock(); return first != nil }
	for range max(cfg.jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := bufio.NewWriterSize(nil, 64<<10)
			for !failed() {
				i := int(next.Add(1) - 1)
				if i >= len(reps) {
					return
				}
				n, err := writeFile(filepath.Join(cfg.out, filepath.FromSlash(rels[i])), buf, func(w *bufio.Writer) {
					compose(w, c, reps[i], newReportRand(cfg.seed, i))
				})
				if err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
					return
				}
				files.Add(1)
				bytes.Add(n)
			}
		}()
	}
	wg.Wait()
	return stats{files: int(files.Load()), bytes: bytes.Load()}, first
}

// writeFile creates path and writes into it what fill writes, through buf;
// it returns the number of bytes written.
func writeFile(path string, buf *bufio.Writer, fill func(*bufio.Writer)) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	cw := &countWriter{w: f}
	buf.Reset(cw)
	fill(buf)
	if err := buf.Flush(); err != nil {
		f.Close()
		return cw.n, err
	}
	return cw.n, f.Close()
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
