package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/cache"
	"github.com/tifa-project/tifa/extract"
	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

// A Reader reads the reports of one run and keeps what reading found. Its
// fields say where it reports (a nil function: nowhere), where standard
// input comes from, and what the command adds: its version, a check of the
// reports found, a scope. The zero Reader reads and tells nothing.
type Reader struct {
	Warn     func(msg string)                      // a warning
	Note     func(msg string)                      // a line saying what reading found ("--where …: 3 of 9 documents")
	Stage    func(name string) func()              // a slow step begins; the function returned ends it (see Stage)
	Progress io.Writer                             // the progress line of reading (a terminal), nil for none
	Stdin    io.Reader                             // the reports of the argument "-"
	Version  string                                // the program's version: the cache keeps each build's entries apart (CacheVersion)
	Check    func(*reports.Source, []string) error // called once the reports under the arguments are found, before one is read
	Scope    *Scope                                // the command's own choice of documents, beside --where; nil for all
	Hit      func(kind string)                     // told of each matrix, vectors or Gram matrix read from the cache: for tests
	Marks    bool                                  // the command locates mentions in the source (kwic): documents keep their Marks without the cache too

	cache   *cache.Cache     // open while reports are read; nil without one
	where   *analysis.Filter // --where; nil for all
	record  bool             // keep a docRecord of each document analysed (for the corpus cache)
	last    *readRecord      // what the last Each read, or the cache replayed
	inputs  table.Inputs     // the documents analysed, for provenance
	lexHash string           // the hash of the lexicon loaded
}

// Input names the reports' options: the flags of every command that reads
// reports.
type Input struct {
	Meta      string   // manifest CSV (--meta)
	Section   string   // all, review or plan (--section)
	Lexicons  []string // the user's lexicon files (--lexicon)
	NoBuiltin bool     // only Lexicons, not the built-in lexicon (--no-builtin)
	Where     []string // filters, all of which must hold (--where)
	MaxSize   string   // largest report file read (--max-size)
	Places    string   // the user's placements, a CSV file (--places)
	Cache     CacheOptions
	OCR       string // tesseract's language, "" for none (--ocr)
}

func (r *Reader) warnf(format string, args ...any) {
	if r.Warn != nil {
		r.Warn(fmt.Sprintf(format, args...))
	}
}

func (r *Reader) notef(format string, args ...any) {
	if r.Note != nil {
		r.Note(fmt.Sprintf(format, args...))
	}
}

func (r *Reader) stage(name string) func() {
	if r.Stage == nil {
		return func() {}
	}
	return r.Stage(name)
}

// Part is the part of each report --section names.
func (in *Input) Part() (reports.Part, error) {
	p, ok := reports.ParsePart(in.Section)
	if !ok {
		return 0, fmt.Errorf("flag --section: want all, review or plan (got %q)", in.Section)
	}
	return p, nil
}

// Prepare checks --section and loads the lexicon: what every command that
// counts needs before it reads a report.
func (r *Reader) Prepare(in *Input) (reports.Part, *lexicon.Lexicon, error) {
	part, err := in.Part()
	if err != nil {
		return part, nil, err
	}
	lex, err := r.Lexicon(in)
	return part, lex, err
}

// Lexicon builds the lexicon in asks for: the built-in one unless
// NoBuiltin, and the Lexicons files; provenance records its hash.
func (r *Reader) Lexicon(in *Input) (*lexicon.Lexicon, error) {
	var builtin []lexicon.Entry
	if !in.NoBuiltin {
		var err error
		if builtin, err = lexicon.Default(); err != nil {
			return nil, err
		}
	}
	var user [][]lexicon.Entry
	for _, f := range in.Lexicons {
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
		r.warnf("%s", w)
	}
	if len(lex.Entries) == 0 {
		return nil, errors.New("the lexicon is empty: --no-builtin needs at least one --lexicon FILE with entries")
	}
	r.lexHash = lex.Hash()
	return lex, nil
}

// Open finds the reports under args, with the cache in asks for.
func (r *Reader) Open(in *Input, args []string) (*reports.Source, error) {
	if len(args) == 0 {
		return nil, errors.New("no reports given: name files or folders (or - for stdin)")
	}
	if len(in.Where) > 0 {
		f, err := analysis.ParseFilter(in.Where)
		if err != nil {
			return nil, fmt.Errorf("flag --where: %w", err)
		}
		r.where = &f
	}
	maxBytes, err := parseSize("--max-size", in.MaxSize)
	if err != nil {
		return nil, err
	}
	if in.OCR != "" {
		if err := extract.CheckOCR(in.OCR); err != nil {
			return nil, fmt.Errorf("flag --ocr: %w", err)
		}
	}
	opt := reports.Options{
		Manifest:     in.Meta,
		Stdin:        r.Stdin,
		MaxBytes:     maxBytes,
		MaxBytesFlag: "--max-size",
		Warn:         func(msg string) { r.warnf("%s", msg) },
		OCR:          in.OCR,
		OCRFlag:      "--ocr",
		Stage:        r.stage,
		NoMarks:      !r.Marks,
	}
	if in.Places != "" {
		pr, err := placesResolver(in.Places)
		if err != nil {
			return nil, err
		}
		opt.Places = pr
	}
	cc, err := r.openCache(&in.Cache)
	if err != nil {
		return nil, err
	}
	if cc != nil { // a nil *cache.Cache in the interface would not be nil
		r.cache = cc
		opt.Cache = cc
	}
	src, err := reports.Open(args, opt)
	if err != nil {
		return nil, err
	}
	if r.Check != nil {
		return src, r.Check(src, args)
	}
	return src, nil
}

// placesResolver reads --places FILE: the user's overrides on the
// embedded gazetteer.
func placesResolver(file string) (*places.Resolver, error) {
	g, err := places.Load()
	if err != nil {
		return nil, err
	}
	data, err := infile.ReadFile(file, places.MaxOverridesBytes)
	if err != nil {
		return nil, fmt.Errorf("flag --places: %w", err)
	}
	ov, err := places.ParseOverrides(file, bytes.NewReader(data), g)
	if err != nil {
		return nil, fmt.Errorf("flag --places: %w", err)
	}
	return places.NewResolver(g, ov), nil
}

// Close writes what the cache still holds and closes it, after a command
// succeeded; a failure is a warning. After a failure or Ctrl-C the process
// ends without it: the cache keeps what its committed transactions hold,
// and the operating system releases its lock.
func (r *Reader) Close() {
	if r.cache == nil {
		return
	}
	err := r.cache.Close()
	r.cache = nil
	if err != nil {
		r.warnf("cache: %v", err)
	}
}

// Digest is the digest of the documents analysed so far and their number
// (table.Inputs), for provenance.
func (r *Reader) Digest() (string, int) { return r.inputs.Digest() }

// LexiconHash is the hash of the lexicon loaded last, "" before one is.
func (r *Reader) LexiconHash() string { return r.lexHash }
