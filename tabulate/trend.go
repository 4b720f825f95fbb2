package tabulate

import (
	"strconv"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
)

// Trend is the table of tifa trend: one row per group (by: "", level or
// region), year and slogan, with reports, mentioning, share, mentions,
// mean_per10k and first_year.
func Trend(rows []analysis.TrendRow, lex *lexicon.Lexicon, by string) *table.Table {
	var cs []table.Column
	if by != "" {
		cs = append(cs, table.Text(by))
	}
	cs = append(cs, table.Int("year"), table.Text("slogan"), table.Text("category"), table.Int("reports"), table.Int("mentioning"),
		table.Float("share", 3), table.Int("mentions"), table.Float("mean_per10k", 3), table.Int("first_year"))
	t := &table.Table{Title: "Slogan trend", Cols: cs}
	for _, r := range rows {
		var row []any
		if by != "" {
			row = append(row, r.Group)
		}
		en := &lex.Entries[r.Entry]
		row = append(row, r.Year, en.Slogan, en.Category, r.Reports, r.Mentioning, r.Share, r.Mentions, r.MeanPer10k, nilIfZero(r.FirstYear))
		t.Add(row...)
	}
	return t
}

// TrendWide is the table of tifa trend --wide: one row per slogan (and
// group, by level or region), one column per year of years holding value
// (see TrendValue), empty where the group has no report that year.
func TrendWide(rows []analysis.TrendRow, years []int, lex *lexicon.Lexicon, by, value string) *table.Table {
	cs := []table.Column{table.Text("slogan"), table.Text("category")}
	if by != "" {
		cs = append(cs, table.Text(by))
	}
	cs = append(cs, table.Int("first_year"))
	for _, y := range years {
		c := table.Float(strconv.Itoa(y), 2)
		if value == "share" {
			c.Prec = 3
		} else if value == "mentioning" || value == "mentions" {
			c = table.Int(strconv.Itoa(y))
		}
		cs = append(cs, c)
	}
	t := &table.Table{Title: "Slogan trend (" + value + " by year)", Cols: cs}
	pick := analysis.TrendValue(value)
	yearCol := map[int]int{}
	for i, y := range years {
		yearCol[y] = i
	}
	type key struct {
		entry int
		group string
	}
	var cur []any
	var curKey key
	flush := func() {
		if cur != nil {
			t.Add(cur...)
		}
	}
	for _, r := range rows {
		k := key{r.Entry, r.Group}
		if cur == nil || k != curKey {
			flush()
			curKey = k
			en := &lex.Entries[r.Entry]
			cur = []any{en.Slogan, en.Category}
			if by != "" {
				cur = append(cur, r.Group)
			}
			cur = append(cur, nilIfZero(r.FirstYear))
			cur = append(cur, make([]any, len(years))...)
		}
		cur[len(cur)-len(years)+yearCol[r.Year]] = pick(r)
	}
	flush()
	return t
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}
