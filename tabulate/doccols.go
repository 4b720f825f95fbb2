package tabulate

import (
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

// metaCols are the metadata columns of a per-document table, after its
// doc (or id) column: region, level, year, the place columns
// (reports.PlaceColumns: code, place, name, province, city, county,
// place_source), then the manifest's extra columns (extraCols; one named
// like a place column is written manifest_NAME). All are optional
// (table.Column.Optional), so --columns chooses which appear and a
// terminal table leaves out the long ones; the place columns are shown by
// default only with places (tifa docs), elsewhere hidden
// (table.Column.Hidden) until --columns names them. metaCells gives their
// values. A new document metadata column is added here and to metaCells,
// and every per-document table then has it.
func metaCols(extra []string, places bool) []table.Column {
	cs := append([]table.Column{table.Text("region"), table.Text("level"), table.Int("year")}, placeCols()...)
	for i := range cs {
		cs[i].Optional = true
		cs[i].Hidden = i >= 3 && !places
	}
	return append(cs, extraCols(extra, reports.PlaceColumns...)...)
}

// DocColumns lists the names of the metadata columns of per-document
// tables (metaCols) with the manifest's extra columns extra: what
// --columns may choose.
func DocColumns(extra []string) []string {
	cs := metaCols(extra, true)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}
