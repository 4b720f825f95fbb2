package tabulate

import (
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
)

// Counts is the table of tifa count: one row per document × slogan
// mentioned (all: every slogan), with doc, region, level, year, the
// manifest's extra columns, section, slogan, category, count, nested and
// per10k. Its rows are generated as they are written (see table.Table.Gen):
// millions with all on a large corpus.
func Counts(dcs []analysis.DocCount, lex *lexicon.Lexicon, extra []string, all bool) *table.Table {
	cs := append([]table.Column{table.Text("doc")}, metaCols(extra, false)...)
	cs = append(cs, table.Text("section"), table.Text("slogan"), table.Text("category"), table.Int("count"), table.Int("nested"), table.Float("per10k", 3))
	t := &table.Table{Title: "Slogan counts", Cols: cs}
	t.Gen = func(add func(vals ...any) error) error {
		row := make([]any, 0, len(cs))
		for _, dc := range dcs {
			for e := range lex.Entries {
				sc := dc.Get(e)
				if sc.Count == 0 && !all {
					continue
				}
				en := &lex.Entries[e]
				row = append(append(row[:0], dc.ID), metaCells(dc.Meta, extra)...)
				row = append(row, dc.Part.String(), en.Slogan, en.Category, sc.Count, sc.Nested, analysis.Per10k(sc.Count, dc.Chars))
				if err := add(row...); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return t
}

// CountsWide is the table of tifa count --wide: one row per document (with
// chars) and one column per slogan mentioned, most mentioned first
// (analysis.RankEntries), holding counts.
func CountsWide(dcs []analysis.DocCount, lex *lexicon.Lexicon, extra []string) *table.Table {
	entries := analysis.RankEntries(dcs)
	cs := append([]table.Column{table.Text("doc")}, metaCols(extra, false)...)
	cs = append(cs, table.Int("chars"))
	for _, e := range entries {
		cs = append(cs, table.Int(lex.Entries[e].Slogan))
	}
	t := &table.Table{Title: "Slogan counts", Cols: cs}
	for _, dc := range dcs {
		row := append([]any{dc.ID}, metaCells(dc.Meta, extra)...)
		row = append(row, dc.Chars)
		for _, e := range entries {
			row = append(row, dc.Get(e).Count)
		}
		t.Add(row...)
	}
	return t
}
