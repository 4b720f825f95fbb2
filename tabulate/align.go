package tabulate

import (
	"strings"

	"github.com/tifa-project/tifa/align"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// Align is the table of tifa align: one row per report (align.Align on
// slogans and words vectors of the same documents): doc, region, level,
// year, code, superior, superior_code, superior_level, same_year (the
// superior's report of the same year), slogans_same and words_same (the
// cosines with it), previous_year, slogans_previous, words_previous,
// n_shared, n_lacking, shared and lacking (the top slogans of each, by
// the superior's count, "; " between them). Cells with nothing to compare
// are empty.
func Align(slogans *vector.Vectors, as []align.Alignment, top int) *table.Table {
	t := &table.Table{Title: "Alignment with the superior's report", Cols: []table.Column{table.Text("doc"), table.Text("region"), table.Text("level"),
		table.Int("year"), table.Text("code"), table.Text("superior"), table.Text("superior_code"), table.Text("superior_level"),
		table.Text("same_year"), table.Float("slogans_same", 4), table.Float("words_same", 4),
		table.Text("previous_year"), table.Float("slogans_previous", 4), table.Float("words_previous", 4),
		table.Int("n_shared"), table.Int("n_lacking"), table.Text("shared"), table.Text("lacking")}}
	for _, a := range as {
		u := slogans.Units[a.Doc]
		row := []any{u.ID, u.Meta.Region, u.Meta.Level, u.Meta.Year, u.Meta.Value("code")}
		if a.Superior.Code == "" {
			t.Add(append(row, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)...)
			continue
		}
		row = append(row, a.Superior.Name, a.Superior.Code, align.LevelName(a.Superior.Level))
		row = append(row, pairCells(slogans, a.Same, a.SlogansSame, a.WordsSame)...)
		row = append(row, pairCells(slogans, a.Prev, a.SlogansPrev, a.WordsPrev)...)
		t.Add(append(row, len(a.Shared), len(a.Lacking), termList(slogans, a.Shared, top), termList(slogans, a.Lacking, top))...)
	}
	return t
}

// pairCells are the cells of one comparison: the superior's report and
// the two cosines, empty when there is none (doc −1).
func pairCells(v *vector.Vectors, doc int, slogans, words float64) []any {
	if doc < 0 {
		return []any{nil, nil, nil}
	}
	return []any{v.Units[doc].ID, slogans, words}
}

// termList joins the labels of the first top columns (all when top ≤ 0).
func termList(v *vector.Vectors, cols []int, top int) string {
	if top > 0 && len(cols) > top {
		cols = cols[:top]
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = v.Terms[c]
	}
	return strings.Join(names, "; ")
}

// AlignSummary is the table of tifa align --table summary: per level,
// superior level, year and comparison (same_year or previous_year), the
// number of pairs and the mean and median cosines in the slogans and the
// words space.
func AlignSummary(ss []align.Summary) *table.Table {
	t := &table.Table{Title: "How closely each level echoes the one above", Cols: []table.Column{table.Text("level"), table.Text("superior_level"),
		table.Int("year"), table.Text("against"), table.Int("n"), table.Float("mean_slogans", 4), table.Float("median_slogans", 4),
		table.Float("mean_words", 4), table.Float("median_words", 4)}}
	for _, s := range ss {
		t.Add(s.Level, s.SuperiorLevel, s.Year, string(s.Against), s.N, s.MeanSlogans, s.MedianSlogans, s.MeanWords, s.MedianWords)
	}
	return t
}
