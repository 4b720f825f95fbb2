package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
)

type trendOpts struct {
	by      string
	top     int
	slogans []string
	wide    bool
	value   string
}

func newTrendCmd(g *globals) *cobra.Command {
	var in inputOpts
	var o trendOpts
	var p plotOpts
	cmd := &cobra.Command{
		Use:   "trend PATH...",
		Short: "Slogan × year table: how many reports mention each slogan, how often",
		Long: `For each slogan and year (and group, with --by): how many reports there are,
how many mention the slogan, and how intensely.

Long format columns: [level|region], year, slogan, category, reports,
mentioning, share (= mentioning / reports), mentions, mean_per10k (mean over
all reports of the year of mentions per 10,000 Chinese characters; reports
not mentioning it count as 0), first_year (first year any report of the group
mentions the slogan). Every year of the group is listed, mentioned or not.

--wide: one row per slogan (and group), one column per year holding --value
(mean_per10k, share, mentioning or mentions); empty where the group has no
report that year. Reports without a known year are left out, with a warning.

--plot FILE draws one line per slogan (and group) over the years, of --value:
the slogans of --slogan or --top, else the 10 mentioned in most reports
(fewer with --by, to keep the lines at 24 or under).`,
		Example: "  tifa trend reports/ --top 20 --wide\n  tifa trend reports/ --by level --slogan 乡村振兴 -f csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			part, lex, err := in.prepare(g)
			if err != nil {
				return err
			}
			topt, err := o.options(lex)
			if err != nil {
				return err
			}
			tr, err := analysis.NewTrend(o.by)
			if err != nil {
				return fmt.Errorf("flag --by: want level or region (got %q)", o.by)
			}
			if (o.wide || p.path != "") && valueOf(o.value) == nil {
				return fmt.Errorf("flag --value: want mean_per10k, share, mentioning or mentions (got %q)", o.value)
			}
			if err := p.check(); err != nil {
				return err
			}
			src, err := in.open(g, args)
			if err != nil {
				return err
			}
			counter := analysis.NewCounter(lex, part)
			err = each(g, src, func(d *reports.Document) error {
				tr.Add(counter.Count(d))
				return nil
			})
			if err != nil {
				return err
			}
			trendWarnings(g, tr, part)
			rows := tr.Rows(topt)
			if p.wanted() {
				lines := rows
				groups := map[string]bool{}
				for _, r := range rows {
					groups[r.Group] = true
				}
				if top := o.plotTop(g, len(groups), countSlogans(rows), "mentioned in most reports"); top > 0 {
					topt.Top = top // all the slogans mentioned would be a tangle of lines
					lines = tr.Rows(topt)
				}
				if err := p.draw(trendChart(g, lines, lex, o)); err != nil {
					return err
				}
			}
			if o.wide {
				return g.emit(trendWide(rows, tr.Years(), lex, o))
			}
			return g.emit(trendLong(rows, lex, o.by))
		},
	}
	in.addFlags(cmd, true)
	f := cmd.Flags()
	f.StringVar(&o.by, "by", "", "split the groups by level or region")
	f.IntVar(&o.top, "top", 0, "only the N slogans mentioned in most reports (0: all mentioned)")
	f.StringArrayVar(&o.slogans, "slogan", nil, "only this slogan (canonical form or alias); repeatable")
	f.BoolVar(&o.wide, "wide", false, "one column per year")
	f.StringVar(&o.value, "value", "mean_per10k", "with --wide or --plot: mean_per10k, share, mentioning or mentions")
	p.addFlags(cmd, "the trend lines")
	return cmd
}

// trendWarnings reports the documents the trend left out.
func trendWarnings(g *globals, tr *analysis.Trend, part reports.Part) {
	noYear, noText := tr.Skipped()
	if len(noYear) > 0 {
		g.warnf("%d document(s) without a known year left out of the trend (e.g. %s); give years in a manifest (--meta)", len(noYear), noYear[0])
	}
	if len(noText) > 0 {
		g.warnf("%d document(s) with no Chinese text in the %s part left out (e.g. %s)", len(noText), part, noText[0])
	}
}

func (o *trendOpts) options(lex *lexicon.Lexicon) (analysis.TrendOptions, error) {
	if o.top < 0 {
		return analysis.TrendOptions{}, fmt.Errorf("flag --top: must be 0 or more (got %d)", o.top)
	}
	opt := analysis.TrendOptions{Top: o.top}
	for _, s := range o.slogans {
		e, ok := lex.Lookup(lexicon.Normalize(s))
		if !ok {
			return opt, fmt.Errorf("flag --slogan: %q is not in the lexicon ('tifa lexicon list' shows it)", s)
		}
		opt.Entries = append(opt.Entries, e)
	}
	return opt, nil
}

func trendLong(rows []analysis.TrendRow, lex *lexicon.Lexicon, by string) *table.Table {
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

// valueOf returns the --value picked from a row, and its column kind.
func valueOf(name string) func(analysis.TrendRow) any {
	switch name {
	case "mean_per10k":
		return func(r analysis.TrendRow) any { return r.MeanPer10k }
	case "share":
		return func(r analysis.TrendRow) any { return r.Share }
	case "mentioning":
		return func(r analysis.TrendRow) any { return r.Mentioning }
	case "mentions":
		return func(r analysis.TrendRow) any { return r.Mentions }
	}
	return nil
}

func trendWide(rows []analysis.TrendRow, years []int, lex *lexicon.Lexicon, o trendOpts) *table.Table {
	cs := []table.Column{table.Text("slogan"), table.Text("category")}
	if o.by != "" {
		cs = append(cs, table.Text(o.by))
	}
	cs = append(cs, table.Int("first_year"))
	for _, y := range years {
		c := table.Float(strconv.Itoa(y), 2)
		if o.value == "share" {
			c.Prec = 3
		} else if o.value == "mentioning" || o.value == "mentions" {
			c = table.Int(strconv.Itoa(y))
		}
		cs = append(cs, c)
	}
	t := &table.Table{Title: "Slogan trend (" + o.value + " by year)", Cols: cs}
	pick := valueOf(o.value)
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
			if o.by != "" {
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
