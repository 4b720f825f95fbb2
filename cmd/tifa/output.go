package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// kind says how a column's values are written.
type kind int

const (
	kString kind = iota
	kInt
	kFloat
)

// column is one column of a table: its name (the CSV header) and kind.
// Floats are written with prec decimals.
type column struct {
	name string
	kind kind
	prec int
}

func str(name string) column           { return column{name: name, kind: kString} }
func num(name string) column           { return column{name: name, kind: kInt} }
func flt(name string, prec int) column { return column{name: name, kind: kFloat, prec: prec} }
func cols(cs ...column) []column       { return cs }

// reservedCols are the column names of tifa's per-document outputs.
var reservedCols = map[string]bool{"id": true, "doc": true, "region": true, "level": true, "year": true,
	"chars": true, "review_chars": true, "plan_chars": true, "review_heading": true, "plan_heading": true,
	"encoding": true, "warnings": true, "section": true, "slogan": true, "category": true, "count": true,
	"nested": true, "per10k": true}

// extraCols are the columns of a manifest's extra fields; a name tifa uses
// itself gets the prefix manifest_ (a manifest column "chars" becomes
// "manifest_chars"), so no header holds a name twice.
func extraCols(names []string) []column {
	out := make([]column, len(names))
	for i, n := range names {
		if reservedCols[n] {
			n = "manifest_" + n
		}
		out[i] = str(n)
	}
	return out
}

// table is the one row model every command builds; render writes it in
// any format, so the formats cannot drift apart.
type table struct {
	title string // shown above terminal tables and Markdown (demo)
	cols  []column
	rows  [][]any // string, int or float64 per column kind

	// gen, when not nil, produces the rows in place of rows, calling add
	// once a row (add may keep no reference to vals). CSV and TSV stream
	// them to the output, and so does JSON, so that a table of millions
	// of rows (count --all on a large corpus) is never held in memory;
	// the other formats collect them first.
	gen func(add func(vals ...any) error) error
}

// each calls fn with every row, in order, stopping at its first error.
func (t *table) each(fn func(row []any) error) error {
	if t.gen == nil {
		for _, row := range t.rows {
			if err := fn(row); err != nil {
				return err
			}
		}
		return nil
	}
	return t.gen(func(vals ...any) error {
		if len(vals) != len(t.cols) {
			panic(fmt.Sprintf("tifa: row of %d values for %d columns", len(vals), len(t.cols)))
		}
		return fn(vals)
	})
}

// collect returns t with its rows in memory: t itself unless they are
// generated.
func (t *table) collect() (*table, error) {
	if t.gen == nil {
		return t, nil
	}
	c := &table{title: t.title, cols: t.cols}
	err := t.each(func(row []any) error {
		c.rows = append(c.rows, slices.Clone(row))
		return nil
	})
	return c, err
}

func (t *table) add(vals ...any) {
	if len(vals) != len(t.cols) {
		panic(fmt.Sprintf("tifa: row of %d values for %d columns", len(vals), len(t.cols)))
	}
	t.rows = append(t.rows, vals)
}

// cell formats one value as text. nil is a missing value, written empty;
// so is an int 0 in a year column: an unknown year is missing, not zero.
func (c column) cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		if x == 0 && c.name == "year" {
			return ""
		}
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', c.prec, 64)
	}
	return fmt.Sprint(v)
}

// Formats.
const (
	fmtTable = "table"
	fmtCSV   = "csv"
	fmtTSV   = "tsv"
	fmtJSON  = "json"
	fmtMD    = "md"
	fmtXLSX  = "xlsx"
)

var formats = []string{fmtTable, fmtCSV, fmtTSV, fmtJSON, fmtMD, fmtXLSX}

// chooseFormat resolves --format: explicit wins; else the -o file's
// extension; else a table on a terminal and CSV into a pipe or file.
func chooseFormat(flag, outFile string, terminal bool) (string, error) {
	if flag != "" {
		for _, f := range formats {
			if flag == f {
				return f, nil
			}
		}
		if flag == "markdown" {
			return fmtMD, nil
		}
		return "", fmt.Errorf("flag --format: unknown format %q (want %s)", flag, strings.Join(formats, ", "))
	}
	switch strings.ToLower(filepath.Ext(outFile)) {
	case ".csv":
		return fmtCSV, nil
	case ".tsv", ".tab":
		return fmtTSV, nil
	case ".json":
		return fmtJSON, nil
	case ".md":
		return fmtMD, nil
	case ".xlsx":
		return fmtXLSX, nil
	}
	if outFile == "" && terminal {
		return fmtTable, nil
	}
	return fmtCSV, nil
}

// render writes t in format f. bom prefixes a UTF-8 byte order mark (for
// Excel) to CSV and TSV.
func render(w io.Writer, t *table, f string, bom bool) error {
	switch f {
	case fmtCSV, fmtTSV:
		if bom {
			if _, err := io.WriteString(w, "\ufeff"); err != nil {
				return err
			}
		}
		return renderDelimited(w, t, map[string]rune{fmtCSV: ',', fmtTSV: '\t'}[f])
	case fmtJSON:
		return renderJSON(w, t)
	case fmtMD:
		return renderMarkdown(w, t)
	default:
		return renderTable(w, t)
	}
}

func (t *table) strings(i int) []string { return t.cells(t.rows[i]) }

// cells formats one row of t as text.
func (t *table) cells(row []any) []string {
	out := make([]string, len(t.cols))
	for j, c := range t.cols {
		out[j] = c.cell(row[j])
	}
	return out
}

func (t *table) header() []string {
	out := make([]string, len(t.cols))
	for j, c := range t.cols {
		out[j] = c.name
	}
	return out
}

func renderDelimited(w io.Writer, t *table, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if err := cw.Write(t.header()); err != nil {
		return err
	}
	err := t.each(func(vals []any) error {
		row := t.cells(vals)
		if comma == '\t' { // TSV has no quoting: tabs and newlines become spaces
			for j := range row {
				row[j] = tsvField.Replace(row[j])
			}
		}
		return cw.Write(row)
	})
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
func renderDelimitedHash(w io.Writer, t *table, comma byte) error {
	var b bytes.Buffer
	record := func(fields []string) error {
		b.Reset()
		for j, f := range fields {
			if j > 0 {
				b.WriteByte(comma)
			}
			if comma == '\t' {
				f = tsvField.Replace(f)
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
	if err := record(t.header()); err != nil {
		return err
	}
	return t.each(func(row []any) error { return record(t.cells(row)) })
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
func renderJSON(w io.Writer, t *table) error {
	b := bufio.NewWriter(w)
	if err := jsonRows(b, t, ""); err != nil {
		return err
	}
	b.WriteString("\n")
	return b.Flush()
}

// jsonRows writes t's rows as a JSON array, one object a line, each line
// indented by indent and two spaces more.
func jsonRows(b *bufio.Writer, t *table, indent string) error {
	b.WriteString("[")
	n := 0
	err := t.each(func(row []any) error {
		if n++; n > 1 {
			b.WriteString(",")
		}
		b.WriteString("\n" + indent + "  {")
		for j, c := range t.cols {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c.name)
			b.Write(k)
			b.WriteString(": ")
			s := c.cell(row[j])
			switch {
			case c.kind == kString:
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

// renderJSONProvenance writes the tables with their provenance as one JSON
// object: {"provenance": {…}, "title": …, "rows": […]} for one table,
// {"provenance": {…}, "tables": [{"title": …, "rows": […]}, …]} for
// several. A table without a title has no "title" key.
func renderJSONProvenance(w io.Writer, p provenance, tables []*table) error {
	b := bufio.NewWriter(w)
	b.WriteString("{\n  \"provenance\": " + p.json())
	titled := func(t *table, indent string) {
		if t.title != "" {
			v, _ := json.Marshal(t.title)
			b.WriteString(indent + `"title": `)
			b.Write(v)
			b.WriteString(",")
		}
	}
	if len(tables) == 1 {
		b.WriteString(",")
		titled(tables[0], "\n  ")
		b.WriteString("\n  \"rows\": ")
		if err := jsonRows(b, tables[0], "  "); err != nil {
			return err
		}
	} else {
		b.WriteString(",\n  \"tables\": [")
		for i, t := range tables {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    {")
			titled(t, "")
			if t.title != "" {
				b.WriteString(" ")
			}
			b.WriteString(`"rows": `)
			if err := jsonRows(b, t, "    "); err != nil {
				return err
			}
			b.WriteString("}")
		}
		if len(tables) > 0 {
			b.WriteString("\n  ")
		}
		b.WriteString("]")
	}
	b.WriteString("\n}\n")
	return b.Flush()
}

func renderMarkdown(w io.Writer, t *table) error {
	var b strings.Builder
	if t.title != "" {
		fmt.Fprintf(&b, "### %s\n\n", t.title)
	}
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + esc.Replace(c) + " |")
		}
		b.WriteString("\n")
	}
	line(t.header())
	b.WriteString("|")
	for _, c := range t.cols {
		if c.kind == kString {
			b.WriteString(" --- |")
		} else {
			b.WriteString(" ---: |")
		}
	}
	b.WriteString("\n")
	for i := range t.rows {
		line(t.strings(i))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func renderTable(w io.Writer, t *table) error {
	if t.title != "" {
		if _, err := fmt.Fprintf(w, "%s\n", t.title); err != nil {
			return err
		}
	}
	align := make([]tw.Align, len(t.cols))
	for j, c := range t.cols {
		align[j] = tw.AlignLeft
		if c.kind != kString {
			align[j] = tw.AlignRight
		}
	}
	tb := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	tb.Header(t.header())
	for i := range t.rows {
		if err := tb.Append(t.strings(i)); err != nil {
			return err
		}
	}
	return tb.Render()
}

// output is where a command's result goes: stdout or an -o file written
// atomically (a temporary file in the same directory, renamed into place
// only when everything was written, so an interrupted run leaves no half
// file). With prov, the output records its provenance (see write); an
// xlsx workbook always does.
type output struct {
	path   string
	stdout io.Writer
	prov   *provenance
}

// write renders the tables one after another (a blank line between
// terminal tables) and commits the result. With o.prov, CSV and TSV start
// with "# key: value" comment lines (after the byte order mark), JSON
// becomes one object holding "provenance" (see renderJSONProvenance), and
// terminal tables and Markdown end with a provenance line. xlsx puts each
// table on a sheet of its own and the provenance on a sheet "about".
func (o output) write(format string, bom bool, tables ...*table) error {
	if format == fmtXLSX {
		if err := checkGenerated(tables); err != nil {
			return err
		}
	}
	if format != fmtCSV && format != fmtTSV && format != fmtJSON {
		tables = slices.Clone(tables)
		for i, t := range tables {
			var err error
			if tables[i], err = t.collect(); err != nil {
				return err
			}
		}
	}
	render := func(w *bufio.Writer) error {
		switch {
		case format == fmtXLSX:
			var p provenance
			if o.prov != nil {
				p = *o.prov
			}
			return renderXLSX(w, p, tables)
		case format == fmtJSON && o.prov != nil:
			return renderJSONProvenance(w, *o.prov, tables)
		}
		return o.renderText(w, format, bom, tables)
	}
	if o.path == "" || o.path == "-" {
		w := bufio.NewWriterSize(o.stdout, 1<<16)
		if err := render(w); err != nil {
			return err
		}
		return w.Flush()
	}
	return writeAtomic(o.path, render)
}

// renderText renders the tables in a text format, with o.prov as comment
// lines or a footer.
func (o output) renderText(buf *bufio.Writer, format string, bom bool, tables []*table) error {
	delimited := format == fmtCSV || format == fmtTSV
	if o.prov != nil && delimited {
		if bom {
			buf.WriteString("\ufeff")
			bom = false
		}
		buf.WriteString(o.prov.comments())
	}
	for i, t := range tables {
		if i > 0 && (format == fmtTable || format == fmtMD) {
			buf.WriteString("\n")
		}
		var err error
		if o.prov != nil && delimited {
			err = renderDelimitedHash(buf, t, map[string]byte{fmtCSV: ',', fmtTSV: '\t'}[format])
		} else {
			err = render(buf, t, format, bom && i == 0)
		}
		if err != nil {
			return err
		}
	}
	if o.prov != nil && !delimited {
		buf.WriteString("\n")
		if format == fmtMD {
			buf.WriteString(o.prov.markdown())
		} else {
			buf.WriteString(o.prov.footer())
		}
	}
	return nil
}

// checkOutputDir fails, naming flag, when the folder path is to be
// written in does not exist, so that a run stops before reading the
// reports rather than after.
func checkOutputDir(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("flag %s: cannot write %s: folder %s does not exist (create it first)", flag, path, dir)
	case !st.IsDir():
		return fmt.Errorf("flag %s: cannot write %s: %s is not a folder", flag, path, dir)
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w *bufio.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic writes path with what fill writes: into a temporary file in
// the same directory, renamed into place only when fill and every write
// succeeded, so a failed or interrupted run leaves no half file.
func writeAtomic(path string, fill func(w *bufio.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := fill(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
