package main

import (
	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

func newDocsCmd(g *globals) *cobra.Command {
	var in inputOpts
	cmd := &cobra.Command{
		Use:   "docs PATH...",
		Short: "List the documents found, with their metadata, sections and warnings",
		Long: `List one row per document: where its metadata came from is worth checking
before any analysis.

Columns: id, region, level, year, code (the division code in the report's
year: 6 digits, 9 for a township), place (the panel id: one for a place
renamed, 清苑县 and 清苑区), name (official), province, city, county (the
divisions holding it), place_source (manifest, filename, path, header or
override; 'tifa places' says why), [manifest extra columns; one named like a
place column is written manifest_NAME], chars (Chinese characters),
review_chars, plan_chars, review_heading and plan_heading (the headings that
opened each part), encoding (of the source file), warnings.`,
		Example: "  tifa docs reports/\n  tifa docs ../shared/seeds -f csv -o docs.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := in.open(g, args)
			if err != nil {
				return err
			}
			t := tabulate.Docs(src.ExtraColumns())
			err = each(g, src, func(d *reports.Document) error {
				t.Add(tabulate.DocRow(d, src.ExtraColumns())...)
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
