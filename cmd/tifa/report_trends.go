package main

import (
	"fmt"
	"strconv"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/htmlreport"
)

func (r *reportRun) trendSection() htmlreport.Section {
	sec := htmlreport.Section{ID: "trends", Title: "Top slogans by year"}
	years := r.trend.Years()
	if len(years) == 0 {
		sec.Blocks = append(sec.Blocks, htmlreport.Note("No document has a known year: there is no trend to show. Give years in a manifest (--meta)."))
		return sec
	}
	rows := r.trend.Rows(analysis.TrendOptions{Top: r.o.top})
	top := strconv.Itoa(r.o.top)
	sec.Blocks = append(sec.Blocks, htmlreport.Text(fmt.Sprintf("The %d slogans mentioned in the most reports, year by year. "+
		"Share: the share of the year's reports that mention the slogan. Per 10,000 characters: mentions per 10,000 Chinese "+
		"characters, averaged over all the year's reports (those not mentioning it count as 0). Under the years: the "+
		"year's reports (numbers, or bars on a log scale where the years are too close for numbers); where they are few, "+
		"a single report moves the share a long way.", countSlogans(rows))))
	var tabs htmlreport.Tabs
	for _, v := range []struct{ value, label, axis, file string }{
		{"share", "Share of reports", "share of reports", "trend_share.csv"},
		{"mean_per10k", "Mentions per 10,000 characters", "mentions per 10k chars", "trend_per10k.csv"},
	} {
		t := trendWide(rows, years, r.lex, trendOpts{top: r.o.top, wide: true, value: v.value})
		chart := wideChart(t, 3, "year", v.axis)
		chart.Counts, chart.CountLabel = reportsByYear(rows, chart.X), "reports"
		if v.value == "share" {
			chart.YMax = 1
		}
		tabs = append(tabs, htmlreport.Tab{Label: v.label, Blocks: []htmlreport.Block{
			&htmlreport.Figure{Charts: []htmlreport.LineChart{chart}},
			r.htmlTable(t, v.file, r.command("trend", inputFlags, "--top", top, "--wide", "--value", v.value)),
		}})
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
func wideChart(t *table, first int, xLabel, yLabel string) htmlreport.LineChart {
	c := htmlreport.LineChart{XLabel: xLabel, YLabel: yLabel}
	for _, col := range t.cols[first:] {
		y, _ := strconv.Atoi(col.name)
		c.X = append(c.X, float64(y))
	}
	for i := range t.rows {
		cells := t.strings(i)
		c.Series = append(c.Series, htmlreport.Series{Name: cells[0], Values: cells[first:]})
	}
	return c
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
