package tabulate

import (
	"fmt"
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
// source file; empty for the formats whose text is extracted), format
// (txt, md, html, pdf, docx, doc, wps, rtf, ofd), pages (of a PDF or OFD)
// and warnings.
func Docs(extra []string) *table.Table {
	cs := append([]table.Column{table.Text("id")}, metaCols(extra, true)...)
	cs = append(cs, table.Int("chars"), table.Int("review_chars"), table.Int("plan_chars"),
		table.Text("review_heading"), table.Text("plan_heading"), table.Text("encoding"), table.Text("format"), table.Int("pages"), table.Text("warnings"))
	return &table.Table{Title: "Documents", Cols: cs}
}

// DocRow is d's row of Docs.
func DocRow(d *reports.Document, extra []string) []any {
	row := append([]any{d.ID}, metaCells(d.Meta, extra)...)
	row = append(row, d.Chars(reports.PartAll), d.Chars(reports.PartReview), d.Chars(reports.PartPlan),
		firstHeading(d, reports.PartReview), firstHeading(d, reports.PartPlan), d.Encoding, d.Format, positive(d.Pages), strings.Join(d.Warnings, "; "))
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

// metaCells returns the values of metaCols: region, level, year, the
// place columns and the manifest's extra columns.
func metaCells(m reports.Meta, extra []string) []any {
	row := []any{m.Region, m.Level, m.Year}
	row = append(row, placeCells(m)...)
	for _, k := range extra {
		row = append(row, m.Extra[k])
	}
	return row
}

// reservedCols are the column names of tifa's per-document outputs.
var reservedCols = map[string]bool{"id": true, "doc": true, "region": true, "level": true, "year": true,
	"chars": true, "review_chars": true, "plan_chars": true, "review_heading": true, "plan_heading": true,
	"encoding": true, "format": true, "pages": true, "warnings": true, "section": true, "slogan": true, "category": true, "count": true,
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

// extraCols are the columns of a manifest's extra fields, optional
// (table.Column.Optional: --columns chooses them). A name tifa uses itself
// (or one of also, the table's own: the place columns) gets the prefix
// manifest_ (a manifest column "chars" becomes "manifest_chars"), and
// then, if the manifest has that name too, the first free suffix _2, _3 …
// ("manifest_chars_2"), so no header holds a name twice and a manifest
// column keeps its own name when it can. A name that only a command's
// other columns hold (a slogan of count --wide) is made unique by
// table.Output.Write.
func extraCols(names []string, also ...string) []table.Column {
	reserved := func(n string) bool { return reservedCols[n] || slices.Contains(also, n) }
	taken := map[string]bool{}
	for _, n := range names {
		if !reserved(n) {
			taken[n] = true
		}
	}
	out := make([]table.Column, len(names))
	for i, n := range names {
		name := n
		if reserved(n) {
			name = "manifest_" + n
			for k := 2; taken[name] || reserved(name); k++ {
				name = fmt.Sprintf("manifest_%s_%d", n, k)
			}
			taken[name] = true
		}
		out[i] = table.Column{Name: name, Kind: table.KindText, Optional: true}
	}
	return out
}

// positive returns n, or nil (an empty cell) when n is 0: a page count or
// number only PDF and OFD files have.
func positive(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}
