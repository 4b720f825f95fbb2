package table

import (
	"fmt"
	"testing"
)

func TestKeep(t *testing.T) {
	tb := &Table{Title: "t", Name: "n", Cols: []Column{Text("a"), Int("b"), Float("c", 1)}}
	tb.Add("x", 1, 1.5)
	tb.Add("y", 2, 2.5)
	gen := &Table{Cols: tb.Cols, Gen: func(add func(vals ...any) error) error {
		for _, r := range tb.Rows {
			if err := add(r...); err != nil {
				return err
			}
		}
		return nil
	}}
	dropB := func(j int, c Column) bool { return c.Name != "b" }
	for _, in := range []*Table{tb, gen} {
		k := in.Keep(dropB)
		var got []string
		_ = k.Each(func(row []any) error { got = append(got, fmt.Sprint(row)); return nil })
		if len(k.Cols) != 2 || k.Cols[0].Name != "a" || k.Cols[1].Name != "c" || fmt.Sprint(got) != "[[x 1.5] [y 2.5]]" || k.Title != in.Title || (k.Gen == nil) != (in.Gen == nil) {
			t.Errorf("Keep = cols %v, rows %v", k.Cols, got)
		}
	}
	if len(tb.Cols) != 3 || len(tb.Rows[0]) != 3 {
		t.Error("Keep changed its table")
	}
	if k := tb.Keep(func(j int, _ Column) bool { return j == 0 }); len(k.Cols) != 1 || k.Rows[1][0] != "y" {
		t.Errorf("Keep by index = %v %v", k.Cols, k.Rows)
	}
}
