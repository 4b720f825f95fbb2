package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
)

// addVectorFlags adds the flags of the commands that build TF-IDF
// vectors: the source flags, --space (defaultSpace), --min-df, --max-df
// and --sublinear.
func addVectorFlags(cmd *cobra.Command, o *load.Vectors, defaultSpace string) {
	addSourceFlags(cmd, o, "vector per doc, region, year, region-year, level, or division code: place (renames merged), county, city or province (a township under its county); a group's counts are summed")
	f := cmd.Flags()
	f.StringVar(&o.Space, "space", defaultSpace, "slogans (lexicon entry counts) or words (every token, slogans one token each)")
	f.Float64Var(&o.MinDF, "min-df", 1, "keep terms in at least this many units (≥1) or this share of units (<1)")
	f.Float64Var(&o.MaxDF, "max-df", 0, "drop terms in more than this many units (≥1) or share of units (<1); 0: no limit")
	f.BoolVar(&o.Sublinear, "sublinear", false, "tf = 1 + ln(count) instead of count")
}

// addSourceFlags adds the flags saying which text is read and how it is
// cut into tokens: the input flags, --by (byHelp says what it does),
// --stopwords and --jobs.
func addSourceFlags(cmd *cobra.Command, o *load.Vectors, byHelp string) {
	addInputFlags(cmd, &o.Input, true)
	f := cmd.Flags()
	f.StringVar(&o.By, "by", "doc", byHelp)
	f.StringVar(&o.Stopwords, "stopwords", "", "stopword FILE (one word a line) replacing the built-in list (words space)")
	f.IntVarP(&o.Workers, "jobs", "j", 0, "goroutines for segmentation (default: one per CPU)")
}
