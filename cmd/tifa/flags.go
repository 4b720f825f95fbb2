package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// numRange is the range of values a numeric flag accepts, both ends
// included; open says the upper end is no real limit (the message then
// reads "0 or more"); any says every value of the flag's type is fine (a
// seed).
type numRange struct {
	lo, hi    float64
	open, any bool
}

// flagRanges holds the range of every numeric flag of every command:
// "command --flag" (the command path without "tifa ") for one command,
// "--flag" for the flags several commands share. checkNumericFlags checks
// every flag of the running command against it before the command runs,
// and TestFlagRanges fails when a numeric flag has no entry here, so a new
// flag cannot go unchecked.
//
// Where a limit is not the type's own, it is there to keep memory in
// bounds: --shared 1000000000 would allocate 8 GB for each pair of units.
var flagRanges = map[string]numRange{
	"--jobs":   {lo: 0, hi: 256},    // goroutines; 0: one per CPU
	"--min-df": {lo: 0, hi: 1e6},    // a count of units, or a share below 1
	"--max-df": {lo: 0, hi: 1e6},    // 0: no limit
	"--seed":   {any: true},         // any uint64
	"--top":    {lo: 0, open: true}, // 0: all, where a command allows it

	"terms --top":          {lo: 1, hi: 10000},
	"similar --top":        {lo: 1, hi: 1000}, // neighbours per unit
	"similar --shared":     {lo: 0, hi: 100},
	"similar --candidates": {lo: 0, hi: 1e6}, // --approx; 0: max(100, 40×top)
	"cluster --top":        {lo: 1, hi: 1000},
	"cluster --restarts":   {lo: 1, hi: 1000},
	"report --top":         {lo: 1, hi: 1000},
	"report --heatmap":     {lo: 2, hi: 500},

	"kwic --width":        {lo: 0, hi: 50000},
	"discover --width":    {lo: 0, hi: 1000},
	"discover --min-docs": {lo: 1, open: true},
	"reuse --shingle":     {lo: 2, hi: 64},
	"reuse --min-chars":   {lo: 2, hi: 1e6},

	"cooccur --top-words":  {lo: 0, hi: 100000},
	"cooccur --min-count":  {lo: 1, hi: 1e6},
	"cooccur --top":        {lo: 0, hi: 1e7},
	"cooccur --resolution": {lo: 0.01, hi: 100},
	"cooccur --plot-edges": {lo: 1, hi: 1000},
	"expand --top":         {lo: 1, hi: 100000},
	"expand --min-count":   {lo: 1, hi: 1e6},
	"expand --dims":        {lo: 1, hi: 1000},
	"scale --max-terms":    {lo: 0, hi: 1e7},
	"scale --replicates":   {lo: 0, hi: 10000},
	"scale --level":        {lo: 0.5, hi: 0.999},
	"scale --dims":         {lo: 1, hi: 100},
	"topics --iter":        {lo: 1, hi: 100000},
	"topics --top":         {lo: 1, hi: 1000},
	"topics --max-terms":   {lo: 0, hi: 1e7},
	"topics --holdout":     {lo: 0.01, hi: 0.5},
	"topics --alpha":       {lo: 1e-6, hi: 1000},
	"topics --beta":        {lo: 1e-6, hi: 1000},

	"lexicon sample --n":     {lo: 1, open: true}, // mentions drawn per entry, all when fewer
	"lexicon sample --width": {lo: 0, open: true}, // context, cut by the text
}

// rangeOf returns the range of flag name of cmd.
func rangeOf(cmd *cobra.Command, name string) (numRange, bool) {
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	if r, ok := flagRanges[path+" --"+name]; ok {
		return r, true
	}
	r, ok := flagRanges["--"+name]
	return r, ok
}

// isNumeric reports whether f holds a number.
func isNumeric(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "count":
		return true
	}
	return false
}

// checkNumericFlags checks every numeric flag of cmd, given or not,
// against its range; the message names the flag and gives the range. A
// deprecated name given is checked under its own name, not given it is
// skipped (it shares its value with the new name).
func checkNumericFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		name := f.Name
		if to := f.Annotations[deprecatedKey]; to != nil {
			if !f.Changed {
				return
			}
			name = to[0]
		}
		if err != nil || !isNumeric(f) {
			return
		}
		r, ok := rangeOf(cmd, name)
		if !ok {
			panic("tifa: flag --" + f.Name + " of " + cmd.CommandPath() + " has no range in flagRanges")
		}
		err = r.check(f.Name, f.Value.String())
	})
	return err
}

// check returns an error naming flag when s is outside r.
func (r numRange) check(flag, s string) error {
	if r.any {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err == nil && v >= r.lo && (r.open || v <= r.hi) && !math.IsInf(v, 0) {
		return nil
	}
	return fmt.Errorf("flag --%s: must be %s (got %s)", flag, r, s)
}

// String says the range as the messages give it: "1..1000", "0 or more".
func (r numRange) String() string {
	f := func(v float64) string { // 1000000, 0.5, 1e-06
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return strconv.FormatInt(int64(v), 10)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if r.open {
		return f(r.lo) + " or more"
	}
	return f(r.lo) + ".." + f(r.hi)
}

// deprecatedKey marks, in a flag's annotations, an old name kept for a
// release: the value is the new name.
const deprecatedKey = "tifa-deprecated"

// renameFlag gives cmd's flag newName the old name oldName too, hidden:
// both set the same value, and checkDeprecated warns when the old name is
// used. Drop the old name in the release after the one that announced it.
func renameFlag(cmd *cobra.Command, oldName, newName string) {
	f := cmd.Flags()
	nf := f.Lookup(newName)
	if nf == nil {
		panic("tifa: renameFlag: no flag --" + newName)
	}
	f.Var(nf.Value, oldName, "deprecated: use --"+newName)
	old := f.Lookup(oldName)
	old.Hidden = true
	old.DefValue = nf.DefValue
	old.Annotations = map[string][]string{deprecatedKey: {newName}}
}

// checkDeprecated warns about each old flag name given, and fails when
// both names of one flag are given.
func checkDeprecated(g *globals, cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		to := f.Annotations[deprecatedKey]
		if to == nil || err != nil {
			return
		}
		if nf := cmd.Flags().Lookup(to[0]); nf != nil && nf.Changed {
			err = fmt.Errorf("flags --%s and --%s: --%s is the old name of --%s; give --%s only", f.Name, to[0], f.Name, to[0], to[0])
			return
		}
		g.warnf("flag --%s is deprecated and goes in the next release: use --%s", f.Name, to[0])
	})
	return err
}
