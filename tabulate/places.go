package tabulate

import (
	"strings"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

// Places is the table of tifa places, without rows: one row per document
// (PlaceRow): id, region, level, year, the place columns
// (reports.PlaceColumns), matched (the name as written that decided it),
// why (how it was decided, or why it could not be) and candidates (the
// places an ambiguous name could be, at most five: code and names from
// the province down, separated by "; ").
func Places() *table.Table {
	cs := []table.Column{table.Text("id"), table.Text("region"), table.Text("level"), table.Int("year")}
	cs = append(cs, placeCols()...)
	cs = append(cs, table.Text("matched"), table.Text("why"), table.Text("candidates"))
	return &table.Table{Title: "Places", Cols: cs}
}

// PlaceRow is d's row of Places.
func PlaceRow(d *reports.Document) []any {
	row := []any{d.ID, d.Meta.Region, d.Meta.Level, d.Meta.Year}
	row = append(row, placeCells(d.Meta)...)
	var matched, why, cands string
	if p := d.Meta.Place; p != nil {
		matched, why = p.Matched, p.Why
		cs := make([]string, len(p.Candidates))
		for i, c := range p.Candidates {
			cs[i] = c.Code + " " + c.Names
		}
		cands = strings.Join(cs, "; ")
	}
	return append(row, matched, why, cands)
}
