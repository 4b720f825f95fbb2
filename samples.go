// Package tifa embeds the synthetic sample reports of testdata/samples, so
// that `tifa demo` runs with nothing but the binary and the examples of the
// other packages have reports to read; the tool itself lives in cmd/tifa
// and the packages below it (reports, lexicon, analysis, vector, cluster …;
// see the README's Layout).
package tifa

import (
	"embed"
	"io/fs"
)

//go:embed testdata/samples
var samples embed.FS

// Samples returns the sample reports (synthetic, fictional places) with
// their manifest.csv at the root.
func Samples() fs.FS {
	sub, err := fs.Sub(samples, "testdata/samples")
	if err != nil {
		panic("tifa: embedded samples missing: " + err.Error())
	}
	return sub
}
