package tabulate

import (
	"fmt"

	"github.com/tifa-project/tifa/audit"
	"github.com/tifa-project/tifa/table"
)

// Sample is the table of tifa lexicon sample: the drawn mentions with an
// empty verdict column to fill in (columns audit.Columns).
func Sample(lines []audit.Line, seed uint64) *table.Table {
	var cs []table.Column
	for _, c := range audit.Columns {
		switch c {
		case "year", "offset", "line", "mentions":
			cs = append(cs, table.Int(c))
		default:
			cs = append(cs, table.Text(c))
		}
	}
	t := &table.Table{Title: fmt.Sprintf("Sample of mentions (seed %d)", seed), Cols: cs}
	for _, l := range lines {
		t.Add(l.Doc, l.Region, l.Level, nilIfZero(l.Year), l.Entry, l.Category, l.Form, l.Offset, l.TextLine,
			l.Left, l.Match, l.Right, l.Mentions, "", "")
	}
	return t
}

// AuditEntries is the table of tifa lexicon audit: the precision of each
// entry, the ones to look at first on top.
func AuditEntries(r *audit.Report) *table.Table {
	t := &table.Table{Title: "Precision by entry, the ones to look at first on top", Cols: []table.Column{table.Text("entry"), table.Text("category"),
		table.Int("mentions"), table.Int("lines"), table.Int("judged"), table.Int("yes"), table.Float("precision", 4), table.Float("low", 4),
		table.Float("high", 4), table.Float("false", 1), table.Float("max_false", 1)}}
	for _, p := range r.Entries {
		t.Add(p.Name, p.Category, p.Mentions, p.Lines, p.Judged, p.Yes, nilIfNaN(p.P), nilIfNaN(p.Low), nilIfNaN(p.High),
			nilIfNaN(p.False), nilIfNaN(p.MaxFalse))
	}
	return t
}

// AuditCategories is the table of tifa lexicon audit --by category: each
// category and the whole sample ("all"), entries weighted by mentions.
func AuditCategories(r *audit.Report) *table.Table {
	t := &table.Table{Title: "Precision by category", Cols: []table.Column{table.Text("category"), table.Int("entries"), table.Int("mentions"),
		table.Int("lines"), table.Int("judged"), table.Int("yes"), table.Float("precision", 4), table.Float("low", 4), table.Float("high", 4),
		table.Float("n_eff", 1), table.Float("false", 1)}}
	for _, p := range append(r.Categories, r.All) {
		t.Add(p.Name, p.Entries, p.Mentions, p.Lines, p.Judged, p.Yes, nilIfNaN(p.P), nilIfNaN(p.Low), nilIfNaN(p.High), p.N, nilIfNaN(p.False))
	}
	return t
}
