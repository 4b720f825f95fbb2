package htmlreport

import "github.com/tifa-project/tifa/vector"

// Vectors returns the vectors of the similarity and clusters sections:
// the documents' count matrix m grouped by by (vector.CheckGrouping's
// groupings, or auto: region when the documents added name two regions
// or more, else doc) and weighed with tf. It returns the grouping used
// and the documents left out, without a value of it, with the error of
// the weighing too.
func (r *Report) Vectors(m *vector.Matrix, by string, tf *vector.TFIDF) (v *vector.Vectors, used string, skipped []string, err error) {
	if by == "auto" {
		by = "doc"
		if r.Regions() >= 2 {
			by = "region"
		}
	}
	g, skipped, err := m.Group(by)
	if err != nil {
		return nil, by, nil, err
	}
	v, err = vector.Weigh(g, tf)
	return v, by, skipped, err
}
