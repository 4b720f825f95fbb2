package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
)

// inputOpts are the flags of every command that reads reports.
type inputOpts struct{ load.Input }

func (in *inputOpts) addFlags(cmd *cobra.Command, withLexicon bool) {
	f := cmd.Flags()
	f.StringVar(&in.Meta, "meta", "", "manifest CSV with columns file,region,level,year (default: manifest.csv in a folder argument)")
	f.StringVar(&in.Section, "section", "all", "text analysed: all, review (工作回顾) or plan (工作安排)")
	f.StringArrayVar(&in.Where, "where", nil, "only the documents matching FILTER: year=1990..2025, level=county|city, region=浙江, province=河北, city=保定, county=徐水, code=1306*, place=ID, doc=GLOB or a manifest column; repeatable (all must hold)")
	f.StringVar(&in.MaxSize, "max-size", "64MB", "largest report file read (500MB, 2GB; none: no limit); a larger one is listed, not read")
	f.StringVar(&in.Places, "places", "", "your own placements: CSV FILE of name,code rows (a document's path or file name, or a place name; code none: no division); see 'tifa places'")
	addCacheFlags(cmd, &in.Cache)
	f.StringVar(&in.OCR, "ocr", "", "read scanned PDF pages with tesseract (installed separately), in language LANG")
	f.Lookup("ocr").NoOptDefVal = "chi_sim"
	if withLexicon {
		addLexiconFlags(cmd, in)
	}
}

func addLexiconFlags(cmd *cobra.Command, in *inputOpts) {
	f := cmd.Flags()
	f.StringArrayVar(&in.Lexicons, "lexicon", nil, "your own lexicon FILE (.yaml, or text: one slogan a line, aliases after |); repeatable")
	f.BoolVar(&in.NoBuiltin, "no-builtin", false, "use only the --lexicon files, not the built-in lexicon")
}

func (in *inputOpts) part() (reports.Part, error) { return in.Part() }

// prepare checks --section and loads the lexicon (load.Reader.Prepare).
func (in *inputOpts) prepare(g *globals) (reports.Part, *lexicon.Lexicon, error) {
	return g.reader().Prepare(&in.Input)
}

// loadLexicon builds the lexicon the flags ask for.
func (in *inputOpts) loadLexicon(g *globals) (*lexicon.Lexicon, error) {
	return g.reader().Lexicon(&in.Input)
}

// open finds the reports under args (load.Reader.Open).
func (in *inputOpts) open(g *globals, args []string) (*reports.Source, error) {
	return g.reader().Open(&in.Input, args)
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
