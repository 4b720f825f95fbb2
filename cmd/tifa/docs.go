package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

func newDocsCmd(g *globals) *cobra.Command {
	var in inputOpts
	cmd := &cobra.Command{
		Use:   "docs PATH...",
		Short: "List the documents found, with their metadata, sections and warnings",
		Long: `List one row per document: where its metadata came from is worth checking
before any analysis.

Columns: id, region, level, year, [manifest extra columns], chars (Chinese
characters), review_chars, plan_chars, review_heading and plan_heading (the
headings that opened each part), encoding (of the source file), warnings.`,
		Example: "  tifa docs reports/\n  tifa docs ../shared/seeds -f csv -o docs.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := in.open(g, args)
			if err != nil {
				return err
			}
			t := docsTable(src.ExtraColumns())
			err = each(g, src, func(d *reports.Document) error {
				addDocRow(t, d, src.ExtraColumns())
				return nil
			})
			if err != nil {
				return err
			}
			return g.emit(t)
		},
	}
	in.addFlags(cmd, false)
	cmd.Flags().Lookup("section").Hidden = true
	return cmd
}

func docsTable(extra []string) *table.Table {
	cs := []table.Column{table.Text("id"), table.Text("region"), table.Text("level"), table.Int("year")}
	cs = append(cs, extraCols(extra)...)
	cs = append(cs, table.Int("chars"), table.Int("review_chars"), table.Int("plan_chars"),
		table.Text("review_heading"), table.Text("plan_heading"), table.Text("encoding"), table.Text("warnings"))
	return &table.Table{Title: "Documents", Cols: cs}
}

func addDocRow(t *table.Table, d *reports.Document, extra []string) {
	row := []any{d.ID, d.Meta.Region, d.Meta.Level, d.Meta.Year}
	for _, k := range extra {
		row = append(row, d.Meta.Extra[k])
	}
	row = append(row, d.Chars(reports.PartAll), d.Chars(reports.PartReview), d.Chars(reports.PartPlan),
		firstHeading(d, reports.PartReview), firstHeading(d, reports.PartPlan), d.Encoding, strings.Join(d.Warnings, "; "))
	t.Add(row...)
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

// extraCols are the columns of a manifest's extra fields; a name tifa uses
// itself gets the prefix manifest_ (a manifest column "chars" becomes
// "manifest_chars"), so no header holds a name twice.
func extraCols(names []string) []table.Column {
	out := make([]table.Column, len(names))
	for i, n := range names {
		if reservedCols[n] {
			n = "manifest_" + n
		}
		out[i] = table.Text(n)
	}
	return out
}
