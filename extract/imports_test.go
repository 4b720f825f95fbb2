package extract

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports checks extract stands alone: it imports no package of tifa
// (the loader in reports calls it, never the reverse), and the PDF engine
// only in pdf.go and ocr.go (which renders scans with it).
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) < 5 {
		t.Fatalf("found %d Go files (%v): is the test running in extract/?", len(files), err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range ast.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if strings.HasPrefix(p, "github.com/tifa-project/tifa") {
				t.Errorf("%s imports %s: extract imports no tifa package", f, p)
			}
			if (strings.HasPrefix(p, "github.com/klippa-app/") || strings.HasPrefix(p, "github.com/tetratelabs/")) && f != "pdf.go" && f != "ocr.go" {
				t.Errorf("%s imports %s: the PDF engine is pdf.go's and ocr.go's", f, p)
			}
		}
	}
}
