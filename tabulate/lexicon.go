package tabulate

import (
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
)

// Lexicon is the table of tifa lexicon list: every entry of lex (of
// category only, when not empty) with its aliases and exclusions
// (separated by |), category, origin, since, note and where it was
// defined.
func Lexicon(lex *lexicon.Lexicon, category string) *table.Table {
	t := &table.Table{Title: "Lexicon (" + lex.Hash() + ")", Cols: []table.Column{table.Text("slogan"), table.Text("aliases"), table.Text("exclude"), table.Text("category"),
		table.Text("origin"), table.Int("since"), table.Text("note"), table.Text("defined")}}
	for _, e := range lex.Entries {
		if category != "" && e.Category != category {
			continue
		}
		t.Add(e.Slogan, strings.Join(e.Aliases, "|"), strings.Join(e.Exclude, "|"), e.Category, e.Origin, nilIfZero(e.Since), e.Note,
			fmt.Sprintf("%s:%d", e.File, e.Line))
	}
	return t
}
