package tabulate

import (
	"github.com/tifa-project/tifa/keyness"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// Keyness is the table of tifa compare: the first top key terms (all for
// top ≤ 0) of keyness.Compare on m, with the slogan category of a lexicon
// entry, each side's count and rate, log_ratio, g2, p and the side where
// the term is relatively more frequent. title is the table's title.
func Keyness(m *vector.Matrix, lex *lexicon.Lexicon, keys []keyness.KeyTerm, top int, title string) *table.Table {
	t := &table.Table{Title: title, Cols: []table.Column{table.Text("term"), table.Text("category"), table.Int("count_a"), table.Float("per10k_a", 3), table.Int("count_b"), table.Float("per10k_b", 3),
		table.Float("log_ratio", 3), table.Float("g2", 3), table.Float("p", 4), table.Text("side")}}
	for i, k := range keys {
		if top > 0 && i >= top {
			break
		}
		cat := ""
		if e := m.Entries[k.Col]; e >= 0 {
			cat = lex.Entries[e].Category
		}
		side := "A"
		if k.G2 < 0 {
			side = "B"
		}
		t.Add(m.Terms[k.Col], cat, int(k.A), k.Per10kA, int(k.B), k.Per10kB, k.LogRatio, k.G2, k.P, side)
	}
	return t
}
