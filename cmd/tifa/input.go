package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/extract"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// inputOpts are the flags of every command that reads reports.
type inputOpts struct {
	meta      string
	section   string
	lexFiles  []string
	noBuiltin bool
	where     []string
	maxSize   string
	places    string
	cache     cacheOpts
	ocr       string // --ocr: tesseract's language, "" for none
}

func (in *inputOpts) addFlags(cmd *cobra.Command, withLexicon bool) {
	f := cmd.Flags()
	f.StringVar(&in.meta, "meta", "", "manifest CSV with columns file,region,level,year (default: manifest.csv in a folder argument)")
	f.StringVar(&in.section, "section", "all", "text analysed: all, review (工作回顾) or plan (工作安排)")
	f.StringArrayVar(&in.where, "where", nil, "only the documents matching FILTER: year=1990..2025, level=county|city, region=浙江, province=河北, city=保定, county=徐水, code=1306*, place=ID, doc=GLOB or a manifest column; repeatable (all must hold)")
	f.StringVar(&in.maxSize, "max-size", "64MB", "largest report file read (500MB, 2GB; none: no limit); a larger one is listed, not read")
	f.StringVar(&in.places, "places", "", "your own placements: CSV FILE of name,code rows (a document's path or file name, or a place name; code none: no division); see 'tifa places'")
	addCacheFlags(cmd, &in.cache)
	f.StringVar(&in.ocr, "ocr", "", "read scanned PDF pages with tesseract (installed separately), in language LANG")
	f.Lookup("ocr").NoOptDefVal = "chi_sim"
	if withLexicon {
		addLexiconFlags(cmd, in)
	}
}

func addLexiconFlags(cmd *cobra.Command, in *inputOpts) {
	f := cmd.Flags()
	f.StringArrayVar(&in.lexFiles, "lexicon", nil, "your own lexicon FILE (.yaml, or text: one slogan a line, aliases after |); repeatable")
	f.BoolVar(&in.noBuiltin, "no-builtin", false, "use only the --lexicon files, not the built-in lexicon")
}

func (in *inputOpts) part() (reports.Part, error) {
	p, ok := reports.ParsePart(in.section)
	if !ok {
		return 0, fmt.Errorf("flag --section: want all, review or plan (got %q)", in.section)
	}
	return p, nil
}

// prepare checks --section and loads the lexicon: what every command that
// counts needs before it reads a report.
func (in *inputOpts) prepare(g *globals) (reports.Part, *lexicon.Lexicon, error) {
	part, err := in.part()
	if err != nil {
		return part, nil, err
	}
	lex, err := in.loadLexicon(g)
	return part, lex, err
}

// loadLexicon builds the lexicon the flags ask for.
func (in *inputOpts) loadLexicon(g *globals) (*lexicon.Lexicon, error) {
	var builtin []lexicon.Entry
	if !in.noBuiltin {
		var err error
		if builtin, err = lexicon.Default(); err != nil {
			return nil, err
		}
	}
	var user [][]lexicon.Entry
	for _, f := range in.lexFiles {
		es, err := lexicon.ParseFile(f)
		if err != nil {
			return nil, err
		}
		user = append(user, es)
	}
	lex, warns, err := lexicon.New(builtin, user...)
	if err != nil {
		return nil, err
	}
	for _, w := range warns {
		g.warnf("%s", w)
	}
	if len(lex.Entries) == 0 {
		return nil, errors.New("the lexicon is empty: --no-builtin needs at least one --lexicon FILE with entries")
	}
	g.lexHash = lex.Hash()
	return lex, nil
}

// open finds the reports under args.
func (in *inputOpts) open(g *globals, args []string) (*reports.Source, error) {
	if len(args) == 0 {
		return nil, errors.New("no reports given: name files or folders (or - for stdin)")
	}
	if len(in.where) > 0 {
		f, err := analysis.ParseFilter(in.where)
		if err != nil {
			return nil, fmt.Errorf("flag --where: %w", err)
		}
		g.where = &f
	}
	maxBytes, err := parseSizeFlag("--max-size", in.maxSize)
	if err != nil {
		return nil, err
	}
	if in.ocr != "" {
		if err := extract.CheckOCR(in.ocr); err != nil {
			return nil, fmt.Errorf("flag --ocr: %w", err)
		}
	}
	opt := reports.Options{
		Manifest:     in.meta,
		Stdin:        g.stdin,
		MaxBytes:     maxBytes,
		MaxBytesFlag: "--max-size",
		Warn:         func(msg string) { g.warnf("%s", msg) },
		OCR:          in.ocr,
		OCRFlag:      "--ocr",
		Stage:        g.stage,
	}
	if in.places != "" {
		r, err := placesResolver(in.places)
		if err != nil {
			return nil, err
		}
		opt.Places = r
	}
	cc, err := in.cache.open(g)
	if err != nil {
		return nil, err
	}
	if cc != nil { // a nil *cache.Cache in the interface would not be nil
		g.cache = cc
		opt.Cache = cc
	}
	src, err := reports.Open(args, opt)
	if err != nil {
		return nil, err
	}
	return src, g.checkSource(src, args)
}

// each reads every document of src, showing progress, and calls fn on
// those analysed: those that match --where and the command's own scope
// (g.scope: compare's --a or --b). Warnings concern only them. Its error
// says when no document matched or had any text.
func each(g *globals, src *reports.Source, fn func(*reports.Document) error) error {
	return walk(g, src, true, fn)
}

// eachListed is each for a command that lists the documents (docs): that
// none has any text is no error, the list shows why.
func eachListed(g *globals, src *reports.Source, fn func(*reports.Document) error) error {
	return walk(g, src, false, fn)
}

// scope is the part of the documents read that a command analyses, beside
// --where: name says it in messages ("--a year=2015 or --b year=2020").
type scope struct {
	name  string
	match func(id string, m reports.Meta) bool
}

func walk(g *globals, src *reports.Source, needText bool, fn func(*reports.Document) error) error {
	defer src.Close() // the PDF engine, if a PDF was read
	p := newProgress(g, len(src.Files()))
	r := &readRecord{NeedText: needText}
	warned := tally{what: "have warnings"}
	err := src.EachContext(g.ctx(), func(d *reports.Document) error {
		r.Read++
		if g.where != nil && !g.where.Match(d.ID, d.Meta) {
			p.add(d.Path, len(d.Text))
			return nil
		}
		r.InWhere++
		if g.scope != nil && !g.scope.match(d.ID, d.Meta) {
			p.add(d.Path, len(d.Text))
			return nil
		}
		r.add(g, d, &warned)
		p.add(d.Path, len(d.Text))
		return fn(d)
	})
	p.done()
	if err != nil {
		return err
	}
	r.Warned, r.FirstWarning = warned.n, warned.first
	g.lastRead = r
	return r.report(g)
}

// readRecord is what reading the documents told a command besides the
// documents: kept with a corpus's matrix in the cache (corpus.go), it is
// replayed when the matrix is read from there, so a run from the cache
// records the same provenance and prints the same messages.
type readRecord struct {
	Read, InWhere int // documents read, matching --where
	N, WithText   int // documents analysed (--where and the command's scope), with text
	Warned        int // documents analysed with warnings
	FirstWarning  string
	NeedText      bool        // false for a command listing the documents
	Docs          []docRecord // with g.recordDocs: each document analysed
}

// docRecord is what provenance records of a document.
type docRecord struct {
	ID, Hash string
	Meta     reports.Meta
}

// add counts a document analysed and records it for provenance.
func (r *readRecord) add(g *globals, d *reports.Document, warned *tally) {
	r.N++
	g.inputs.Add(d)
	if strings.TrimSpace(d.Text) != "" {
		r.WithText++
	}
	if len(d.Warnings) > 0 && d.Unread() == "" { // an unread PDF … was named already
		warned.add(d.ID, d.Warnings[0])
	}
	if g.recordDocs {
		r.Docs = append(r.Docs, docRecord{d.ID, d.Hash, d.Meta})
	}
}

// replay records the documents of a record read from the cache, as if
// they had been read, and reports as each does.
func (r *readRecord) replay(g *globals) error {
	for _, d := range r.Docs {
		g.inputs.Add(&reports.Document{ID: d.ID, Hash: d.Hash, Meta: d.Meta})
	}
	g.lastRead = r
	return r.report(g)
}

// report warns about the documents with warnings and says how many
// matched --where and the command's scope; its error says when none
// matched or had any text.
func (r *readRecord) report(g *globals) error {
	warned := tally{what: "have warnings", n: r.Warned, first: r.FirstWarning}
	if !r.NeedText {
		warned.hint = "the warnings column lists them"
	}
	warned.report(g, r.N)
	if g.where != nil {
		if r.InWhere == 0 {
			return fmt.Errorf("--where %s matches none of the %d documents read ('tifa docs' shows their metadata)", g.where, r.Read)
		}
		if !g.quiet {
			fmt.Fprintf(g.stderr, "tifa: --where %s: %d of %d documents\n", g.where, r.InWhere, r.Read)
		}
	}
	if g.scope != nil && r.N < r.InWhere && !g.quiet {
		fmt.Fprintf(g.stderr, "tifa: %s: %d of %d documents analysed\n", g.scope.name, r.N, r.InWhere)
	}
	if !r.NeedText || r.N == 0 && g.scope != nil {
		return nil // the list shows every document; the command says which side matched none
	}
	if r.WithText == 0 {
		if r.FirstWarning != "" { // the reason, which -q keeps from the warnings
			return fmt.Errorf("none of the %d documents read has any text (first: %s)", r.N, r.FirstWarning)
		}
		return fmt.Errorf("none of the %d documents read has any text", r.N)
	}
	return nil
}

// progress prints a one-line progress report on stderr when it is a
// terminal, once the run has taken more than a second.
type progress struct {
	w            io.Writer
	on           bool
	total, files int
	bytes        int
	last         string
	start, shown time.Time
}

func newProgress(g *globals, total int) *progress {
	return &progress{w: g.stderr, on: !g.quiet && isTerminal(g.stderr), total: total, start: time.Now()}
}

func (p *progress) add(path string, n int) {
	if path != p.last {
		p.files++
		p.last = path
	}
	p.bytes += n
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.shown) < 100*time.Millisecond {
		return
	}
	p.shown = now
	secs := now.Sub(p.start).Seconds()
	mb := float64(p.bytes) / 1e6
	eta := ""
	if p.files > 0 && p.total > p.files {
		eta = fmt.Sprintf(", ETA %.0fs", secs/float64(p.files)*float64(p.total-p.files))
	}
	fmt.Fprintf(p.w, "\rtifa: %d/%d files, %.1f MB, %.1f MB/s%s   ", p.files, p.total, mb, mb/secs, eta)
}

func (p *progress) done() {
	if p.on && !p.shown.IsZero() {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 70))
	}
}

// tally counts documents with a warning and reports them on one line,
// so a corpus of hundreds of reports does not flood the terminal; 'tifa
// docs' lists every warning.
type tally struct {
	what  string // e.g. "have warnings"
	hint  string // where to see them all: "'tifa docs' lists them" when empty
	n     int
	first string
}

func (t *tally) add(id, warning string) {
	if t.n == 0 {
		t.first = reports.QuoteName(id) + ": " + warning
	}
	t.n++
}

func (t *tally) report(g *globals, total int) {
	if t.n > 0 {
		hint := t.hint
		if hint == "" {
			hint = "'tifa docs' lists them"
		}
		g.warnf("%d of %d documents %s (first: %s); %s", t.n, total, t.what, t.first, hint)
	}
}
