package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
)

var formats = []string{fmtTable, fmtCSV, fmtTSV, fmtJSON, fmtMD}

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

func (t *table) strings(i int) []string {
	out := make([]string, len(t.cols))
	for j, c := range t.cols {
		out[j] = c.cell(t.rows[i][j])
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
	for i := range t.rows {
		row := t.strings(i)
		if comma == '\t' { // TSV has no quoting: tabs and newlines become spaces
			for j := range row {
				row[j] = strings.NewReplacer("\t", " ", "\n", " ").Replace(row[j])
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// renderJSON writes an array of objects whose keys keep the column order;
// numbers are JSON numbers, written as in the CSV, missing years null.
func renderJSON(w io.Writer, t *table) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range t.rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
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
	}
	if len(t.rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
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
// file).
type output struct {
	path   string
	stdout io.Writer
}

// write renders the tables one after another (a blank line between
// terminal tables) and commits the result.
func (o output) write(format string, bom bool, tables ...*table) error {
	var buf bytes.Buffer
	for i, t := range tables {
		if i > 0 && (format == fmtTable || format == fmtMD) {
			buf.WriteString("\n")
		}
		if err := render(&buf, t, format, bom && i == 0); err != nil {
			return err
		}
	}
	if o.path == "" || o.path == "-" {
		_, err := o.stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(o.path, buf.Bytes())
}

func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
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
