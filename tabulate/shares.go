package tabulate

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/chart"
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

// TopicChart draws the topic shares theta (documents × topics, the
// documents of seq) by year, as tifa topics --plot does: a heatmap of
// topics × years (chart.TopicHeatmap) or, for plotType "lines", a line per
// topic (chart.TopicLines). It is an error when no document has a year.
func TopicChart(seq *vector.Sequences, theta *mat.Dense, labels []string, plotType string) (chart.Chart, error) {
	years, shares, _, err := GroupShares(seq, theta, "year")
	if err != nil {
		return nil, err
	}
	if len(years) == 0 {
		return nil, errors.New("--plot: no report has a year")
	}
	if plotType == "lines" {
		return chart.TopicLines(years, shares, labels), nil
	}
	return chart.TopicHeatmap(years, shares, labels, "year"), nil
}
