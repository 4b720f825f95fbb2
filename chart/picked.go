package chart

import (
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
)

// MaxSeries is the most lines TrendChart and AdoptionChart draw: past 12
// the colours repeat dashed, past 24 the legend no longer reads.
const MaxSeries = 24

// DefaultTop is how many slogans TrendChart and AdoptionChart draw when
// the caller picked none: ten lines in ten colours still read.
const DefaultTop = 10

// Picked says which slogans and lines a chart of trends or adoption
// curves left out. When the caller picked no slogan (no Top, no Entries)
// the chart draws the Shown first of All ranked slogans, as many as keep
// a line per slogan and group within MaxSeries (at most DefaultTop, at
// least one); Shown is 0 when the caller picked them. Lines is the number
// of lines before they were cut to MaxSeries, 0 when none was cut.
type Picked struct {
	Shown, All, Lines int
}

// topFor is how many slogans a chart draws, with a line per slogan and
// each of groups groups.
func topFor(groups int) int {
	return max(1, min(DefaultTop, MaxSeries/max(1, groups)))
}

// pick returns how many slogans a chart of items draws (topFor the groups
// they fall in: a level, a region …) and how many they hold; of says
// which group and slogan (lexicon entry) an item is of.
func pick[T any](items []T, of func(T) (group string, entry int)) (shown, all int) {
	groups, entries := map[string]bool{}, map[int]bool{}
	for _, it := range items {
		g, e := of(it)
		groups[g], entries[e] = true, true
	}
	return topFor(len(groups)), len(entries)
}

// capLines cuts c to MaxSeries lines, noting in p how many it had.
func capLines(c *Lines, p *Picked) *Lines {
	if len(c.Series) > MaxSeries {
		p.Lines = len(c.Series)
		c.Series = c.Series[:MaxSeries]
	}
	return c
}

// TrendChart draws the trend tr as TrendLines does, for the slogans opt
// picks, else for the slogans mentioned in most reports that keep the
// lines few (Picked).
func TrendChart(tr *analysis.Trend, opt analysis.TrendOptions, lex *lexicon.Lexicon, by, value string) (*Lines, Picked) {
	rows := tr.Rows(opt)
	var p Picked
	if opt.Top == 0 && len(opt.Entries) == 0 {
		p.Shown, p.All = pick(rows, func(r analysis.TrendRow) (string, int) { return r.Group, r.Entry })
		opt.Top = p.Shown // all the slogans mentioned would be a tangle of lines
		rows = tr.Rows(opt)
	}
	return capLines(TrendLines(rows, lex, by, value), &p), p
}

// AdoptionChart draws the adoption curves of d as AdoptionLines does,
// for the slogans opt picks, else for the slogans used by most regions
// that keep the lines (a slogan and level each) few (Picked).
func AdoptionChart(d *analysis.Diffusion, opt analysis.DiffusionOptions, lex *lexicon.Lexicon) (*Lines, Picked) {
	pts := d.Curve(opt)
	var p Picked
	if opt.Top == 0 && len(opt.Entries) == 0 {
		p.Shown, p.All = pick(pts, func(pt analysis.CurvePoint) (string, int) { return pt.Level, pt.Entry })
		opt.Top = p.Shown
		pts = d.Curve(opt)
	}
	return capLines(AdoptionLines(pts, lex), &p), p
}
