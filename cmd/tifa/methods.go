package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// checkWindow checks --window.
func checkWindow(w string) error {
	if w != "" && !slices.Contains(vector.WindowKinds, w) {
		return fmt.Errorf("flag --window: want %s (got %q)", strings.Join(vector.WindowKinds, ", "), w)
	}
	return nil
}

// parseTables reads --table: names from valid, comma-separated. Left
// empty it is onTerminal when the output is a terminal table or Markdown,
// else inFile (one table per CSV file).
func parseTables(g *globals, flag string, valid []string, onTerminal, inFile string) ([]string, error) {
	if flag == "" {
		flag = inFile
		if f, _ := table.ChooseFormat(g.format, g.out, isTerminal(g.stdout)); f == table.FormatTable || f == table.FormatMD {
			flag = onTerminal
		}
	}
	var names []string
	for _, name := range strings.Split(flag, ",") {
		name = strings.TrimSpace(name)
		if !slices.Contains(valid, name) {
			return nil, fmt.Errorf("flag --table: want %s (got %q)", strings.Join(valid, ", "), name)
		}
		names = append(names, name)
	}
	return names, nil
}

// oneOf checks that flag's value v is one of valid: "flag --FLAG: want a,
// b or c (got "v")".
func oneOf(flag, v string, valid ...string) error {
	if slices.Contains(valid, v) {
		return nil
	}
	n := len(valid) - 1
	return fmt.Errorf("flag --%s: want %s or %s (got %q)", flag, strings.Join(valid[:n], ", "), valid[n], v)
}

// firstErr returns the first error of errs that is not nil: flag checks
// in the order the flags are checked.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// warnAll prints each warning of ws that is not "" (unless -q).
func (g *globals) warnAll(ws ...string) {
	for _, w := range ws {
		if w != "" {
			g.warnf("%s", w)
		}
	}
}
