package table

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// twinTables returns the same table twice: its rows held, and generated
// (reusing one row slice, as tifa count does).
func twinTables() (held, generated *Table) {
	cs := []Column{Text("doc"), Int("year"), Text("slogan"), Int("count"), Float("per10k", 3)}
	rows := [][]any{{"店口镇_2020.txt", 2020, "五水共治", 3, 12.5}, {"a\tb.txt#2", 0, "最多跑一次", 1, 0.25}, {`引号"和,逗号`, 2021, "1+N", 0, 0.0}}
	held = &Table{Title: "t", Cols: cs, Rows: rows}
	generated = &Table{Title: "t", Cols: cs, Gen: func(add func(vals ...any) error) error {
		row := make([]any, 0, len(cs))
		for _, r := range rows {
			row = append(row[:0], r...)
			if err := add(row...); err != nil {
				return err
			}
		}
		return nil
	}}
	return held, generated
}

// TestGeneratedTable: a table whose rows are generated writes the same
// bytes as one holding them, in every format, with and without
// provenance.
func TestGeneratedTable(t *testing.T) {
	p := Provenance{Command: "tifa count x", Version: "test", Lexicon: "abc", Input: "sha256:0", Documents: 3, Date: "2025-01-02"}
	for _, format := range formats {
		for _, prov := range []*Provenance{nil, &p} {
			var out [2]bytes.Buffer
			held, gen := twinTables()
			for i, tb := range []*Table{held, gen} {
				o := Output{Stdout: &out[i], Prov: prov}
				tables := []*Table{tb, tb}
				if oneTable(format) {
					tables = tables[:1]
				}
				if err := o.Write(format, true, tables...); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
			}
			if out[0].Len() == 0 || !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
				t.Errorf("%s (provenance %v): generated rows write other bytes\nheld:      %.300q\ngenerated: %.300q", format, prov != nil, out[0].Bytes(), out[1].Bytes())
			}
		}
	}
}

// TestGeneratedTableError: an error while generating rows is returned and
// leaves no file, not even half of one.
func TestGeneratedTableError(t *testing.T) {
	_, gen := twinTables()
	boom := errors.New("boom")
	inner := gen.Gen
	n := 0
	gen.Gen = func(add func(vals ...any) error) error {
		return inner(func(vals ...any) error {
			if n++; n == 3 {
				return boom
			}
			return add(vals...)
		})
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "counts.csv")
	for _, format := range []string{FormatCSV, FormatXLSX} {
		if err := (Output{Path: path}).Write(format, false, gen); !errors.Is(err, boom) {
			t.Errorf("%s: error %v, want boom", format, err)
		}
		n = 0
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
