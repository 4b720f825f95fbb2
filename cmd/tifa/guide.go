package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// guide is what tifa prints when run with no command: where to start.
// 'tifa --help' still prints the full help.
const guide = `tifa measures the policy slogans (提法) in Chinese government work reports.

Start with:
  tifa demo                      the built-in sample reports of an invented county: slogan
                                 counts, trends, which places sound alike, how they group
  tifa docs DIR                  what tifa reads in your folder of reports: region, level,
                                 year, sections (a manifest.csv with file,region,level,year helps)
  tifa cluster DIR --by region   your places grouped by their priorities, and what sets each
                                 group apart (then count, trend, similar, compare …)

A worked example on 383 real reports: README.md, "A worked example: the real corpus".
Every command: tifa --help. One command: tifa COMMAND --help.
`

// runGuide prints the guide: the root command's RunE.
func runGuide(g *globals) func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		_, err := fmt.Fprint(g.stdout, guide)
		return err
	}
}
