package reports_test

import (
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/extract/extracttest"
)

// The test PDFs need a Chinese TrueType font: package chart finds it. Only
// an external test file may import chart, which imports the package under
// test.
func init() {
	extracttest.SetFont(func() ([]byte, error) {
		f, err := chart.FindFont("")
		if err != nil {
			return nil, err
		}
		return f.TrueType()
	})
}
