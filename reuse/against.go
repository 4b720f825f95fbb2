package reuse

import (
	"slices"
	"strings"

	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/reports"
)

// Against says which pairs of the reports added a Reuser compares: every
// pair (a < b), each report with the reference reports only (Ref, which
// are doc_b and are not compared with each other), or with the reports
// of its own superiors only (Superior: its county, city, province and the
// centre, by division code). SameYear keeps pairs of the same known year.
// Add each document as it is added to the Reuser; Keep is then the
// PairFunc of Reuser.Pairs.
type Against struct {
	Ref      *analysis.Filter
	Superior bool
	SameYear bool

	isRef  []bool
	years  []int
	panels []string          // each document's panel id (Superior)
	above  []map[string]bool // the panel ids of its superiors (Superior)
}

// ParseAgainst reads what a report is compared with: "" every other
// report, "superior" its superiors' reports, a filter when s holds "="
// (level=national, see analysis.ParseFilter), else a document ID.
func ParseAgainst(s string) (*Against, error) {
	switch {
	case s == "":
		return &Against{}, nil
	case s == "superior":
		return &Against{Superior: true}, nil
	case !strings.Contains(s, "="):
		s = "doc=" + s
	}
	f, err := analysis.ParseFilter([]string{s})
	if err != nil {
		return nil, err
	}
	return &Against{Ref: &f}, nil
}

// Add records document d, the next added to the Reuser.
func (a *Against) Add(d *reports.Document) {
	a.isRef = append(a.isRef, a.Ref != nil && a.Ref.Match(d.ID, d.Meta))
	a.years = append(a.years, d.Meta.Year)
	if a.Superior {
		id, _ := analysis.PlaceGroup(d.Meta, "place")
		sups := map[string]bool{}
		for _, s := range analysis.Superiors(d.Meta) {
			sups[s] = true
		}
		a.panels, a.above = append(a.panels, id), append(a.above, sups)
	}
}

// NoReference reports whether a Ref is given and no document added
// matches it.
func (a *Against) NoReference() bool {
	return a.Ref != nil && !slices.Contains(a.isRef, true)
}

// Keep reports whether documents i and j (in the order added) are
// compared, i being doc_a.
func (a *Against) Keep(i, j int) bool {
	if a.SameYear && (a.years[i] == 0 || a.years[i] != a.years[j]) {
		return false
	}
	if a.Superior {
		return a.panels[j] != "" && a.above[i][a.panels[j]]
	}
	if a.Ref != nil {
		return !a.isRef[i] && a.isRef[j]
	}
	return i < j
}
