package table

import (
	"bufio"
	"io"
	"slices"
)

// Output is where a command's result goes: Stdout, or the file Path
// written atomically (a temporary file in the same directory, renamed into
// place only when everything was written, so an interrupted run leaves no
// half file; Path "" or "-" is Stdout). With Prov, the output records its
// provenance (see Write); an xlsx workbook always does.
type Output struct {
	Path   string
	Stdout io.Writer
	Prov   *Provenance
}

// Write renders the tables one after another (a blank line between
// terminal tables) and commits the result. With o.Prov, CSV and TSV start
// with "# key: value" comment lines (after the byte order mark), JSON
// becomes one object holding "provenance" (see renderJSONProvenance), and
// terminal tables and Markdown end with a provenance line. xlsx puts each
// table on a sheet of its own and the provenance on a sheet "about".
func (o Output) Write(format string, bom bool, tables ...*Table) error {
	if format == FormatXLSX {
		if err := checkGenerated(tables); err != nil {
			return err
		}
	}
	if format != FormatCSV && format != FormatTSV && format != FormatJSON {
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
		case format == FormatXLSX:
			var p Provenance
			if o.Prov != nil {
				p = *o.Prov
			}
			return renderXLSX(w, p, tables)
		case format == FormatJSON && o.Prov != nil:
			return renderJSONProvenance(w, *o.Prov, tables)
		}
		return o.renderText(w, format, bom, tables)
	}
	if o.Path == "" || o.Path == "-" {
		w := bufio.NewWriterSize(o.Stdout, 1<<16)
		if err := render(w); err != nil {
			return err
		}
		return w.Flush()
	}
	return writeAtomic(o.Path, render)
}

// renderText renders the tables in a text format, with o.Prov as comment
// lines or a footer.
func (o Output) renderText(buf *bufio.Writer, format string, bom bool, tables []*Table) error {
	delimited := format == FormatCSV || format == FormatTSV
	if o.Prov != nil && delimited {
		if bom {
			buf.WriteString("\ufeff")
			bom = false
		}
		buf.WriteString(o.Prov.comments())
	}
	for i, t := range tables {
		if i > 0 && (format == FormatTable || format == FormatMD) {
			buf.WriteString("\n")
		}
		var err error
		if o.Prov != nil && delimited {
			err = renderDelimitedHash(buf, t, map[string]byte{FormatCSV: ',', FormatTSV: '\t'}[format])
		} else {
			err = Render(buf, t, format, bom && i == 0)
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
