package tabulate

import (
	"math"
	"slices"

	"github.com/tifa-project/tifa/discover"
	"github.com/tifa-project/tifa/table"
)

// Candidates is the table of tifa discover: the candidate slogans, ranked,
// with their evidence and first use.
func Candidates(cands []discover.Candidate) *table.Table {
	t := &table.Table{Title: "Candidate slogans", Cols: []table.Column{table.Text("candidate"), table.Text("source"), table.Int("freq"), table.Int("quoted"),
		table.Int("reports"), table.Int("regions"), table.Int("first_year"), table.Float("cohesion", 2), table.Float("entropy", 2), table.Float("score", 3),
		table.Text("covered"), table.Text("example_doc"), table.Text("example")}}
	for _, c := range cands {
		covered := ""
		if c.Coverage != discover.CoverNone {
			covered = c.Coverage.String() + " " + c.Covered
		}
		t.Add(c.Text, c.Source.String(), c.Freq, c.Quoted, c.Docs, c.Regions, nilIfZero(c.FirstYear),
			nilIfNaN(c.Cohesion), nilIfNaN(c.Entropy), c.Score, covered, c.ExampleDoc, c.Left+"【"+c.Text+"】"+c.Right)
	}
	return t
}

func nilIfNaN(x float64) any {
	if math.IsNaN(x) {
		return nil
	}
	return x
}

// CandidatesNear is the table of tifa discover --near: the candidates
// ranked by closeness to category, with its column near (the cosine of the
// candidate's word vector to the centroid of the category's slogans; empty
// without a vector) after the candidate.
func CandidatesNear(cands []discover.Candidate, near []float64, category string) *table.Table {
	t := Candidates(cands)
	t.Title = "Candidate slogans near " + category
	t.Cols = slices.Insert(t.Cols, 1, table.Float("near", 4))
	for i, row := range t.Rows {
		t.Rows[i] = slices.Insert(row, 1, nilIfNaN(near[i]))
	}
	return t
}
