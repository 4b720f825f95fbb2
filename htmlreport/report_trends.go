package htmlreport

import (
	"fmt"
	"strconv"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

func (r *Report) trendSection() Section {
	sec := Section{ID: "trends", Title: "Top slogans by year"}
	years := r.trend.Years()
	if len(years) == 0 {
		sec.Blocks = append(sec.Blocks, Note("No document has a known year: there is no trend to show. Give years in a manifest (--meta)."))
		return sec
	}
	rows := r.trend.Rows(analysis.TrendOptions{Top: r.opt.Top})
	top := strconv.Itoa(r.opt.Top)
	sec.Blocks = append(sec.Blocks, Text(fmt.Sprintf("The %d slogans mentioned in the most reports, year by year (hover a cell or a point for its value). "+
		"Share: the share of the year's reports that mention the slogan. Per 10,000 characters: mentions per 10,000 Chinese "+
		"characters, averaged over all the year's reports (those not mentioning it count as 0). Under each year: its "+
		"number of reports (under the lines, bars on a log scale where the years are too close for numbers); where they are few, "+
		"a single report moves the share a long way. Grey columns of the grid: years without reports.", countSlogans(rows))))
	var tabs Tabs
	for _, v := range []struct{ value, label, axis, file string }{
		{"share", "Share of reports", "share of reports", "trend_share.csv"},
		{"mean_per10k", "Mentions per 10,000 characters", "mentions per 10k chars", "trend_per10k.csv"},
	} {
		t := tabulate.TrendWide(rows, years, r.lex, "", v.value)
		tbl := r.htmlTable(t, v.file, r.opt.Command("trend", "--top", top, "--wide", "--value", v.value))
		chart := wideChart(t, 3, "year", v.axis)
		chart.Counts, chart.CountLabel = reportsByYear(rows, chart.X), "reports"
		lines := &Figure{Charts: []LineChart{chart}}
		if v.value != "share" {
			tabs = append(tabs, Tab{Label: v.label, Blocks: []Block{lines, tbl}})
			continue
		}
		// Fifteen lines over twenty-odd years are a tangle; the same
		// shares as a slogan × year grid read at a glance.
		chart.YMax = 1
		tabs = append(tabs,
			Tab{Label: v.label, Blocks: []Block{wideHeatmap(t, 3, v.axis, chart.Counts), tbl}},
			Tab{Label: v.label + ", as lines", Blocks: []Block{lines}})
	}
	sec.Blocks = append(sec.Blocks, tabs)
	return sec
}

func countSlogans(rows []analysis.TrendRow) int {
	seen := map[int]bool{}
	for _, r := range rows {
		seen[r.Entry] = true
	}
	return len(seen)
}

// wideChart draws a wide table (one row a series, one column a year from
// column first on) as a line chart, the cells' text as values.
func wideChart(t *table.Table, first int, xLabel, yLabel string) LineChart {
	c := LineChart{XLabel: xLabel, YLabel: yLabel}
	for _, col := range t.Cols[first:] {
		y, _ := strconv.Atoi(col.Name)
		c.X = append(c.X, float64(y))
	}
	for i := range t.Rows {
		cells := t.Strings(i)
		c.Series = append(c.Series, Series{Name: cells[0], Values: cells[first:]})
	}
	return c
}

// wideHeatmap draws a wide table of shares (one row a slogan, one column
// a year from column first on) as a slogan × year grid coloured from 0 to
// 1, with each year's number of reports under it. A run of years without
// reports between two columns is one grey column (2016, or 1965–1974), so
// the grid does not hide the gap.
func wideHeatmap(t *table.Table, first int, value string, reports []string) *Heatmap {
	h := &Heatmap{Min: 0, Max: 1, ValueName: value, NoteLabel: "reports"}
	var src []int // per grid column, the table column, or −1 for a gap
	prev := 0
	for j, col := range t.Cols[first:] {
		y, err := strconv.Atoi(col.Name)
		if err == nil && prev != 0 && y > prev+1 {
			gap := strconv.Itoa(prev + 1)
			if y > prev+2 {
				gap += "–" + strconv.Itoa(y-1)
			}
			h.Columns, h.Notes, src = append(h.Columns, gap), append(h.Notes, "0"), append(src, -1)
		}
		if err == nil {
			prev = y
		}
		h.Columns, src = append(h.Columns, col.Name), append(src, first+j)
		if j < len(reports) {
			h.Notes = append(h.Notes, reports[j])
		}
	}
	if len(h.Notes) != len(h.Columns) {
		h.Notes = nil
	}
	for i := range t.Rows {
		cells := t.Strings(i)
		h.Labels = append(h.Labels, cells[0])
		row := make([]string, len(src))
		for j, c := range src {
			row[j] = "no report"
			if c >= 0 {
				row[j] = cells[c]
			}
		}
		h.Values = append(h.Values, row)
	}
	return h
}

// reportsByYear returns the reports the trend counted in each year of xs.
func reportsByYear(rows []analysis.TrendRow, xs []float64) []string {
	n := map[int]int{}
	for _, r := range rows {
		n[r.Year] = r.Reports
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(n[int(x)])
	}
	return out
}
