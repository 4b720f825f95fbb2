package table

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Output is where a command's result goes: Stdout, or the file Path
// (Path "" or "-" is Stdout, and so is /dev/stdout). A file is written as
// writeTo says: a regular file atomically (a temporary file in the same
// folder renamed into place once all was written, so an interrupted run
// leaves no half file), through a symbolic link to its target, straight
// to a device or FIFO. With Prov, the output records its provenance (see
// Write); an xlsx workbook always does.
type Output struct {
	Path   string
	Stdout io.Writer
	Prov   *Provenance

	// Columns chooses the optional columns written (--columns).
	Columns Columns
	// Warn, when set, is told what the output changed or could not
	// hold: a column renamed, columns a terminal table leaves out, a cell
	// an xlsx sheet cuts.
	Warn func(msg string)
}

// oneTable are the formats that hold one table: a file or stream of CSV,
// TSV or JSON is one table, which pandas and R read whole.
func oneTable(format string) bool {
	return format == FormatCSV || format == FormatTSV || format == FormatJSON
}

// toStdout reports whether path means standard output.
func toStdout(path string) bool {
	return path == "" || path == "-" || filepath.Clean(path) == "/dev/stdout"
}

// SplitPaths returns the files a CSV, TSV or JSON output of several
// tables to path is written to, one per table, named after path and the
// tables' names (Table.Name, else table1, table2 …): -o out.csv gives
// out.members.csv, out.profile.csv …; a path without the format's
// extension gets it (out → out.members.csv). It fails, saying what to do,
// when path is standard output, a device or a FIFO: one stream holds one
// table. With one table, or another format, it returns path.
func SplitPaths(format, path string, names []string) ([]string, error) {
	if !oneTable(format) || len(names) < 2 {
		return []string{path}, nil
	}
	what := fmt.Sprintf("%d tables (%s)", len(names), strings.Join(names, ", "))
	if toStdout(path) {
		return nil, fmt.Errorf("%s: %s holds one table, and so does standard output; give -o NAME.%s to write a file per table (NAME.%s.%s …), or -f xlsx or md for all in one",
			what, strings.ToUpper(format), format, names[0], format)
	}
	if d, err := destOf(path); err == nil && d.straight {
		return nil, fmt.Errorf("%s: %s holds one table, and %s is a stream; give -o NAME.%s to write a file per table, or -f xlsx or md for all in one",
			what, strings.ToUpper(format), quote(path), format)
	}
	stem := path
	if ext := filepath.Ext(path); strings.EqualFold(ext, "."+format) || (format == FormatTSV && strings.EqualFold(ext, ".tab")) {
		stem = strings.TrimSuffix(path, ext)
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = stem + "." + n + "." + format
	}
	return out, nil
}

// Names returns the file names of tables (Table.Name, else table1,
// table2 … by position): what SplitPaths and a several-table error name.
func Names(tables ...*Table) []string {
	out := make([]string, len(tables))
	for i, t := range tables {
		out[i] = t.Name
		if out[i] == "" {
			out[i] = fmt.Sprintf("table%d", i+1)
		}
	}
	return out
}

// Write renders the tables and commits the result.
//
// Each table first takes o.Columns (its optional columns chosen, and in a
// terminal table those holding a long cell left out unless asked for) and
// gets unique column names (a name that repeats is renamed by
// Table.uniqueNames' rule, with a warning).
//
// CSV, TSV and JSON hold one table: several go to a file each
// (SplitPaths), and to standard output they are an error. A terminal
// table and Markdown put them one after another (a blank line between),
// xlsx each on a sheet of its own (and the provenance on a sheet
// "about").
//
// With o.Prov, CSV and TSV start with "# key: value" comment lines (after
// the byte order mark), JSON becomes one object holding "provenance" (see
// renderJSONProvenance), and terminal tables and Markdown end with a
// provenance line.
func (o Output) Write(format string, bom bool, tables ...*Table) error {
	paths, err := SplitPaths(format, o.Path, Names(tables...))
	if err != nil {
		return err
	}
	tables, err = o.prepare(format, tables)
	if err != nil {
		return err
	}
	var fills []func(w *bufio.Writer) error
	switch {
	case len(paths) > 1:
		for _, t := range tables {
			fills = append(fills, o.render(format, bom, []*Table{t}))
		}
	default:
		fills = append(fills, o.render(format, bom, tables))
	}
	if toStdout(o.Path) {
		w := bufio.NewWriterSize(o.Stdout, 1<<16)
		if err := fills[0](w); err != nil {
			return err
		}
		return w.Flush()
	}
	return writeAll(paths, fills)
}

// prepare applies o.Columns and unique names to tables, collecting the
// rows of the formats that hold them (all but CSV, TSV, JSON and xlsx,
// which stream generated rows), and warns about what changed.
func (o Output) prepare(format string, tables []*Table) ([]*Table, error) {
	out := make([]*Table, len(tables))
	var hidden, present []string
	for i, t := range tables {
		if format == FormatTable || format == FormatMD {
			var err error
			if t, err = t.collect(); err != nil {
				return nil, err
			}
		}
		present = append(present, OptionalNames(t)...)
		t, h := o.Columns.pick(t, format == FormatTable)
		for _, n := range h {
			if !slices.Contains(hidden, n) {
				hidden = append(hidden, n)
			}
		}
		t, renamed := t.uniqueNames()
		for _, r := range renamed {
			which := "the later one"
			if r.optional {
				which = "the document's (manifest) column"
			}
			o.warnf("%s has two columns named %q: %s is written %q", tableName(t), r.from, which, r.to)
		}
		out[i] = t
	}
	for _, n := range o.Columns.names() {
		if !slices.Contains(present, n) {
			o.warnf("--columns %s: this output has no column %s (its optional columns: %s)", o.Columns, n, listOrNone(present))
		}
	}
	if len(hidden) > 0 {
		o.warnf("the table leaves out columns with long values: %s (--columns +%s shows one, -f csv or -o FILE writes all)", strings.Join(hidden, ", "), hidden[0])
	}
	return out, nil
}

func (o Output) warnf(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// tableName names t in a message: its title, else its name.
func tableName(t *Table) string {
	if t.Title != "" {
		return "table " + quote(t.Title)
	}
	if t.Name != "" {
		return "table " + t.Name
	}
	return "the table"
}

// render returns what writes tables in format.
func (o Output) render(format string, bom bool, tables []*Table) func(w *bufio.Writer) error {
	return func(w *bufio.Writer) error {
		switch {
		case format == FormatXLSX:
			var p Provenance
			if o.Prov != nil {
				p = *o.Prov
			}
			return renderXLSX(w, p, tables, o.Warn)
		case format == FormatJSON && o.Prov != nil:
			return renderJSONProvenance(w, *o.Prov, tables[0])
		}
		return o.renderText(w, format, bom, tables)
	}
}

// renderText renders the tables in a text format, with o.Prov as comment
// lines or a footer.
func (o Output) renderText(buf *bufio.Writer, format string, bom bool, tables []*Table) error {
	delimited := format == FormatCSV || format == FormatTSV
	if o.Prov != nil && delimited {
		if bom {
			buf.WriteString("\ufeff")
		}
		buf.WriteString(o.Prov.comments())
	}
	for i, t := range tables {
		if i > 0 {
			buf.WriteString("\n")
		}
		var err error
		if o.Prov != nil && delimited {
			err = renderDelimitedHash(buf, t, map[string]byte{FormatCSV: ',', FormatTSV: '\t'}[format], bom)
		} else {
			err = render(buf, t, format, bom)
		}
		if err != nil {
			return err
		}
	}
	if o.Prov != nil && !delimited {
		buf.WriteString("\n")
		if format == FormatMD {
			buf.WriteString(o.Prov.markdown())
		} else {
			buf.WriteString(o.Prov.footer())
		}
	}
	return nil
}
