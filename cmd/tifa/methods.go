package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// sequences reads the reports under args as token sequences of --space,
// restricted to the vocabulary tr keeps (load.Reader.Sequences).
func (o *vectorOpts) sequences(g *globals, args []string, tr vector.Trim) (*loaded, error) {
	return wrap(g.reader().Sequences(g.ctx(), o.spec(), args, tr))
}

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
