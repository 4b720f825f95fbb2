package vector

import (
	"reflect"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

func TestBlocks(t *testing.T) {
	units := []Unit{
		{ID: "a", Meta: reports.Meta{Region: "浙江", Year: 2020, Extra: map[string]string{"party": "x"}}},
		{ID: "b", Meta: reports.Meta{Region: "江苏"}},
		{ID: "c", Meta: reports.Meta{Region: "浙江", Year: 2021, Extra: map[string]string{"party": "x"}}},
		{ID: "d", Meta: reports.Meta{Year: 2020}},
	}
	for _, c := range []struct {
		key     string
		want    []int
		missing int
	}{
		{"region", []int{0, 1, 0, -1}, 1},
		{"year", []int{0, -1, 1, 0}, 1},
		{"party", []int{0, -1, 0, -1}, 2},
		{"county", []int{-1, -1, -1, -1}, 4},
	} {
		got, missing := Blocks(units, c.key)
		if !reflect.DeepEqual(got, c.want) || missing != c.missing {
			t.Errorf("Blocks(%s) = %v, %d missing; want %v, %d", c.key, got, missing, c.want, c.missing)
		}
	}
}

func TestUnitIndex(t *testing.T) {
	units := []Unit{{ID: "a"}, {ID: "b"}, {ID: "b"}}
	for id, want := range map[string]int{"a": 0, "b": 1, "c": -1, "": -1} {
		if got := UnitIndex(units, id); got != want {
			t.Errorf("UnitIndex(%q) = %d, want %d", id, got, want)
		}
	}
}
