package chart

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var examplesDir = flag.String("examples", "", "write example charts (png, svg, pdf) into this directory")

// TestWriteExamples writes one realistic figure of each kind into
// -examples DIR, for a person to look at; without the flag it is skipped.
func TestWriteExamples(t *testing.T) {
	if *examplesDir == "" {
		t.Skip("give -examples DIR to write example charts")
	}
	f := needFont(t)
	if err := os.MkdirAll(*examplesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]Chart{
		"lines":      sampleLines(10),
		"heatmap":    sampleHeatmap(40),
		"scatter":    sampleScatter(380, 8),
		"dendrogram": sampleDendrogram(30),
		"bars":       sampleBars(30),
	} {
		for _, format := range []string{"png", "svg", "pdf"} {
			out, err := os.Create(filepath.Join(*examplesDir, name+"."+format))
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Draw(out, format, f); err != nil {
				t.Errorf("%s.%s: %v", name, format, err)
			}
			out.Close()
		}
	}
}
