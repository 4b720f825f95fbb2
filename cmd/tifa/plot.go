package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/table"
)

// plotMaxSeries is the most lines a --plot draws; past 12 the colours
// repeat dashed, past this the legend no longer reads.
const plotMaxSeries = 24

// plotDefaultTop is how many slogans trend and diffusion --plot draw when
// neither --top nor --slogan picks them: ten lines in ten colours still
// read.
const plotDefaultTop = 10

// plotTop is how many slogans such a default chart draws when each has a
// line per group (level or region): as many as keep the lines within
// plotMaxSeries, at most plotDefaultTop, at least one.
func plotTop(groups int) int {
	return max(1, min(plotDefaultTop, plotMaxSeries/max(1, groups)))
}

// plotTop returns how many slogans the chart of trend or diffusion draws
// when it draws fewer than the table: 0 when --top or --slogan picked
// them, else plotTop(groups) of the table's all slogans (most says how
// they are ranked), with a note on stderr when that leaves some out.
func (o *trendOpts) plotTop(g *globals, groups, all int, most string) int {
	if o.top != 0 || len(o.slogans) > 0 {
		return 0
	}
	top := plotTop(groups)
	if top < all {
		g.warnf("--plot: the chart shows the %d slogans %s, of %d (--top N or --slogan picks others)", top, most, all)
	}
	return top
}

// plotOpts are the --plot and --font flags of the commands that draw.
type plotOpts struct {
	path, font string

	format string      // png, svg or pdf, once checked
	face   *chart.Font // once found
}

func (p *plotOpts) addFlags(cmd *cobra.Command, what string) {
	f := cmd.Flags()
	f.StringVar(&p.path, "plot", "", "also draw "+what+" to FILE (.png, .svg or .pdf)")
	f.StringVar(&p.font, "font", "", "font FILE with Chinese glyphs for --plot (.ttf, .otf or .ttc; default: found on the system)")
}

// check resolves --plot's format and font before the reports are read, so
// a missing font fails at once, not after a long run.
func (p *plotOpts) check() error {
	if p.path == "" {
		if p.font != "" {
			return fmt.Errorf("flag --font: only used with --plot FILE")
		}
		return nil
	}
	if err := table.CheckOutputDir("--plot", p.path); err != nil {
		return err
	}
	var err error
	if p.format, err = chart.FormatOf(p.path); err != nil {
		return fmt.Errorf("flag --plot: %w", err)
	}
	if p.face, err = chart.FindFont(p.font); err != nil {
		return fmt.Errorf("flag --plot: %w", err)
	}
	return nil
}

// wanted reports whether --plot was given: build the chart only then.
func (p *plotOpts) wanted() bool { return p.path != "" }

// draw writes c to the --plot file, atomically.
func (p *plotOpts) draw(c chart.Chart) error {
	var buf bytes.Buffer
	if err := c.Draw(&buf, p.format, p.face); err != nil {
		return fmt.Errorf("--plot %s: %w", p.path, err)
	}
	return table.WriteFileAtomic(p.path, buf.Bytes())
}

// capSeries keeps the first plotMaxSeries series, with a warning.
func capSeries(g *globals, s []chart.Series, narrow string) []chart.Series {
	if len(s) > plotMaxSeries {
		g.warnf("--plot: %d lines; the chart shows the first %d (narrow it with %s)", len(s), plotMaxSeries, narrow)
		s = s[:plotMaxSeries]
	}
	return s
}
