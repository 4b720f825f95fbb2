package htmlreport

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/table"
)

func (r *Report) summarySection() Section {
	chars, warned := 0, 0
	years := map[int]bool{}
	for _, m := range r.metas {
		chars += m.chars
		if m.warned {
			warned++
		}
		if m.meta.Year != 0 {
			years[m.meta.Year] = true
		}
	}
	span := "unknown"
	if ys := sortedKeys(years); len(ys) > 0 {
		span = fmt.Sprintf("%d–%d (%d distinct)", ys[0], ys[len(ys)-1], len(ys))
	}
	facts := Facts{
		{Label: "reports", Value: strconv.Itoa(len(r.metas))},
		{Label: "regions", Value: strconv.Itoa(r.Regions())},
		{Label: "years", Value: span},
		{Label: "Chinese characters", Value: thousands(chars)},
		{Label: "documents with warnings", Value: strconv.Itoa(warned)},
		{Label: "text analysed", Value: r.part.String()},
		{Label: "lexicon entries", Value: strconv.Itoa(len(r.lex.Entries))},
		{Label: "similarity and clusters by", Value: r.opt.By},
	}
	t, file := levelTable(r.metas), "levels.csv"
	if len(years) <= 15 {
		t, file = levelYearTable(r.metas, sortedKeys(years)), "levels_years.csv"
	}
	return Section{ID: "corpus", Title: "Corpus", Blocks: []Block{
		facts,
		r.htmlTable(t, file, ""),
		&Details{Summary: fmt.Sprintf("All %d documents, their metadata, sections and warnings", len(r.metas)), Blocks: []Block{
			r.htmlTable(r.docs, "docs.csv", r.opt.Command("docs")),
		}},
	}}
}

// levelOrder sorts levels from the centre down, unknown ("") last.
func levelOrder(a, b string) int {
	if c := analysis.LevelRank(a) - analysis.LevelRank(b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func levelsOf(metas []docMeta) []string {
	var ls []string
	for _, m := range metas {
		if !slices.Contains(ls, m.meta.Level) {
			ls = append(ls, m.meta.Level)
		}
	}
	slices.SortFunc(ls, levelOrder)
	return ls
}

// levelTable counts reports, regions, years and characters by level.
func levelTable(metas []docMeta) *table.Table {
	t := &table.Table{Title: "Reports by level", Cols: []table.Column{table.Text("level"), table.Int("reports"), table.Int("regions"), table.Int("first_year"), table.Int("last_year"), table.Int("chars")}}
	for _, l := range levelsOf(metas) {
		n, chars, lo, hi := 0, 0, 0, 0
		regions := map[string]bool{}
		for _, m := range metas {
			if m.meta.Level != l {
				continue
			}
			n++
			chars += m.chars
			if m.meta.Region != "" {
				regions[m.meta.Region] = true
			}
			if y := m.meta.Year; y != 0 {
				lo, hi = minYear(lo, y), max(hi, y)
			}
		}
		var first, last any // missing when no report of the level has a year
		if lo != 0 {
			first, last = lo, hi
		}
		t.Add(levelName(l), n, len(regions), first, last, chars)
	}
	return t
}

// levelYearTable counts reports by level and year.
func levelYearTable(metas []docMeta, years []int) *table.Table {
	cs := []table.Column{table.Text("level")}
	for _, y := range years {
		cs = append(cs, table.Int(strconv.Itoa(y)))
	}
	unknown := slices.ContainsFunc(metas, func(m docMeta) bool { return m.meta.Year == 0 })
	if unknown {
		cs = append(cs, table.Int("year_unknown"))
	}
	t := &table.Table{Title: "Reports by level and year", Cols: append(cs, table.Int("total"))}
	for _, l := range levelsOf(metas) {
		count := map[int]int{}
		total := 0
		for _, m := range metas {
			if m.meta.Level == l {
				count[m.meta.Year]++
				total++
			}
		}
		row := []any{levelName(l)}
		for _, y := range years {
			row = append(row, count[y])
		}
		if unknown {
			row = append(row, count[0])
		}
		t.Add(append(row, total)...)
	}
	return t
}

func levelName(l string) string {
	if l == "" {
		return "(unknown)"
	}
	return l
}

func minYear(lo, y int) int {
	if lo == 0 || y < lo {
		return y
	}
	return lo
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// thousands writes n with thin-space-free comma grouping: 6,344,921.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
