package table

import (
	"fmt"
	"slices"
	"strconv"
)

// Kind says how a column's values are written.
type Kind int

// Kinds of column.
const (
	KindText  Kind = iota // strings
	KindInt               // ints; 0 in a column named "year" is a missing year
	KindFloat             // float64s, with the column's Prec decimals
)

// Column is one column of a table: its name (the CSV header) and kind.
// Floats are written with Prec decimals.
type Column struct {
	Name string
	Kind Kind
	Prec int

	// Optional marks a column of a document's metadata (region, level,
	// year, a manifest's extra column): Output.Columns (--columns) chooses
	// whether it appears, and a terminal table leaves it out when it holds
	// a long cell. Other columns always appear. Where two columns share a
	// name, the optional one is renamed (see Output.Write).
	Optional bool
	// Hidden marks an optional column left out unless Output.Columns
	// names it or says all (the place columns outside tifa docs).
	Hidden bool

	// Preview, when above 0, marks a column whose cells list items joined
	// by "; ": a terminal table shows the first Preview of them and
	// "… (+N)"; every file holds them all.
	Preview int
}

// Text is a column of strings.
func Text(name string) Column { return Column{Name: name, Kind: KindText} }

// Int is a column of ints.
func Int(name string) Column { return Column{Name: name, Kind: KindInt} }

// Float is a column of float64s written with prec decimals.
func Float(name string, prec int) Column { return Column{Name: name, Kind: KindFloat, Prec: prec} }

// Table is the one row model every command builds; Render writes it in
// any format, so the formats cannot drift apart.
type Table struct {
	Title string // shown above terminal tables and Markdown (demo)
	// Name is a short name (members, profile): a command writing several
	// tables as CSV, TSV or JSON writes one file per table, named after it
	// (out.members.csv); "" is table1, table2 … by position.
	Name string
	Cols []Column
	Rows [][]any // string, int or float64 per column kind; nil is a missing value

	// Gen, when not nil, produces the rows in place of Rows, calling add
	// once a row (add may keep no reference to vals). CSV and TSV stream
	// them to the output, and so does JSON, so that a table of millions
	// of rows (count --all on a large corpus) is never held in memory;
	// the other formats collect them first.
	Gen func(add func(vals ...any) error) error
}

// Each calls fn with every row, in order, stopping at its first error.
// It panics, a bug of the caller's, when a generated row does not have a
// value per column.
func (t *Table) Each(fn func(row []any) error) error {
	if t.Gen == nil {
		for _, row := range t.Rows {
			if err := fn(row); err != nil {
				return err
			}
		}
		return nil
	}
	return t.Gen(func(vals ...any) error {
		if len(vals) != len(t.Cols) {
			panic(fmt.Sprintf("table: row of %d values for %d columns", len(vals), len(t.Cols)))
		}
		return fn(vals)
	})
}

// collect returns t with its rows in memory: t itself unless they are
// generated.
func (t *Table) collect() (*Table, error) {
	if t.Gen == nil {
		return t, nil
	}
	c := &Table{Title: t.Title, Name: t.Name, Cols: t.Cols}
	err := t.Each(func(row []any) error {
		c.Rows = append(c.Rows, slices.Clone(row))
		return nil
	})
	return c, err
}

// Add appends a row of one value per column. It panics, a bug of the
// caller's, when the row does not have a value per column.
func (t *Table) Add(vals ...any) {
	if len(vals) != len(t.Cols) {
		panic(fmt.Sprintf("table: row of %d values for %d columns", len(vals), len(t.Cols)))
	}
	t.Rows = append(t.Rows, vals)
}

// cell formats one value as text. nil is a missing value, written empty;
// so is an int 0 in a year column: an unknown year is missing, not zero.
func (c Column) cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		if x == 0 && c.Name == "year" {
			return ""
		}
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', c.Prec, 64)
	}
	return fmt.Sprint(v)
}
