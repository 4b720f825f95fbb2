package htmlreport

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

func (r *Report) diffusionSection() Section {
	sec := Section{ID: "diffusion", Title: "Diffusion"}
	opt := analysis.DiffusionOptions{Top: r.opt.Top}
	curve := tabulate.AdoptionCurves(r.diff, opt, r.lex)
	if len(curve.Rows) == 0 {
		sec.Blocks = append(sec.Blocks, Note("No slogan has a first use to show: diffusion needs documents with a known region and year that mention a slogan."))
		return sec
	}
	top := strconv.Itoa(r.opt.Top)
	regions := map[string]int{}
	for _, row := range r.diff.Summary(opt) {
		regions[row.Level] = row.Regions
	}
	fig := &Figure{Charts: curveCharts(curve, regions),
		Download: r.download(curve, "diffusion_curve.csv", r.opt.Command("diffusion", "--top", top, "--table", "curve"))}
	fig.Download.Label = "CSV of the curves"
	sec.Blocks = append(sec.Blocks,
		Text("How the slogans used by the most regions spread: for each level, the cumulative share of its regions "+
			"that have mentioned the slogan by each year (a region's level is that of its latest report). A region's first "+
			"report in the corpus may postdate its first use: curves start late where the corpus does. Under each panel's years: how many of the level's regions have a report that year."),
		fig,
		r.htmlTable(tabulate.Diffusion(r.diff, opt, r.lex), "diffusion.csv", r.opt.Command("diffusion", "--top", top)))
	return sec
}

// curveCharts draws the curve table (slogan, category, level, year,
// observed, …, share) as one chart per level, titled with the level's
// regions (regions: level → regions), the regions observed each year
// under its axis.
func curveCharts(t *table.Table, regions map[string]int) []LineChart {
	col := func(name string) int {
		return slices.IndexFunc(t.Cols, func(c table.Column) bool { return c.Name == name })
	}
	iSlogan, iLevel, iYear, iObserved, iShare := col("slogan"), col("level"), col("year"), col("observed"), col("share")
	var levels, slogans []string
	years := map[string][]int{}
	observed := map[string]map[int]string{}         // level → year → regions observed
	share := map[string]map[string]map[int]string{} // level → slogan → year → share
	for i := range t.Rows {
		c := t.Strings(i)
		slogan, level := c[iSlogan], c[iLevel]
		y, _ := strconv.Atoi(c[iYear])
		if share[level] == nil {
			levels = append(levels, level)
			share[level], observed[level] = map[string]map[int]string{}, map[int]string{}
		}
		if share[level][slogan] == nil {
			share[level][slogan] = map[int]string{}
		}
		if !slices.Contains(years[level], y) {
			years[level] = append(years[level], y)
		}
		if !slices.Contains(slogans, slogan) {
			slogans = append(slogans, slogan)
		}
		share[level][slogan][y], observed[level][y] = c[iShare], c[iObserved]
	}
	var charts []LineChart
	for _, l := range levels {
		ys := years[l]
		slices.Sort(ys)
		ch := LineChart{Title: fmt.Sprintf("%s (%s)", l, plural(regions[l], "region")), XLabel: "year", YLabel: "share adopted", YMax: 1,
			CountLabel: "reporting"}
		for _, y := range ys {
			ch.X = append(ch.X, float64(y))
			ch.Counts = append(ch.Counts, observed[l][y])
		}
		for _, s := range slogans {
			if share[l][s] == nil {
				continue
			}
			vals := make([]string, len(ys))
			for k, y := range ys {
				vals[k] = share[l][s][y]
			}
			ch.Series = append(ch.Series, Series{Name: s, Values: vals})
		}
		charts = append(charts, ch)
	}
	return charts
}

// plural is n and word, with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
