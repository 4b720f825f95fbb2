package tabulate_test

import (
	"testing"

	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

func TestPlaceList(t *testing.T) {
	docs := []*reports.Document{
		{ID: "a", Meta: reports.Meta{Place: &places.Result{Place: places.Place{Code: "330000"}}}},
		{ID: "b", Meta: reports.Meta{Place: &places.Result{NoDivision: true}}},
		{ID: "c", Meta: reports.Meta{Place: &places.Result{}}},
		{ID: "d", Meta: reports.Meta{Place: &places.Result{}}},
	}
	for _, c := range []struct {
		unresolved bool
		rows       int
	}{{false, 4}, {true, 2}} {
		l := tabulate.NewPlaceList(c.unresolved)
		for _, d := range docs {
			l.Add(d)
		}
		if len(l.Table.Rows) != c.rows || l.Summary() != "1 of 4 documents placed, 1 marked as no division, 2 not placed" {
			t.Errorf("unresolved %v: %d rows, %q", c.unresolved, len(l.Table.Rows), l.Summary())
		}
	}
}
