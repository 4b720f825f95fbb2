package main

import (
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tifa-project/tifa/table"
)

// provenance returns the provenance of the running command: what was
// recorded of its command line, lexicon and documents read so far.
func (g *globals) provenance() table.Provenance {
	input, n := g.reader().Digest()
	return table.Provenance{
		Command:   table.ShellJoin(append([]string{"tifa"}, g.args...)),
		Version:   version,
		Lexicon:   g.reader().LexiconHash(),
		Input:     input,
		Documents: n,
		Date:      g.runDate().Format(time.DateOnly),
		Method:    g.method,
	}
}

// runDate is the day of the run at 00:00 UTC (table.RunDate): from
// $SOURCE_DATE_EPOCH when set, else from g.now (time.Now by default). It
// dates provenance and the entries of an xlsx file.
func (g *globals) runDate() time.Time {
	now := time.Now
	if g.now != nil {
		now = g.now
	}
	d, err := table.RunDate(os.Getenv("SOURCE_DATE_EPOCH"), now())
	if err != nil && !g.badEpochWarned {
		g.badEpochWarned = true
		g.warnf("%v", err)
	}
	return d
}

// commandArgs rebuilds the arguments of the command running: its path
// below the root, every flag set in the order given (long names; a
// repeated flag once per value; a true boolean bare, a false one
// --name=false), then the positional arguments, after "--" when one of
// them starts with a dash. Rebuilt so, the command line is the same
// whether it came from os.Args or a test, and it reproduces the run.
func commandArgs(cmd *cobra.Command, args []string) []string {
	var path []string
	for c := cmd; c.HasParent(); c = c.Parent() {
		path = append(path, c.Name())
	}
	slices.Reverse(path)
	out := path
	fs := cmd.Flags()
	sorted := fs.SortFlags
	fs.SortFlags = false // Visit then walks the flags in the order they were set
	fs.Visit(func(f *pflag.Flag) {
		name := "--" + f.Name
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				out = append(out, name, v)
			}
			return
		}
		if f.Value.Type() == "bool" {
			if f.Value.String() == "true" {
				out = append(out, name)
			} else {
				out = append(out, name+"=false")
			}
			return
		}
		out = append(out, name, f.Value.String())
	})
	fs.SortFlags = sorted
	for _, a := range args {
		if strings.HasPrefix(a, "-") && a != "-" {
			out = append(out, "--")
			break
		}
	}
	return append(out, args...)
}
