package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Formats, as --format names them.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatTSV   = "tsv"
	FormatJSON  = "json"
	FormatMD    = "md"
	FormatXLSX  = "xlsx"
)

// formats lists the formats Render and Output.Write know.
var formats = []string{FormatTable, FormatCSV, FormatTSV, FormatJSON, FormatMD, FormatXLSX}

// extFormats maps the extensions of the files tifa writes to their format.
var extFormats = map[string]string{".csv": FormatCSV, ".tsv": FormatTSV, ".tab": FormatTSV,
	".json": FormatJSON, ".md": FormatMD, ".markdown": FormatMD, ".xlsx": FormatXLSX}

// extList names the extensions of extFormats, for messages.
const extList = ".csv, .tsv (.tab), .json, .md (.markdown) and .xlsx"

// ChooseFormat resolves --format: explicit wins; else the -o file's
// extension (FormatOf); else a table on a terminal and CSV into a pipe.
// --format naming another format than the extension (-o x.xlsx -f csv) is
// an error, and so is an extension tifa does not write (.xls, .parquet,
// .txt) without --format.
func ChooseFormat(flag, outFile string, terminal bool) (string, error) {
	if flag != "" {
		f := flag
		if f == "markdown" {
			f = FormatMD
		}
		if !slices.Contains(formats, f) {
			return "", fmt.Errorf("flag --format: unknown format %q (want %s)", flag, strings.Join(formats, ", "))
		}
		if byExt, err := FormatOf(outFile); err == nil && byExt != f && outExt(outFile) != "" {
			return "", fmt.Errorf("flag --format %s and -o %s disagree: a %s file holds %s; name the file for its format or leave -f out", flag, quote(outFile), outExt(outFile), byExt)
		}
		return f, nil
	}
	if outFile == "" && terminal {
		return FormatTable, nil
	}
	f, err := FormatOf(outFile)
	if err != nil {
		return "", fmt.Errorf("flag --output: %w (or give -f %s to write one of those under this name)", err, strings.Join(formats, "|"))
	}
	return f, nil
}

// FormatOf returns the format of the file path by its extension: .csv,
// .tsv (.tab), .json, .md (.markdown) or .xlsx, any case; CSV for a name
// without one (a FIFO, /dev/stdout). Another extension is an error listing
// these.
func FormatOf(path string) (string, error) {
	ext := outExt(path)
	if ext == "" {
		return FormatCSV, nil
	}
	if f, ok := extFormats[ext]; ok {
		return f, nil
	}
	return "", fmt.Errorf("tifa writes no %s files; it writes %s", quote(ext), extList)
}

// outExt is the extension of an output path, in lower case; "" for "-".
func outExt(path string) string {
	if path == "-" {
		return ""
	}
	return strings.ToLower(filepath.Ext(path))
}

// Render writes t in format f. bom prefixes a UTF-8 byte order mark (for
// Excel) to CSV and TSV, and neutralises their text cells that Excel would
// read as a formula (excelSafe). Column names that repeat are made unique
// (see Output.Write).
func Render(w io.Writer, t *Table, f string, bom bool) error {
	t, _ = t.uniqueNames()
	return render(w, t, f, bom)
}

// render is Render of a table whose column names are unique.
func render(w io.Writer, t *Table, f string, bom bool) error {
	switch f {
	case FormatCSV, FormatTSV:
		if bom {
			if _, err := io.WriteString(w, "\ufeff"); err != nil {
				return err
			}
		}
		return renderDelimited(w, t, map[string]rune{FormatCSV: ',', FormatTSV: '\t'}[f], bom)
	case FormatJSON:
		return renderJSON(w, t)
	case FormatMD:
		return renderMarkdown(w, t)
	default:
		return renderTable(w, t)
	}
}

// Strings returns row i of t's rows as the text every format writes.
func (t *Table) Strings(i int) []string { return t.cells(t.Rows[i]) }

// cells formats one row of t as text.
func (t *Table) cells(row []any) []string {
	out := make([]string, len(t.Cols))
	for j, c := range t.Cols {
		out[j] = c.cell(row[j])
	}
	return out
}

func (t *Table) header() []string {
	out := make([]string, len(t.Cols))
	for j, c := range t.Cols {
		out[j] = c.Name
	}
	return out
}

// record is a row of t (nil: its header) as a CSV or TSV record: with
// excel set (--bom), text cells are neutralised (excelSafe); in TSV,
// which has no quoting, tabs and newlines become spaces.
func (t *Table) record(row []any, excel, tsv bool) []string {
	var rec []string
	if row == nil {
		rec = t.header()
	} else {
		rec = t.cells(row)
	}
	for j := range rec {
		if excel && (row == nil || t.Cols[j].Kind == KindText) {
			rec[j] = excelSafe(rec[j])
		}
		if tsv {
			rec[j] = tsvField.Replace(rec[j])
		}
	}
	return rec
}

// excelSafe neutralises a cell that Excel would run as a formula: one
// starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which Excel shows as text (OWASP, "CSV Injection"). Only
// --bom CSV, made for Excel, is so changed: R and pandas read CSV
// faithfully.
func excelSafe(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

func renderDelimited(w io.Writer, t *Table, comma rune, excel bool) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	tsv := comma == '\t'
	if err := cw.Write(t.record(nil, excel, tsv)); err != nil {
		return err
	}
	err := t.Each(func(vals []any) error { return cw.Write(t.record(vals, excel, tsv)) })
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// renderDelimitedHash writes t as renderDelimited does, except that a
// field holding '#' is quoted too: after provenance comment lines, readers
// are told that '#' starts a comment (pandas comment='#', R comment.char),
// and pandas and R honour it anywhere outside quotes — a bundle's document
// ID "file.txt#2" would lose its end.
func renderDelimitedHash(w io.Writer, t *Table, comma byte, excel bool) error {
	var b bytes.Buffer
	record := func(fields []string) error {
		b.Reset()
		for j, f := range fields {
			if j > 0 {
				b.WriteByte(comma)
			}
			if !needsQuotes(f, comma) {
				b.WriteString(f)
				continue
			}
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		}
		b.WriteByte('\n')
		_, err := w.Write(b.Bytes())
		return err
	}
	tsv := comma == '\t'
	if err := record(t.record(nil, excel, tsv)); err != nil {
		return err
	}
	return t.Each(func(row []any) error { return record(t.record(row, excel, tsv)) })
}

// tsvField replaces what TSV cannot quote: tabs and newlines become spaces.
var tsvField = strings.NewReplacer("\t", " ", "\n", " ")

// needsQuotes is encoding/csv's rule for quoting a field, plus '#'.
func needsQuotes(f string, comma byte) bool {
	switch {
	case f == "":
		return false
	case f == `\.`, strings.ContainsAny(f, "\"\r\n#"), strings.IndexByte(f, comma) >= 0:
		return true
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}

// renderJSON writes an array of objects whose keys keep the column order;
// numbers are JSON numbers, written as in the CSV, missing years null.
func renderJSON(w io.Writer, t *Table) error {
	b := bufio.NewWriter(w)
	if err := jsonRows(b, t, ""); err != nil {
		return err
	}
	b.WriteString("\n")
	return b.Flush()
}

// jsonRows writes t's rows as a JSON array, one object a line, each line
// indented by indent and two spaces more.
func jsonRows(b *bufio.Writer, t *Table, indent string) error {
	b.WriteString("[")
	n := 0
	err := t.Each(func(row []any) error {
		if n++; n > 1 {
			b.WriteString(",")
		}
		b.WriteString("\n" + indent + "  {")
		for j, c := range t.Cols {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c.Name)
			b.Write(k)
			b.WriteString(": ")
			s := c.cell(row[j])
			switch {
			case c.Kind == KindText:
				v, _ := json.Marshal(s)
				b.Write(v)
			case s == "":
				b.WriteString("null")
			default:
				b.WriteString(s)
			}
		}
		b.WriteString("}")
		return nil
	})
	if n > 0 {
		b.WriteString("\n" + indent)
	}
	b.WriteString("]")
	return err
}

// renderJSONProvenance writes a table with its provenance as one JSON
// object: {"provenance": {…}, "title": …, "rows": […]}; a table without a
// title has no "title" key.
func renderJSONProvenance(w io.Writer, p Provenance, t *Table) error {
	b := bufio.NewWriter(w)
	b.WriteString("{\n  \"provenance\": " + p.json() + ",")
	if t.Title != "" {
		v, _ := json.Marshal(t.Title)
		b.WriteString("\n  \"title\": ")
		b.Write(v)
		b.WriteString(",")
	}
	b.WriteString("\n  \"rows\": ")
	if err := jsonRows(b, t, "  "); err != nil {
		return err
	}
	b.WriteString("\n}\n")
	return b.Flush()
}

// mdText escapes text for a Markdown table cell: HTML becomes text (&lt;
// for <, so a report's <script> is shown, never run), a pipe and a
// backslash are escaped, line breaks become spaces.
var mdText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `\`, `\\`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

func renderMarkdown(w io.Writer, t *Table) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", mdText.Replace(t.Title))
	}
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdText.Replace(c) + " |")
		}
		b.WriteString("\n")
	}
	line(t.header())
	b.WriteString("|")
	for _, c := range t.Cols {
		if c.Kind == KindText {
			b.WriteString(" --- |")
		} else {
			b.WriteString(" ---: |")
		}
	}
	b.WriteString("\n")
	for i := range t.Rows {
		line(t.Strings(i))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderTable writes t as a terminal table: text cells through
// reports.QuoteName (control characters and bytes that are not UTF-8 in a
// file name escaped, so a cell can neither move the cursor nor recolour
// the terminal), lists (Column.Preview) shortened.
func renderTable(w io.Writer, t *Table) error {
	if t.Title != "" {
		if _, err := fmt.Fprintf(w, "%s\n", quote(t.Title)); err != nil {
			return err
		}
	}
	align := make([]tw.Align, len(t.Cols))
	header := t.header()
	for j, c := range t.Cols {
		align[j] = tw.AlignLeft
		if c.Kind != KindText {
			align[j] = tw.AlignRight
		}
		header[j] = quote(header[j])
	}
	tb := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	tb.Header(header)
	for i := range t.Rows {
		cells := t.Strings(i)
		for j, c := range t.Cols {
			if c.Kind == KindText {
				cells[j] = quote(preview(cells[j], c.Preview))
			}
		}
		if err := tb.Append(cells); err != nil {
			return err
		}
	}
	return tb.Render()
}

// preview shortens a list of items joined by "; " to its first n and
// "… (+M)"; n 0 keeps all.
func preview(s string, n int) string {
	if n <= 0 {
		return s
	}
	items := strings.Split(s, "; ")
	if len(items) <= n {
		return s
	}
	return strings.Join(items[:n], "; ") + fmt.Sprintf("; … (+%d)", len(items)-n)
}
