package tabulate

import (
	"slices"
	"strings"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

// Docs is the table of tifa docs, without rows: one row per document
// (DocRow): id, region, level, year, the place columns (reports.PlaceColumns:
// code, place, name, province, city, county, place_source), the manifest's
// extra columns (one named like a place column written manifest_NAME),
// chars (Chinese characters), review_chars, plan_chars, review_heading and
// plan_heading (the headings that opened each part), encoding (of the
// source file) and warnings.
func Docs(extra []string) *table.Table {
	cs := []table.Column{table.Text("id"), table.Text("region"), table.Text("level"), table.Int("year")}
	cs = append(cs, placeCols()...)
	cs = append(cs, extraCols(extra, reports.PlaceColumns...)...)
	cs = append(cs, table.Int("chars"), table.Int("review_chars"), table.Int("plan_chars"),
		table.Text("review_heading"), table.Text("plan_heading"), table.Text("encoding"), table.Text("warnings"))
	return &table.Table{Title: "Documents", Cols: cs}
}

// DocRow is d's row of Docs.
func DocRow(d *reports.Document, extra []string) []any {
	row := []any{d.ID, d.Meta.Region, d.Meta.Level, d.Meta.Year}
	row = append(row, placeCells(d.Meta)...)
	for _, k := range extra {
		row = append(row, d.Meta.Extra[k])
	}
	row = append(row, d.Chars(reports.PartAll), d.Chars(reports.PartReview), d.Chars(reports.PartPlan),
		firstHeading(d, reports.PartReview), firstHeading(d, reports.PartPlan), d.Encoding, strings.Join(d.Warnings, "; "))
	return row
}

func firstHeading(d *reports.Document, p reports.Part) string {
	for _, s := range d.Sections {
		if s.Part == p {
			return s.Heading
		}
	}
	return ""
}

// metaCells returns the metadata columns every per-document output starts
// with: region, level, year and the manifest's extra columns.
func metaCells(m reports.Meta, extra []string) []any {
	row := []any{m.Region, m.Level, m.Year}
	for _, k := range extra {
		row = append(row, m.Extra[k])
	}
	return row
}

// reservedCols are the column names of tifa's per-document outputs.
var reservedCols = map[string]bool{"id": true, "doc": true, "region": true, "level": true, "year": true,
	"chars": true, "review_chars": true, "plan_chars": true, "review_heading": true, "plan_heading": true,
	"encoding": true, "warnings": true, "section": true, "slogan": true, "category": true, "count": true,
	"nested": true, "per10k": true}

// placeCols are the columns of reports.PlaceColumns.
func placeCols() []table.Column {
	out := make([]table.Column, len(reports.PlaceColumns))
	for i, n := range reports.PlaceColumns {
		out[i] = table.Text(n)
	}
	return out
}

// placeCells are the values of reports.PlaceColumns.
func placeCells(m reports.Meta) []any {
	out := make([]any, len(reports.PlaceColumns))
	for i, n := range reports.PlaceColumns {
		out[i] = m.Value(n)
	}
	return out
}

// extraCols are the columns of a manifest's extra fields; a name tifa uses
// itself (or one of also, the table's own) gets the prefix manifest_ (a
// manifest column "chars" becomes "manifest_chars"), so no header holds a
// name twice.
func extraCols(names []string, also ...string) []table.Column {
	out := make([]table.Column, len(names))
	for i, n := range names {
		if reservedCols[n] || slices.Contains(also, n) {
			n = "manifest_" + n
		}
		out[i] = table.Text(n)
	}
	return out
}
