package tifa

import (
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// layers lists the project's packages from the bottom up. A package may
// import the packages of the layers below its own, never one of its own
// layer or above: imports run one way, from cmd/tifa down to reports.
var layers = [][]string{
	{"infile", "extract", "places", "places/internal/gengaz", "clean", "decode"}, // leaves: files users name, text out of binary formats, division codes (reports places each document), the gazetteer's generator, the text cleaner, the byte decoder
	{"sections"}, // the section splitter (review, plan): it counts with clean, and reports splits every document with it
	{"", "reports", "lexicon", "sparse", "infile/infiletest"}, // "" is this package: the embedded samples
	{"cache", "segment", "analysis", "internal/testkit", "extract/extracttest"},
	{"vector", "internal/corpustest"},
	{"cluster", "cooccur"},
	{"keyness", "targets", "discover", "reuse", "align", "topics", "scale", "wordvec", "audit"}, // one package per research tool
	{"table", "chart"},
	{"tabulate"},
	{"htmlreport", "load"}, // load: what a command is given (paths, lexicon files, filters, cache options) into documents, counts or vectors
	{"cmd/tifa", "bench/gen", "bench/chart"},
}

// computing are the packages that take documents and return results: they
// open no file (the command does, and hands them reports.Documents).
var computing = []string{"analysis", "segment", "sparse", "vector", "cluster", "keyness", "targets", "discover", "reuse", "align", "tabulate", "htmlreport"}

// only lists imports and the only files (path prefixes: a folder ends in
// "/") that may import them; test files included where they are named.
var only = map[string][]string{
	"github.com/go-ego/gse":                {"segment/segdict_test.go"}, // the oracle of the embedded dictionary
	"github.com/olekukonko/tablewriter":    {"table/format.go"},
	"github.com/olekukonko/tablewriter/tw": {"table/format.go"},
	"github.com/xuri/excelize/v2":          {"table/xlsx.go", "table/xlsx_test.go", "cmd/tifa/xlsx_test.go"},
	"github.com/spf13/cobra":               {"cmd/tifa/"},
	"github.com/spf13/pflag":               {"cmd/tifa/"},
	"go.etcd.io/bbolt":                     {"cache/"},
	"gonum.org/v1/plot":                    {"chart/"},
	mod + "cache":                          {"cache/", "load/", "cmd/tifa/"}, // plugged into reports and vector through their interfaces; load opens it for a command's flags and keeps corpora in it (GetRecord, PutBlob: more than an interface would say), cmd/tifa's 'cache' command inspects and clears it
	mod + "internal/testkit":               {"*_test.go"},
}

const mod = "github.com/tifa-project/tifa/"

// TestImportRules checks the architecture: the layers, the computing
// packages that open no file, and the imports only one package (or one
// file) may use — gse only in segment's oracle test, tablewriter and
// excelize only in table, cobra only in cmd/tifa, gonum/plot only in chart.
func TestImportRules(t *testing.T) {
	layer := map[string]int{}
	for i, ps := range layers {
		for _, p := range ps {
			layer[p] = i
		}
	}
	imports := map[string][]string{} // file → imports
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, im := range f.Imports {
			s, _ := strconv.Unquote(im.Path.Value)
			imports[filepath.ToSlash(p)] = append(imports[filepath.ToSlash(p)], s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 100 {
		t.Fatalf("found only %d Go files: is the test running at the module root?", len(imports))
	}
	for file, ims := range imports {
		dir, test := path.Dir(file), strings.HasSuffix(file, "_test.go")
		if dir == "." {
			dir = ""
		}
		from, known := layer[dir]
		if !known {
			t.Errorf("%s: package %q is in no layer of arch_test.go: give it one", file, dir)
			continue
		}
		for _, im := range ims {
			if allowed, ok := only[im]; ok || strings.HasPrefix(im, "gonum.org/v1/plot/") {
				if !ok {
					allowed = only["gonum.org/v1/plot"]
				}
				if !slices.ContainsFunc(allowed, func(a string) bool { return matches(file, a) }) {
					t.Errorf("%s imports %s; only %v may", file, im, allowed)
				}
			}
			if test {
				continue // tests may use any package to check theirs
			}
			if to, ok := layer[strings.TrimSuffix(strings.TrimPrefix(im+"/", mod), "/")]; ok && strings.HasPrefix(im+"/", mod) && to >= from {
				t.Errorf("%s imports %s: a package of layer %d imports one of layer %d (imports run down only)", file, im, from, to)
			}
			if im == "github.com/tifa-project/tifa" && dir != "cmd/tifa" {
				t.Errorf("%s imports the module root: only cmd/tifa (and tests) may", file)
			}
			if slices.Contains(computing, dir) && (im == "os" || im == "io/ioutil" || im == "path/filepath") {
				t.Errorf("%s imports %s: %s takes documents and opens no file", file, im, dir)
			}
		}
	}
}

// matches reports whether file is allowed by a: a file path, a folder
// ("cmd/tifa/"), or "*_test.go" for every test file.
func matches(file, a string) bool {
	switch {
	case a == "*_test.go":
		return strings.HasSuffix(file, "_test.go")
	case strings.HasSuffix(a, "/"):
		return strings.HasPrefix(file, a)
	}
	return file == a
}
