package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
)

// addInputFlags adds the flags of every command that reads reports, and
// with withLexicon the lexicon's.
func addInputFlags(cmd *cobra.Command, in *load.Input, withLexicon bool) {
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

// addLexiconFlags adds --lexicon and --no-builtin.
func addLexiconFlags(cmd *cobra.Command, in *load.Input) {
	f := cmd.Flags()
	f.StringArrayVar(&in.Lexicons, "lexicon", nil, "your own lexicon FILE (.yaml, or text: one slogan a line, aliases after |); repeatable")
	f.BoolVar(&in.NoBuiltin, "no-builtin", false, "use only the --lexicon files, not the built-in lexicon")
}
