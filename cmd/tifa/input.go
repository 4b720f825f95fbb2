package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
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

// input is what the flags ask of the reports.
func (in *inputOpts) input() load.Input {
	return load.Input{Meta: in.meta, Section: in.section, Lexicons: in.lexFiles, NoBuiltin: in.noBuiltin, Where: in.where,
		MaxSize: in.maxSize, Places: in.places, OCR: in.ocr,
		Cache: load.CacheOptions{Dir: in.cache.dir, Off: in.cache.off, Max: in.cache.max}}
}

func (in *inputOpts) part() (reports.Part, error) {
	i := in.input()
	return i.Part()
}

// prepare checks --section and loads the lexicon (load.Reader.Prepare).
func (in *inputOpts) prepare(g *globals) (reports.Part, *lexicon.Lexicon, error) {
	i := in.input()
	return g.reader().Prepare(&i)
}

// loadLexicon builds the lexicon the flags ask for.
func (in *inputOpts) loadLexicon(g *globals) (*lexicon.Lexicon, error) {
	i := in.input()
	return g.reader().Lexicon(&i)
}

// open finds the reports under args (load.Reader.Open).
func (in *inputOpts) open(g *globals, args []string) (*reports.Source, error) {
	i := in.input()
	return g.reader().Open(&i, args)
}

// each reads every document of src, showing progress, and calls fn on
// those analysed (load.Reader.Each).
func each(g *globals, src *reports.Source, fn func(*reports.Document) error) error {
	return g.reader().Each(g.ctx(), src, fn)
}

// eachListed is each for a command that lists the documents (docs).
func eachListed(g *globals, src *reports.Source, fn func(*reports.Document) error) error {
	return g.reader().EachListed(g.ctx(), src, fn)
}

// scope is the part of the documents read that a command analyses, beside
// --where (load.Scope).
type scope struct {
	name  string
	match func(id string, m reports.Meta) bool
}

// tally counts documents with a warning and warns of them in one line
// (load.Tally).
type tally struct {
	what string
	load.Tally
}

func (t *tally) add(id, warning string) { t.Add(id, warning) }

func (t *tally) report(g *globals, total int) {
	t.What = t.what
	if w := t.Warning(total); w != "" {
		g.warnf("%s", w)
	}
}
