package tabulate

import (
	"fmt"
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

// PlaceList fills the Places table of tifa places (only the documents
// with no code and not marked as no division when Unresolved) and counts
// the documents placed.
type PlaceList struct {
	Table      *table.Table // Places, filled by Add
	Unresolved bool
	// Docs counts the documents added, Placed those with a code,
	// NoDivision those marked as no division.
	Docs, Placed, NoDivision int
}

// NewPlaceList returns an empty list, of the unresolved documents only
// when unresolved is true.
func NewPlaceList(unresolved bool) *PlaceList {
	return &PlaceList{Table: Places(), Unresolved: unresolved}
}

// Add counts d, and lists it as the list asks.
func (l *PlaceList) Add(d *reports.Document) {
	l.Docs++
	p := d.Meta.Place
	switch {
	case p.Resolved():
		l.Placed++
	case p.NoDivision:
		l.NoDivision++
	}
	if !l.Unresolved || !p.Resolved() && !p.NoDivision {
		l.Table.Add(PlaceRow(d)...)
	}
}

// Summary is the line tifa places ends with: how many documents were
// placed, marked as no division, not placed.
func (l *PlaceList) Summary() string {
	return fmt.Sprintf("%d of %d documents placed, %d marked as no division, %d not placed", l.Placed, l.Docs, l.NoDivision, l.Docs-l.Placed-l.NoDivision)
}
