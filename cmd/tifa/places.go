package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/load"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/tabulate"
)

func newPlacesCmd(g *globals) *cobra.Command {
	var in load.Input
	var unresolved bool
	cmd := &cobra.Command{
		Use:   "places PATH...",
		Short: "Where each report's author lies: division code, panel id, parents, and why",
		Long: `Place each report on the official division codes (GB/T 2260 since 1981, and
the townships of the National Bureau of Statistics' codes of 2022): one row
per document, with how it was decided.

The name comes from the manifest's region (with its optional code, province,
city and county columns), else the file name, else a folder, else the
report's first lines (店口镇人民政府, 诸暨市店口镇); folders and the header
narrow a name several places have. The code is the one in use in the
report's year (清苑县 130622 in 2010, 清苑区 130608 in 2020); the place
column, the panel id, is one for both. A name that is unknown, or that
several places have (城关镇 is 88 townships), gets no code, a warning and at
most five candidates: tifa never guesses. Tell it what you know better with
--places FILE (name,code rows: a document's path or file name, or a place
name; code none for an author that is no division), on any command, or a
code column in the manifest.

Columns: id, region, level, year, code, place, name, province, city, county,
place_source (override, manifest, filename, path or header), matched (the
name as written that decided it), why, candidates (code and names, "; "
between them).`,
		Example: "  tifa places ../shared/corpus\n  tifa places reports/ --unresolved --places my_places.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := g.reader().Open(&in, args)
			if err != nil {
				return err
			}
			l := tabulate.NewPlaceList(unresolved)
			err = g.reader().Each(g.ctx(), src, func(d *reports.Document) error { l.Add(d); return nil })
			if err != nil {
				return err
			}
			if !g.quiet {
				fmt.Fprintln(g.stderr, "tifa: "+l.Summary())
			}
			return g.emit(l.Table)
		},
	}
	addInputFlags(cmd, &in, false)
	cmd.Flags().Lookup("section").Hidden = true
	cmd.Flags().BoolVar(&unresolved, "unresolved", false, "only the documents with no code (unknown or ambiguous names)")
	return cmd
}
