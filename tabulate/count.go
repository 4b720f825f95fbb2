package tabulate

import (
	"slices"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
)

// CountOptions choose the slogans of the count tables.
type CountOptions struct {
	// All keeps the slogans no document mentions: rows with count 0 in the
	// long table, columns of zeros in the wide one.
	All bool
	// Entries, when not nil, are the only lexicon entries listed (count
	// --slogan); the counts themselves are those of the whole lexicon.
	Entries []int
}

// listed reports whether entry e is listed under o.
func (o CountOptions) listed(e int) bool {
	return o.Entries == nil || slices.Contains(o.Entries, e)
}

// Counts is the table of tifa count: one row per document × slogan
// mentioned (opt.All: every slogan; opt.Entries: only those), with doc,
// region, level, year, the manifest's extra columns, section, slogan,
// category, count, nested and per10k. Its rows are generated as they are
// written (see table.Table.Gen): millions with All on a large corpus.
func Counts(dcs []analysis.DocCount, lex *lexicon.Lexicon, extra []string, opt CountOptions) *table.Table {
	cs := append([]table.Column{table.Text("doc")}, metaCols(extra, false)...)
	cs = append(cs, table.Text("section"), table.Text("slogan"), table.Text("category"), table.Int("count"), table.Int("nested"), table.Float("per10k", 3))
	t := &table.Table{Title: "Slogan counts", Cols: cs}
	t.Gen = func(add func(vals ...any) error) error {
		row := make([]any, 0, len(cs))
		for _, dc := range dcs {
			var meta []any // the document's metadata cells, made at its first row
			for e := range lex.Entries {
				sc := dc.Get(e)
				if sc.Count == 0 && !opt.All || !opt.listed(e) {
					continue
				}
				en := &lex.Entries[e]
				if meta == nil {
					meta = metaCells(dc.Meta, extra)
				}
				row = append(append(row[:0], dc.ID), meta...)
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
// (analysis.RankEntries), holding counts; with opt.All the slogans no
// document mentions follow, in lexicon order, so that every slogan has its
// column; opt.Entries keeps only theirs.
func CountsWide(dcs []analysis.DocCount, lex *lexicon.Lexicon, extra []string, opt CountOptions) *table.Table {
	var entries []int
	ranked := analysis.RankEntries(dcs)
	if opt.All {
		mentioned := make([]bool, len(lex.Entries))
		for _, e := range ranked {
			mentioned[e] = true
		}
		for e := range lex.Entries {
			if !mentioned[e] {
				ranked = append(ranked, e)
			}
		}
	}
	for _, e := range ranked {
		if opt.listed(e) {
			entries = append(entries, e)
		}
	}
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
