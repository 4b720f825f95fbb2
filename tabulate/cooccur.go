package tabulate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tifa-project/tifa/cooccur"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// CooccurPairs is the table of tifa cooccur: per group of by (no group
// columns for "all") the first top pairs of its result (0: all), strongest
// first: a, b, count (windows holding both), freq_a and freq_b (windows
// holding each), jaccard, npmi.
func CooccurPairs(groups []vector.Unit, by string, res []*cooccur.Result, terms []string, top int) *table.Table {
	t := &table.Table{Title: "Co-occurring pairs", Name: "pairs", Cols: append(unitCols(by), table.Text("a"), table.Text("b"), table.Int("count"),
		table.Int("freq_a"), table.Int("freq_b"), table.Float("jaccard", 4), table.Float("npmi", 4))}
	for g, r := range res {
		pairs := r.Pairs
		if top > 0 && len(pairs) > top {
			pairs = pairs[:top]
		}
		for _, p := range pairs {
			t.Add(append(unitCells(by, groups[g]), terms[p.A], terms[p.B], p.Count, r.Freq[p.A], r.Freq[p.B], p.Jaccard, p.NPMI)...)
		}
	}
	return t
}

// CooccurCommunities is the table of the communities of each group's
// network: community (numbered from 1, largest first), its size, and each
// member term with its slogan category and the number of windows holding
// it, most frequent first.
func CooccurCommunities(groups []vector.Unit, by string, res []*cooccur.Result, parts []*cooccur.Partition, terms []string, entries []int, lex *lexicon.Lexicon) *table.Table {
	title := "Communities (Louvain)"
	if len(parts) == 1 {
		title += fmt.Sprintf(": modularity %.3f", parts[0].Q)
	}
	t := &table.Table{Title: title, Name: "communities", Cols: append(unitCols(by), table.Int("community"), table.Int("size"), table.Text("term"),
		table.Text("slogan"), table.Int("freq"))}
	for g, part := range parts {
		var members [][]int32
		for term, c := range part.Of {
			if c < 0 {
				continue
			}
			for len(members) <= c {
				members = append(members, nil)
			}
			members[c] = append(members[c], int32(term))
		}
		freq := res[g].Freq
		for c, ms := range members {
			slices.SortFunc(ms, func(a, b int32) int {
				return cmp.Or(cmp.Compare(freq[b], freq[a]), strings.Compare(terms[a], terms[b]))
			})
			for _, m := range ms {
				t.Add(append(unitCells(by, groups[g]), c+1, len(ms), terms[m], category(lex, entries[m]), freq[m])...)
			}
		}
	}
	return t
}
