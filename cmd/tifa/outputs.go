package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
)

// outputFlags name the files a command writes; inputFlags those it reads
// besides the reports. An input is never an output.
var (
	outputFlags = []string{"output", "events", "plot", "as-lexicon"}
	inputFlags  = []string{"meta", "lexicon", "stopwords", "font", "places"}
)

// flagFiles returns the non-empty values of cmd's flags names, each with
// its flag ("--output"): one per value of a repeated flag.
func flagFiles(cmd *cobra.Command, names []string) []table.Named {
	var out []table.Named
	for _, name := range names {
		f := cmd.Flags().Lookup(name)
		if f == nil {
			continue
		}
		vals := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			vals = sv.GetSlice()
		}
		for _, v := range vals {
			if v != "" && v != "-" {
				out = append(out, table.Named{Flag: "--" + name, Path: v})
			}
		}
	}
	return out
}

// checkOutputs runs before anything is read: --columns parses, and the
// files of the output flags can be written and are neither each other nor
// inputs: the files of the input flags or the arguments
// (table.CheckOutputs).
func (g *globals) checkOutputs(cmd *cobra.Command, args []string) error {
	var err error
	if g.columns, err = table.ParseColumns(g.columnsFlag); err != nil {
		return fmt.Errorf("flag --columns: %w", err)
	}
	var inputs []string
	for _, in := range flagFiles(cmd, inputFlags) {
		inputs = append(inputs, in.Path)
	}
	return table.CheckOutputs(flagFiles(cmd, outputFlags), inputs, args)
}

// checkSource runs once the reports are found, before one is read: no
// output is one of the reports or a manifest (table.CheckSource), and
// --columns names columns the documents have.
func (g *globals) checkSource(src *reports.Source, args []string) error {
	if err := table.CheckSource(flagFiles(g.cmd, outputFlags), src, args); err != nil {
		return err
	}
	if err := g.columns.Check(tabulate.DocColumns(src.ExtraColumns())); err != nil {
		return fmt.Errorf("flag --columns: %w", err)
	}
	return nil
}

// checkSeveral fails before the reports are read when the tables names
// cannot go to the output chosen (table.CheckSplit).
func (g *globals) checkSeveral(names []string) error {
	return table.CheckSplit(g.format, g.out, isTerminal(g.stdout), names)
}
