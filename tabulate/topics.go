package tabulate

import (
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/topics"
	"github.com/tifa-project/tifa/vector"
)

// TopicResult is a fitted topic model with what its tables show.
type TopicResult struct {
	Seq           *vector.Sequences // the documents and terms fitted
	Lex           *lexicon.Lexicon
	Scored        *topics.Scored
	Choice        *topics.Choice // how K was chosen; nil when it was given
	Labels, Seeds []string       // Model.Labels; the seeded categories
	Iterations    int
	Window        string // the coherence window
}

// TopicTables returns the tables of r named in names, in their order: "k"
// (TopicK, when K was chosen), "fit" (TopicFit), "topics" (Topics),
// "terms" (TopicTerms), each with top terms, and "shares", "year" and
// "level" (TopicShares per unit of by, of year and of level:
// GroupShares). skipped is called with the documents of no unit of by
// each time a table groups by by. Other names are skipped.
func TopicTables(names []string, r TopicResult, by string, top int, skipped func(docs []string)) ([]*table.Table, error) {
	var out []*table.Table
	for _, name := range names {
		switch name {
		case "k":
			if r.Choice != nil {
				out = append(out, TopicK(r.Choice))
			}
		case "fit":
			out = append(out, TopicFit(r.Seq, r.Scored, r.Iterations, r.Window))
		case "topics":
			out = append(out, Topics(r.Seq, r.Scored, r.Labels, r.Seeds, top))
		case "terms":
			out = append(out, TopicTerms(r.Seq, r.Lex, r.Scored.Model, r.Labels, top))
		case "shares", "year", "level":
			group := map[string]string{"shares": by, "year": "year", "level": "level"}[name]
			units, shares, left, err := GroupShares(r.Seq, r.Scored.Theta, group)
			if err != nil {
				return nil, err
			}
			if group == by {
				skipped(left)
			}
			out = append(out, TopicShares(name, units, group, shares, r.Labels))
		}
	}
	return out, nil
}

// Topics is the summary table of tifa topics: per topic its label, the
// category it was seeded with, its share of all tokens (the token-weighted
// mean of the documents' shares), its coherence and its top terms.
func Topics(seq *vector.Sequences, sc *topics.Scored, labels, seeds []string, top int) *table.Table {
	t := &table.Table{Title: "Topics", Name: "topics", Cols: []table.Column{table.Int("topic"), table.Text("label"), table.Text("seeded"),
		table.Float("share", 4), table.Float("coherence", 3), table.Text("top_terms")}}
	all := [][]int{make([]int, len(seq.Docs))}
	for d := range all[0] {
		all[0][d] = d
	}
	share, err := topics.GroupMeans(sc.Theta, all, TokenWeights(seq))
	if err != nil {
		panic("tabulate: " + err.Error()) // the weights are token counts: only a corpus without tokens fails, and Fit refuses it
	}
	m := sc.Model
	for k := range m.Topics {
		seeded := ""
		if k < m.Seeded {
			seeded = seeds[k]
		}
		var terms []string
		for _, tw := range m.Top(k, top) {
			terms = append(terms, seq.Terms[tw.Term])
		}
		t.Add(k+1, labels[k], seeded, share.At(0, k), sc.Coherence[k], strings.Join(terms, "; "))
	}
	return t
}

// TokenWeights returns each document's number of tokens, the weights of
// topic shares averaged over documents.
func TokenWeights(seq *vector.Sequences) []float64 {
	w := make([]float64, len(seq.Docs))
	for d, doc := range seq.Docs {
		w[d] = float64(len(doc))
	}
	return w
}

// TopicTerms is the table of each topic's top terms: topic, label, rank,
// term, slogan (the lexicon category of a slogan, else empty) and weight
// (φ, the term's probability in the topic).
func TopicTerms(seq *vector.Sequences, lex *lexicon.Lexicon, m *topics.Model, labels []string, top int) *table.Table {
	t := &table.Table{Title: "Topic terms", Name: "terms", Cols: []table.Column{table.Int("topic"), table.Text("label"), table.Int("rank"),
		table.Text("term"), table.Text("slogan"), table.Float("weight", 5)}}
	for k := range m.Topics {
		for r, tw := range m.Top(k, top) {
			t.Add(k+1, labels[k], r+1, seq.Terms[tw.Term], category(lex, seq.Entries[tw.Term]), tw.Weight)
		}
	}
	return t
}

// TopicShares is the tidy table of topic shares per unit: the unit's
// columns (a document, or a group of by), topic, label and share; the
// shares of a unit sum to 1. A group's share is the token-weighted mean of
// its documents' (topics.GroupMeans), and its number of documents follows.
// name is the table's short name (shares, year, level).
func TopicShares(name string, units []vector.Unit, by string, shares *mat.Dense, labels []string) *table.Table {
	title := "Topic shares"
	cols := append(unitCols(by), table.Int("topic"), table.Text("label"), table.Float("share", 4))
	if by != "doc" {
		title += " by " + by
		cols = append(cols, table.Int("docs"))
	}
	t := &table.Table{Title: title, Name: name, Cols: cols}
	for i, u := range units {
		for k, label := range labels {
			row := append(unitCells(by, u), k+1, label, shares.At(i, k))
			if by != "doc" {
				row = append(row, len(u.Docs))
			}
			t.Add(row...)
		}
	}
	return t
}

// TopicFit is the one-row table of what tifa topics fitted and how well:
// topics (seeded ones included), seeded, iterations, documents, those held
// out, terms, tokens, held-out perplexity (lower is better) and the mean
// coherence of the topics (NPMI of their top terms in windows; higher is
// better).
func TopicFit(seq *vector.Sequences, sc *topics.Scored, iterations int, window string) *table.Table {
	t := &table.Table{Title: "Fit", Name: "fit", Cols: []table.Column{table.Int("topics"), table.Int("seeded"), table.Int("iterations"),
		table.Int("docs"), table.Int("held_out"), table.Int("terms"), table.Int("tokens"), table.Float("perplexity", 1),
		table.Float("coherence", 3), table.Text("window")}}
	tokens := 0
	for _, d := range seq.Docs {
		tokens += len(d)
	}
	coh := 0.0
	for _, c := range sc.Coherence {
		coh += c / float64(len(sc.Coherence))
	}
	t.Add(sc.Model.Topics, sc.Model.Seeded, iterations, len(seq.Docs), len(sc.HeldOut), len(seq.Terms), tokens,
		nilIfNaN(sc.Perplexity), nilIfNaN(coh), window)
	return t
}

// TopicK is the table of tifa topics --k auto: each number of free topics
// tried, its held-out perplexity and mean coherence, and which was chosen
// (the smallest within the tolerance of the lowest perplexity).
func TopicK(ch *topics.Choice) *table.Table {
	t := &table.Table{Title: "Number of topics", Name: "k", Cols: []table.Column{table.Int("k"), table.Float("perplexity", 1),
		table.Float("coherence", 3), table.Text("chosen")}}
	for _, s := range ch.Scores {
		chosen := ""
		if s.K == ch.K {
			chosen = "*"
		}
		t.Add(s.K, s.Perplexity, nilIfNaN(s.Coherence), chosen)
	}
	return t
}
