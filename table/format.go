package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
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

// ChooseFormat resolves --format: explicit wins; else the -o file's
// extension; else a table on a terminal and CSV into a pipe or file.
func ChooseFormat(flag, outFile string, terminal bool) (string, error) {
	if flag != "" {
		for _, f := range formats {
			if flag == f {
				return f, nil
			}
		}
		if flag == "markdown" {
			return FormatMD, nil
		}
		return "", fmt.Errorf("flag --format: unknown format %q (want %s)", flag, strings.Join(formats, ", "))
	}
	switch strings.ToLower(filepath.Ext(outFile)) {
	case ".csv":
		return FormatCSV, nil
	case ".tsv", ".tab":
		return FormatTSV, nil
	case ".json":
		return FormatJSON, nil
	case ".md":
		return FormatMD, nil
	case ".xlsx":
		return FormatXLSX, nil
	}
	if outFile == "" && terminal {
		return FormatTable, nil
	}
	return FormatCSV, nil
}

// Render writes t in format f. bom prefixes a UTF-8 byte order mark (for
// Excel) to CSV and TSV.
func Render(w io.Writer, t *Table, f string, bom bool) error {
	switch f {
	case FormatCSV, FormatTSV:
		if bom {
			if _, err := io.WriteString(w, "\ufeff"); err != nil {
				return err
			}
		}
		return renderDelimited(w, t, map[string]rune{FormatCSV: ',', FormatTSV: '\t'}[f])
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

func renderDelimited(w io.Writer, t *Table, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if err := cw.Write(t.header()); err != nil {
		return err
	}
	err := t.Each(func(vals []any) error {
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
func renderDelimitedHash(w io.Writer, t *Table, comma byte) error {
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
	return t.Each(func(row []any) error { return record(t.cells(row)) })
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

// renderJSONProvenance writes the tables with their provenance as one JSON
// object: {"provenance": {…}, "title": …, "rows": […]} for one table,
// {"provenance": {…}, "tables": [{"title": …, "rows": […]}, …]} for
// several. A table without a title has no "title" key.
func renderJSONProvenance(w io.Writer, p Provenance, tables []*Table) error {
	b := bufio.NewWriter(w)
	b.WriteString("{\n  \"provenance\": " + p.json())
	titled := func(t *Table, indent string) {
		if t.Title != "" {
			v, _ := json.Marshal(t.Title)
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
			if t.Title != "" {
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

func renderMarkdown(w io.Writer, t *Table) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", t.Title)
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

func renderTable(w io.Writer, t *Table) error {
	if t.Title != "" {
		if _, err := fmt.Fprintf(w, "%s\n", t.Title); err != nil {
			return err
		}
	}
	align := make([]tw.Align, len(t.Cols))
	for j, c := range t.Cols {
		align[j] = tw.AlignLeft
		if c.Kind != KindText {
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
	for i := range t.Rows {
		if err := tb.Append(t.Strings(i)); err != nil {
			return err
		}
	}
	return tb.Render()
}
