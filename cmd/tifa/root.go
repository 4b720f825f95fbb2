package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"golang.org/x/term"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/table"
)

// version is tifa's version, printed by --version and kept in caches and
// provenance.
const version = "0.1.0"

// globals are the flags every command shares.
type globals struct {
	format string
	out    string
	bom    bool
	quiet  bool
	prov   bool // --provenance

	columnsFlag string        // --columns
	columns     table.Columns // --columns, parsed

	// What provenance records besides the reader's documents and lexicon
	// hash: the arguments (commandArgs); now is time.Now unless a test
	// sets it.
	args           []string
	now            func() time.Time
	badEpochWarned bool

	stdin          io.Reader
	stdout, stderr io.Writer
	cmd            *cobra.Command // the command running, for its context
	rd             *load.Reader   // reads the reports: made by reader on first use

	method string // provenance: the approximate method used, "" when exact
}

// reader returns the run's load.Reader: it reports on stderr (warnings
// and notes unless -q, progress and stages on a terminal) and keeps the
// documents read for provenance.
func (g *globals) reader() *load.Reader {
	if g.rd == nil {
		g.rd = &load.Reader{
			Warn:    func(msg string) { g.warnf("%s", msg) },
			Note:    g.notef,
			Stage:   g.stage,
			Stdin:   g.stdin,
			Version: version,
			Check:   g.checkSource,
			Hit:     corpusHit,
		}
		if !g.quiet && isTerminal(g.stderr) {
			g.rd.Progress = g.stderr
		}
	}
	return g.rd
}

// corpusHit, when not nil, is told of each matrix, vectors or Gram
// matrix read from the corpus cache ("matrix", "vectors", "gram"): for
// tests.
var corpusHit func(kind string)

// closeCache writes what the cache still holds and closes it, after a
// command succeeded (load.Reader.Close).
func (g *globals) closeCache() error {
	if g.rd != nil {
		g.rd.Close()
	}
	return nil
}

// stage shows, on a terminal, which slow step tifa is in (load.Stage);
// the returned function ends it.
func (g *globals) stage(name string) (done func()) {
	if g.quiet || !isTerminal(g.stderr) {
		return func() {}
	}
	return load.Stage(g.stderr, name)
}

// ctx returns the running command's context: cancelled by Ctrl-C.
func (g *globals) ctx() context.Context {
	if g.cmd != nil && g.cmd.Context() != nil {
		return g.cmd.Context()
	}
	return context.Background()
}

const rootLong = `tifa (提法, "official formulation") measures the policy slogans in Chinese
government work reports (政府工作报告): which slogans a township, county, city or
province stresses, how that changes year by year.

It reads reports as they come (UTF-8, GBK or UTF-16; scraped web pages; PDF,
Word, OFD; zip archives; several reports in one file), takes region, level and year from a
manifest.csv, the file name or the report's own header, and counts the slogans
of an embedded, curated lexicon exactly — no segmenter can split them.

Attention:
  1. Output is a table on a terminal and CSV in a pipe; -f chooses (table, csv,
     tsv, json, md, xlsx), -o FILE writes a file, its format from the extension
     (-o out.xlsx: an Excel workbook, a sheet per table); --bom adds the byte
     order mark Excel needs to read Chinese CSV. --provenance records the
     command line, version, lexicon hash, a digest of the reports read and the
     date (# lines atop CSV; SOURCE_DATE_EPOCH fixes the date); a workbook
     always holds them, on its sheet "about".
  2. Metadata comes from manifest.csv (file,region,level,year) at the root of a
     folder, or --meta FILE; without one, from file names like 浙江_2025.txt and
     the report's header. 'tifa docs' shows what was found — check it first.
  3. Your own slogans: --lexicon FILE (one a line, aliases after |); add
     --no-builtin to count only yours. 'tifa lexicon check FILE' validates it.
  4. --section review|plan analyses only the review of past work or the plan;
     'tifa docs' shows which heading opened each part.
  5. Each report gets its official division code ('tifa places' shows which
     and why; --places FILE corrects it): --where province=河北 or county=徐水
     and --by county work on codes, whatever the spelling.`

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:           "tifa",
		Short:         "Measure policy slogans in Chinese government work reports",
		Long:          rootLong,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			g.cmd = cmd
			g.args = commandArgs(cmd, args)
			if err := checkDeprecated(g, cmd); err != nil {
				return err
			}
			if err := checkNumericFlags(cmd); err != nil {
				return err
			}
			return g.checkOutputs(cmd, args)
		},
		PersistentPostRunE: func(cmd *cobra.Command, args []string) error {
			return g.closeCache()
		},
		RunE: runGuide(g), // no command: where to start, not the full help
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVarP(&g.format, "format", "f", "", "output format: table, csv, tsv, json, md, xlsx (default: from the -o extension, else table on a terminal, else csv)")
	pf.StringVarP(&g.out, "output", "o", "", "write to FILE instead of stdout: a file atomically, a symlink's target, a device or FIFO straight; never an input")
	pf.StringVar(&g.columnsFlag, "columns", "", "document columns shown (region, level, year, the place columns code … place_source, manifest columns): "+table.ColumnsSyntax+"; default: all but the place columns (shown by tifa docs), and a terminal table leaves out long ones")
	pf.BoolVar(&g.bom, "bom", false, "CSV/TSV for Excel: a UTF-8 byte order mark, and text cells starting with = + - @ prefixed with ' so Excel runs no formula")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "no progress or warnings on stderr")
	pf.BoolVar(&g.prov, "provenance", false, "record the command, version, lexicon, input digest and date: # comment lines in CSV/TSV, a \"provenance\" object in JSON, a footer in tables and Markdown")
	root.AddCommand(
		newDocsCmd(g),
		newPlacesCmd(g),
		newCountCmd(g),
		newTrendCmd(g),
		newTermsCmd(g),
		newSimilarCmd(g),
		newClusterCmd(g),
		newCompareCmd(g),
		newKwicCmd(g),
		newDiscoverCmd(g),
		newTopicsCmd(g),
		newScaleCmd(g),
		newCooccurCmd(g),
		newExpandCmd(g),
		newReuseCmd(g),
		newDiffusionCmd(g),
		newAlignCmd(g),
		newTargetsCmd(g),
		newLexiconCmd(g),
		newCacheCmd(g),
		newDemoCmd(g),
		newReportCmd(g),
	)
	return root
}

// isTerminal reports whether w is a terminal. It is a variable so a test
// can pretend.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// emit writes tables to the chosen output in the chosen format, with
// their provenance when --provenance is given (always in xlsx). xlsx to a
// terminal is an error.
func (g *globals) emit(tables ...*table.Table) error {
	if err := g.ctx().Err(); err != nil {
		return err // Ctrl-C or SIGTERM while computing: nothing is written
	}
	terminal := isTerminal(g.stdout)
	f, err := table.ChooseFormat(g.format, g.out, terminal)
	if err != nil {
		return err
	}
	if f == table.FormatXLSX && (g.out == "" || g.out == "-") && terminal {
		return errors.New("xlsx is binary: give -o FILE.xlsx")
	}
	return g.outputTo(g.out, f == table.FormatXLSX).Write(f, g.bom, tables...)
}

// outputTo returns the output to path, with the run's provenance when
// --provenance is given or always is set, the columns of --columns, and
// what it changed told as warnings.
func (g *globals) outputTo(path string, always bool) table.Output {
	o := table.Output{Path: path, Stdout: g.stdout, Columns: g.columns, Warn: func(msg string) { g.warnf("%s", msg) }}
	if g.prov || always {
		p := g.provenance()
		o.Prov = &p
	}
	return o
}

// notef prints a line on what reading found on stderr unless -q.
func (g *globals) notef(msg string) {
	if !g.quiet {
		fmt.Fprintf(g.stderr, "tifa: %s\n", msg)
	}
}

// warnf prints a warning on stderr unless -q.
func (g *globals) warnf(format string, args ...any) {
	if !g.quiet {
		fmt.Fprintf(g.stderr, "tifa: warning: "+format+"\n", args...)
	}
}
