package reports_test

import (
	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/extract/extracttest"
)

// The test PDFs need a Chinese TrueType font, which package chart finds.
// Only an external test file may import chart: it imports (through
// reports) the package under test.
func init() { extracttest.SetFont(func() ([]byte, error) { return chart.FindTrueType("") }) }
