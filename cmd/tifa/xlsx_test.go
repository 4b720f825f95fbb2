package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// fixedEpoch is the SOURCE_DATE_EPOCH of the tests: 2023-11-14 22:13:20 UTC.
const (
	fixedEpoch = "1700000000"
	fixedDate  = "2023-11-14"
)

// openXLSX runs tifa with args and -o into a temporary FILE.xlsx, and
// opens the workbook written.
func openXLSX(t *testing.T, args ...string) (*excelize.File, []byte) {
	t.Helper()
	return openXLSXAt(t, filepath.Join(t.TempDir(), "out.xlsx"), args...)
}

// openXLSXAt is openXLSX writing to path.
func openXLSXAt(t *testing.T, path string, args ...string) (*excelize.File, []byte) {
	t.Helper()
	if _, stderr, err := run(t, "", append(args, "-o", path, "-q")...); err != nil {
		t.Fatalf("tifa %s -o out.xlsx: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open what tifa wrote: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data
}

// TestXLSXMatchesCSV writes commands' tables as xlsx and as CSV: each
// sheet's cells, as Excel shows them, are the records of its table's CSV
// (several tables: -o out.csv writes out.NAME.csv per table, in the order
// of the sheets); a cell is a number exactly when the CSV column holds
// numbers, else text.
func TestXLSXMatchesCSV(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	numeric := map[string]bool{"year": true, "count": true, "per10k": true, "share": true, "mean_per10k": true, "chars": true}
	text := map[string]bool{"doc": true, "region": true, "slogan": true, "level": true, "category": true}
	for _, c := range []struct {
		name   string
		args   []string
		sheets []string
		files  []string // the tables' names, when several
	}{
		{"count", []string{"count", samples}, []string{"Slogan counts"}, nil},
		{"trend", []string{"trend", samples, "--top", "10"}, []string{"Slogan trend"}, nil},
		{"trend wide", []string{"trend", samples, "--wide", "--value", "share"}, []string{"Slogan trend (share by year)"}, nil},
		{"demo", []string{"demo"}, []string{"1. tifa docs", "2. tifa count --wide", "3. tifa trend --wide --top 10", "4. tifa similar --by region", "5. tifa cluster --by region"},
			[]string{"docs", "counts", "trend", "similar", "clusters"}},
		{"cluster", []string{"cluster", samples, "--k", "auto", "--k-range", "2..3", "--table", "profile,k,members"}, []string{"Cluster profiles", "Mean silhouette by k (--k auto)", "Members (kmeans, k=3)"}, []string{"profile", "k", "members"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, _ := openXLSX(t, c.args...)
			if got, want := f.GetSheetList(), append(c.sheets, "about"); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("sheets %q, want %q", got, want)
			}
			if i := f.GetActiveSheetIndex(); i != 0 {
				t.Errorf("active sheet %d, want the first", i)
			}
			dir := t.TempDir()
			if _, stderr, err := run(t, "", append(c.args, "-o", filepath.Join(dir, "out.csv"), "-q")...); err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			files := []string{"out.csv"}
			if c.files != nil {
				files = nil
				for _, n := range c.files {
					files = append(files, "out."+n+".csv")
				}
			}
			if entries, _ := os.ReadDir(dir); len(entries) != len(files) {
				t.Errorf("-o out.csv wrote %d files, want %q", len(entries), files)
			}
			for i, sheet := range c.sheets {
				data, err := os.ReadFile(filepath.Join(dir, files[i]))
				if err != nil {
					t.Fatal(err)
				}
				records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
				if err != nil {
					t.Fatalf("%s: %v", files[i], err)
				}
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) != len(records) {
					t.Fatalf("sheet %s: %d rows, %s has %d records", sheet, len(rows), files[i], len(records))
				}
				checkSheet(t, f, sheet, rows, records, numeric, text)
				checkLayout(t, f, sheet, len(records[0]), len(rows))
			}
		})
	}
}

// checkSheet compares a sheet's rows (formatted as Excel shows them) with
// the CSV records, and the cell types with the column kinds.
func checkSheet(t *testing.T, f *excelize.File, sheet string, rows, records [][]string, numeric, text map[string]bool) {
	t.Helper()
	header := records[0]
	for i, rec := range records {
		row := rows[i]
		if len(row) > len(rec) {
			t.Fatalf("sheet %s row %d: %d cells, CSV %d", sheet, i+1, len(row), len(rec))
		}
		for j, want := range rec {
			got := ""
			if j < len(row) {
				got = row[j]
			}
			if got != want {
				t.Errorf("sheet %s row %d column %s: %q, CSV %q", sheet, i+1, header[j], got, want)
			}
			if i == 0 || want == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			isNumber := typ == excelize.CellTypeUnset // excelize writes numbers without a type
			switch {
			case numeric[header[j]] && !isNumber:
				t.Errorf("sheet %s %s (%s %q): type %v, want a number", sheet, ref, header[j], want, typ)
			case text[header[j]] && typ != excelize.CellTypeInlineString:
				t.Errorf("sheet %s %s (%s %q): type %v, want text", sheet, ref, header[j], want, typ)
			case isNumber:
				raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				x, err1 := strconv.ParseFloat(raw, 64)
				y, err2 := strconv.ParseFloat(want, 64)
				if err1 != nil || err2 != nil || x != y {
					t.Errorf("sheet %s %s: number %q, CSV %q", sheet, ref, raw, want)
				}
			}
		}
	}
}

// checkLayout checks the header row: bold, frozen, with an autofilter over
// the table, and the columns wide enough for their header.
func checkLayout(t *testing.T, f *excelize.File, sheet string, ncols, nrows int) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("sheet %s: panes %+v, want the first row frozen", sheet, panes)
	}
	for j := 1; j <= ncols; j++ {
		ref, _ := excelize.CoordinatesToCellName(j, 1)
		id, _ := f.GetCellStyle(sheet, ref)
		style, err := f.GetStyle(id)
		if err != nil || style.Font == nil || !style.Font.Bold {
			t.Errorf("sheet %s %s: header not bold", sheet, ref)
		}
		name, _ := f.GetCellValue(sheet, ref)
		col, _ := excelize.ColumnNumberToName(j)
		// at least the header's width plus 1 for bold (a Chinese character
		// counts two columns), at most 60
		need := utf8.RuneCountInString(name) + 1
		for _, r := range name {
			if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
				need++
			}
		}
		if w, _ := f.GetColWidth(sheet, col); w < float64(min(need, 60)) || w > 60 {
			t.Errorf("sheet %s column %s (%s): width %g", sheet, col, name, w)
		}
	}
	last, _ := excelize.ColumnNumberToName(ncols)
	want := "$A$1:$" + last + "$" + strconv.Itoa(nrows)
	found := false
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == sheet {
			found = strings.HasSuffix(d.RefersTo, "!"+want)
			if !found {
				t.Errorf("sheet %s: autofilter %s, want %s", sheet, d.RefersTo, want)
			}
		}
	}
	if !found {
		t.Errorf("sheet %s: no autofilter", sheet)
	}
}

// TestXLSXAbout checks the sheet "about": the provenance, the rows per
// sheet, and the workbook's dates.
func TestXLSXAbout(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	f, data := openXLSX(t, "trend", samples, "--top", "5")
	rows, err := f.GetRows("about")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) == 2 {
			got[r[0]] = r[1]
		}
	}
	csvOut, _, err := run(t, "", "trend", samples, "--top", "5", "-f", "csv", "-q", "--provenance")
	if err != nil {
		t.Fatal(err)
	}
	nrows := -1 // the header
	for line := range strings.Lines(csvOut) {
		if k, v, ok := strings.Cut(strings.TrimPrefix(strings.TrimSuffix(line, "\n"), "# "), ": "); ok && strings.HasPrefix(line, "# ") {
			if k == "command" {
				continue // the CSV's command line says -f csv, the workbook's -o out.xlsx
			}
			if got[k] != v {
				t.Errorf("about %s = %q, want %q as in the CSV", k, got[k], v)
			}
		} else {
			nrows++
		}
	}
	if !strings.HasPrefix(got["command"], "tifa trend --top 5 --output ") || !strings.HasSuffix(got["command"], "out.xlsx --quiet ../../testdata/samples") {
		t.Errorf("about command = %q", got["command"])
	}
	if got["version"] != version || got["date"] != fixedDate || got["documents"] != strconv.Itoa(nSamples) || len(got["lexicon"]) != 12 || !strings.HasPrefix(got["input"], "sha256:") {
		t.Errorf("about = %q", got)
	}
	if got["rows: Slogan trend"] != strconv.Itoa(nrows) {
		t.Errorf("about rows: Slogan trend = %q, the CSV has %d rows", got["rows: Slogan trend"], nrows)
	}
	for _, ref := range []string{"B6", "B8"} { // documents, rows: are numbers
		if typ, _ := f.GetCellType("about", ref); typ != excelize.CellTypeUnset {
			t.Errorf("about %s: type %v, want a number", ref, typ)
		}
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if stamp := fixedDate + "T00:00:00Z"; props.Created != stamp || props.Modified != stamp {
		t.Errorf("document created %q, modified %q, want %s", props.Created, props.Modified, stamp)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range zr.File {
		if d := e.Modified.UTC().Format(time.DateOnly); d != fixedDate {
			t.Errorf("zip entry %s dated %s, want %s", e.Name, d, fixedDate)
		}
	}
}

// TestXLSXDeterministic writes the same workbooks twice (the -o path is
// part of the command line recorded): the same run gives the same bytes.
func TestXLSXDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	path := filepath.Join(t.TempDir(), "out.xlsx")
	for _, args := range [][]string{{"count", samples, "--wide"}, {"demo"}} {
		_, a := openXLSXAt(t, path, args...)
		_, b := openXLSXAt(t, path, args...)
		if !bytes.Equal(a, b) {
			t.Errorf("tifa %s: two runs wrote different workbooks", strings.Join(args, " "))
		}
	}
}

// TestXLSXStdout: a workbook goes to a pipe but not to a terminal; the
// format comes from -f or the -o extension; a failed write leaves no file.
func TestXLSXStdout(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixedEpoch)
	out, _, err := run(t, "", "count", samples, "-f", "xlsx", "-q")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := excelize.OpenReader(strings.NewReader(out)); err != nil {
		t.Errorf("-f xlsx into a pipe: %v", err)
	} else {
		f.Close()
	}

	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = realIsTerminal })
	runErrors(t, []errCase{
		{"xlsx to a terminal", []string{"count", samples, "-f", "xlsx"}, "xlsx is binary: give -o FILE.xlsx"},
		{"xlsx to - on a terminal", []string{"count", samples, "-f", "xlsx", "-o", "-"}, "xlsx is binary"},
		{"bad folder", []string{"count", samples, "-o", filepath.Join(t.TempDir(), "no", "such", "x.xlsx")}, "write "},
	})
	dir := t.TempDir()
	path := filepath.Join(dir, "counts.xlsx")
	if _, _, err := run(t, "", "count", samples, "-o", path, "-q"); err != nil { // a terminal does not matter with -o
		t.Fatal(err)
	}
	if _, _, err := run(t, "", "count", samples, "--section", "nope", "-o", filepath.Join(dir, "fail.xlsx")); err == nil {
		t.Fatal("want an error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "counts.xlsx" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q, want only counts.xlsx", names)
	}
}

var realIsTerminal = isTerminal
