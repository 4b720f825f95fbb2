package tabulate

import "github.com/tifa-project/tifa/table"

// metaCols are the metadata columns of a per-document table, after its
// doc (or id) column: region, level, year, then the manifest's extra
// columns (extraCols). All are optional (table.Column.Optional), so
// --columns chooses which appear and a terminal table leaves out the long
// ones; metaCells gives their values. A new document metadata column is
// added here, to DocColumns' list and to metaCells, and every
// per-document table then has it.
func metaCols(extra []string) []table.Column {
	cs := []table.Column{table.Text("region"), table.Text("level"), table.Int("year")}
	for i := range cs {
		cs[i].Optional = true
	}
	return append(cs, extraCols(extra)...)
}

// DocColumns lists the names of the metadata columns of per-document
// tables (metaCols) with the manifest's extra columns extra: what
// --columns may choose.
func DocColumns(extra []string) []string {
	cs := metaCols(extra)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}
