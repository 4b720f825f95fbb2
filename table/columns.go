package table

import (
	"fmt"
	"slices"
	"strings"
)

// LongCell is the width (in terminal columns, a Chinese character
// counting two) above which an optional column's cell is long: a terminal
// table leaves out, unless asked for, an optional column holding such a
// cell (a manifest's source path, a note with URLs).
const LongCell = 40

// Columns is a --columns choice of the optional columns of a table
// (Column.Optional: a document's metadata — region, level, year, the
// manifest's extra columns); the other columns always appear. Its syntax
// (ParseColumns):
//
//	""                 the default: every optional column but the hidden
//	                   ones (Column.Hidden), and a terminal table
//	                   (FormatTable) leaves out long ones too
//	region,year,note   exactly these optional columns, in the table's order
//	+note,-level       the default, plus note, without level
//	all  /  none       every optional column / none of them;
//	                   all,-note and none,+region change these
//
// The zero value is the default.
type Columns struct {
	spec      string
	only      []string // a list of names: exactly these
	base      string   // "", "all" or "none"
	add, drop []string // +NAME, -NAME
}

// ColumnsSyntax says how --columns is written, for help and errors.
const ColumnsSyntax = "NAME,NAME… (exactly these), +NAME,-NAME… (add to or drop from the default), all or none"

// ParseColumns reads a --columns value (see Columns).
func ParseColumns(spec string) (Columns, error) {
	c := Columns{spec: spec}
	if strings.TrimSpace(spec) == "" {
		return c, nil
	}
	items := strings.Split(spec, ",")
	for i, it := range items {
		it = strings.TrimSpace(it)
		switch {
		case it == "all" || it == "none":
			if i > 0 {
				return c, fmt.Errorf("%s comes first or not at all (got %q); want %s", it, spec, ColumnsSyntax)
			}
			c.base = it
			continue
		case it == "":
			return c, fmt.Errorf("an empty column name in %q; want %s", spec, ColumnsSyntax)
		}
		sign, name := it[0], strings.TrimSpace(it[1:])
		if sign != '+' && sign != '-' {
			sign, name = 0, it
		}
		if name == "" {
			return c, fmt.Errorf("%q names no column; want %s", it, ColumnsSyntax)
		}
		changes := len(c.add)+len(c.drop) > 0 || c.base != ""
		switch {
		case sign == 0 && changes, sign != 0 && len(c.only) > 0:
			return c, fmt.Errorf("%q mixes a list of columns with +NAME/-NAME changes; give one or the other", spec)
		case sign == 0:
			if !slices.Contains(c.only, name) {
				c.only = append(c.only, name)
			}
		case sign == '+' && slices.Contains(c.drop, name), sign == '-' && slices.Contains(c.add, name):
			return c, fmt.Errorf("%q both adds and drops %s", spec, name)
		case sign == '+':
			c.add = append(c.add, name)
		default:
			c.drop = append(c.drop, name)
		}
	}
	return c, nil
}

// String returns the value c was parsed from.
func (c Columns) String() string { return c.spec }

// names lists every column c names.
func (c Columns) names() []string {
	return slices.Concat(c.only, c.add, c.drop)
}

// Check fails when c names a column that is not in available (the
// optional columns a command can write), listing those.
func (c Columns) Check(available []string) error {
	for _, n := range c.names() {
		if !slices.Contains(available, n) {
			return fmt.Errorf("no column %q here (the columns --columns chooses: %s)", n, listOrNone(available))
		}
	}
	return nil
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// OptionalNames lists the names of the optional columns of tables, each
// once, in order.
func OptionalNames(tables ...*Table) []string {
	var out []string
	for _, t := range tables {
		for _, col := range t.Cols {
			if col.Optional && !slices.Contains(out, col.Name) {
				out = append(out, col.Name)
			}
		}
	}
	return out
}

// pick applies c to t, whose rows are held when terminal is set: the
// table with the optional columns c leaves out dropped, and the names of
// those the terminal default left out for being long.
func (c Columns) pick(t *Table, terminal bool) (*Table, []string) {
	keep := make([]bool, len(t.Cols))
	var hidden []string
	for j, col := range t.Cols {
		switch {
		case !col.Optional:
			keep[j] = true
		case c.only != nil:
			keep[j] = slices.Contains(c.only, col.Name)
		case slices.Contains(c.add, col.Name):
			keep[j] = true
		case slices.Contains(c.drop, col.Name) || c.base == "none" || (col.Hidden && c.base != "all"):
			keep[j] = false
		case c.base == "" && terminal && t.longColumn(j):
			hidden = append(hidden, col.Name)
		default:
			keep[j] = true
		}
	}
	if !slices.Contains(keep, false) {
		return t, nil
	}
	return t.project(keep), hidden
}

// longColumn reports whether a held row of t has a cell in column j
// wider than LongCell.
func (t *Table) longColumn(j int) bool {
	for _, row := range t.Rows {
		if textWidth(t.Cols[j].cell(row[j])) > LongCell {
			return true
		}
	}
	return false
}

// Keep returns t with the columns keep accepts (given each column's index
// and itself), in order; generated rows stay generated.
func (t *Table) Keep(keep func(j int, c Column) bool) *Table {
	marks := make([]bool, len(t.Cols))
	for j, c := range t.Cols {
		marks[j] = keep(j, c)
	}
	return t.project(marks)
}

// project returns t with the columns keep marks; generated rows stay
// generated.
func (t *Table) project(keep []bool) *Table {
	p := *t
	p.Cols = nil
	for j, col := range t.Cols {
		if keep[j] {
			p.Cols = append(p.Cols, col)
		}
	}
	sub := func(row []any) []any {
		out := make([]any, 0, len(p.Cols))
		for j, v := range row {
			if keep[j] {
				out = append(out, v)
			}
		}
		return out
	}
	if t.Gen != nil {
		p.Gen = func(add func(vals ...any) error) error {
			return t.Each(func(row []any) error { return add(sub(row)...) })
		}
		return &p
	}
	p.Rows = make([][]any, len(t.Rows))
	for i, row := range t.Rows {
		p.Rows[i] = sub(row)
	}
	return &p
}

// renamed is a column uniqueNames renamed.
type renamed struct {
	from, to string
	optional bool
}

// uniqueNames returns t with column names that repeat made unique, and
// what was renamed. The rule: the columns tifa computes
// keep their names before optional ones (a manifest's column 改革开放
// yields to the slogan's), an earlier column before a later one; a column
// that yields takes its name with the first free suffix _2, _3 ….
func (t *Table) uniqueNames() (*Table, []renamed) {
	taken := make(map[string]bool, len(t.Cols))
	claimed := make([]bool, len(t.Cols))
	for _, optional := range []bool{false, true} {
		for j, col := range t.Cols {
			if col.Optional == optional && !taken[col.Name] {
				taken[col.Name], claimed[j] = true, true
			}
		}
	}
	if !slices.Contains(claimed, false) {
		return t, nil
	}
	u := *t
	u.Cols = slices.Clone(t.Cols)
	var out []renamed
	for j, col := range u.Cols {
		if claimed[j] {
			continue
		}
		name := col.Name
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s_%d", col.Name, n)
		}
		taken[name] = true
		u.Cols[j].Name = name
		out = append(out, renamed{col.Name, name, col.Optional})
	}
	return &u, out
}
