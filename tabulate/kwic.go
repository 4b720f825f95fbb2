package tabulate

import (
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

// KWIC is the table of tifa kwic, without rows: one row per mention
// (AddHits) with doc, region, level, year, section (preamble, review or
// plan), page (of a PDF or OFD), line (of a text file: the line of the
// source file the mention is on, so a quote can be checked against the
// original; empty for the formats whose text is extracted), left, term (as
// written) and right.
func KWIC(term string) *table.Table {
	cs := append([]table.Column{table.Text("doc")}, metaCols(nil, false)...)
	cs = append(cs, table.Text("section"), table.Int("page"), table.Int("line"), table.Text("left"), table.Text("term"), table.Text("right"))
	return &table.Table{Title: "Mentions of " + term, Cols: cs}
}

// AddHits adds the mentions found in d to t, a KWIC table.
func AddHits(t *table.Table, d *reports.Document, hits []analysis.Hit) {
	for _, h := range hits {
		sec := h.Part.String()
		if h.Part == reports.PartAll {
			sec = "preamble"
		}
		line, page := d.Locate(h.Start)
		row := append([]any{d.ID}, metaCells(d.Meta, nil)...)
		t.Add(append(row, sec, positive(page), positive(line), h.Left, h.Term, h.Right)...)
	}
}
