package main

import (
	"fmt"
	"os"
	"path/filepath"

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
func flagFiles(cmd *cobra.Command, names []string) [][2]string {
	var out [][2]string
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
				out = append(out, [2]string{"--" + name, v})
			}
		}
	}
	return out
}

// checkOutputs runs before anything is read: every output can be
// written (table.CheckOutput: its folder, its name, the folder writable),
// no two outputs are one file, no output is a file a flag names as input
// (--meta, --lexicon …) or a file named as an argument (a report, the
// verdicts of lexicon audit), and --columns parses.
func (g *globals) checkOutputs(cmd *cobra.Command, args []string) error {
	var err error
	if g.columns, err = table.ParseColumns(g.columnsFlag); err != nil {
		return fmt.Errorf("flag --columns: %w", err)
	}
	outs := flagFiles(cmd, outputFlags)
	for i, o := range outs {
		if err := table.CheckOutput(o[0], o[1]); err != nil {
			return err
		}
		for _, p := range outs[:i] {
			if table.SameFile(o[1], p[1]) || filepath.Clean(o[1]) == filepath.Clean(p[1]) {
				return fmt.Errorf("flag %s: %s is also %s's file; give each output its own name", o[0], reports.QuoteName(o[1]), p[0])
			}
		}
	}
	var inputs []string
	for _, in := range flagFiles(cmd, inputFlags) {
		inputs = append(inputs, in[1])
	}
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.Mode().IsRegular() {
			inputs = append(inputs, a)
		}
	}
	return notInput(outs, inputs)
}

// notInput fails when one of outs is one of the files inputs, through any
// path, symbolic or hard link.
func notInput(outs [][2]string, inputs []string) error {
	for _, o := range outs {
		if table.IsStream(o[1]) {
			continue // /dev/stdout is written straight, never replaced
		}
		for _, in := range inputs {
			if !table.SameFile(o[1], in) {
				continue
			}
			what := "one of the files tifa reads"
			if filepath.Clean(o[1]) != filepath.Clean(in) {
				what = "the file " + reports.QuoteName(in) + ", which tifa reads"
			}
			return fmt.Errorf("flag %s: %s is %s; tifa never writes over its input: choose another name", o[0], reports.QuoteName(o[1]), what)
		}
	}
	return nil
}

// checkSource runs once the reports are found, before one is read: no
// output is one of the reports or the manifest.csv of a folder (or of a
// file's folder) named, and --columns names columns the documents have.
func (g *globals) checkSource(src *reports.Source, args []string) error {
	inputs := src.Files()
	for _, a := range args {
		if a == "-" {
			continue
		}
		dir := a
		if st, err := os.Stat(a); err != nil || !st.IsDir() {
			dir = filepath.Dir(a)
		}
		inputs = append(inputs, filepath.Join(dir, reports.ManifestName))
	}
	if err := notInput(flagFiles(g.cmd, outputFlags), inputs); err != nil {
		return err
	}
	if err := g.columns.Check(tabulate.DocColumns(src.ExtraColumns())); err != nil {
		return fmt.Errorf("flag --columns: %w", err)
	}
	return nil
}

// checkSeveral fails before the reports are read when the tables names
// cannot go to the output chosen (several tables to standard output in
// CSV, TSV or JSON), and checks each file they would go to.
func (g *globals) checkSeveral(names []string) error {
	f, err := table.ChooseFormat(g.format, g.out, isTerminal(g.stdout))
	if err != nil {
		return err
	}
	paths, err := table.SplitPaths(f, g.out, names)
	if err != nil || len(paths) < 2 {
		return err
	}
	for _, p := range paths {
		if err := table.CheckOutput("--output", p); err != nil {
			return err
		}
	}
	return nil
}
