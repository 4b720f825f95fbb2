package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

func newDocsCmd(g *globals) *cobra.Command {
	var in load.Input
	var all bool
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
opened each part), encoding (of the source file), format (txt, md, html, pdf,
docx, doc, wps, rtf, ofd), pages (of a PDF or OFD), warnings.

--columns chooses the document columns (region … place_source and the
manifest's) in any command: --columns region,year,source_path (exactly
these), --columns +code,-level (changes to the default), all or none. The
place columns are shown by default here only; elsewhere --columns +code or
all adds them. A terminal table leaves out a manifest column with long
values (a path, a note with URLs) unless asked for; files hold the rest.

--all-files adds a row for every other file found under the folders: what it
is (image, manifest, system, data, tifa-output, hidden, unsupported, unknown)
in format, and why it is not read in warnings.`,
		Example: "  tifa docs reports/\n  tifa docs ../shared/seeds -f csv -o docs.csv\n  tifa docs collected/ --all-files",
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := g.reader().Open(&in, args)
			if err != nil {
				return err
			}
			t := tabulate.Docs(src.ExtraColumns())
			err = g.reader().EachListed(g.ctx(), src, func(d *reports.Document) error {
				t.Add(tabulate.DocRow(d, src.ExtraColumns())...)
				return nil
			})
			if err != nil {
				return err
			}
			if all {
				for _, e := range src.Others() {
					t.Add(tabulate.DocRow(e.Doc(), src.ExtraColumns())...)
				}
			} else if n, kinds := src.OtherKinds(); n > 0 && !g.quiet {
				fmt.Fprintf(g.stderr, "tifa: %d other file(s) not read as reports (%s); --all-files lists them\n", n, strings.Join(kinds, ", "))
			}
			return g.emit(t)
		},
	}
	addInputFlags(cmd, &in, false)
	cmd.Flags().Lookup("section").Hidden = true
	cmd.Flags().BoolVar(&all, "all-files", false, "also list every file that is not read as a report, and why")
	return cmd
}
