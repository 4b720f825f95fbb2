package tifa

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportRules checks the architecture: imports flow one way,
// cmd/tifa → analysis → lexicon, reports; gse only by a test;
// tablewriter and cobra only by the command; analysis never opens files;
// the cache is plugged in by the command, through interfaces; gonum/plot
// only in chart, excelize only in the command's xlsx writer; chart and
// htmlreport take plain data; infile imports no project package.
func TestImportRules(t *testing.T) {
	const mod = "github.com/tifa-project/tifa/"
	type rule struct {
		dir       string
		forbidden []string // import path prefixes
	}
	rules := []rule{
		{"reports", []string{mod + "lexicon", mod + "analysis", mod + "cache", mod + "cmd"}},
		{"lexicon", []string{mod + "reports", mod + "analysis", mod + "cache", mod + "cmd"}},
		{"analysis", []string{mod + "cmd", mod + "cache", "os", "io/ioutil", "path/filepath"}},
		{"cache", []string{mod + "analysis", mod + "cmd"}},
		// infile, reading the files users name, is a leaf: no project package.
		{"infile", []string{strings.TrimSuffix(mod, "/")}},
		// chart and htmlreport draw plain data handed to them: no project
		// package (but infile, for the font file).
		{"chart", []string{mod + "reports", mod + "lexicon", mod + "analysis", mod + "cache", mod + "cmd", mod + "htmlreport"}},
		{"htmlreport", []string{mod + "reports", mod + "lexicon", mod + "analysis", mod + "cache", mod + "cmd", mod + "chart"}},
	}
	allowed := map[string][]string{ // import → the only files that may import it
		"github.com/go-ego/gse":                {"analysis/segment.go"},
		"github.com/olekukonko/tablewriter":    {"cmd/tifa/output.go"},
		"github.com/olekukonko/tablewriter/tw": {"cmd/tifa/output.go"},
		"github.com/xuri/excelize/v2":          {"cmd/tifa/xlsx.go"},
	}
	imports := map[string][]string{} // file → imports
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			imports[filepath.ToSlash(path)] = append(imports[filepath.ToSlash(path)], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 20 {
		t.Fatalf("found only %d Go files: is the test running at the module root?", len(imports))
	}
	for file, ims := range imports {
		for _, r := range rules {
			if !strings.HasPrefix(file, r.dir+"/") {
				continue
			}
			for _, im := range ims {
				for _, bad := range r.forbidden {
					if im == bad || strings.HasPrefix(im, bad+"/") {
						t.Errorf("%s imports %s, against the package's rules", file, im)
					}
				}
			}
		}
		for _, im := range ims {
			if files, ok := allowed[im]; ok && !contains(files, file) {
				t.Errorf("%s imports %s; only %v may", file, im, files)
			}
			if strings.HasPrefix(im, "gonum.org/v1/plot") && !strings.HasPrefix(file, "chart/") {
				t.Errorf("%s imports %s; only chart may", file, im)
			}
			if strings.HasPrefix(im, "github.com/spf13/cobra") && !strings.HasPrefix(file, "cmd/tifa/") {
				t.Errorf("%s imports cobra; only cmd/tifa may", file)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
