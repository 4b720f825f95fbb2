package table

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"slices"
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
// provenance, and the full title and the rows of each sheet. On each
// table's sheet the header row is bold, frozen and carries an autofilter;
// columns are as wide as their text (a Chinese character counts two, at
// most maxColWidth); ints and floats are numbers (floats shown with the
// column's decimals, with the value the CSV writes), strings stay text
// (never a formula), missing values are empty cells. A text longer than a
// cell holds (excelize.TotalCellChars, 32,767 UTF-16 units) is cut, and
// warn is told where. The bytes depend only on the tables and p: the zip
// entries and the document properties are dated p.Date.
//
// Rows are streamed (excelize.StreamWriter) in two passes over each table,
// one for the widths and row count, one writing: a sheet of any size
// takes little memory, and generated rows (Table.Gen) are never held.
func renderXLSX(w io.Writer, p Provenance, tables []*Table, warn func(string)) error {
	date, err := time.Parse(time.DateOnly, p.Date)
	if err != nil {
		date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) // the earliest zip date
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &datedZip{zw: zip.NewWriter(w), date: date} })
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	names := sheetNames(tables)
	shapes := make([]sheetShape, len(tables))
	for i, t := range tables {
		if shapes[i], err = measure(t); err != nil {
			return err
		}
		if err := fitsSheet(names[i], shapes[i].rows, len(t.Cols)); err != nil {
			return err
		}
	}
	for i, t := range tables {
		if err := newSheet(f, i, names[i]); err != nil {
			return err
		}
		if err := writeSheet(f, names[i], t, shapes[i], bold); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", names[i], err)
		}
		shapes[i].warnCut(names[i], t, warn)
	}
	if err := newSheet(f, len(tables), aboutSheet); err != nil {
		return err
	}
	if err := writeAbout(f, p, names, tables, shapes, bold); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", aboutSheet, err)
	}
	// the first sheet is the active one already: SetActiveSheet would
	// read every streamed sheet back into memory
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

// sheetShape is what the first pass over a table finds: its rows, each
// column's width, and the cells too long for Excel.
type sheetShape struct {
	rows   int
	widths []int
	cut    []cutCells // per column
}

// cutCells counts a column's cells cut to fit a cell: how many, the first
// one's sheet row and length.
type cutCells struct {
	n, firstRow, firstLen int
}

// measure makes the first pass over t.
func measure(t *Table) (sheetShape, error) {
	s := sheetShape{widths: make([]int, len(t.Cols)), cut: make([]cutCells, len(t.Cols))}
	for j, c := range t.Cols {
		s.widths[j] = textWidth(c.Name) + 1 // bold
	}
	err := t.Each(func(row []any) error {
		s.rows++
		for j, c := range t.Cols {
			text := c.cell(row[j])
			if text == "" {
				continue
			}
			s.widths[j] = max(s.widths[j], textWidth(text))
			if n := countUTF16(text); n > excelize.TotalCellChars {
				if s.cut[j].n == 0 {
					s.cut[j].firstRow, s.cut[j].firstLen = s.rows+1, n
				}
				s.cut[j].n++
			}
		}
		return nil
	})
	return s, err
}

// warnCut tells warn which cells of sheet were cut.
func (s sheetShape) warnCut(sheet string, t *Table, warn func(string)) {
	for j, c := range s.cut {
		if c.n == 0 || warn == nil {
			continue
		}
		more := ""
		if c.n > 1 {
			more = fmt.Sprintf(" (and %d more cells of the column)", c.n-1)
		}
		warn(fmt.Sprintf("xlsx sheet %s, row %d, column %s: %d characters cut to the %d an Excel cell holds%s; the CSV (-f csv) has them whole",
			sheet, c.firstRow, t.Cols[j].Name, c.firstLen, excelize.TotalCellChars, more))
	}
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

// newSheet makes sheet i: the workbook's first sheet is renamed, later ones
// added.
func newSheet(f *excelize.File, i int, name string) error {
	if i == 0 {
		return f.SetSheetName(f.GetSheetName(0), name)
	}
	_, err := f.NewSheet(name)
	return err
}

// datedZip is the workbook's zip writer: every entry dated at a fixed
// time and the entries written in the order of their names, so the same
// workbook always has the same bytes (excelize writes its streamed sheets
// in the order of a map). Each entry is compressed as it comes and held
// so until Close: memory of the size of the file written.
type datedZip struct {
	zw      *zip.Writer
	date    time.Time
	entries []*zipEntry
}

// zipEntry is one entry of a datedZip, compressed.
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

func (z *datedZip) Create(name string) (io.Writer, error) {
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	var err error
	if e.fw, err = flate.NewWriter(&e.data, flate.DefaultCompression); err != nil {
		return nil, err
	}
	z.entries = append(z.entries, e)
	return e, nil
}

// header is e's zip header, dated z.date as zip.Writer.CreateHeader
// dates an entry (CreateRaw, which writes what is compressed already,
// leaves that to its caller): the MS-DOS date and time, and the "extended
// timestamp" extra field Info-ZIP writes (APPNOTE.TXT 4.5; id 0x5455, flag
// 1, seconds since 1970).
func (z *datedZip) header(e *zipEntry) *zip.FileHeader {
	d := z.date.UTC()
	h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: d,
		CRC32: e.crc.Sum32(), CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size}
	//lint:ignore SA1019 CreateRaw writes the MS-DOS fields as they are: Modified alone leaves them 0
	h.ModifiedDate, h.ModifiedTime = uint16(d.Day()+int(d.Month())<<5+(d.Year()-1980)<<9), uint16(d.Second()/2+d.Minute()<<5+d.Hour()<<11)
	ext := make([]byte, 9)
	binary.LittleEndian.PutUint16(ext, 0x5455)
	binary.LittleEndian.PutUint16(ext[2:], 5)
	ext[4] = 1
	binary.LittleEndian.PutUint32(ext[5:], uint32(d.Unix()))
	h.Extra = ext
	return h
}

// AddFS is not used by a new workbook.
func (z *datedZip) AddFS(fs.FS) error { return errors.New("table: datedZip.AddFS") }

// Close writes the entries, sorted by name, and ends the zip file.
func (z *datedZip) Close() error {
	slices.SortFunc(z.entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	for _, e := range z.entries {
		if err := e.fw.Close(); err != nil {
			return err
		}
		w, err := z.zw.CreateRaw(z.header(e))
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data.Bytes()); err != nil {
			return err
		}
	}
	return z.zw.Close()
}

// sheetNames names a sheet per table after its title ("Table N" without
// one): the characters []:*?/\ and apostrophes become _, a title longer
// than 31 characters is shortened at a phrase (shortTitle), and a name
// already taken (case ignored; "about" is taken) gets " (2)", " (3)" …
// within the 31. The about sheet gives the full title of a sheet whose
// name is shorter.
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
		name := shortTitle(base, maxSheetName)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" (%d)", n)
			name = shortTitle(base, maxSheetName-len(suffix)) + suffix
		}
		taken[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// shortTitle shortens s to at most n UTF-16 units, never mid-phrase when
// it can: to what comes before its first " — ", " (" or " _ " (a colon
// made safe) when that fits ("Cluster profiles (kmeans, k=3, …)" →
// "Cluster profiles"), else to the words that fit, else (a title of
// Chinese without spaces) to the characters that fit.
func shortTitle(s string, n int) string {
	if countUTF16(s) <= n {
		return s
	}
	cut := len(s)
	for _, sep := range []string{" — ", " (", "_ "} {
		if i := strings.Index(s, sep); i > 0 && i < cut {
			cut = i
		}
	}
	if head := strings.TrimRight(s[:cut], " "); head != "" && countUTF16(head) <= n {
		return head
	}
	words := cutUTF16(s, n)
	if i := strings.LastIndexByte(words, ' '); i > 0 && len(words) < len(s) && s[len(words)] != ' ' {
		words = strings.TrimRight(words[:i], " ,;—(")
	}
	if words == "" {
		return cutUTF16(s, n)
	}
	return words
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

// writeSheet streams t onto sheet, measured as s: the layout (column
// styles and widths, frozen header, autofilter, dimension) first, as a
// stream writer needs, then the header and the rows.
func writeSheet(f *excelize.File, sheet string, t *Table, s sheetShape, bold int) error {
	last, _ := excelize.ColumnNumberToName(max(len(t.Cols), 1))
	ref := fmt.Sprintf("A1:%s%d", last, s.rows+1)
	if err := f.SetSheetDimension(sheet, ref); err != nil {
		return err
	}
	if len(t.Cols) > 0 {
		if err := f.AutoFilter(sheet, ref, nil); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(t.Cols))
	for j, c := range t.Cols {
		if c.Kind == KindFloat {
			numFmt := "0"
			if c.Prec > 0 {
				numFmt += "." + strings.Repeat("0", c.Prec)
			}
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &numFmt})
			if err != nil {
				return err
			}
			if err := sw.SetColStyle(j+1, j+1, style); err != nil {
				return err
			}
		}
		if err := sw.SetColWidth(j+1, j+1, float64(min(max(s.widths[j]+2, minColWidth), maxColWidth))); err != nil {
			return err
		}
		header[j] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	r := 1
	vals := make([]any, len(t.Cols))
	err = t.Each(func(row []any) error {
		r++
		for j, c := range t.Cols {
			vals[j] = cellValue(c, row[j])
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		return sw.SetRow(ref, vals)
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// cellValue is the value a cell holds for v in column c: nil for a
// missing value (an empty cell), a number for an int or float (the number
// the CSV text says, so the sheet and the CSV agree), text otherwise and
// for what is not a finite number. An int in a text column (the about
// sheet's counts) is a number too.
func cellValue(c Column, v any) any {
	s := c.cell(v)
	if s == "" {
		return nil
	}
	switch c.Kind {
	case KindInt:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
	case KindFloat:
		if x, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return x
		}
	case KindText:
		if n, ok := v.(int); ok {
			return int64(n)
		}
	}
	return s
}

// TextWidth is the width of s on a terminal, in columns: 2 for a wide or
// full-width (East Asian) character, 1 for any other.
func TextWidth(s string) int { return textWidth(s) }

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
// then per table's sheet a row "rows: SHEET" and, when its name is not
// its title, a row "title: SHEET" with the full title (a sheet name holds
// 31 characters); the number of documents and of rows are numbers.
func writeAbout(f *excelize.File, p Provenance, names []string, tables []*Table, shapes []sheetShape, bold int) error {
	about := &Table{Cols: []Column{Text("key"), Text("value")}}
	for _, kv := range p.Pairs() {
		if kv[0] == "documents" {
			about.Add(kv[0], p.Documents)
			continue
		}
		about.Add(kv[0], kv[1])
	}
	for i, t := range tables {
		about.Add("rows: "+names[i], shapes[i].rows)
		if t.Title != "" && t.Title != names[i] {
			about.Add("title: "+names[i], t.Title)
		}
	}
	s, err := measure(about)
	if err != nil {
		return err
	}
	return writeSheet(f, aboutSheet, about, s, bold)
}
