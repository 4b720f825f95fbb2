package table

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Sheet names: Excel allows at most 31 characters (UTF-16 units), none of
// []:*?/\, no apostrophe first or last, unique regardless of case.
const (
	maxSheetName = 31
	aboutSheet   = "about"
	maxColWidth  = 60 // characters
	minColWidth  = 6
)

// renderXLSX writes the tables as an Excel workbook: one sheet per table,
// named after its title (sheetNames), then a sheet "about" holding the
// provenance and the rows of each sheet. On each table's sheet the header
// row is bold, frozen and carries an autofilter; columns are as wide as
// their text (a Chinese character counts two, at most maxColWidth); ints
// and floats are numbers (floats shown with the column's decimals, with
// the value the CSV writes), strings stay text, missing values are empty
// cells. The bytes depend only on the tables and p: the zip entries and the
// document properties are dated p.Date.
func renderXLSX(w io.Writer, p Provenance, tables []*Table) error {
	date, err := time.Parse(time.DateOnly, p.Date)
	if err != nil {
		date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) // the earliest zip date
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return datedZip{zip.NewWriter(w), date} })
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	names := sheetNames(tables)
	for i, t := range tables {
		if err := fitsSheet(names[i], len(t.Rows), len(t.Cols)); err != nil {
			return err
		}
		if err := newSheet(f, i, names[i]); err != nil {
			return err
		}
		if err := writeSheet(f, names[i], t, bold); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", names[i], err)
		}
	}
	if err := newSheet(f, len(tables), aboutSheet); err != nil {
		return err
	}
	if err := writeAbout(f, p, names, tables, bold); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", aboutSheet, err)
	}
	f.SetActiveSheet(0)
	stamp := date.Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "tifa " + p.Version, LastModifiedBy: "tifa " + p.Version,
		Created: stamp, Modified: stamp,
	}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// fitsSheet says why a table of rows × cols does not fit on an Excel
// sheet, or returns nil.
func fitsSheet(name string, rows, cols int) error {
	if rows+1 > excelize.TotalRows || cols > excelize.MaxColumns {
		return fmt.Errorf("xlsx sheet %s: %d rows × %d columns do not fit on a sheet (at most %d × %d with the header); use -f csv",
			name, rows, cols, excelize.TotalRows-1, excelize.MaxColumns)
	}
	return nil
}

// checkGenerated checks that the generated tables fit on their sheets
// before their rows are collected: count --all on a large corpus would
// otherwise fill memory with millions of rows only to be refused.
func checkGenerated(tables []*Table) error {
	names := sheetNames(tables)
	for i, t := range tables {
		if t.Gen == nil {
			continue
		}
		n := 0
		if err := t.Each(func([]any) error { n++; return nil }); err != nil {
			return err
		}
		if err := fitsSheet(names[i], n, len(t.Cols)); err != nil {
			return err
		}
	}
	return nil
}

// newSheet makes sheet i: the workbook's first sheet is renamed, later ones
// added.
func newSheet(f *excelize.File, i int, name string) error {
	if i == 0 {
		return f.SetSheetName(f.GetSheetName(0), name)
	}
	_, err := f.NewSheet(name)
	return err
}

// datedZip is a zip writer that dates every entry at a fixed time, so the
// same workbook always has the same bytes.
type datedZip struct {
	*zip.Writer
	date time.Time
}

func (z datedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.date})
}

// sheetNames names a sheet per table after its title ("Table N" without
// one): the characters []:*?/\ and apostrophes become _, a title too long
// keeps only what comes before " — " if it has one, the name is cut to 31
// characters, and a name already taken (case ignored; "about" is
// taken) gets " (2)", " (3)" … within the 31.
func sheetNames(tables []*Table) []string {
	taken := map[string]bool{aboutSheet: true}
	out := make([]string, len(tables))
	for i, t := range tables {
		base := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\'`, r) {
				return '_'
			}
			return r
		}, t.Title)), " ")
		if base == "" {
			base = fmt.Sprintf("Table %d", i+1)
		}
		if head, _, ok := strings.Cut(base, " — "); ok && countUTF16(base) > maxSheetName {
			base = head // "1. tifa docs — the reports found …" → "1. tifa docs"
		}
		name := cutUTF16(base, maxSheetName)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" (%d)", n)
			name = cutUTF16(base, maxSheetName-len(suffix)) + suffix
		}
		taken[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// cutUTF16 cuts s to at most n UTF-16 units, at a character boundary.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return strings.TrimRight(s[:i], " ")
		}
	}
	return s
}

// countUTF16 is the length of s in UTF-16 units, as Excel counts.
func countUTF16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// writeSheet writes t on sheet: header, rows, styles, panes, filter and
// widths.
func writeSheet(f *excelize.File, sheet string, t *Table, bold int) error {
	widths := make([]int, len(t.Cols))
	for j, c := range t.Cols {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if c.Kind == KindFloat {
			numFmt := "0"
			if c.Prec > 0 {
				numFmt += "." + strings.Repeat("0", c.Prec)
			}
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &numFmt})
			if err != nil {
				return err
			}
			if err := f.SetColStyle(sheet, col, style); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sheet, col+"1", c.Name); err != nil {
			return err
		}
		widths[j] = textWidth(c.Name) + 1 // bold
	}
	for i := range t.Rows {
		for j, c := range t.Cols {
			s := c.cell(t.Rows[i][j])
			if s == "" {
				continue
			}
			widths[j] = max(widths[j], textWidth(s))
			ref, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if err := setCell(f, sheet, ref, c, s); err != nil {
				return err
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(max(len(t.Cols), 1))
	if err := f.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", last, len(t.Rows)+1)); err != nil {
		return err
	}
	if len(t.Cols) > 0 {
		if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, len(t.Rows)+1), nil); err != nil {
			return err
		}
	}
	return setWidths(f, sheet, widths)
}

// setCell writes one non-empty value, s being its CSV text: a number for
// an int or float column (the number the text says, so the sheet and the
// CSV agree), text otherwise and for what is not a finite number.
func setCell(f *excelize.File, sheet, ref string, c Column, s string) error {
	switch c.Kind {
	case KindInt:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return f.SetCellInt(sheet, ref, n)
		}
	case KindFloat:
		if x, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return f.SetCellFloat(sheet, ref, x, -1, 64)
		}
	}
	return f.SetCellStr(sheet, ref, s)
}

// setWidths sets each column's width: its widest text plus 2, between
// minColWidth and maxColWidth.
func setWidths(f *excelize.File, sheet string, widths []int) error {
	for j, w := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(sheet, col, col, float64(min(max(w+2, minColWidth), maxColWidth))); err != nil {
			return err
		}
	}
	return nil
}

// textWidth is the width of s in columns: 2 for a wide or full-width
// (East Asian) character, 1 for any other.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// writeAbout writes the sheet "about": the provenance as key, value rows,
// then a row "rows: SHEET" per table's sheet; the number of documents and
// of rows are numbers.
func writeAbout(f *excelize.File, p Provenance, names []string, tables []*Table, bold int) error {
	about := &Table{Cols: []Column{Text("key"), Text("value")}}
	numeric := map[int]int{} // row index → number
	for _, kv := range p.Pairs() {
		if kv[0] == "documents" {
			numeric[len(about.Rows)] = p.Documents
		}
		about.Add(kv[0], kv[1])
	}
	for i, t := range tables {
		numeric[len(about.Rows)] = len(t.Rows)
		about.Add("rows: "+names[i], strconv.Itoa(len(t.Rows)))
	}
	if err := writeSheet(f, aboutSheet, about, bold); err != nil {
		return err
	}
	for i, n := range numeric {
		if err := f.SetCellInt(aboutSheet, fmt.Sprintf("B%d", i+2), int64(n)); err != nil {
			return err
		}
	}
	return nil
}
