package htmlreport

import (
	"slices"
	"testing"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

func TestVectors(t *testing.T) {
	lex, _, err := lexicon.New(nil, []lexicon.Entry{{Slogan: "河长制", Category: "environment"}})
	if err != nil {
		t.Fatal(err)
	}
	metas := []reports.Meta{{Region: "浙江", Year: 2020}, {Region: "浙江", Year: 2021}, {Region: "江苏", Year: 2020}, {Year: 2020}}
	m := &vector.Matrix{Space: vector.SpaceSlogans, Terms: []string{"河长制", "五水共治"}, Entries: []int{0, -1},
		Counts: sparse.FromDense([][]float64{{1, 2}, {2, 1}, {3, 0}, {1, 1}})}
	r := NewReport(lex, reports.PartAll, nil)
	for i, meta := range metas {
		id := []string{"a", "b", "c", "d"}[i]
		m.Units = append(m.Units, vector.Unit{ID: id, Meta: meta, Docs: []string{id}, Chars: 100})
		r.Add(&reports.Document{ID: id, Meta: meta})
	}
	for _, c := range []struct {
		by, used string
		units    []string
		skipped  []string
	}{
		{"auto", "region", []string{"江苏", "浙江"}, []string{"d"}},
		{"doc", "doc", []string{"a", "b", "c", "d"}, nil},
		{"year", "year", []string{"2020", "2021"}, nil},
	} {
		v, used, skipped, err := r.Vectors(m, c.by, &vector.TFIDF{MinDF: 1})
		if err != nil {
			t.Fatalf("--by %s: %v", c.by, err)
		}
		var units []string
		for _, u := range v.Units {
			units = append(units, u.ID)
		}
		slices.Sort(units)
		if used != c.used || !slices.Equal(units, c.units) || !slices.Equal(skipped, c.skipped) {
			t.Errorf("--by %s: %s %v, left out %v; want %s %v, %v", c.by, used, units, skipped, c.used, c.units, c.skipped)
		}
	}
	if _, _, _, err := r.Vectors(m, "planet", &vector.TFIDF{}); err == nil {
		t.Error("--by planet: no error")
	}
}
