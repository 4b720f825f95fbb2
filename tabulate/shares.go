package tabulate

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/topics"
	"github.com/tifa-project/tifa/vector"
)

// GroupShares returns the topic shares theta (documents × topics, the
// documents of seq) per unit of by: the documents' own for "doc", else
// each group's token-weighted mean (topics.GroupMeans over the groups of
// vector.GroupUnits), with the documents that belong to no group.
func GroupShares(seq *vector.Sequences, theta *mat.Dense, by string) (units []vector.Unit, shares *mat.Dense, skipped []string, err error) {
	if by == "doc" {
		return seq.Units, theta, nil, nil
	}
	units, members, skipped, err := vector.GroupUnits(seq.Units, by)
	if err != nil {
		return nil, nil, nil, err
	}
	if shares, err = topics.GroupMeans(theta, members, TokenWeights(seq)); err != nil {
		return nil, nil, nil, fmt.Errorf("--by %s: a group without tokens: %w", by, err)
	}
	return units, shares, skipped, nil
}
