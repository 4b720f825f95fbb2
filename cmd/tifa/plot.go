package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tifa-project/tifa/chart"
	"github.com/tifa-project/tifa/table"
)

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

// drawIf draws c to the --plot file if --plot was given; c may be nil
// otherwise.
func (p *plotOpts) drawIf(c chart.Chart) error {
	if !p.wanted() {
		return nil
	}
	return p.draw(c)
}

// drawPicked draws c, a chart of trends or adoption curves, saying first
// what it leaves out (chart.Picked); most says how its slogans are ranked.
func (p *plotOpts) drawPicked(g *globals, c chart.Chart, pk chart.Picked, most string) error {
	if pk.Shown < pk.All {
		g.warnf("--plot: the chart shows the %d slogans %s, of %d (--top N or --slogan picks others)", pk.Shown, most, pk.All)
	}
	if pk.Lines > 0 {
		g.warnf("--plot: %d lines; the chart shows the first %d (narrow it with --top or --slogan)", pk.Lines, chart.MaxSeries)
	}
	return p.draw(c)
}
