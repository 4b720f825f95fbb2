package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/reports"
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

func docsTable(extra []string) *table {
	cs := cols(str("id"), str("region"), str("level"), num("year"))
	cs = append(cs, extraCols(extra)...)
	cs = append(cs, num("chars"), num("review_chars"), num("plan_chars"),
		str("review_heading"), str("plan_heading"), str("encoding"), str("warnings"))
	return &table{title: "Documents", cols: cs}
}

func addDocRow(t *table, d *reports.Document, extra []string) {
	row := []any{d.ID, d.Meta.Region, d.Meta.Level, d.Meta.Year}
	for _, k := range extra {
		row = append(row, d.Meta.Extra[k])
	}
	row = append(row, d.Chars(reports.PartAll), d.Chars(reports.PartReview), d.Chars(reports.PartPlan),
		firstHeading(d, reports.PartReview), firstHeading(d, reports.PartPlan), d.Encoding, strings.Join(d.Warnings, "; "))
	t.add(row...)
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
